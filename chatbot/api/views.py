"""The FAQ bot over REST (the seed's ``/chatbot``). Views route; ``chatbot.services`` decides.

- ``/chatbot/faqs``: every signed-in user reads the active FAQs; support staff, operators and
  admins also see inactive ones and write.
- ``POST /chatbot/chat``: anyone signed in asks; an unsure answer opens a ticket.
- ``/chatbot/logs`` and ``/chatbot/analytics``: support staff and above.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.permissions import SAFE_METHODS, BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.actor import Actor
from accounts.choices import Role
from chatbot import analytics, services
from chatbot.api.filters import ChatLogFilter, FAQFilter
from chatbot.api.serializers import (
    ChatbotAnalyticsSerializer,
    ChatLogSerializer,
    ChatRequestSerializer,
    ChatResponseSerializer,
    FAQSerializer,
    FAQUpdateSerializer,
)
from chatbot.models import FAQ, ChatLog
from chatops.api.envelope import envelope


class IsSupport(BasePermission):
    message = "Only support staff, operators and admins may do this."

    def has_permission(self, request: Request, view: APIView) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.has_role(Role.SUPPORT))


class ReadOrSupport(BasePermission):
    """Everyone signed in reads; support staff and above write."""

    message = "Only support staff, operators and admins may change the FAQ."

    def has_permission(self, request: Request, view: APIView) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        return request.method in SAFE_METHODS or user.has_role(Role.SUPPORT)


@extend_schema(tags=["chatbot"])
class FAQViewSet(viewsets.GenericViewSet[FAQ]):
    """The questions and answers the bot answers from."""

    serializer_class = FAQSerializer
    permission_classes = [IsAuthenticated, ReadOrSupport]
    filterset_class = FAQFilter
    sort_fields = ["id", "question", "category", "created_at", "updated_at"]
    default_sort = "category"
    lookup_value_regex = r"\d+"
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[FAQ]:
        if getattr(self, "swagger_fake_view", False):
            return FAQ.objects.none()
        return FAQ.objects.visible_to(self.request.user).order_by("category", "id")

    @extend_schema(summary="FAQs (search, category, tags); inactive ones for support staff only")
    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        assert page is not None
        return self.get_paginated_response(FAQSerializer(page, many=True).data)

    @extend_schema(summary="An FAQ")
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        return Response(envelope(FAQSerializer(self.get_object()).data))

    @extend_schema(request=FAQSerializer, responses={201: FAQSerializer}, summary="Add an FAQ (support and above)")
    def create(self, request: Request) -> Response:
        body = FAQSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        faq = services.create_faq(Actor.from_request(request), **body.validated_data)
        return Response(envelope(FAQSerializer(faq).data, "FAQ created"), status=status.HTTP_201_CREATED)

    def _update(self, request: Request) -> Response:
        faq = self.get_object()
        body = FAQUpdateSerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        faq = services.update_faq(Actor.from_request(request), faq, **body.validated_data)
        return Response(envelope(FAQSerializer(faq).data, "FAQ updated"))

    @extend_schema(request=FAQUpdateSerializer, responses=FAQSerializer, summary="Change an FAQ (support and above)")
    def update(self, request: Request, pk: str | None = None) -> Response:
        return self._update(request)

    @extend_schema(request=FAQUpdateSerializer, responses=FAQSerializer, summary="Change an FAQ (support and above)")
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        return self._update(request)

    @extend_schema(summary="Delete an FAQ (support and above)")
    def destroy(self, request: Request, pk: str | None = None) -> Response:
        services.delete_faq(Actor.from_request(request), self.get_object())
        return Response(envelope(None, "FAQ deleted"))


@extend_schema(tags=["chatbot"])
class ChatView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=ChatRequestSerializer,
        responses=ChatResponseSerializer,
        summary="Ask the FAQ bot; when it is not sure it opens a ticket with the conversation",
    )
    def post(self, request: Request) -> Response:
        body = ChatRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        result = services.ask(
            Actor.from_request(request), body.validated_data["message"], body.validated_data.get("session_id")
        )
        data = {
            "response": result.response,
            "session_id": result.session_id,
            "confidence_score": result.confidence_score,
            "was_escalated": result.was_escalated,
            "ticket_id": result.ticket_id,
        }
        return Response(envelope(data, "Handed over to support" if result.was_escalated else "OK"))


@extend_schema(tags=["chatbot"])
class ChatLogViewSet(viewsets.GenericViewSet[ChatLog]):
    serializer_class = ChatLogSerializer
    permission_classes = [IsAuthenticated, IsSupport]
    filterset_class = ChatLogFilter
    sort_fields = ["created_at", "confidence_score", "response_time_ms"]
    default_sort = "-created_at"
    http_method_names = ["get", "head", "options"]

    def get_queryset(self) -> QuerySet[ChatLog]:
        return ChatLog.objects.all()

    @extend_schema(summary="What the bot was asked and what it did, newest first (support and above)")
    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        assert page is not None
        return self.get_paginated_response(ChatLogSerializer(page, many=True).data)


@extend_schema(tags=["chatbot"])
class AnalyticsView(APIView):
    permission_classes = [IsAuthenticated, IsSupport]

    @extend_schema(
        responses=ChatbotAnalyticsSerializer, summary="The bot's totals, escalation rate, confidence, common questions"
    )
    def get(self, request: Request) -> Response:
        data: dict[str, Any] = analytics.summary(ChatLog.objects.all())
        return Response(envelope(data))
