from rest_framework.routers import SimpleRouter

from helpdesk.api import policies, views

app_name = "helpdesk-api"

router = SimpleRouter(trailing_slash=False)
router.register("tickets/sla-policies", policies.SLAPolicyViewSet, basename="sla-policy")
router.register("tickets/category-routes", policies.CategoryRouteViewSet, basename="category-route")
router.register("tickets", views.TicketViewSet, basename="ticket")
urlpatterns = router.urls
