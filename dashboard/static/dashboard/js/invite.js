// The invitation page: the link's token (in the fragment, which browsers never send to the
// hub), a new password, POST /api/v1/users/invitations/accept, then sign in and go home.

import { ApiError, login } from "./api.js";
import { $ } from "./util.js";

const token = new URLSearchParams(location.hash.slice(1)).get("token") || "";
const error = $("#invite-error");
const form = $("#invite-form");

function say(text) {
  error.textContent = text;
  error.hidden = !text;
}

// The token has done its work once it is read: keep it out of the history and of screenshots.
history.replaceState(null, "", location.pathname);
if (!token) {
  say("This link has no invitation in it. Ask your admin for a new one.");
  form.querySelector("button").disabled = true;
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const password = $("#password").value;
  if (password !== $("#again").value) return say("The two passwords differ.");
  const button = form.querySelector("button");
  button.disabled = true;
  say("");
  try {
    const response = await fetch("/api/v1/users/invitations/accept", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token, password }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new ApiError(response.status, body);
    await login(body.data.user.username, password);
    location.assign("/");
  } catch (err) {
    if (!(err instanceof ApiError)) say("The hub cannot be reached. Check that it is running, then try again.");
    else if (err.body?.error_code === "invitation_invalid") {
      say("This invitation is no longer valid (used, expired or replaced). Ask your admin for a new one.");
    } else say(err.message);
    button.disabled = false;
  }
});
