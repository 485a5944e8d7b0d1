from django.urls import path

from dashboard.api import views

app_name = "dashboard-api"

urlpatterns = [
    path("dashboard/health", views.HealthView.as_view(), name="health"),
    path("dashboard/metrics", views.MetricsView.as_view(), name="metrics"),
    path("dashboard/logs", views.LogsView.as_view(), name="logs"),
]
