"""Renders every successful API response inside the ``{"data", "message"}`` envelope."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rest_framework.renderers import JSONRenderer

from chatops.api.envelope import Envelope


class EnvelopeJSONRenderer(JSONRenderer):
    """Wraps plain response data; error bodies and ready envelopes pass through untouched."""

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        context = renderer_context or {}
        response = context.get("response")
        if response is not None and response.status_code < 400 and not isinstance(data, Envelope):
            data = Envelope(data=data, message="Created" if response.status_code == 201 else "OK")
        return super().render(data, accepted_media_type, renderer_context)
