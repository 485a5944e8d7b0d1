from django.urls import path, re_path

from automation.api import views

app_name = "automation-api"

urlpatterns = [
    path("ansible/playbooks/available", views.AvailablePlaybooksView.as_view(), name="playbooks-available"),
    re_path(
        r"^ansible/playbooks/(?P<playbook_name>[A-Za-z0-9][A-Za-z0-9_.-]{0,150}\.ya?ml)/execute$",
        views.ExecuteView.as_view(),
        name="playbook-execute",
    ),
    path("ansible/playbooks", views.ExecutionListView.as_view(), name="executions"),
    path("ansible/executions/<int:execution_id>", views.ExecutionDetailView.as_view(), name="execution"),
    path("ansible/executions/<int:execution_id>/cancel", views.ExecutionCancelView.as_view(), name="execution-cancel"),
]
