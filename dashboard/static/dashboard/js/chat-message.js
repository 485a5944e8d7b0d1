// One chat message as the page draws it: text, a command as typed, the bot's command result
// (updated in place as its output streams), an alert card with Acknowledge / Resolve, an
// approval with Approve / Deny, a system line. Markdown comes rendered by the hub as
// `content_html` (no raw HTML, no script): that field, and only that one, is inserted as HTML;
// everything else is set as text.

import { canOperate, currentUser, post, request } from "./api.js";
import { describe } from "./alert-feed.js";
import { ago, clock, h } from "./util.js";

// The hub's rendered Markdown, parsed as HTML. Never `content`: it is what people typed.
function rendered(message) {
  const body = h("div", { class: "msg-body" });
  if (message.deleted) {
    body.append(h("em", { class: "muted" }, "message deleted"));
    return body;
  }
  body.innerHTML = message.content_html || "";
  return body;
}

function author(message) {
  if (message.author) return h("strong", { class: "msg-author" }, message.author.username);
  return h("strong", { class: "msg-author msg-bot" }, "ChatOps");
}

function userName(user) {
  if (!user) return null;
  return typeof user === "string" ? user : user.username;
}

// A button that posts to the hub and shows the hub's refusal beside it. The card itself
// changes when the hub says so (message.updated), not when the click returns.
function actionButton(label, path, box, { primary = false } = {}) {
  const button = h("button", { type: "button", class: primary ? "primary small-primary" : "small-button" }, label);
  button.addEventListener("click", async () => {
    box.querySelectorAll("button").forEach((b) => (b.disabled = true));
    box.querySelector(".error")?.remove();
    try {
      await post(path, {});
    } catch (error) {
      box.append(h("span", { class: "error small" }, error.message));
    }
    box.querySelectorAll("button").forEach((b) => (b.disabled = false));
  });
  return button;
}

// ---- Cards ----------------------------------------------------------------------------------

function alertCard(message) {
  const data = message.data || {};
  const alert = { ...data, server_name: data.server?.name };
  const actions = h("div", { class: "actions" });
  if (canOperate()) {
    for (const verb of data.actions || []) {
      const label = verb === "acknowledge" ? "Acknowledge" : verb === "resolve" ? "Resolve" : verb;
      actions.append(actionButton(label, `/alerts/${data.alert_id}/${verb}`, actions));
    }
  }
  const who = [];
  if (data.acknowledged_by) who.push(`acknowledged by ${userName(data.acknowledged_by)}`);
  if (data.status === "resolved") who.push(`resolved ${data.resolved_by ? `by ${userName(data.resolved_by)}` : "by itself"}`);
  return h(
    "div",
    { class: `alert card-alert alert-${data.severity} alert-${data.status}`, dataset: { alertId: data.alert_id, status: data.status } },
    h(
      "div",
      { class: "alert-main" },
      h("span", { class: `badge badge-${data.severity}` }, data.severity),
      h("strong", {}, data.name || data.kind),
      data.server ? h("a", { href: `/servers/${data.server.id}` }, data.server.name) : null,
      h("span", { class: "alert-state" }, data.status),
    ),
    h("div", { class: "alert-text", title: data.message || "" }, describe(alert)),
    h("div", { class: "muted small" }, data.since ? `since ${ago(data.since)}` : "", who.length ? ` · ${who.join(" · ")}` : ""),
    actions,
  );
}

function approvalCard(message) {
  const data = message.data || {};
  const status = data.status || "pending";
  const me = currentUser();
  const requester = data.requested_by;
  const mine = requester && (requester.id === me?.id || userName(requester) === me?.username);
  const actions = h("div", { class: "actions" });
  if (status === "pending") {
    if (mine) actions.append(h("span", { class: "muted small" }, "Waiting for another operator or an admin."));
    else if (canOperate()) {
      actions.append(
        actionButton("Approve", `/approvals/${data.approval_id}/approve`, actions, { primary: true }),
        actionButton("Deny", `/approvals/${data.approval_id}/deny`, actions),
      );
    }
  }
  const decided = data.decided_by ? ` by ${userName(data.decided_by)}` : "";
  return h(
    "div",
    { class: `approval approval-${status}`, dataset: { approvalId: data.approval_id, status } },
    h(
      "div",
      { class: "alert-main" },
      h("span", { class: "badge" }, data.kind || "approval"),
      requester ? h("span", { class: "small" }, `requested by ${userName(requester)}`) : null,
      h("span", { class: "alert-state" }, `${status}${status === "pending" ? "" : decided}`),
    ),
    data.expires_at && status === "pending" ? h("div", { class: "muted small" }, `expires ${clock(data.expires_at)}`) : null,
    actions,
  );
}

function resultState(message) {
  const data = message.data || {};
  return data.status || (data.exit_code === undefined || data.exit_code === null ? "" : data.exit_code === 0 ? "succeeded" : "failed");
}

// ---- The message ----------------------------------------------------------------------------

// The hover tools of a message: reply in a thread, and for its author edit (text only) and
// delete (also admins; the hub decides, a room owner included). onChanged(message): the hub's
// answer to an edit, drawn at once (the socket brings it too).
function tools(message, el, { onThread, inThread, onChanged }) {
  const box = h("div", { class: "msg-tools" });
  const me = currentUser();
  const own = message.author && message.author.id === me?.id;
  if (!inThread && onThread && !message.thread_id && !message.reply_count) {
    box.append(h("button", { type: "button", class: "link-button small thread-link", onclick: () => onThread(message) }, "Reply in thread"));
  }
  if (message.deleted) return box;
  if (own && message.message_type === "text") {
    box.append(h("button", { type: "button", class: "link-button small", onclick: () => edit(message, el, onChanged) }, "Edit"));
  }
  if (own || me?.role === "admin") {
    const remove = h("button", { type: "button", class: "link-button small" }, "Delete");
    remove.addEventListener("click", async () => {
      if (remove.dataset.sure !== "yes") {
        remove.dataset.sure = "yes";
        remove.textContent = "Delete it?";
        return;
      }
      try {
        await request(`/messages/${message.id}`, { method: "DELETE" });
      } catch (error) {
        box.append(h("span", { class: "error small" }, error.message));
      }
    });
    box.append(remove);
  }
  return box;
}

function edit(message, el, onChanged) {
  const body = el.querySelector(".msg-body");
  const input = h("textarea", { class: "composer-input", rows: 2, maxlength: 10000, "aria-label": "Edit the message" });
  input.value = message.content;
  const error = h("span", { class: "error small" });
  const form = h(
    "form",
    { class: "msg-edit" },
    input,
    h("div", { class: "form-buttons" }, h("button", { type: "submit", class: "primary small-primary" }, "Save"), h("button", { type: "button", class: "small-button", onclick: () => form.replaceWith(body) }, "Cancel"), error),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const updated = (await request(`/messages/${message.id}`, { method: "PUT", body: { content: input.value } })).data;
      onChanged?.(updated);
      form.replaceWith(body);
    } catch (failure) {
      error.textContent = failure.message;
    }
  });
  body.replaceWith(form);
  input.focus();
}

// onThread(message): open the thread under this message. inThread: drawn in the thread panel
// (no thread link of its own).
export function messageElement(message, { onThread, inThread = false, onChanged } = {}) {
  const type = message.message_type;
  const head = h(
    "div",
    { class: "msg-head" },
    author(message),
    h("time", { class: "muted small", datetime: message.created_at, title: message.created_at }, clock(message.created_at)),
    message.edited && !message.deleted ? h("span", { class: "muted small", title: message.edited_at || "" }, "(edited)") : null,
  );
  // An alert card is drawn from its data; its text is for clients without cards.
  const card = !message.deleted && type === "alert" && message.data?.alert_id;
  const el = h(
    "article",
    { class: `msg msg-${type}`, dataset: { messageId: message.id, type } },
    type === "system" ? null : head,
    card ? null : rendered(message),
  );
  if (type === "system") {
    el.prepend(h("time", { class: "muted small" }, clock(message.created_at)), " ");
    return el;
  }
  if (type === "command_result") {
    const state = resultState(message);
    if (state) el.dataset.state = state;
    el.classList.add(`result-${state || "running"}`);
  }
  if (card) el.append(alertCard(message));
  if (!message.deleted && type === "approval") el.append(approvalCard(message));
  if (message.mentions?.includes(currentUser()?.username)) el.classList.add("msg-mentions-me");
  const replies = message.reply_count || 0;
  if (!inThread && onThread && !message.thread_id && replies) {
    const link = h("button", { type: "button", class: "link-button small thread-link" }, `${replies} ${replies === 1 ? "reply" : "replies"}`);
    link.addEventListener("click", () => onThread(message));
    el.append(h("div", { class: "msg-foot" }, link));
  }
  const box = tools(message, el, { onThread, inThread, onChanged });
  if (box.childElementCount) el.append(box);
  return el;
}
