"""The API contract on paths every app shares: errors, request ids, health, CORS, docs."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import path
from rest_framework.test import APIClient
from rest_framework.views import APIView

from chatops.urls import urlpatterns as real_urlpatterns
from tests.helpers import assert_error, assert_ok

pytestmark = pytest.mark.django_db


class Boom(APIView):
    permission_classes: list = []

    def get(self, request):
        raise RuntimeError("secret internals: /etc/shadow")


urlpatterns = [path("api/v1/boom", Boom.as_view()), *real_urlpatterns]


class TestErrors:
    def test_unknown_api_url_is_json_404(self, anon):
        assert_error(anon.get("/api/v1/definitely/not/here"), 404, "not_found")

    @override_settings(DEBUG=True)
    def test_unknown_api_url_is_json_404_in_debug_too(self, anon):
        assert_error(anon.get("/api/v1/definitely/not/here"), 404)

    @override_settings(ROOT_URLCONF=__name__)
    def test_unhandled_exception_is_500_without_traceback(self, anon, caplog):
        client = APIClient(raise_request_exception=False)
        response = client.get("/api/v1/boom")
        body = assert_error(response, 500)
        assert "secret internals" not in response.content.decode()
        assert "Traceback" not in response.content.decode()
        assert any(body["request_id"] in str(getattr(r, "request_id", "")) for r in caplog.records)

    def test_wrong_content_type_is_415(self, admin_client):
        response = admin_client.post("/api/v1/servers", "<xml/>", content_type="application/xml")
        assert_error(response, 415, "unsupported_media_type")


class TestRequestID:
    def test_every_response_has_one(self, anon):
        ids = {anon.get("/api/v1/health")["X-Request-ID"] for _ in range(3)}
        assert len(ids) == 3

    def test_sane_inbound_id_is_kept(self, anon):
        assert anon.get("/api/v1/health", HTTP_X_REQUEST_ID="trace-1234abcd")["X-Request-ID"] == "trace-1234abcd"

    @pytest.mark.parametrize(
        "bad", ["short", "x" * 65, "evil\r\nInjected: yes", "spaces are bad here", "trace-1234abcd\n"]
    )
    def test_unsafe_inbound_id_is_replaced(self, anon, bad):
        assert anon.get("/api/v1/health", HTTP_X_REQUEST_ID=bad)["X-Request-ID"] != bad

    def test_non_api_pages_have_one_too(self, anon):
        assert anon.get("/admin/login/")["X-Request-ID"]


class TestHealth:
    def test_healthy(self, anon):
        data = assert_ok(anon.get("/api/v1/health"))
        assert data["status"] == "healthy"
        assert data["database"]["status"] == "up"
        assert data["channel_layer"]["status"] == "up"
        assert data["database"]["response_time_ms"] >= 0
        assert data["version"]

    def test_needs_no_credentials_and_ignores_bad_ones(self, anon):
        anon.credentials(HTTP_AUTHORIZATION="Bearer garbage")
        assert_ok(anon.get("/api/v1/health"))

    def test_503_when_the_channel_layer_is_down(self, anon, settings):
        settings.CHANNEL_LAYERS = {
            "default": {
                "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
                "CONFIG": {"hosts": ["redis://127.0.0.1:1"]},
            }
        }
        from channels.layers import channel_layers

        channel_layers.backends.clear()
        try:
            body = assert_error(anon.get("/api/v1/health"), 503, "service_unavailable")
        finally:
            channel_layers.backends.clear()
        assert body["errors"][0]["field"] == "channel_layer"

    def test_503_when_the_database_is_down(self, tmp_path):
        # A real hub configuration whose PostgreSQL does not answer (nothing listens on port 1).
        script = (
            "import django, json; django.setup();"
            "from django.test import Client;"
            "r = Client().get('/api/v1/health');"
            "print(json.dumps({'status': r.status_code, 'body': r.json()}))"
        )
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:1/nothing",
            "CHATOPS_VAR_DIR": str(tmp_path),
            "ALLOWED_HOSTS": "testserver",
        }
        env.pop("REDIS_URL", None)
        out = subprocess.run(
            [sys.executable, "-c", script],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
            cwd=settings.BASE_DIR,
        )
        result = json.loads(out.stdout.strip().splitlines()[-1])
        assert result["status"] == 503
        assert result["body"]["error_code"] == "service_unavailable"
        assert [e["field"] for e in result["body"]["errors"]] == ["database"]


class TestCORS:
    def test_allowed_origin_gets_cors_headers_and_exposed_ids(self, anon, settings):
        settings.CORS_ALLOWED_ORIGINS = ["http://localhost:5173"]
        response = anon.get("/api/v1/health", HTTP_ORIGIN="http://localhost:5173")
        assert response["Access-Control-Allow-Origin"] == "http://localhost:5173"
        assert "X-Request-ID" in response["Access-Control-Expose-Headers"]

    def test_other_origins_get_none(self, anon, settings):
        settings.CORS_ALLOWED_ORIGINS = ["http://localhost:5173"]
        response = anon.get("/api/v1/health", HTTP_ORIGIN="http://evil.example")
        assert "Access-Control-Allow-Origin" not in response


class TestDocs:
    def test_schema_swagger_and_redoc(self, anon):
        schema = anon.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
        assert schema.status_code == 200
        assert "/api/v1/servers" in schema.json()["paths"]
        for page in ("/docs", "/redoc"):
            response = anon.get(page)
            assert response.status_code == 200
            assert b"cdn" not in response.content.lower()

    def test_browsable_api_for_a_session_user(self, admin):
        client = APIClient()
        client.force_login(admin)
        response = client.get("/api/v1/servers", HTTP_ACCEPT="text/html")
        assert response.status_code == 200
        assert b"Server" in response.content
        assert b"&quot;pagination&quot;" in response.content

    def test_session_writes_need_csrf(self, admin):
        client = APIClient(enforce_csrf_checks=True)
        client.force_login(admin)
        response = client.post("/api/v1/servers", {"name": "a", "hostname": "a"}, format="json")
        assert_error(response, 403)


class TestNestedErrorFields:
    """Nested error fields read as dotted paths, as docs/api.md says: `tags.2`, `metrics.0.name`."""

    def test_an_item_of_a_list_reads_list_dot_index(self, admin_client):
        body = assert_error(
            admin_client.post(
                "/api/v1/servers", {"name": "n1", "hostname": "n1", "tags": ["a", "b", "B A D"]}, format="json"
            ),
            400,
        )
        assert [e["field"] for e in body["errors"]] == ["tags.2"]

    def test_a_field_of_an_object_in_a_list_reads_list_dot_index_dot_field(self, admin_client):
        body = assert_error(admin_client.post("/api/v1/metrics", {"metrics": [{"value": 1.0}]}, format="json"), 400)
        assert {e["field"] for e in body["errors"]} == {"metrics.0.name"}


class TestWrongTurns:
    """Mistakes a newcomer makes with curl get an answer that says what to do instead."""

    @pytest.mark.parametrize("path", ["/api/v1/servers/", "/api/v1/alerts/thresholds/"])
    def test_a_trailing_slash_names_the_path_without_it(self, admin_client, path):
        body = assert_error(admin_client.get(path), 404, "not_found")
        assert f"{path.rstrip('/')}" in body["detail"] and "trailing slash" in body["detail"]

    @pytest.mark.parametrize("path", ["/api/", "/api/v1/"])
    def test_the_api_root_says_where_the_endpoints_and_their_docs_are(self, anon, path):
        body = assert_error(anon.get(path), 404, "not_found")
        assert "/api/v1/" in body["detail"] and "/docs" in body["detail"]

    def test_a_path_without_the_version_names_it_with_the_version(self, admin_client):
        body = assert_error(admin_client.get("/api/servers"), 404, "not_found")
        assert "/api/v1/servers" in body["detail"]

    def test_an_unknown_path_still_says_not_found(self, anon):
        body = assert_error(anon.get("/api/v1/definitely/not/here"), 404, "not_found")
        assert body["detail"].startswith("Not found.")

    @pytest.mark.parametrize("scheme", ["Token", "JWT", "Basic"])
    def test_another_authorization_scheme_is_told_to_use_bearer(self, anon, scheme):
        anon.credentials(HTTP_AUTHORIZATION=f"{scheme} abc123")
        body = assert_error(anon.get("/api/v1/servers"), 401, "authentication_failed")
        assert "Authorization: Bearer" in body["detail"] and scheme in body["detail"]

    def test_sort_with_a_minus_sign_explains_order_desc(self, admin_client):
        body = assert_error(admin_client.get("/api/v1/servers", {"sort": "-name"}), 400)
        assert "sort=name&order=desc" in body["detail"]
