from django.urls import path, register_converter

from agents.api import views


class ContainerConverter:
    """A container id or name, as Docker allows them."""

    regex = r"[A-Za-z0-9][A-Za-z0-9_.-]{0,127}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ContainerConverter, "container")
app_name = "agents-api"

urlpatterns = [
    path("commands/<int:server_id>", views.CommandsView.as_view(), name="commands"),
    path("commands/<int:server_id>/<int:history_id>", views.CommandDetailView.as_view(), name="command"),
    path("docker/<int:server_id>/containers", views.ContainersView.as_view(), name="containers"),
    *[
        path(
            f"docker/<int:server_id>/containers/<container:container_id>/{action}",
            view.as_view(),
            name=f"container-{action}",
        )
        for action, view in (
            ("start", views.StartContainerView),
            ("stop", views.StopContainerView),
            ("restart", views.RestartContainerView),
        )
    ],
    path(
        "docker/<int:server_id>/containers/<container:container_id>/logs",
        views.ContainerLogsView.as_view(),
        name="container-logs",
    ),
]
