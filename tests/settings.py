"""Settings for the test run: production settings, with a throwaway secret key.

DATABASE_URL and REDIS_URL still come from the environment, so the same suite runs on the
embedded defaults (SQLite, in-memory layer) and on PostgreSQL and Redis in CI.
"""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-0123456789")
# pytest-xdist: each worker its own Redis key prefix (its databases are test_<name>_gwN
# already), so one worker's clean-up between tests never removes another's keys.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
_prefix = os.environ.get("REDIS_PREFIX", "chatops")
if _worker and not _prefix.endswith(f"-{_worker}"):
    os.environ["REDIS_PREFIX"] = f"{_prefix}-{_worker}"

from chatops.settings import *  # noqa: E402, F403

# The suite tests production settings, except that static files come from the apps' folders
# (no collectstatic before a test run) and sign-up is open, as the auth tests exercise it.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = Path(tempfile.gettempdir()) / "chatops-test-static"
STATIC_ROOT.mkdir(exist_ok=True)
ALLOW_REGISTRATION = True
# Jobs run when a test calls them, not in a thread beside it. (Live hubs in tests/live.py use
# the real settings, embedded worker included.)
EMBEDDED_WORKER = False
# The test process keeps Python's garbage collector as it is (tests/chatops/test_runtime.py
# tests the tuning in hub processes of their own).
HUB_GC_THRESHOLD = 0

# SQLite: test on a file, as the product runs, not on shared-cache memory, whose table locks
# fail at once instead of waiting (threaded tests would see errors production never does).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # One file per test process, so parallel runs never share (or delete) each other's.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"chatops-test-{os.getpid()}.sqlite3")
    }
