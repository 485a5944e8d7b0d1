from django.urls import path
from rest_framework.routers import SimpleRouter

from k8s.api import views

app_name = "k8s-api"

router = SimpleRouter(trailing_slash=False)
router.register("kubernetes/clusters", views.ClusterViewSet, basename="cluster")
urlpatterns = [
    path("kubernetes/clusters/<str:name>/restart", views.RestartView.as_view(), name="cluster-restart"),
    *router.urls,
]
