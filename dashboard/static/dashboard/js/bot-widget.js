// The help bot's widget: a question goes to POST /chatbot/chat; the answer (or the hand-over to
// a ticket) is shown under it. One conversation (session_id) per page load.

import { ApiError, post } from "./api.js";
import { h } from "./util.js";

export function botWidget({ form, input, log }) {
  let sessionId = null;

  function say(who, text, extra = "") {
    log.append(h("div", { class: `bot-line bot-${who}` }, h("strong", {}, who === "you" ? "You" : "Bot"), " ", text, extra));
    log.scrollTop = log.scrollHeight;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const message = input.value.trim();
    if (!message) return;
    input.value = "";
    say("you", message);
    try {
      const answer = await post("/chatbot/chat", sessionId ? { message, session_id: sessionId } : { message });
      sessionId = answer.session_id;
      const note = answer.was_escalated
        ? h("span", { class: "muted small" }, ` (ticket #${answer.ticket_id})`)
        : h("span", { class: "muted small" }, ` (confidence ${answer.confidence_score.toFixed(2)})`);
      say("bot", answer.response, note);
    } catch (error) {
      say("bot", error instanceof ApiError ? error.message : "Something went wrong.");
    }
  });
}
