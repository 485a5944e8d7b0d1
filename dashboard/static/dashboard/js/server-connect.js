// A server no agent has reported for yet: how to connect one, instead of empty charts, an empty
// log box and a console with nobody to answer. Admins create the agent key here (shown once);
// others are told an admin must.

import { currentUser, post } from "./api.js";
import { $, h } from "./util.js";

const KEY_DIR = "/etc/chatops-agent";
const KEY_FILE = `${KEY_DIR}/key`;

function copyable(text) {
  const pre = h("pre", { class: "output copy-text" }, text);
  const note = h("span", { class: "muted small" });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text); // only in a secure context (HTTPS, localhost)
      note.textContent = "copied";
    } catch {
      getSelection().selectAllChildren(pre);
      note.textContent = "selected: press Ctrl+C (or ⌘C)";
    }
  };
  return h("div", { class: "copyable" }, pre, h("div", {}, h("button", { type: "button", class: "small-button", onclick: copy }, "Copy"), " ", note));
}

function commands(key) {
  const store = key
    ? `printf '%s\\n' '${key}' | sudo sh -c 'umask 077 && cat > ${KEY_FILE}'`
    : `sudo sh -c 'umask 077 && cat > ${KEY_FILE}'   # paste the key, Enter, then Ctrl+D`;
  return [`sudo install -d -m 0700 ${KEY_DIR}`, store, `sudo chatops-agent --hub ${location.origin} --key-file ${KEY_FILE}`].join("\n");
}

export function showConnect(server) {
  const panel = $("#connect-panel");
  const steps = h("div", { id: "connect-commands" }, copyable(commands(null)));
  const keyStep = h("li", {}, h("strong", {}, "A key for this server. "));
  if (currentUser()?.role === "admin") {
    const result = h("div", { id: "connect-key" });
    const button = h("button", { type: "button", class: "primary", id: "create-agent-key" }, "Create an agent key");
    button.addEventListener("click", async () => {
      button.disabled = true;
      result.replaceChildren(h("span", { class: "muted small" }, "creating…"));
      try {
        const created = await post("/api-keys", { name: `agent ${server.name}`, server: server.id });
        button.hidden = true;
        result.replaceChildren(
          h("p", { class: "small" }, "The key is shown this once: it is in the commands below. It can only speak as this server (scope agent)."),
          copyable(created.key),
        );
        steps.replaceChildren(copyable(commands(created.key)));
      } catch (error) {
        button.disabled = false;
        result.replaceChildren(h("p", { class: "error small" }, `No key was created: ${error.message}`));
      }
    });
    keyStep.append("It is bound to this server, and shown once.", h("div", {}, button), result);
  } else {
    keyStep.append(
      `An admin must create it: an agent key bound to this server (POST /api/v1/api-keys with "server": ${server.id}), or the button here when they open this page.`,
    );
  }
  panel.replaceChildren(
    h("h2", {}, "Connect an agent"),
    h("p", {}, "No agent has reported for this server yet. Its charts, logs, containers and console start when one does."),
    h(
      "ol",
      { class: "connect-steps" },
      keyStep,
      h(
        "li",
        {},
        h("strong", {}, "Install the agent "),
        "on the server, from this hub's checkout: see ",
        h("code", {}, "docs/agent.md"),
        " (Install, and systemd to keep it running).",
      ),
      h("li", {}, h("strong", {}, "Store the key and start the agent "), "on the server:", steps),
    ),
    h("p", { class: "muted small" }, "Commands and Docker control stay off unless the agent is started with --allow-commands or --allow-docker."),
  );
  panel.hidden = false;
}
