"""The browsable API's sign-in and sign-out (included at the root by ``chatops.urls``)."""

from django.contrib.auth.views import LoginView
from django.urls import URLPattern, URLResolver, include, path

from accounts.forms import CountedAuthenticationForm

urlpatterns: list[URLPattern | URLResolver] = [
    # Before DRF's own routes: the same attempt limits and audit as the API's login.
    path(
        "api-auth/login/",
        LoginView.as_view(template_name="rest_framework/login.html", authentication_form=CountedAuthenticationForm),
        name="login",
    ),
    path("api-auth/", include("rest_framework.urls")),
]
