"""ASGI entry point: HTTP through Django, websockets through Channels.

Browsers' socket routes sit behind the origin check; the agent route cannot (agents send no
Origin) and authenticates by API key instead (see ``chatops.routing``).
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chatops.settings")

from chatops.handlers import get_asgi_application

django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402 - needs Django set up first
from django.conf import settings  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402

from chatops.routing import websocket_urlpatterns  # noqa: E402
from chatops.runtime import tune_daphne, tune_gc  # noqa: E402
from chatops.shutdown import Drain, install  # noqa: E402

if settings.EMBEDDED_WORKER:
    import_string(settings.EMBEDDED_WORKER_START)()

# Drain: SIGTERM ends waiting requests with 503 and closes every socket (chatops.shutdown).
application = Drain(
    ProtocolTypeRouter(
        {
            "http": django_asgi_app,
            "websocket": URLRouter(websocket_urlpatterns),
        }
    )
)
install()
tune_daphne()

# Last: everything loaded at start is frozen out of the garbage collector.
tune_gc()
