"""Auth, profile, API keys and the audit log. Views route; ``accounts.services`` decides."""

from __future__ import annotations

from typing import Any, cast

from django.conf import settings
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import services
from accounts.actor import Actor
from accounts.api.filters import APIKeyFilter, AuditLogFilter
from accounts.api.serializers import (
    APIKeySerializer,
    APIKeyUpdateSerializer,
    AuditLogSerializer,
    ChangePasswordSerializer,
    CreatedAPIKeySerializer,
    LoginSerializer,
    ProfileSerializer,
    RefreshSerializer,
    RegisterSerializer,
    TokenPairSerializer,
    UserSerializer,
)
from accounts.models import APIKey, AuditLog, User
from accounts.permissions import IsAdmin, NotWithAPIKey
from chatops.api.envelope import envelope


def _tokens(pair: services.TokenPair, message: str) -> Response:
    data = TokenPairSerializer(pair).data
    return Response(envelope(data, message))


class RegisterView(APIView):
    permission_classes = [AllowAny]
    throttle_scope = "authentication"
    extra_error_codes = ("409",)

    @extend_schema(
        request=RegisterSerializer,
        responses={201: UserSerializer},
        tags=["auth"],
        summary="Register a user (the first one becomes admin)",
    )
    def post(self, request: Request) -> Response:
        caller = request.user
        if not settings.ALLOW_REGISTRATION and not (caller.is_authenticated and caller.is_admin):
            raise PermissionDenied("Registration is closed. Ask an admin for an account.")
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.register_user(Actor.from_request(request), **serializer.validated_data)
        return Response(envelope(UserSerializer(user).data, "User registered"), status=status.HTTP_201_CREATED)


class CredentialsInBodyView(APIView):
    """Takes its credentials from the body, not a header; bad ones are still a 401."""

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []
    throttle_scope = "authentication"

    def get_authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'


class LoginView(CredentialsInBodyView):
    extra_error_codes = ("503",)  # the attempt counter is down: sign-in fails closed

    @extend_schema(
        request=LoginSerializer,
        responses={200: TokenPairSerializer},
        tags=["auth"],
        summary="Log in with username or email and password",
    )
    def post(self, request: Request) -> Response:
        serializer = LoginSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        pair = services.login(
            Actor.from_request(request), serializer.validated_data["username"], serializer.validated_data["password"]
        )
        return _tokens(pair, "Logged in")


class RefreshView(CredentialsInBodyView):
    @extend_schema(
        request=RefreshSerializer,
        responses={200: TokenPairSerializer},
        tags=["auth"],
        summary="Trade a refresh token for a new pair (the old one stops working)",
    )
    def post(self, request: Request) -> Response:
        serializer = RefreshSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return _tokens(services.refresh_tokens(serializer.validated_data["refresh_token"]), "Token refreshed")


class LogoutView(APIView):
    permission_classes = [IsAuthenticated]
    throttle_scope = "authentication"

    @extend_schema(
        request=RefreshSerializer,
        responses={200: OpenApiResponse(description="Logged out")},
        tags=["auth"],
        summary="Log out: the refresh token stops working",
    )
    def post(self, request: Request) -> Response:
        serializer = RefreshSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.logout(Actor.from_request(request), serializer.validated_data["refresh_token"])
        return Response(envelope(None, "Logged out"))


class MeView(APIView):
    permission_classes = [IsAuthenticated]
    extra_error_codes = ("409",)

    @extend_schema(responses={200: UserSerializer}, tags=["auth"], summary="The signed-in user")
    def get(self, request: Request) -> Response:
        return Response(envelope(UserSerializer(request.user).data))

    @extend_schema(
        request=ProfileSerializer,
        responses={200: UserSerializer},
        tags=["auth"],
        summary="Update your profile (username, email, full name)",
    )
    def put(self, request: Request) -> Response:
        serializer = ProfileSerializer(request.user, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        user = services.update_profile(Actor.from_request(request), request.user, **serializer.validated_data)  # type: ignore[arg-type]
        return Response(envelope(UserSerializer(user).data, "Profile updated"))


class ChangePasswordView(APIView):
    permission_classes = [IsAuthenticated, NotWithAPIKey]
    throttle_scope = "authentication"

    @extend_schema(
        request=ChangePasswordSerializer,
        responses={200: TokenPairSerializer},
        tags=["auth"],
        summary="Change your password; every other session is signed out",
    )
    def post(self, request: Request) -> Response:
        serializer = ChangePasswordSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user: User = request.user  # type: ignore[assignment]
        pair = services.change_password(
            Actor.from_request(request),
            user,
            serializer.validated_data["current_password"],
            serializer.validated_data["new_password"],
        )
        return _tokens(pair, "Password changed")


@extend_schema(tags=["api-keys"])
class APIKeyViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[APIKey]):
    """API keys for agents and scripts. You see your own; admins see all."""

    serializer_class = APIKeySerializer
    filterset_class = APIKeyFilter
    sort_fields = ["created_at", "name", "last_used_at", "expires_at"]
    default_sort = "-created_at"

    def get_queryset(self) -> QuerySet[APIKey]:
        if getattr(self, "swagger_fake_view", False):
            return APIKey.objects.none()
        return APIKey.objects.visible_to(self.request.user).select_related("user", "server")  # type: ignore[arg-type]

    def get_permissions(self) -> list[Any]:
        if self.action in ("create", "partial_update", "destroy"):
            return [IsAuthenticated(), NotWithAPIKey()]
        return [IsAuthenticated()]

    @extend_schema(summary="Your own API keys", responses=APIKeySerializer(many=True))
    @action(detail=False, methods=["get"])
    def me(self, request: Request) -> Response:
        queryset = self.filter_queryset(
            APIKey.objects.filter(user=cast(User, request.user)).select_related("user", "server")
        )
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        request=APIKeySerializer,
        responses={201: CreatedAPIKeySerializer},
        summary="Create a key; the response is the only time it is shown",
    )
    def create(self, request: Request) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        key, raw = services.create_api_key(Actor.from_request(request), request.user, **serializer.validated_data)  # type: ignore[arg-type]
        data = CreatedAPIKeySerializer(key, context={"request": request, "raw_key": raw}).data
        return Response(
            envelope(data, "API key created. Store it now: it will not be shown again."),
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        request=APIKeyUpdateSerializer,
        responses={200: APIKeySerializer},
        summary="Rename a key or change its scopes (its sockets close if the scopes change)",
    )
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        serializer = APIKeyUpdateSerializer(self.get_object(), data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        key = services.update_api_key(Actor.from_request(request), serializer.instance, **serializer.validated_data)  # type: ignore[arg-type]
        return Response(envelope(self.get_serializer(key).data, "API key updated"))

    @extend_schema(responses={200: APIKeySerializer}, summary="Revoke a key")
    def destroy(self, request: Request, pk: str | None = None) -> Response:
        key = services.revoke_api_key(Actor.from_request(request), self.get_object())
        return Response(envelope(self.get_serializer(key).data, "API key revoked"))


@extend_schema(tags=["audit"])
class AuditLogViewSet(viewsets.ReadOnlyModelViewSet[AuditLog]):
    """Who did what, when, from where. Admins only."""

    queryset = AuditLog.objects.select_related("actor").all()
    serializer_class = AuditLogSerializer
    permission_classes = [IsAdmin]
    filterset_class = AuditLogFilter
    sort_fields = ["created_at", "action", "actor_label"]
    default_sort = "-created_at"
