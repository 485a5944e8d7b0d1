from django.urls import path
from rest_framework.routers import SimpleRouter

from pipelines.api import receivers, views

app_name = "pipelines-api"

router = SimpleRouter(trailing_slash=False)
router.register("integrations", views.IntegrationViewSet, basename="integration")
router.register("pipelines", views.PipelineViewSet, basename="pipeline")
router.register("deployments", views.DeploymentViewSet, basename="deployment")
router.register("pipeline-follows", views.FollowViewSet, basename="follow")
urlpatterns = [
    path("integrations/github/<int:integration_id>", receivers.GitHubReceiver.as_view(), name="receive-github"),
    path("integrations/gitlab/<int:integration_id>", receivers.GitLabReceiver.as_view(), name="receive-gitlab"),
    path("integrations/generic/<int:integration_id>", receivers.GenericReceiver.as_view(), name="receive-generic"),
    path(
        "integrations/<int:integration_id>/deliveries", views.DeliveryListView.as_view(), name="integration-deliveries"
    ),
    path("dora", views.DoraView.as_view(), name="dora"),
    *router.urls,
]
