from django.urls import URLPattern, path

from dashboard.views import PageView

app_name = "dashboard"

urlpatterns: list[URLPattern] = [
    path("", PageView.as_view(page="overview"), name="overview"),
    path("login", PageView.as_view(page="login"), name="login"),
    # Where an invitation's link leads (the token is in the fragment: accounts.invitations).
    path("invite", PageView.as_view(page="invite"), name="invite"),
    path("servers/<int:server_id>", PageView.as_view(page="server"), name="server"),
    path("alerts", PageView.as_view(page="alerts"), name="alerts"),
    path("metrics", PageView.as_view(page="metrics"), name="metrics"),
    path("chat", PageView.as_view(page="chat"), name="chat"),
    path("kubernetes/<str:cluster_name>", PageView.as_view(page="k8s-cluster"), name="k8s-cluster"),
    path("chat/<int:room_id>", PageView.as_view(page="chat"), name="chat-room"),
]
