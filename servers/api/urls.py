from rest_framework.routers import SimpleRouter

from servers.api import views

app_name = "servers-api"

router = SimpleRouter(trailing_slash=False)
router.register("servers", views.ServerViewSet, basename="server")
urlpatterns = router.urls
