"""SLA policies and category routes over REST (``/api/v1/tickets/sla-policies``,
``/api/v1/tickets/category-routes``): support staff read them (they work to them), admins
create, change and delete them. Views route; ``helpdesk.services.policies`` decides."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.views import APIView

from accounts.actor import Actor
from accounts.choices import Role
from accounts.models import Team
from chatops.api.envelope import envelope
from chatops.api.fields import StrictBooleanField, StrictModelSerializer, StrictPrimaryKeyRelatedField
from helpdesk.models import CategoryRoute, SLAPolicy
from helpdesk.services import policies

#: The longest target: a year (366 days), in minutes.
MAX_TARGET_MINUTES = 366 * 24 * 60
WRITE_METHODS = ["get", "post", "put", "patch", "delete", "head", "options"]


class SupportReadsAdminWrites(BasePermission):
    """Support staff (support, operators, admins) read; only admins write."""

    message = "Only admins may change this."

    def has_permission(self, request: Request, view: APIView) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if request.method in SAFE_METHODS:
            self.message = "Only support staff may read this."
            return bool(user.has_role(Role.SUPPORT))
        return bool(user.has_role(Role.ADMIN))


class Minutes(serializers.IntegerField):
    """A JSON integer of minutes, 1 to a year: not ``"60"``, ``60.0`` or ``true``."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, max_value=MAX_TARGET_MINUTES, **kwargs)

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise serializers.ValidationError("Must be a whole number of minutes.", code="invalid")
        return int(super().to_internal_value(data))


class SLAPolicySerializer(StrictModelSerializer):
    """The targets of one priority."""

    first_response_minutes = Minutes(help_text="Minutes of running clock to the first public reply (1 to 527040).")
    resolution_minutes = Minutes(
        help_text="Minutes of running clock to the resolution (1 to 527040); at least first_response_minutes."
    )
    enabled = StrictBooleanField(required=False, help_text="A disabled policy starts no clock (default true).")

    class Meta:
        model = SLAPolicy
        fields = ["id", "priority", "first_response_minutes", "resolution_minutes", "enabled", "updated_at"]
        read_only_fields = ["id", "updated_at"]
        # Uniqueness is the service's (a 409, as every taken name in the API), not a 400.
        extra_kwargs = {
            "priority": {"help_text": "One policy per priority (another for the same: 409).", "validators": []}
        }

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        current = self.instance
        first = attrs.get("first_response_minutes", getattr(current, "first_response_minutes", None))
        resolution = attrs.get("resolution_minutes", getattr(current, "resolution_minutes", None))
        if first is not None and resolution is not None and resolution < first:
            raise serializers.ValidationError(
                {"resolution_minutes": [f"Must be at least first_response_minutes ({first})."]}
            )
        return attrs


class CategoryRouteSerializer(StrictModelSerializer):
    """The team a category's tickets go to, and how one of its members is chosen."""

    team = StrictPrimaryKeyRelatedField(queryset=Team.objects.all(), help_text="The team (id) that works the category.")
    auto_assign = StrictBooleanField(
        required=False,
        help_text="Assign new tickets to a member (default true); false: they only get the team, unassigned.",
    )

    class Meta:
        model = CategoryRoute
        fields = ["id", "category", "team", "strategy", "auto_assign", "last_assigned"]
        read_only_fields = ["id", "last_assigned"]
        extra_kwargs = {
            "category": {"help_text": "One route per category (another for the same: 409).", "validators": []},
            "strategy": {"help_text": "least_loaded (default): fewest unfinished tickets; round_robin: in turn."},
            "last_assigned": {"help_text": "Round robin: who got the category's last ticket."},
        }


class _Settings(viewsets.ModelViewSet[Any]):
    permission_classes = [SupportReadsAdminWrites]
    lookup_value_regex = r"\d+"
    extra_error_codes = ("409",)
    http_method_names = WRITE_METHODS
    filterset_class = None


def _summaries(thing: str, things: str) -> dict[str, Any]:
    return {
        "list": extend_schema(summary=f"{things} (support staff)"),
        "retrieve": extend_schema(summary=f"{thing[0].upper()}{thing[1:]} (support staff)"),
        "create": extend_schema(summary=f"Add {thing} (admins; audited)"),
        "update": extend_schema(summary=f"Replace {thing} (admins; audited)"),
        "partial_update": extend_schema(summary=f"Change {thing} (admins; audited)"),
        "destroy": extend_schema(summary=f"Delete {thing} (admins; audited)"),
    }


@extend_schema(tags=["tickets"])
@extend_schema_view(**_summaries("an SLA policy", "SLA policies by priority"))
class SLAPolicyViewSet(_Settings):
    """SLA policies: first-response and resolution targets by priority. Support staff read;
    admins write."""

    serializer_class = SLAPolicySerializer
    sort_fields = ["priority", "updated_at"]
    default_sort = "priority"

    def get_queryset(self) -> QuerySet[SLAPolicy]:
        return SLAPolicy.objects.all()

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = policies.create_policy(Actor.from_request(self.request), **serializer.validated_data)

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        assert serializer.instance is not None
        serializer.instance = policies.update_policy(
            Actor.from_request(self.request), serializer.instance, **serializer.validated_data
        )

    def destroy(self, request: Request, *args: object, **kwargs: object) -> Response:
        policies.delete_policy(Actor.from_request(request), self.get_object())
        return Response(envelope(None, "SLA policy deleted"))


@extend_schema(tags=["tickets"])
@extend_schema_view(**_summaries("a category route", "Category routes to teams"))
class CategoryRouteViewSet(_Settings):
    """Category routes: which team works a category, for automatic assignment. Support staff
    read; admins write."""

    serializer_class = CategoryRouteSerializer
    sort_fields = ["category"]
    default_sort = "category"

    def get_queryset(self) -> QuerySet[CategoryRoute]:
        return CategoryRoute.objects.all()

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = policies.create_route(Actor.from_request(self.request), **serializer.validated_data)

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        assert serializer.instance is not None
        serializer.instance = policies.update_route(
            Actor.from_request(self.request), serializer.instance, **serializer.validated_data
        )

    def destroy(self, request: Request, *args: object, **kwargs: object) -> Response:
        policies.delete_route(Actor.from_request(request), self.get_object())
        return Response(envelope(None, "Category route deleted"))
