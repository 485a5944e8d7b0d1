"""``/teams``: who shares which scope of the fleet. Admins manage every team; everyone else
reads the teams they are in (another team is a 404). Views route; ``accounts.people`` decides."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from accounts import people
from accounts.actor import Actor
from accounts.api.filters import TeamFilter
from accounts.api.people import TeamMemberAddSerializer, TeamMemberSerializer, TeamSerializer, TeamWriteSerializer
from accounts.models import Team, User
from accounts.permissions import IsAdmin
from chatops.api.envelope import envelope


@extend_schema(tags=["teams"])
class TeamViewSet(viewsets.GenericViewSet[Team]):
    """Teams and their scope: while any team exists, a non-admin sees only the servers carrying
    a tag of one of their teams (every server, if one of them has ``all_servers``)."""

    serializer_class = TeamSerializer
    filterset_class = TeamFilter
    sort_fields = ["name", "created_at"]
    default_sort = "name"
    lookup_value_regex = r"\d+"
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    @property
    def extra_error_codes(self) -> tuple[str, ...]:
        return ("409",) if getattr(self, "action", None) in ("create", "update", "partial_update") else ()

    def get_queryset(self) -> QuerySet[Team]:
        if getattr(self, "swagger_fake_view", False):
            return Team.objects.none()
        return Team.objects.visible_to(self.request.user).annotate(member_count=Count("members"))

    def get_permissions(self) -> list[Any]:
        if self.request.method in ("GET", "HEAD", "OPTIONS"):
            return [IsAuthenticated()]
        return [IsAdmin()]

    def _shown(self, team: Team) -> dict[str, Any]:
        return dict(TeamSerializer(self.get_queryset().get(pk=team.pk)).data)

    @extend_schema(summary="Teams (admins: all; others: their own)")
    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        assert page is not None
        return self.get_paginated_response(TeamSerializer(page, many=True).data)

    @extend_schema(summary="A team")
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        return Response(envelope(TeamSerializer(self.get_object()).data))

    @extend_schema(request=TeamWriteSerializer, responses={201: TeamSerializer}, summary="Create a team (admins)")
    def create(self, request: Request) -> Response:
        body = TeamWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        team = people.create_team(Actor.from_request(request), **body.validated_data)
        return Response(envelope(self._shown(team), "Team created"), status=status.HTTP_201_CREATED)

    @extend_schema(request=TeamWriteSerializer, responses={200: TeamSerializer}, summary="Change a team (admins)")
    def update(self, request: Request, pk: str | None = None) -> Response:
        return self._update(request, partial=False)

    @extend_schema(
        request=TeamWriteSerializer, responses={200: TeamSerializer}, summary="Change some of a team (admins)"
    )
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        return self._update(request, partial=True)

    def _update(self, request: Request, *, partial: bool) -> Response:
        team = self.get_object()
        body = TeamWriteSerializer(data=request.data, partial=partial)
        body.is_valid(raise_exception=True)
        team = people.update_team(Actor.from_request(request), team, **body.validated_data)
        return Response(envelope(self._shown(team), "Team updated"))

    @extend_schema(summary="Delete a team (admins); its members keep their accounts")
    def destroy(self, request: Request, pk: str | None = None) -> Response:
        people.delete_team(Actor.from_request(request), self.get_object())
        return Response(envelope(None, "Team deleted"))

    @extend_schema(
        methods=["GET"], request=None, responses=TeamMemberSerializer(many=True), summary="The team's members"
    )
    @extend_schema(
        methods=["POST"],
        request=TeamMemberAddSerializer,
        responses={200: TeamMemberSerializer, 201: TeamMemberSerializer},
        summary="Add a member (admins; 200 if they were in already)",
    )
    @action(detail=True, methods=["get", "post"], filter_backends=[])
    def members(self, request: Request, pk: str | None = None) -> Response:
        team = self.get_object()
        if request.method == "GET":
            members = team.members.order_by("username", "pk")
            page = self.paginate_queryset(members)  # type: ignore[arg-type]  # users, not teams
            assert page is not None
            return self.get_paginated_response(TeamMemberSerializer(page, many=True).data)
        body = TeamMemberAddSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        user: User = body.validated_data["user_id"]
        added = people.add_member(Actor.from_request(request), team, user)
        data = TeamMemberSerializer(user).data
        if not added:
            return Response(envelope(data, "Already a member"))
        return Response(envelope(data, "Member added"), status=status.HTTP_201_CREATED)

    @extend_schema(request=None, summary="Remove a member (admins)")
    @action(detail=True, methods=["delete"], url_path=r"members/(?P<user_id>\d+)", filter_backends=[])
    def member(self, request: Request, pk: str | None = None, user_id: str | None = None) -> Response:
        team = self.get_object()
        user = get_object_or_404(User, pk=int(user_id or 0))
        people.remove_member(Actor.from_request(request), team, user)
        return Response(envelope(None, "Member removed"))
