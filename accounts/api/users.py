"""``/users``: the people of the hub. Every signed-in user reads the directory (who is who:
username, full name, role of the active users); admins see everything of every user and
create, invite, change and deactivate. Views route; ``accounts.people`` decides."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.views import APIView

from accounts import people
from accounts.actor import Actor
from accounts.api.filters import UserFilter
from accounts.api.people import (
    USER_OR_ENTRY,
    AdminUserSerializer,
    CreatedUserSerializer,
    DirectoryUserSerializer,
    InvitationAcceptSerializer,
    InvitationSerializer,
    TokenPairSerializer,
    UserCreateSerializer,
    UserUpdateSerializer,
)
from accounts.models import Team, User
from accounts.permissions import IsAdmin
from chatops.api.envelope import envelope


def _invited(invitation: people.Invitation) -> str:
    if invitation.emailed:
        return "User invited: the link was emailed to them, and is shown here this once."
    return "User invited, but the email could not be sent: pass the link on yourself (shown this once)."


@extend_schema(tags=["users"])
class UserViewSet(viewsets.GenericViewSet[User]):
    """Users. Every role reads the directory; admins see every field and every user, and
    manage them."""

    serializer_class = AdminUserSerializer
    filterset_class = UserFilter
    sort_fields = ["username", "full_name", "role", "created_at"]
    default_sort = "username"
    lookup_value_regex = r"\d+"
    http_method_names = ["get", "post", "put", "delete", "head", "options"]

    @property
    def extra_error_codes(self) -> tuple[str, ...]:
        """A username or email taken is a 409; so is inviting someone who has a password."""
        return ("409",) if getattr(self, "action", None) in ("create", "invitation") else ()

    def get_queryset(self) -> QuerySet[User]:
        if getattr(self, "swagger_fake_view", False):
            return User.objects.none()
        # People only: a client application's bot user (the clients app's ``client`` relation)
        # is managed under /clients, never here.
        people = User.objects.filter(client__isnull=True)
        if self._admin():
            return people.prefetch_related(Prefetch("teams", Team.objects.only("id", "name")))
        # The directory: active users only.
        return people.filter(is_active=True)

    def _admin(self) -> bool:
        return bool(getattr(self.request.user, "is_admin", False))

    def get_permissions(self) -> list[Any]:
        if getattr(self, "action", None) in ("list", "retrieve"):
            return [IsAuthenticated()]
        return [IsAdmin()]

    def shown(self, *args: Any, **kwargs: Any) -> BaseSerializer[Any]:
        kind = AdminUserSerializer if self._admin() else DirectoryUserSerializer
        return kind(*args, **kwargs)

    def _base_url(self) -> str:
        return self.request.build_absolute_uri("/")

    @extend_schema(responses=USER_OR_ENTRY, summary="Users (admins: every field; others: the directory)")
    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        assert page is not None
        return self.get_paginated_response(self.shown(page, many=True).data)

    @extend_schema(responses=USER_OR_ENTRY, summary="A user (admins: every field; others: the directory's entry)")
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        return Response(envelope(self.shown(self.get_object()).data))

    @extend_schema(
        request=UserCreateSerializer,
        responses={201: CreatedUserSerializer},
        summary="Create a user with a password, or invite them (admins)",
        description="With `invite: true`, the user gets an email with a link to choose their password "
        "(single use, expires after INVITATION_EXPIRY_HOURS); the answer carries the link this once.",
    )
    def create(self, request: Request) -> Response:
        body = UserCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        fields = dict(body.validated_data)
        fields.pop("invite")
        user, invitation = people.create_user(Actor.from_request(request), **fields, base_url=self._base_url())
        data = CreatedUserSerializer(user, context={"invitation": invitation}).data
        message = "User created" if invitation is None else _invited(invitation)
        return Response(envelope(data, message), status=status.HTTP_201_CREATED)

    @extend_schema(
        request=UserUpdateSerializer,
        responses={200: AdminUserSerializer},
        summary="Change a user's role, active state or name (admins; send only what changes)",
        description="Nobody changes their own role (400 `own_role`) or deactivates themselves (400 "
        "`own_account`); the last active admin cannot be demoted or deactivated (400 `last_admin`).",
    )
    def update(self, request: Request, pk: str | None = None) -> Response:
        body = UserUpdateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        user = people.update_user(Actor.from_request(request), self.get_object(), **body.validated_data)
        return Response(envelope(AdminUserSerializer(self.get_queryset().get(pk=user.pk)).data, "User updated"))

    @extend_schema(
        responses={200: AdminUserSerializer},
        summary="Deactivate a user (admins): not deleted, but signed out, keys refused, sockets closed",
        description="Not yourself (400 `own_account`), nor the last active admin (400 `last_admin`). PUT "
        "`is_active: true` reactivates.",
    )
    def destroy(self, request: Request, pk: str | None = None) -> Response:
        user = people.deactivate_user(Actor.from_request(request), self.get_object())
        return Response(envelope(AdminUserSerializer(self.get_queryset().get(pk=user.pk)).data, "User deactivated"))

    @extend_schema(
        request=None,
        responses={201: InvitationSerializer},
        summary="Invite again a user who has not chosen a password (admins): the earlier link stops working",
    )
    @action(detail=True, methods=["post"])
    def invitation(self, request: Request, pk: str | None = None) -> Response:
        found = people.reinvite_user(Actor.from_request(request), self.get_object(), base_url=self._base_url())
        data = InvitationSerializer(found).data
        return Response(envelope(data, _invited(found)), status=status.HTTP_201_CREATED)


class InvitationAcceptView(APIView):
    """Public: the invitation's token is the credential."""

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []
    throttle_scope = "authentication"

    @extend_schema(
        request=InvitationAcceptSerializer,
        responses={200: TokenPairSerializer},
        tags=["users"],
        summary="Accept an invitation: choose your password, and be signed in",
        description="400 `invitation_invalid` for a token that was used, expired or replaced by a newer invitation.",
    )
    def post(self, request: Request) -> Response:
        body = InvitationAcceptSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        pair = people.accept_invitation(
            Actor.from_request(request), body.validated_data["token"], body.validated_data["password"]
        )
        return Response(envelope(TokenPairSerializer(pair).data, "Password set: you are signed in"))
