"""Role rules for REST views. The role ladder is requester < viewer < support < operator < admin."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from accounts.choices import Role
from accounts.models import APIKey


def _has_role(request: Request, role: str) -> bool:
    user = request.user
    return bool(user and user.is_authenticated and user.has_role(role))


class IsAdmin(BasePermission):
    message = "Only admins may do this."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return _has_role(request, Role.ADMIN)


class IsOperator(BasePermission):
    """Operators and admins."""

    message = "Only operators and admins may do this."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return _has_role(request, Role.OPERATOR)


class IsSupport(BasePermission):
    """Support staff: support, operators and admins (the helpdesk's agents)."""

    message = "Only support staff may do this."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return _has_role(request, Role.SUPPORT)


class ReadOnlyOrAdmin(BasePermission):
    """Every signed-in role reads; only admins write."""

    message = "Only admins may change this."

    def has_permission(self, request: Request, view: APIView) -> bool:
        if request.method in SAFE_METHODS:
            # Requesters (the helpdesk's askers) read none of the fleet.
            self.message = "Requesters may not read this."
            return _has_role(request, Role.VIEWER)
        return _has_role(request, Role.ADMIN)


class NotWithAPIKey(BasePermission):
    """Credentials are managed by a person, not by a script or agent holding a key.

    A key that leaks from a server must not be able to mint more keys or change the owner's
    password, so these endpoints refuse requests authenticated by an API key.
    """

    message = "This action needs a signed-in user, not an API key."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return not isinstance(request.auth, APIKey)

    def has_object_permission(self, request: Request, view: APIView, obj: Any) -> bool:
        return self.has_permission(request, view)
