"""Settings for the test run: production settings, with a throwaway secret key.

DATABASE_URL and REDIS_URL still come from the environment, so the same suite runs on the
embedded defaults (SQLite, in-memory layer) and on PostgreSQL and Redis in CI.
"""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-0123456789")

from chatops.settings import *  # noqa: F403

# SQLite: test on a file, as the product runs, not on shared-cache memory, whose table locks
# fail at once instead of waiting (threaded tests would see errors production never does).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # One file per test process, so parallel runs never share (or delete) each other's.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"chatops-test-{os.getpid()}.sqlite3")
    }
