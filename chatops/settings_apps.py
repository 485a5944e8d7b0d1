"""The capabilities' own settings, one section per app, read from the environment as
``chatops.settings`` reads its own. Imported by ``chatops.settings`` only, at its end (``.env``
is loaded by then); every variable is listed, with its default, in ``.env.example`` and
docs/configuration.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from chatops.env import envbool, envchoice, envint, envlist, envstr

_PROJECT = Path(__file__).resolve().parent.parent

# --- Ansible playbooks (issue 20; docs/ansible.md) ---------------------------------------------
# Where playbooks (and their ``<name>.vars.yml`` variable schemas) are read from.
ANSIBLE_PLAYBOOK_DIR = envstr("ANSIBLE_PLAYBOOK_DIR", str(_PROJECT / "automation" / "playbooks"))
# Where each run's private data directory is made (removed when the run ends); empty: the system's temp dir.
ANSIBLE_RUNS_DIR = envstr("ANSIBLE_RUNS_DIR", "")
# A run still going after this long is stopped and ends as ``timeout``.
ANSIBLE_RUN_TIMEOUT = envint("ANSIBLE_RUN_TIMEOUT", 3600, minimum=1, maximum=7 * 86400)
# Runs one worker process carries at once; more wait their turn (status ``running``, not started).
ANSIBLE_MAX_CONCURRENT_RUNS = envint("ANSIBLE_MAX_CONCURRENT_RUNS", 4, minimum=1, maximum=64)
# A run whose worker has not shown a sign of life for this long ends as ``lost``.
ANSIBLE_HEARTBEAT_TIMEOUT = envint("ANSIBLE_HEARTBEAT_TIMEOUT", 60, minimum=5, maximum=3600)
# A run's output kept (and shown) up to this many characters; the rest is cut, marked as cut.
ANSIBLE_OUTPUT_LIMIT = envint("ANSIBLE_OUTPUT_LIMIT", 1_000_000, minimum=10_000, maximum=50_000_000)

# --- Outgoing webhooks (webhooks/, docs/webhooks.md) -------------------------------------------
# Let webhook URLs reach loopback, private and other non-public addresses (a hub on a private
# network). Off: such URLs are refused when saved and again before every attempt.
WEBHOOK_ALLOW_PRIVATE = envbool("WEBHOOK_ALLOW_PRIVATE", False)
# The same switch for every outgoing request (webhooks, notification channels, Apprise services,
# email providers: chatops/net.py, docs/notification-channels.md). Unset: WEBHOOK_ALLOW_PRIVATE.
OUTGOING_ALLOW_PRIVATE = envbool("OUTGOING_ALLOW_PRIVATE", False) if envstr("OUTGOING_ALLOW_PRIVATE").strip() else None
# How long one notification delivery (an Apprise service, a webhook channel, an email provider)
# and a channel's test may take: connecting, and again reading the answer.
NOTIFICATION_TIMEOUT_SECONDS = envint("NOTIFICATION_TIMEOUT_SECONDS", 10, minimum=1, maximum=60)
# Secrets at rest (chatops/crypto.py): Fernet keys, newest first; empty = derived from SECRET_KEY.
CHATOPS_ENCRYPTION_KEYS = envlist("CHATOPS_ENCRYPTION_KEYS", [])
WEBHOOK_TIMEOUT_SECONDS = envint("WEBHOOK_TIMEOUT_SECONDS", 5, minimum=1, maximum=30)
WEBHOOK_MAX_ATTEMPTS = envint("WEBHOOK_MAX_ATTEMPTS", 10, minimum=1, maximum=20)
# A webhook whose attempts have all failed, at least this many in a row and for at least this
# long, is disabled and its owner emailed.
WEBHOOK_DISABLE_AFTER_FAILURES = envint("WEBHOOK_DISABLE_AFTER_FAILURES", 15, minimum=1, maximum=10000)
WEBHOOK_DISABLE_AFTER_HOURS = envint("WEBHOOK_DISABLE_AFTER_HOURS", 24, minimum=0, maximum=24 * 30)

# --- Notifications (notifications/, docs/notifications.md) ------------------------------------
# Attempts per delivery (email, webhook, Apprise, chat room) before it has failed; between
# attempts the worker waits BASE, twice BASE, four times, … seconds (at most CAP), each with jitter.
NOTIFICATION_MAX_ATTEMPTS = envint("NOTIFICATION_MAX_ATTEMPTS", 5, minimum=1, maximum=20)
NOTIFICATION_RETRY_BASE_SECONDS = envint("NOTIFICATION_RETRY_BASE_SECONDS", 30, minimum=1, maximum=3600)
NOTIFICATION_RETRY_CAP_SECONDS = envint("NOTIFICATION_RETRY_CAP_SECONDS", 3600, minimum=1, maximum=86400)
# How long a worker holds a delivery it is sending; one that dies meanwhile leaves it to
# another worker after this. Longer than the slowest transport's timeout.
NOTIFICATION_LEASE_SECONDS = envint("NOTIFICATION_LEASE_SECONDS", 120, minimum=10, maximum=3600)
# Deliveries one worker sends at once (threads, each with a connection from the pool; SQLite: 1).
NOTIFICATION_DELIVERY_THREADS = envint("NOTIFICATION_DELIVERY_THREADS", 4, minimum=1, maximum=64)

# --- Helpdesk: ticket triage and the FAQ bot (docs/helpdesk-bot.md) ---------------------------


def _probability(name: str, raw: str) -> float:
    """A probability (0..1) read from the environment as ``raw``."""
    try:
        value = float(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number between 0 and 1, not {raw!r}.") from None
    if not 0.0 <= value <= 1.0:
        raise ImproperlyConfigured(f"{name} must be between 0 and 1, not {value}.")
    return value


# A ticket whose top category's calibrated probability is under this goes to `other`, flagged
# for review.
TRIAGE_CONFIDENCE_THRESHOLD = _probability("TRIAGE_CONFIDENCE_THRESHOLD", envstr("TRIAGE_CONFIDENCE_THRESHOLD", "0.5"))
# How often the worker looks for new labels to retrain on, and how many new ones it waits for.
TRIAGE_RETRAIN_PERIOD_SECONDS = envint("TRIAGE_RETRAIN_PERIOD_SECONDS", 3600, minimum=60, maximum=7 * 86400)
TRIAGE_RETRAIN_MIN_LABELS = envint("TRIAGE_RETRAIN_MIN_LABELS", 5, minimum=1, maximum=100000)
# A retrained model is kept unless its held-out macro-F1 is lower, or its Brier score higher, by
# more than this.
TRIAGE_RETRAIN_TOLERANCE = _probability("TRIAGE_RETRAIN_TOLERANCE", envstr("TRIAGE_RETRAIN_TOLERANCE", "0.0"))
# The FAQ bot answers when the fused retrieval confidence reaches CHATBOT_MIN_CONFIDENCE and the
# best answer leads the runner-up by CHATBOT_MIN_MARGIN; otherwise it hands over to a ticket.
CHATBOT_MIN_CONFIDENCE = _probability("CHATBOT_MIN_CONFIDENCE", envstr("CHATBOT_MIN_CONFIDENCE", "0.45"))
CHATBOT_MIN_MARGIN = _probability("CHATBOT_MIN_MARGIN", envstr("CHATBOT_MIN_MARGIN", "0.05"))

# --- Helpdesk (docs/helpdesk.md) ------------------------------------------------------------------
#: A requester may reopen a resolved ticket for this many days after it was resolved.
HELPDESK_REOPEN_DAYS = envint("HELPDESK_REOPEN_DAYS", 7, minimum=0, maximum=365)
#: Alerts of these severities open (or merge into) an incident ticket; empty: none do.
HELPDESK_INCIDENT_SEVERITIES = envlist("HELPDESK_INCIDENT_SEVERITIES", ["critical"])
if set(HELPDESK_INCIDENT_SEVERITIES) - {"info", "warning", "critical"}:
    raise ImproperlyConfigured(
        f"HELPDESK_INCIDENT_SEVERITIES names info, warning or critical, not {HELPDESK_INCIDENT_SEVERITIES!r}"
    )
#: On the alert's recovery: ``resolve`` the incident, or only ``mark`` it recovered.
HELPDESK_INCIDENT_ON_RECOVERY = envchoice("HELPDESK_INCIDENT_ON_RECOVERY", "resolve", ("resolve", "mark"))
#: How often the worker looks for missed SLA targets.
HELPDESK_SLA_CHECK_SECONDS = envint("HELPDESK_SLA_CHECK_SECONDS", 30, minimum=1, maximum=3600)
# How often the worker turns new and changed alerts into incidents (off the ingest path).
HELPDESK_INCIDENT_SYNC_SECONDS = envint("HELPDESK_INCIDENT_SYNC_SECONDS", 2, minimum=1, maximum=300)
# --- Kubernetes (k8s app; docs/kubernetes.md) ---------------------------------------------------
# A cluster with no snapshot for this long is "unreachable" (and raises k8s.unreachable).
K8S_UNREACHABLE_SECONDS = envint("K8S_UNREACHABLE_SECONDS", 180, minimum=10, maximum=7 * 24 * 3600)
K8S_POLL_TICK_SECONDS = envint("K8S_POLL_TICK_SECONDS", 5, minimum=1, maximum=3600)
K8S_REQUEST_TIMEOUT_SECONDS = envint("K8S_REQUEST_TIMEOUT_SECONDS", 20, minimum=1, maximum=300)
K8S_HISTORY_DAYS = envint("K8S_HISTORY_DAYS", 7, minimum=1, maximum=3650)
K8S_RESTART_ALERT_COUNT = envint("K8S_RESTART_ALERT_COUNT", 3, minimum=1, maximum=10_000)
K8S_RESTART_ALERT_MINUTES = envint("K8S_RESTART_ALERT_MINUTES", 10, minimum=1, maximum=24 * 60)
K8S_ALERT_SEVERITY = envchoice("K8S_ALERT_SEVERITY", "warning", ("info", "warning", "critical"))
K8S_UNREACHABLE_SEVERITY = envchoice("K8S_UNREACHABLE_SEVERITY", "critical", ("info", "warning", "critical"))
K8S_ACTION_WAIT_SECONDS = envint("K8S_ACTION_WAIT_SECONDS", 20, minimum=1, maximum=300)
# Registered API servers usually live on private networks; OUTGOING_ALLOW_PRIVATE opens every
# outgoing request to them, this only the Kubernetes poller's.
K8S_ALLOW_PRIVATE = envbool("K8S_ALLOW_PRIVATE", False)

# --- CI/CD pipelines and DORA (docs/pipelines.md) -------------------------------------------
# Raw deliveries of a new integration are kept this long (each integration can change it).
PIPELINES_DELIVERY_RETENTION_HOURS = envint("PIPELINES_DELIVERY_RETENTION_HOURS", 168, minimum=1, maximum=24 * 365)
# DORA: the environment whose deployments count, and how long after a deploy an alert on one of
# its servers makes it a failed change.
DORA_PRODUCTION_ENVIRONMENT = envstr("DORA_PRODUCTION_ENVIRONMENT", "production")
DORA_FAILURE_WINDOW_MINUTES = envint("DORA_FAILURE_WINDOW_MINUTES", 60, minimum=1, maximum=7 * 24 * 60)

# --- GitHub sign-in (sso app; docs/github-sign-in.md) -------------------------------------------
GITHUB_CLIENT_ID = envstr("GITHUB_CLIENT_ID", "")
GITHUB_CLIENT_SECRET = envstr("GITHUB_CLIENT_SECRET", "")
#: On by default once the OAuth app's id and secret are set; off refuses both routes (404).
GITHUB_SIGN_IN_ENABLED = envbool("GITHUB_SIGN_IN_ENABLED", bool(GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET))
if GITHUB_SIGN_IN_ENABLED and not (GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET):
    raise ImproperlyConfigured("GITHUB_SIGN_IN_ENABLED needs GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET")
#: Only members of one of these GitHub organisations may sign in (empty: anyone with a GitHub account).
GITHUB_ALLOWED_ORGS = envlist("GITHUB_ALLOWED_ORGS", [])
#: GitHub Enterprise Server (or the tests' stand-in): its web address; the API is <GITHUB_URL>/api/v3.
GITHUB_URL = envstr("GITHUB_URL", "https://github.com").rstrip("/")
#: A sign-in's ``state`` works once, within this many seconds.
GITHUB_STATE_TTL_SECONDS = envint("GITHUB_STATE_TTL_SECONDS", 600, minimum=30, maximum=3600)
#: ``redirect_uri`` values a client may ask for besides the dashboard's own callback page.
GITHUB_REDIRECT_URIS = envlist("GITHUB_REDIRECT_URIS", [])
# allauth's GitHub provider reads GITHUB_URL from here when its module is imported (github.com's
# API is api.github.com, so the key is set only for another host); sso.github derives the same
# addresses from GITHUB_URL on each call, so a changed setting needs no re-import.
SOCIALACCOUNT_PROVIDERS: dict[str, dict[str, Any]] = {"github": {}}
if GITHUB_URL != "https://github.com":
    SOCIALACCOUNT_PROVIDERS["github"]["GITHUB_URL"] = GITHUB_URL
SOCIALACCOUNT_QUERY_EMAIL = True  # the provider fetches /user/emails, whose "verified" links accounts
SOCIALACCOUNT_REQUESTS_TIMEOUT = 10
# --- Prometheus and health (telemetry app; docs/prometheus-grafana.md) --------------------------
# The bearer token Prometheus scrapes /metrics with (empty: only API keys with the scope
# prometheus:read, and admins, may). Compared in constant time.
METRICS_BEARER_TOKEN = envstr("METRICS_BEARER_TOKEN")
if METRICS_BEARER_TOKEN and len(METRICS_BEARER_TOKEN) < 16:
    raise ImproperlyConfigured("METRICS_BEARER_TOKEN must be at least 16 characters")
# How often each process adds what it counted to the totals in Redis (seconds).
TELEMETRY_FLUSH_SECONDS = envint("TELEMETRY_FLUSH_SECONDS", 5, minimum=1, maximum=300)
# /api/v1/health probes the external services (email, Kubernetes) at most this often per
# process; 0: on every request.
HEALTH_EXTERNAL_CACHE_SECONDS = envint("HEALTH_EXTERNAL_CACHE_SECONDS", 10, minimum=0, maximum=3600)
