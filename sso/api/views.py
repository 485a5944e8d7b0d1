"""GET /auth/github and GET /auth/github/callback: GitHub sign-in for API and SPA clients.
Views route; ``sso.services`` decides (docs/github-sign-in.md)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.actor import Actor
from chatops.api.envelope import envelope
from sso import services
from sso.api.serializers import (
    GitHubCallbackQuerySerializer,
    GitHubStartQuerySerializer,
    GitHubStartSerializer,
    SignedInSerializer,
)
from sso.web import BINDING_COOKIE, COOKIE_PATH, default_redirect_uri, read_binding, set_binding

BINDING_PARAMETER = OpenApiParameter(
    BINDING_COOKIE,
    OpenApiTypes.STR,
    OpenApiParameter.COOKIE,
    required=False,
    description="Set by GET /auth/github; binds the state to the client that started the sign-in.",
)
# The password login's answer, by reference: the same component, so the two cannot drift apart.
TOKEN_PAIR = {"$ref": "#/components/schemas/TokenPair"}
ERROR = {"$ref": "#/components/schemas/Error"}  # the contract's error body (chatops.api.schema)


class GitHubView(APIView):
    """Anonymous by nature: they hand out credentials. A signed-in caller's token is ignored."""

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []
    throttle_scope = "authentication"


class GitHubStartView(GitHubView):
    @extend_schema(
        parameters=[GitHubStartQuerySerializer],
        responses={
            200: OpenApiResponse(GitHubStartSerializer, description="Where to send the user, and the state."),
            404: OpenApiResponse(ERROR, description="GitHub sign-in is off (error_code github_sign_in_disabled)."),
        },
        tags=["auth"],
        summary="Start a GitHub sign-in: GitHub's authorize address and a single-use state",
        description=(
            "Sets the `chatops_github_binding` cookie (HttpOnly): the callback refuses the state "
            "without it, so a state is useful only to the client that started the sign-in."
        ),
    )
    def get(self, request: Request) -> Response:
        services.enabled_config()  # off: 404 before the query is even read
        query = GitHubStartQuerySerializer(data=request.query_params.dict())
        query.is_valid(raise_exception=True)
        default = default_redirect_uri(request)
        redirect_uri = query.validated_data.get("redirect_uri", default)
        if not services.redirect_uri_allowed(redirect_uri, default):
            raise serializers.ValidationError(
                {"redirect_uri": ["Not an allowed redirect URI (see GITHUB_REDIRECT_URIS)."]}
            )
        started = services.start_sign_in(Actor.from_request(request), redirect_uri=redirect_uri)
        data = GitHubStartSerializer({"auth_url": started.auth_url, "state": started.state}).data
        response = Response(envelope(data, "Send the user to auth_url"))
        set_binding(response, request, started)
        return response


class GitHubCallbackView(GitHubView):
    extra_error_codes = ("409", "503")

    @extend_schema(
        parameters=[GitHubCallbackQuerySerializer, BINDING_PARAMETER],
        responses={
            200: OpenApiResponse(TOKEN_PAIR, description="Signed in: the same token pair as POST /auth/login."),
            400: OpenApiResponse(
                ERROR,
                description="Bad query (validation_error), or the state refused: state_invalid (unknown), "
                "state_used, state_expired, state_not_yours (no or another binding cookie); or GitHub "
                "refused the code (github_code_invalid).",
            ),
            403: OpenApiResponse(
                ERROR,
                description="github_org_forbidden (not in GITHUB_ALLOWED_ORGS), github_email_unverified "
                "(no verified e-mail for a new account), user_inactive.",
            ),
            404: OpenApiResponse(ERROR, description="GitHub sign-in is off (github_sign_in_disabled)."),
            409: OpenApiResponse(
                ERROR,
                description="github_email_unverified_conflict: an account has this GitHub account's "
                "e-mail, which GitHub has not verified.",
            ),
            503: OpenApiResponse(ERROR, description="GitHub cannot be reached (service_unavailable)."),
        },
        tags=["auth"],
        summary="Finish a GitHub sign-in: trade GitHub's code and the state for a token pair",
    )
    def get(self, request: Request) -> Response:
        services.enabled_config()
        query = GitHubCallbackQuerySerializer(data=request.query_params.dict())
        query.is_valid(raise_exception=True)
        pair = services.finish_sign_in(
            Actor.from_request(request),
            code=query.validated_data["code"],
            state=query.validated_data["state"],
            binding=read_binding(request),
        )
        response = Response(envelope(SignedInSerializer(pair).data, "Signed in with GitHub"))
        response.delete_cookie(BINDING_COOKIE, path=COOKIE_PATH)
        return response
