from rest_framework.routers import SimpleRouter

from alerts.api import routing, views

app_name = "alerts-api"

router = SimpleRouter(trailing_slash=False)
# Thresholds first: "alerts/thresholds" must not be read as an alert's id.
router.register("alerts/thresholds", views.ThresholdViewSet, basename="threshold")
router.register("alerts", views.AlertViewSet, basename="alert")
router.register("alert-routes", routing.AlertRouteViewSet, basename="alert-route")
router.register("escalation-policies", routing.EscalationPolicyViewSet, basename="escalation-policy")
router.register("silences", routing.SilenceViewSet, basename="silence")
urlpatterns = router.urls
