"""``GET /chat/commands``: the slash commands the caller may run (the dashboard completes them)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.actor import Actor
from accounts.choices import Role
from chat.commandline import commands_for
from chatops.api.envelope import envelope


class ChatCommandSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(help_text="Typed as `/<name>`.")
    usage = serializers.CharField(help_text="The arguments, as `/help` shows them (may be empty).", allow_blank=True)
    synopsis = serializers.CharField(help_text="`/<name> <usage>`.")
    help = serializers.CharField(help_text="One line: what it does.")
    description = serializers.CharField(help_text="More, as `/help <name>` explains it.", allow_blank=True)
    least_role = serializers.ChoiceField(choices=Role.choices, help_text="The least role that may run it.")


@extend_schema(tags=["chat"])
class ChatCommandsView(APIView):
    @extend_schema(responses=ChatCommandSerializer(many=True), summary="The slash commands the caller may run")
    def get(self, request: Request) -> Response:
        commands = commands_for(Actor.from_request(request))
        return Response(envelope(ChatCommandSerializer(commands, many=True).data))
