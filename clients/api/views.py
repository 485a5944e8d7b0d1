"""Client applications over REST. Admins register, list, change, rotate and revoke them; a
client reads and changes itself at ``/clients/me`` with its own key. Views route;
``clients.services`` decides."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.actor import Actor
from accounts.permissions import IsAdmin
from chatops.api.envelope import envelope
from clients import services
from clients.api.filters import ClientFilter
from clients.api.serializers import (
    ClientCreateSerializer,
    ClientSelfUpdateSerializer,
    ClientSerializer,
    ClientUpdateSerializer,
    CreatedClientSerializer,
)
from clients.models import Client

ONCE = "Store the key now: it will not be shown again."


def _created(client: Client, raw: str, message: str, code: int = status.HTTP_200_OK) -> Response:
    data = CreatedClientSerializer(client, context={"raw_key": raw}).data
    return Response(envelope(data, f"{message} {ONCE}"), status=code)


@extend_schema(tags=["clients"])
class ClientViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Client]):
    """Applications that call the API as themselves (CI systems, scripts, other tools). Admins only."""

    queryset = Client.objects.select_related("user", "created_by")
    serializer_class = ClientSerializer
    permission_classes = [IsAdmin]
    filterset_class = ClientFilter
    sort_fields = ["name", "created_at", "last_used_at"]
    default_sort = "name"

    @property
    def extra_error_codes(self) -> tuple[str, ...]:
        """A name taken (create, update) or a revoked client (update, rotate) is a 409."""
        return ("409",) if getattr(self, "action", None) in ("create", "update", "rotate") else ()

    @extend_schema(summary="Client applications, revoked ones too")
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(summary="A client application")
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(
        request=ClientCreateSerializer,
        responses={201: CreatedClientSerializer},
        summary="Register an application; the response is the only time its key is shown",
    )
    def create(self, request: Request) -> Response:
        body = ClientCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        client, raw = services.register_client(Actor.from_request(request), **body.validated_data)
        return _created(client, raw, "Client registered.", status.HTTP_201_CREATED)

    @extend_schema(
        request=ClientUpdateSerializer,
        responses={200: ClientSerializer},
        summary="Change a client: what is given changes, the rest stays",
    )
    def update(self, request: Request, pk: int | None = None) -> Response:
        client = self.get_object()
        body = ClientUpdateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        client = services.update_client(Actor.from_request(request), client, **body.validated_data)
        return Response(envelope(ClientSerializer(client).data, "Client updated"))

    @extend_schema(
        responses={200: ClientSerializer},
        summary="Revoke a client: its key stops at once and its sockets close (idempotent)",
    )
    def destroy(self, request: Request, pk: int | None = None) -> Response:
        client = services.revoke_client(Actor.from_request(request), self.get_object())
        return Response(envelope(ClientSerializer(client).data, "Client revoked"))

    @extend_schema(
        request=None,
        responses={200: CreatedClientSerializer},
        summary="A new key, shown this once; the old one stops at once",
    )
    def rotate(self, request: Request, pk: int | None = None) -> Response:
        client, raw = services.rotate_key(Actor.from_request(request), self.get_object())
        return _created(client, raw, "Key rotated: the old one no longer works.")


class IsClient(IsAuthenticated):
    message = "This route is for a client application's own key (Authorization: Bearer ck_…)."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return super().has_permission(request, view) and isinstance(request.auth, Client)


@extend_schema(tags=["clients"])
class ClientMeView(APIView):
    permission_classes = [IsClient]

    @property
    def extra_error_codes(self) -> tuple[str, ...]:
        """A name taken by another client or a user is a 409."""
        request = getattr(self, "request", None)
        return ("409",) if getattr(request, "method", None) == "PUT" else ()

    def _client(self, request: Request) -> Client:
        client = request.auth
        if not isinstance(client, Client):  # (IsClient made sure; for the type checker)
            raise PermissionDenied(IsClient.message)
        return client

    @extend_schema(responses={200: ClientSerializer}, summary="The calling client application")
    def get(self, request: Request) -> Response:
        return Response(envelope(ClientSerializer(self._client(request)).data))

    @extend_schema(
        request=ClientSelfUpdateSerializer,
        responses={200: ClientSerializer},
        summary="Change your own name or description",
    )
    def put(self, request: Request) -> Response:
        body = ClientSelfUpdateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        client = services.update_own(Actor.from_request(request), self._client(request), **body.validated_data)
        return Response(envelope(ClientSerializer(client).data, "Client updated"))
