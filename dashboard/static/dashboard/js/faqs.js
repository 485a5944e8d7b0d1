// The FAQ page: the help bot's widget, and the FAQ list with its editor (support staff,
// operators and admins; the API refuses anyone else anyway).

import { ApiError, getAll, request } from "./api.js";
import { botWidget } from "./bot-widget.js";
import { startPage } from "./page.js";
import { $, debounce, h } from "./util.js";

const EDITORS = new Set(["support", "operator", "admin"]);
let faqs = [];
let canEdit = false;

async function load() {
  const params = new URLSearchParams();
  const search = $("#faq-search").value.trim();
  if (search) params.set("search", search);
  const category = $("#faq-category").value;
  if (category) params.set("category", category);
  try {
    faqs = await getAll(`/chatbot/faqs${params.size ? `?${params}` : ""}`);
  } catch (error) {
    $("#faq-note").textContent = error instanceof ApiError ? error.message : "The FAQ could not be loaded.";
    return;
  }
  render();
}

function render() {
  const note = $("#faq-note");
  note.hidden = faqs.length > 0;
  note.textContent = "No FAQ matches.";
  $("#faq-list").replaceChildren(
    ...faqs.map((faq) =>
      h(
        "details",
        { class: `faq${faq.is_active ? "" : " faq-inactive"}`, dataset: { id: faq.id } },
        h("summary", {}, faq.question, faq.category ? h("span", { class: "muted small" }, ` · ${faq.category}`) : null,
          faq.is_active ? null : h("span", { class: "muted small" }, " · inactive")),
        h("p", { class: "faq-answer" }, faq.answer),
        faq.tags.length ? h("p", { class: "muted small" }, faq.tags.map((t) => `#${t}`).join(" ")) : null,
        canEdit
          ? h("div", { class: "faq-actions" },
              h("button", { type: "button", class: "small-button", onclick: () => edit(faq) }, "Edit"),
              h("button", { type: "button", class: "small-button", onclick: () => remove(faq) }, "Delete"))
          : null,
      ),
    ),
  );
}

function edit(faq) {
  $("#faq-form").hidden = false;
  $("#faq-id").value = faq ? faq.id : "";
  $("#faq-question").value = faq ? faq.question : "";
  $("#faq-answer").value = faq ? faq.answer : "";
  $("#faq-form-category").value = faq ? faq.category : "";
  $("#faq-tags").value = faq ? faq.tags.join(", ") : "";
  $("#faq-active").checked = faq ? faq.is_active : true;
  $("#faq-save").textContent = faq ? "Save FAQ" : "Add FAQ";
  $("#faq-error").textContent = "";
  $("#faq-question").focus();
}

async function remove(faq) {
  if (!window.confirm(`Delete “${faq.question}”?`)) return;
  try {
    await request(`/chatbot/faqs/${faq.id}`, { method: "DELETE" });
    await load();
  } catch (error) {
    window.alert(error.message);
  }
}

async function save(event) {
  event.preventDefault();
  const id = $("#faq-id").value;
  const body = {
    question: $("#faq-question").value.trim(),
    answer: $("#faq-answer").value,
    category: $("#faq-form-category").value.trim(),
    tags: $("#faq-tags").value.split(",").map((t) => t.trim().toLowerCase()).filter(Boolean),
    is_active: $("#faq-active").checked,
  };
  try {
    await request(id ? `/chatbot/faqs/${id}` : "/chatbot/faqs", { method: id ? "PATCH" : "POST", body });
  } catch (error) {
    const fields = error.body?.errors?.map((e) => `${e.field}: ${e.message}`).join("; ");
    $("#faq-error").textContent = fields || error.message;
    return;
  }
  $("#faq-form").hidden = true;
  await load();
}

async function categories() {
  const all = await getAll("/chatbot/faqs");
  const names = [...new Set(all.map((faq) => faq.category).filter(Boolean))].sort();
  $("#faq-category").append(...names.map((name) => h("option", { value: name }, name)));
}

async function main() {
  const user = await startPage();
  canEdit = EDITORS.has(user?.role);
  botWidget({ form: $("#bot-form"), input: $("#bot-message"), log: $("#bot-log") });
  if (canEdit) {
    const add = h("button", { type: "button", class: "small-button", id: "faq-add", onclick: () => edit(null) }, "Add FAQ");
    $("#faq-title").after(add);
  }
  $("#faq-form").addEventListener("submit", save);
  $("#faq-cancel").addEventListener("click", () => {
    $("#faq-form").hidden = true;
  });
  $("#faq-search").addEventListener("input", debounce(load, 250));
  $("#faq-category").addEventListener("change", load);
  await categories().catch(() => {});
  await load();
}

main();
