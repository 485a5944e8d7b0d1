// The sign-in page: POST /api/v1/auth/login, keep the tokens, go back where the user was going.

import { ApiError, login, session } from "./api.js";
import { $, safeNext } from "./util.js";

const params = new URLSearchParams(location.search);
const next = safeNext(params.get("next"));
const error = $("#login-error");

function say(text) {
  error.textContent = text;
  error.hidden = !text;
}

if (session()) location.replace(next);
if (params.get("reason") === "expired") say("Your session ended. Please sign in again.");

$("#login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const button = event.target.querySelector("button");
  button.disabled = true;
  say("");
  try {
    await login($("#username").value.trim(), $("#password").value);
    location.assign(next);
  } catch (err) {
    if (!(err instanceof ApiError)) say("The hub cannot be reached. Check that it is running, then try again.");
    else if (err.status === 401 || err.status === 400) say("Wrong username or password.");
    else say(err.message);
  } finally {
    button.disabled = false;
  }
});
