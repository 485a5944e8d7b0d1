// GitHub sent the browser back here with ?code&state (or ?error). Finish the sign-in through
// GET /api/v1/auth/github/callback (the binding cookie goes with it), keep the tokens as the
// password sign-in does, and go where the user was going.

import { ApiError, save } from "../../dashboard/js/api.js";

const params = new URLSearchParams(location.search);
const next = document.body.dataset.next || "/";
const status = document.getElementById("github-status");
const error = document.getElementById("github-error");

// The code and state are spent once read: keep them out of the history.
history.replaceState(null, "", location.pathname);

const MESSAGES = {
  state_used: "This sign-in link was already used. Please start again.",
  state_expired: "The sign-in took too long. Please start again.",
  state_not_yours: "This sign-in was started in another browser. Please start again here.",
  state_invalid: "This sign-in is not known here. Please start again.",
  github_code_invalid: "GitHub did not accept the sign-in. Please start again.",
  github_org_forbidden: "Your GitHub account is not in an organisation allowed to sign in here.",
  github_email_unverified: "Your GitHub account has no verified e-mail address. Verify one on GitHub first.",
  github_email_unverified_conflict:
    "An account with your e-mail exists, but GitHub has not verified that address. Verify it on GitHub first.",
  github_sign_in_disabled: "GitHub sign-in is turned off on this hub.",
  user_inactive: "Your account is deactivated. Ask an admin.",
};

function fail(text) {
  status.hidden = true;
  error.textContent = text;
  error.hidden = false;
  document.getElementById("github-retry").hidden = false;
}

async function finish() {
  if (params.get("error")) return fail("The GitHub sign-in was cancelled.");
  const query = new URLSearchParams({ code: params.get("code") || "", state: params.get("state") || "" });
  let response;
  try {
    response = await fetch(`/api/v1/auth/github/callback?${query}`, { credentials: "same-origin" });
  } catch {
    return fail("The hub cannot be reached. Check that it is running, then try again.");
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const err = new ApiError(response.status, body);
    return fail(MESSAGES[body.error_code] || err.message);
  }
  save(body.data);
  location.replace(next);
}

finish();
