// What every signed-in page does first: make sure there is a session, show who is signed in,
// wire the log-out button, and keep the firing-alerts count and the notifications bell in the
// top bar live.

import { currentUser, get, logout, session, toLogin } from "./api.js";
import { alertFeed } from "./alert-feed.js";
import { startBell } from "./bell.js";
import { $ } from "./util.js";

export async function startPage() {
  if (!session()) await toLogin();
  const page = document.body.dataset.page;
  document.querySelectorAll("[data-nav]").forEach((link) => {
    if (link.dataset.nav === page) link.setAttribute("aria-current", "page");
  });
  $("#logout")?.addEventListener("click", () => logout());
  showUser(currentUser());
  // The role may have changed since sign-in; the API decides anyway, this only shapes the page.
  get("/auth/me")
    .then((me) => {
      const current = session();
      if (current) sessionStorage.setItem("chatops.auth", JSON.stringify({ ...current, user: me }));
      showUser(me);
    })
    .catch(() => {});
  startBell();
  const feed = alertFeed().start();
  feed.subscribe(() => {
    const badge = $("#firing-count");
    if (!badge) return;
    const firing = feed.firing().length;
    badge.textContent = String(firing);
    badge.hidden = firing === 0;
  });
  return currentUser();
}

function showUser(user) {
  if (!user) return;
  $("#whoami").textContent = `${user.username} (${user.role})`;
  document.querySelectorAll("[data-role=admin]").forEach((el) => {
    el.hidden = user.role !== "admin";
  });
}
