// The message box: Enter sends, Shift+Enter starts a new line. A line that starts with "/" is
// a slash command; while its name is typed, the commands this user may run (GET
// /chat/commands, which lists only those) are offered: arrows move, Tab or Enter takes one,
// Escape closes. Typing tells the room, at most every 3 s.

import { ApiError, get, post } from "./api.js";
import { h } from "./util.js";

const TYPING_EVERY_MS = 3000;

let commands = null;
// The commands this user may run, read once per page (none on a hub without them).
export function slashCommands() {
  commands =
    commands ||
    get("/chat/commands").then(
      (list) => list.map((c) => ({ name: c.name, usage: c.usage || "", help: c.help || "" })),
      () => [],
    );
  return commands;
}

export class Composer {
  // box: where the form goes. roomId; threadId (null: the main flow). onSent(message) after the
  // hub took it; onTyping() as the user types.
  constructor(box, { roomId, threadId = null, label = "Message", onSent, onTyping } = {}) {
    this.roomId = roomId;
    this.threadId = threadId;
    this.onSent = onSent || (() => {});
    this.onTyping = onTyping || (() => {});
    this.lastTyping = 0;
    this.choices = [];
    this.chosen = 0;
    const id = threadId ? "thread-input" : "message-input";
    this.input = h("textarea", { id, class: "composer-input", rows: 1, maxlength: 10000, placeholder: threadId ? "Reply in the thread…" : "Message, or / for a command", "aria-label": label, autocomplete: "off" });
    this.list = h("ul", { class: "completion", role: "listbox", "aria-label": "Commands", hidden: true });
    this.error = h("p", { class: "error small composer-error", hidden: true });
    this.form = h(
      "form",
      { class: "composer", dataset: { thread: threadId || "" } },
      this.list,
      h("div", { class: "composer-row" }, this.input, h("button", { type: "submit", class: "primary" }, "Send")),
      this.error,
    );
    box.replaceChildren(this.form);
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.send();
    });
    this.input.addEventListener("keydown", (event) => this.key(event));
    this.input.addEventListener("input", () => this.changed());
    this.list.addEventListener("mousedown", (event) => {
      const item = event.target.closest("[data-command]");
      if (!item) return;
      event.preventDefault(); // keep the focus in the box
      this.take(Number(item.dataset.index));
    });
  }

  focus() {
    this.input.focus();
  }

  key(event) {
    const open = !this.list.hidden;
    if (open && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.chosen = (this.chosen + step + this.choices.length) % this.choices.length;
      this.paint();
      return;
    }
    if (open && (event.key === "Tab" || event.key === "Enter") && !event.shiftKey) {
      event.preventDefault();
      this.take(this.chosen);
      return;
    }
    if (open && event.key === "Escape") {
      event.preventDefault();
      this.hide();
      return;
    }
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.send();
    }
  }

  async changed() {
    this.error.hidden = true;
    this.grow();
    const now = Date.now();
    if (this.input.value && now - this.lastTyping > TYPING_EVERY_MS) {
      this.lastTyping = now;
      this.onTyping();
    }
    const match = /^\/([\w-]*)$/.exec(this.input.value);
    if (!match) return this.hide();
    const typed = match[1].toLowerCase();
    const all = await slashCommands();
    if (this.input.value !== `/${match[1]}`) return; // typed on meanwhile
    this.choices = all.filter((c) => c.name.startsWith(typed));
    // Nothing to offer, or the name is complete: leave the box alone.
    if (!this.choices.length || (this.choices.length === 1 && this.choices[0].name === typed)) return this.hide();
    this.chosen = 0;
    this.paint();
  }

  paint() {
    this.list.replaceChildren(
      ...this.choices.map((c, index) =>
        h(
          "li",
          { role: "option", "aria-selected": String(index === this.chosen), dataset: { command: c.name, index } },
          h("code", {}, `/${c.name}${c.usage ? ` ${c.usage}` : ""}`),
          c.help ? h("span", { class: "muted small" }, ` ${c.help}`) : null,
        ),
      ),
    );
    this.list.hidden = false;
  }

  hide() {
    this.list.hidden = true;
    this.choices = [];
  }

  take(index) {
    const command = this.choices[index];
    if (!command) return;
    this.input.value = `/${command.name} `;
    this.hide();
    this.input.focus();
  }

  grow() {
    this.input.style.height = "auto";
    this.input.style.height = `${Math.min(this.input.scrollHeight, 200)}px`;
  }

  async send() {
    const content = this.input.value;
    if (!content.trim() || this.sending) return;
    this.sending = true;
    this.hide();
    try {
      const body = { room_id: this.roomId, content };
      if (this.threadId) body.thread_id = this.threadId;
      const message = await post("/messages", body);
      this.input.value = "";
      this.lastTyping = 0; // a message ends the typing: the next keystroke says so again
      this.grow();
      this.onSent(message);
    } catch (error) {
      this.error.textContent = error instanceof ApiError ? fieldErrors(error) : String(error);
      this.error.hidden = false;
    } finally {
      this.sending = false;
    }
  }
}

function fieldErrors(error) {
  const errors = error.body?.errors;
  if (Array.isArray(errors) && errors.length) return errors.map((e) => e.message).join(" ");
  return error.message;
}
