"""Settings for the ChatOps hub, read from the environment (and ``.env``).

Embedded defaults run anywhere with no services: SQLite under ``var/`` and the in-memory
channel layer. Production sets ``DATABASE_URL`` (PostgreSQL) and ``REDIS_URL``; then several
daphne processes share one Redis and behave as one hub. Every variable is listed, with its
default, in ``.env.example``.
"""

from __future__ import annotations

import os
import secrets
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from chatops import __version__
from chatops.env import envbool, envchoice, envint, envlist, envrate, envstr, load_dotenv
from chatops_agent.wire import HUB_MAX_FRAME_BYTES

BASE_DIR = Path(__file__).resolve().parent.parent
load_dotenv(BASE_DIR / ".env")

VAR_DIR = Path(envstr("CHATOPS_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

VERSION = __version__
DEBUG = envbool("DEBUG", False)


def _secret_key() -> str:
    key = envstr("SECRET_KEY")
    if key:
        if not DEBUG and len(key) < 32:
            raise ImproperlyConfigured("SECRET_KEY must be at least 32 characters when DEBUG is off")
        return key
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off (see .env.example)")
    # Debug only: one random key, generated once and kept, so sessions and tokens survive restarts.
    path = VAR_DIR / "secret_key"
    try:
        # Created readable by its owner only from the first byte; O_EXCL makes two processes
        # starting at once agree on one key (the loser reads the winner's).
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    for _ in range(50):
        key = path.read_text().strip()
        if key:
            return key
        time.sleep(0.02)  # the other process is still writing it
    raise ImproperlyConfigured(f"{path} is empty; delete it to generate a new key")


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "corsheaders",
    "rest_framework",
    "rest_framework_simplejwt",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "channels",
    "accounts",
    "clients",
    "servers",
    "monitoring",
    "alerts",
    "agents",
    "webhooks",
    "notifications",
    "approvals",
    "chat",
    "triage",
    "helpdesk",
    "chatbot",
    "pipelines",
    "automation",
    "k8s",
    # GitHub sign-in (docs/github-sign-in.md): django-allauth's GitHub provider and its models
    # (the link of a GitHub account to a user); allauth's own pages and session login are unused.
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.github",
    "sso",
    "telemetry",
    "worker",
    "dashboard",
]

MIDDLEWARE = [
    "chatops.middleware.RequestIDMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # allauth.account's system check demands it; it acts only on allauth's own pages (unused).
    "allauth.account.middleware.AccountMiddleware",
    # Outside APIErrorMiddleware, so the error bodies it makes get the headers too.
    "chatops.middleware.RateLimitHeadersMiddleware",
    "chatops.middleware.APIErrorMiddleware",
]

ROOT_URLCONF = "chatops.urls"
ASGI_APPLICATION = "chatops.asgi.application"
WSGI_APPLICATION = None

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # The sign-in page's "Sign in with GitHub" button, shown only when it is on.
                "sso.context_processors.github_sign_in",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = envstr("DATABASE_URL", f"sqlite:///{VAR_DIR / 'chatops.sqlite3'}")
try:
    _db: dict[str, Any] = dict(dj_database_url.parse(DATABASE_URL, conn_max_age=0))
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from None
if _db["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions take the write lock up front, so two writers queue instead of
    # failing with "database is locked" halfway through; WAL lets readers run beside a writer.
    _db["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif _db["ENGINE"] not in ("django.db.backends.postgresql",):
    raise ImproperlyConfigured("DATABASE_URL must be a sqlite:// or postgres:// URL")
elif envbool("DATABASE_POOL", True):
    # A psycopg pool per process: Channels' database_sync_to_async and every HTTP request
    # close their connection when done, which without a pool meant a new PostgreSQL
    # connection (3-4 ms, a backend process) each time: 51 a second under agent load.
    _pool_min = envint("DATABASE_POOL_MIN_SIZE", 2, minimum=0, maximum=100)
    _pool_max = envint("DATABASE_POOL_MAX_SIZE", 10, minimum=1, maximum=200)
    if _pool_max < _pool_min:
        raise ImproperlyConfigured("DATABASE_POOL_MAX_SIZE must be at least DATABASE_POOL_MIN_SIZE")
    _db.setdefault("OPTIONS", {})["pool"] = {
        "min_size": _pool_min,
        "max_size": _pool_max,
        # How long a request waits for a free connection before it fails.
        "timeout": envint("DATABASE_POOL_TIMEOUT", 10, minimum=1, maximum=300),
    }
DATABASES = {"default": _db}
# HTTP requests each run on one thread (Django's synchronous middleware and views). This many
# threads are kept and lent to requests in turn; a request that finds all of them busy waits
# for one (below), then gets a thread of its own, as Django's stock handler gives every request.
HTTP_REQUEST_THREADS = envint("HTTP_REQUEST_THREADS", 8, minimum=0, maximum=256)
# Threads of their own for the lean routes' short requests (the CI receivers, chatops.lean), so
# that a flood of them runs at most this many at once beside the event loop (0: they share the
# threads above).
HTTP_LEAN_THREADS = envint("HTTP_LEAN_THREADS", 2, minimum=0, maximum=256)
# How long a request waits for one of those threads before it gets one of its own (0: never waits).
HTTP_REQUEST_QUEUE_MS = envint("HTTP_REQUEST_QUEUE_MS", 250, minimum=0, maximum=60_000)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: channel layer, cache, rate-limit counters ---------------------------------------
REDIS_URL = envstr("REDIS_URL")
REDIS_PREFIX = envstr("REDIS_PREFIX", "chatops")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured("REDIS_URL must be a redis://, rediss:// or unix:// URL")
    # The pub/sub layer: measured several times the throughput of RedisChannelLayer, with far
    # lower tail latency under concurrency (docs/architecture.md). Fan-out is at most once;
    # the database always holds the durable copy.
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL], "prefix": REDIS_PREFIX},
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": REDIS_PREFIX,
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Accounts and authentication ------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Open sign-up, and with it "the first user becomes admin", is on by default only in debug: a
# freshly exposed production hub must not be claimable by whoever finds it first. In production
# the first admin comes from `manage.py createsuperuser` (see docs/deployment.md).
ALLOW_REGISTRATION = envbool("ALLOW_REGISTRATION", DEBUG)
ACCESS_TOKEN_EXPIRE_MINUTES = envint("ACCESS_TOKEN_EXPIRE_MINUTES", 30, minimum=1, maximum=24 * 60)
REFRESH_TOKEN_EXPIRE_DAYS = envint("REFRESH_TOKEN_EXPIRE_DAYS", 7, minimum=1, maximum=365)
API_KEY_PREFIX = "chk_"
# Client applications' keys (the clients app).
CLIENT_KEY_PREFIX = "ck_"

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=ACCESS_TOKEN_EXPIRE_MINUTES),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=REFRESH_TOKEN_EXPIRE_DAYS),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": False,
    "ALGORITHM": "HS256",
    "SIGNING_KEY": SECRET_KEY,
    "AUTH_HEADER_TYPES": ("Bearer",),
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "user_id",
    "LEEWAY": 0,
}

# Login attempts, counted before the password is checked so parallel guesses cannot slip past.
LOGIN_ATTEMPTS_PER_USERNAME = envrate("LOGIN_ATTEMPTS_PER_USERNAME", "5/15m")
LOGIN_ATTEMPTS_PER_IP = envrate("LOGIN_ATTEMPTS_PER_IP", "30/15m")

# --- Rate limits: (requests, period seconds) per scope --------------------------------------
RATE_LIMITS = {
    "authentication": envrate("RATE_LIMIT_AUTHENTICATION", "30/min"),
    "default": envrate("RATE_LIMIT_DEFAULT", "600/min"),
    "commands": envrate("RATE_LIMIT_COMMANDS", "60/min"),
    # Each client application's own bucket, counted on every request it makes (clients.ratelimit).
    "client": envrate("CLIENT_RATE_LIMIT", "300/min"),
    # Requests that make the hub send something now (a channel's test, an email provider's check).
    "outgoing": envrate("RATE_LIMIT_OUTGOING", "20/min"),
    # CI systems' deliveries to /api/v1/integrations/<provider>/<id>, per sending address.
    "ci_deliveries": envrate("RATE_LIMIT_CI_DELIVERIES", "20000/min"),
}
RATE_LIMIT_ENABLED = envbool("RATE_LIMIT_ENABLED", True)
# Where counters live without Redis (named here, so the shared base imports no app).
RATE_LIMIT_DATABASE_STORE = "accounts.ratelimit.RateLimitCounterStore"
# Trust X-Forwarded-For from this many proxies in front of the hub (0: use the socket peer).
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0, minimum=0, maximum=5)
# A larger request body is a 413, refused on its Content-Length before anything parses it.
# Django's 2.5 MiB holds a batch of 1000 custom metrics with a few tags each.
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("MAX_REQUEST_BODY_BYTES", 2_621_440, minimum=64 * 1024, maximum=64 * 1024 * 1024)

# --- The agent channel ------------------------------------------------------------------------
AGENT_WINDOW = envint("AGENT_WINDOW", 32, minimum=1, maximum=1024)
# At most 1 MiB: daphne's websocket library cuts off a larger message itself (no close frame)
# before the hub sees it, whatever this says.
AGENT_MAX_FRAME_BYTES = envint("AGENT_MAX_FRAME_BYTES", HUB_MAX_FRAME_BYTES, minimum=4096, maximum=HUB_MAX_FRAME_BYTES)
# How often an open agent socket rechecks that its key is still valid (revocation also closes
# it at once through the channel layer; this is the backstop), and how long an agent may stay
# silent before the hub closes its socket and marks the server offline.
AGENT_KEY_RECHECK_SECONDS = envint("AGENT_KEY_RECHECK_SECONDS", 5, minimum=1, maximum=300)
AGENT_SILENCE_SECONDS = envint("AGENT_SILENCE_SECONDS", 60, minimum=5, maximum=3600)
AGENT_HELLO_TIMEOUT_SECONDS = 10
# Ingest batches start at most this often (0: whenever the previous one is done). Each batch
# pays a fixed cost whatever its size; a frame after a quiet spell is still written at once.
INGEST_BATCH_INTERVAL_MS = envint("INGEST_BATCH_INTERVAL_MS", 30, minimum=0, maximum=1000)

# --- Alerts and email ----------------------------------------------------------------------------
# A server whose agent has sent nothing for this long raises a `server.offline` alert (0: never).
ALERTS_OFFLINE_AFTER_SECONDS = envint("ALERTS_OFFLINE_AFTER_SECONDS", 120, minimum=0, maximum=86400)
ALERTS_OFFLINE_SEVERITY = envchoice("ALERTS_OFFLINE_SEVERITY", "critical", ("info", "warning", "critical"))
# Re-notify about a server still offline (and not acknowledged) this often (0: once).
ALERTS_OFFLINE_REPEAT_SECONDS = envint("ALERTS_OFFLINE_REPEAT_SECONDS", 0, minimum=0, maximum=7 * 86400)
# A request waiting for a second person's approval expires after this long (issue 16).
APPROVAL_EXPIRY_MINUTES = envint("APPROVAL_EXPIRY_MINUTES", 15, minimum=1, maximum=7 * 24 * 60)
# --- Ansible playbooks (issue 20; docs/ansible.md) ---------------------------------------------
# Where playbooks (and their ``<name>.vars.yml`` variable schemas) are read from.
ANSIBLE_PLAYBOOK_DIR = envstr("ANSIBLE_PLAYBOOK_DIR", str(BASE_DIR / "automation" / "playbooks"))
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
# Email (alert emails to users who opted in; webhook owners' notices). Console by default.
EMAIL_BACKEND = envstr("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = envstr("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25, minimum=1, maximum=65535)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 10, minimum=1, maximum=300)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "chatops@localhost")
# The dashboard's address, for links in emails (empty: no links; an invitation's link then
# takes the address the admin's request came to).
SITE_URL = envstr("SITE_URL", "").rstrip("/")
# An invitation link (POST /users with "invite") works once, for this long.
INVITATION_EXPIRY_HOURS = envint("INVITATION_EXPIRY_HOURS", 72, minimum=1, maximum=30 * 24)

# --- Time series and background jobs ----------------------------------------------------------
RETENTION_DAYS = {
    "samples": envint("RETENTION_SAMPLES_DAYS", 7, minimum=1),
    "logs": envint("RETENTION_LOGS_DAYS", 14, minimum=1),
    "rollups_1m": envint("RETENTION_ROLLUPS_1M_DAYS", 30, minimum=1),
    "rollups_1h": envint("RETENTION_ROLLUPS_1H_DAYS", 400, minimum=1),
    "custom_metrics": envint("RETENTION_CUSTOM_METRICS_DAYS", 30, minimum=1),
    # Finished webhook deliveries (with their attempts), sent alert emails, and finished
    # notifications with their deliveries (notifications.prune_sent).
    "notifications": envint("RETENTION_NOTIFICATIONS_DAYS", 30, minimum=1),
}
# A room's event log (what a reconnecting chat socket replays): older events are deleted
# hourly; a client whose last id is older than what is kept is told to reload ("resync").
CHAT_EVENT_RETENTION_DAYS = envint("CHAT_EVENT_RETENTION_DAYS", 7, minimum=1)
# Run the job loop (rollups, retention, offline detection) inside each hub process. Safe with
# several processes (jobs are claimed in the database); turn it off to run `manage.py worker`
# processes instead.
EMBEDDED_WORKER = envbool("EMBEDDED_WORKER", True)
# `manage.py worker` lowers its own CPU priority by this much (nice), so the hub's live path
# (agents' samples, browsers) comes first on a shared machine; 0 (default) keeps the shell's.
WORKER_NICE = envint("WORKER_NICE", 0, minimum=0, maximum=19)
# What starts that loop (named here, so the shared base imports no app).
EMBEDDED_WORKER_START = "worker.runner.start_embedded"
# The hub process's garbage collector (chatops.runtime.tune_gc): what is loaded at start is
# frozen out of collections, and a collection of the youngest objects runs after this many
# allocations instead of Python's 700. With 1,000 agent sockets, full collections of every
# live object took 200-300 ms each, every few seconds, stopping the event loop. 0: Python's
# defaults, nothing frozen.
HUB_GC_THRESHOLD = envint("HUB_GC_THRESHOLD", 50_000, minimum=0, maximum=10_000_000)
# On SIGTERM (chatops.shutdown), how long a hub process lets open requests and sockets end
# after it answered the waiting ones with 503 and closed every websocket; then it stops anyway.
HUB_SHUTDOWN_GRACE_SECONDS = envint("HUB_SHUTDOWN_GRACE_SECONDS", 5, minimum=0, maximum=120)

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

# --- REST framework and the API contract ----------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.APIKeyAuthentication",
        # Before the JWT class, which would take a client key for a malformed token.
        "clients.authentication.ClientKeyAuthentication",
        "accounts.authentication.JWTAuthentication",
        "accounts.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": [
        "chatops.api.renderers.EnvelopeJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    # JSON only: form encoding cannot tell a one-item list from a string. The browsable API
    # still works through its raw JSON form.
    "DEFAULT_PARSER_CLASSES": ["chatops.api.parsers.StrictJSONParser"],
    "DEFAULT_PAGINATION_CLASS": "chatops.api.pagination.Pagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "chatops.api.filters.SortFilter",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["chatops.ratelimit.ScopedRateLimit", "clients.ratelimit.ClientRateLimit"],
    "EXCEPTION_HANDLER": "chatops.api.exceptions.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "chatops.api.schema.AutoSchema",
    "DATETIME_FORMAT": "iso-8601",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "NON_FIELD_ERRORS_KEY": "non_field_errors",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "ChatOps API",
    "DESCRIPTION": (
        "Watch and operate a fleet of servers. Every success is `{data, message}` (lists add "
        "`pagination`); every error is `{detail, status_code, error_code, errors, request_id}`; "
        "every response carries `X-Request-ID` and the rate-limit headers."
    ),
    "VERSION": __version__,
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums"],
    # One name for one choice set used under several field names (an alert's severity, a room's
    # subscription's severities).
    "ENUM_NAME_OVERRIDES": {
        "SeverityEnum": "alerts.models.Severity",
        "ClientRoleEnum": "clients.choices.CLIENT_ROLE_CHOICES",
        "ChannelKindEnum": "notifications.channel_targets.CREATABLE_KIND_CHOICES",
        "NotificationStatusEnum": "notifications.choices.NotificationStatus",
        "DeliveryStatusEnum": "notifications.choices.DeliveryStatus",
    },
}

# --- CORS for the SPA -------------------------------------------------------------------------
CORS_ALLOWED_ORIGINS = envlist("CORS_ORIGINS", [])
CORS_URLS_REGEX = r"^/api/.*$"
CORS_EXPOSE_HEADERS = [
    "X-Request-ID",
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "X-RateLimit-Reset",
    "Retry-After",
]

# --- Static files, i18n -----------------------------------------------------------------------
STATIC_URL = "static/"
# Outside var/: a volume on var/ (database, secret key) must not hide the collected files.
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# In debug, serve straight from the apps' static folders; in production from STATIC_ROOT,
# filled (and compressed) by `manage.py collectstatic`.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

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

# --- Security headers (production) -------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SAMESITE = "Lax"
# Messages live in the session, not in a cookie: the admin shows a new API key once through one.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
if envbool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

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

# --- Logging: never a secret; every line carries the request id -------------------------------
LOG_LEVEL = envchoice("LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "chatops.request_id.RequestIDLogFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["request_id"]},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "daphne": {"level": "WARNING"},
        # Its DEBUG lines name each request's path, which can be a credential (a channel's
        # webhook path, an ntfy topic): outgoing requests are never logged by URL.
        "urllib3": {"level": "WARNING"},
    },
}

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
