from django.urls import path

from monitoring.api import views

app_name = "monitoring-api"

urlpatterns = [
    path("metrics", views.CustomMetricsView.as_view(), name="custom-metrics"),
    path("metrics/catalog", views.MetricCatalogView.as_view(), name="catalog"),
    path("metrics/custom/history", views.CustomHistoryView.as_view(), name="custom-history"),
    path("metrics/recent", views.RecentMetricsView.as_view(), name="recent"),
    path("metrics/<int:server_id>", views.LatestMetricsView.as_view(), name="latest"),
    path("metrics/<int:server_id>/history", views.HistoryView.as_view(), name="history"),
    path("logs/<int:server_id>", views.LogsView.as_view(), name="logs"),
]
