"""The hub's URLs: each installed app's ``api/urls.py`` under ``/api/v1/``, the schema and its
viewers, the admin, then each of the hub's own apps' ``urls.py`` (pages), in app order: the
dashboard is the last app, so every route above wins."""

from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from chatops.discovery import app_modules, project_app_modules
from chatops.health import HealthView

api_v1: list[URLPattern | URLResolver] = [
    path("health", HealthView.as_view(), name="health"),
    *(path("", include(module)) for module in app_modules("api.urls")),
]

urlpatterns: list[URLPattern | URLResolver] = [
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("redoc", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path("admin/", admin.site.urls),
    *(path("", include(module)) for module in project_app_modules("urls")),
]
