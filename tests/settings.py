"""Settings for the test run: production settings, with a throwaway secret key.

DATABASE_URL and REDIS_URL still come from the environment, so the same suite runs on the
embedded defaults (SQLite, in-memory layer) and on PostgreSQL and Redis in CI.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-0123456789")

from chatops.settings import *  # noqa: F403
