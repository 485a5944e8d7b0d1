"""Settings of the bare baseline (``baseline_asgi.py``): no database, no apps, only the same
channel layer as the hub (channels_redis' pub/sub layer on REDIS_URL)."""

from __future__ import annotations

import os

SECRET_KEY = "bench-baseline-not-a-secret"  # noqa: S105 - never used to sign anything
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS: list[str] = []
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True
CHANNEL_LAYERS = {
    "default": {
        "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
        "CONFIG": {
            "hosts": [os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")],
            "prefix": os.environ.get("REDIS_PREFIX", "chatops-baseline"),
        },
    }
}
