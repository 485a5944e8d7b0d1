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
    # Not /metrics: that is Prometheus's scrape route (the telemetry app).
    path("custom-metrics", PageView.as_view(page="metrics"), name="metrics"),
    path("tickets", PageView.as_view(page="tickets"), name="tickets"),
    path("tickets/<int:ticket_id>", PageView.as_view(page="ticket"), name="ticket"),
    # DORA metrics (the pipelines app's GET /dora).
    path("delivery", PageView.as_view(page="delivery"), name="delivery"),
    path("chat", PageView.as_view(page="chat"), name="chat"),
    path("playbooks", PageView.as_view(page="playbooks"), name="playbooks"),
    path("kubernetes/<str:cluster_name>", PageView.as_view(page="k8s-cluster"), name="k8s-cluster"),
    path("chat/<int:room_id>", PageView.as_view(page="chat"), name="chat-room"),
    # The FAQ editor and the help bot's widget (docs/helpdesk-bot.md).
    path("faqs", PageView.as_view(page="faqs"), name="faqs"),
]
