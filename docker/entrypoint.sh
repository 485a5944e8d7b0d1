#!/bin/sh
# Entry point of the hub's image.
#   serve        (the default) apply migrations, then run daphne on port 8000
#   healthcheck  ask the running hub for /api/v1/health; exit 0 when it answers 200
#   anything else is run as given, e.g. `python manage.py createsuperuser`
set -eu
cd "$(dirname "$0")/.."

case "${1:-serve}" in
serve)
    python manage.py migrate --noinput
    # exec: daphne becomes PID 1 and gets `docker stop`'s SIGTERM for a graceful shutdown.
    # No --proxy-headers: daphne would believe the first X-Forwarded-For address, which any
    # client can forge; the hub reads that header itself, as TRUSTED_PROXY_COUNT says.
    exec daphne -b 0.0.0.0 -p 8000 chatops.asgi:application
    ;;
healthcheck)
    # Python's urllib, as the slim image has no curl. The Host header is the first of
    # ALLOWED_HOSTS, so the check passes whatever names the hub is restricted to.
    exec python - <<'PY'
import os
import sys
import urllib.request

hosts = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
host = hosts[0].lstrip(".") if hosts and hosts[0] != "*" else "localhost"
request = urllib.request.Request("http://127.0.0.1:8000/api/v1/health", headers={"Host": host})
try:
    with urllib.request.urlopen(request, timeout=5) as response:
        sys.exit(0 if response.status == 200 else 1)
except Exception as exc:
    print(f"unhealthy: {exc}", file=sys.stderr)
    sys.exit(1)
PY
    ;;
*)
    exec "$@"
    ;;
esac
