from rest_framework.routers import SimpleRouter

from helpdesk.api import views

app_name = "helpdesk-api"

router = SimpleRouter(trailing_slash=False)
router.register("tickets", views.TicketViewSet, basename="ticket")
urlpatterns = router.urls
