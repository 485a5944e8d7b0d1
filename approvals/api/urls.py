from rest_framework.routers import SimpleRouter

from approvals.api import views

app_name = "approvals-api"

router = SimpleRouter(trailing_slash=False)
# Policies first: "approvals/policies" must not be read as an approval's id.
router.register("approvals/policies", views.ApprovalPolicyViewSet, basename="policy")
router.register("approvals", views.ApprovalViewSet, basename="approval")
urlpatterns = router.urls
