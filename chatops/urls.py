from django.contrib import admin
from django.contrib.auth.views import LoginView
from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from accounts.forms import CountedAuthenticationForm
from chatops.health import HealthView

api_v1: list[URLPattern | URLResolver] = [
    path("health", HealthView.as_view(), name="health"),
    path("", include("accounts.api.urls")),
    path("", include("servers.api.urls")),
    path("", include("monitoring.api.urls")),
    path("", include("agents.api.urls")),
    path("", include("alerts.api.urls")),
    path("", include("webhooks.api.urls")),
]

urlpatterns = [
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("redoc", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    # The browsable API's sign-in, with the same attempt limits and audit as the API's login.
    path(
        "api-auth/login/",
        LoginView.as_view(template_name="rest_framework/login.html", authentication_form=CountedAuthenticationForm),
        name="login",
    ),
    path("api-auth/", include("rest_framework.urls")),
    path("admin/", admin.site.urls),
    # The built-in dashboard; last, so every route above wins.
    path("", include("dashboard.urls")),
]
