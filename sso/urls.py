from django.urls import URLPattern, path

from sso import views

app_name = "sso"

urlpatterns: list[URLPattern] = [
    path("login/github", views.start, name="github-start"),
    path("login/github/callback", views.CallbackPage.as_view(), name="github-callback"),
]
