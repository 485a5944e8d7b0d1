from django.urls import path

from clients.api import views

app_name = "clients-api"

# Integer ids only: the notifications app serves /clients/email-providers beside these.
urlpatterns = [
    path("clients", views.ClientViewSet.as_view({"get": "list", "post": "create"}), name="client-list"),
    path("clients/me", views.ClientMeView.as_view(), name="client-me"),
    path(
        "clients/<int:pk>",
        views.ClientViewSet.as_view({"get": "retrieve", "put": "update", "delete": "destroy"}),
        name="client-detail",
    ),
    path("clients/<int:pk>/rotate", views.ClientViewSet.as_view({"post": "rotate"}), name="client-rotate"),
]
