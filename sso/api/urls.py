from django.urls import path

from sso.api import views

app_name = "sso-api"

urlpatterns = [
    path("auth/github", views.GitHubStartView.as_view(), name="github-start"),
    path("auth/github/callback", views.GitHubCallbackView.as_view(), name="github-callback"),
]
