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

# --- The capabilities' own sections (Ansible, webhooks, notifications, helpdesk, Kubernetes,
# pipelines, GitHub sign-in, Prometheus): chatops/settings_apps.py, read after everything above.
from chatops.settings_apps import *  # noqa: E402, F403
