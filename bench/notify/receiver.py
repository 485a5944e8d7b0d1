"""The webhook channel's far end, as its own process: ``run.py`` starts it at a lower CPU
priority (``nice``), as a receiver on another machine costs the hub's machine nothing. Prints
its URL, notes when each alert id first arrives, touches ``done`` once ``expected`` alerts have
arrived, and writes what it got to ``out`` (JSON) when told to stop (SIGTERM).

    python bench/notify/receiver.py OUT DONE EXPECTED
"""

from __future__ import annotations

import json
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def main() -> None:
    out, done, expected = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    arrived: dict[int, float] = {}
    posts = 0
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            nonlocal posts
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            at = time.time()
            firing = json.loads(body).get("data", {}).get("firing", [])
            with lock:
                posts += 1
                for alert in firing:
                    arrived.setdefault(int(alert), at)
                if len(arrived) >= expected and not done.exists():
                    done.touch()
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"http://127.0.0.1:{server.server_address[1]}/storm", flush=True)
    stop.wait()
    with lock:
        out.write_text(json.dumps({"arrived": arrived, "posts": posts}))


if __name__ == "__main__":
    main()
