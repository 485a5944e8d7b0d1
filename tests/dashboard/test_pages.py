"""The dashboard's pages and static files, without a browser: pages are shells anyone may load
(their data comes from the API with the user's token), and with DEBUG off the hub serves its
own static files, the API docs' assets included, from STATIC_ROOT through WhiteNoise."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from dashboard.views import CONTENT_SECURITY_POLICY

pytestmark = pytest.mark.django_db

PAGES = {
    "/": "overview",
    "/login": "login",
    "/invite": "invite",
    "/servers/7": "server",
    "/alerts": "alerts",
    "/custom-metrics": "metrics",
    "/tickets": "tickets",
    "/tickets/5": "ticket",
    "/playbooks": "playbooks",
}
VENDOR = Path(__file__).resolve().parents[2] / "dashboard" / "static" / "dashboard" / "vendor" / "uplot"


@pytest.mark.parametrize(("url", "page"), PAGES.items())
def test_every_page_is_a_shell_that_loads_its_script(url, page):
    response = Client().get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert f'data-page="{page}"' in body
    assert f"/static/dashboard/js/{page}.js" in body
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_a_page_holds_no_data_and_no_inline_script():
    body = Client().get("/").content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", body), "inline scripts would need a looser policy"
    assert "http://" not in body and "https://" not in body  # nothing from outside the hub


def test_the_ticket_page_carries_the_ticket_id():
    assert 'data-ticket-id="5"' in Client().get("/tickets/5").content.decode()


def test_the_server_page_carries_the_server_id():
    assert 'data-server-id="42"' in Client().get("/servers/42").content.decode()


def test_a_server_page_needs_a_numeric_id():
    assert Client().get("/servers/web-1").status_code == 404


def test_the_server_page_loads_the_vendored_chart_library():
    body = Client().get("/servers/1").content.decode()
    assert "/static/dashboard/vendor/uplot/uPlot.iife.min.js" in body
    assert "/static/dashboard/vendor/uplot/uPlot.min.css" in body


def test_the_chart_library_keeps_its_licence():
    assert "MIT License" in (VENDOR / "LICENSE").read_text()
    assert (VENDOR / "uPlot.iife.min.js").stat().st_size > 10_000


def test_the_api_routes_still_win_over_the_dashboard(anon):
    assert anon.get("/api/v1/health").status_code == 200
    assert anon.get("/admin/login/").status_code == 200


@pytest.fixture
def collected(tmp_path):
    """Static files collected as in production (the admin's and the browsable API's are left
    out to keep it quick)."""
    root = tmp_path / "static"
    with override_settings(STATIC_ROOT=root, WHITENOISE_USE_FINDERS=False, DEBUG=False):
        call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=["admin", "rest_framework"])
        yield root


def test_static_files_are_served_with_debug_off(collected):
    client = Client()  # a new client builds the middleware, and WhiteNoise reads STATIC_ROOT then
    for path in ("dashboard/js/api.js", "dashboard/css/dashboard.css", "dashboard/vendor/uplot/uPlot.iife.min.js"):
        response = client.get(f"/static/{path}")
        assert response.status_code == 200, path
        assert b"".join(response.streaming_content) == (collected / path).read_bytes()
    assert client.get("/static/dashboard/js/nope.js").status_code == 404


def test_static_files_are_served_compressed(collected):
    response = Client().get("/static/dashboard/vendor/uplot/uPlot.iife.min.js", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"


@pytest.mark.parametrize("url", ["/docs", "/redoc"])
def test_the_api_docs_work_offline(collected, url):
    client = Client()
    body = client.get(url).content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css|png))"', body)
    assert assets, "the docs page loads its assets"
    for asset in assets:
        assert asset.startswith("/static/drf_spectacular_sidecar/"), asset
        assert client.get(asset).status_code == 200, asset


@pytest.mark.parametrize(("url", "room"), [("/chat", ""), ("/chat/12", "12")])
def test_the_chat_page_is_a_shell_that_carries_the_room_id(url, room):
    response = Client().get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-page="chat"' in body
    assert f'data-room-id="{room}"' in body
    assert "/static/dashboard/js/chat.js" in body
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


def test_every_page_links_to_the_chat():
    assert 'href="/chat" data-nav="chat"' in Client().get("/alerts").content.decode()
    assert Client().get("/chat/general").status_code == 404
