from django.urls import URLPattern, path

app_name = "chat-api"

urlpatterns: list[URLPattern] = []

# --- Slash commands (cmd) --------------------------------------------------------------------
from chat.api.commands import ChatCommandsView  # noqa: E402

urlpatterns += [path("chat/commands", ChatCommandsView.as_view(), name="commands")]
