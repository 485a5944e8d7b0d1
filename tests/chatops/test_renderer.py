"""The envelope renderer writes JSON with orjson, exactly as DRF's JSONRenderer would read."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import orjson
import pytest
from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer

from chatops.api.envelope import Envelope
from chatops.api.renderers import EnvelopeJSONRenderer, RawJSON

AWARE = datetime(2026, 11, 23, 1, 2, 3, 456789, tzinfo=UTC)


@pytest.mark.parametrize(
    "data",
    [
        {"at": AWARE, "day": date(2026, 11, 23), "took": timedelta(seconds=90)},
        {"id": uuid.UUID("12345678-1234-5678-1234-567812345678"), "price": Decimal("1.50")},
        {"label": gettext_lazy("OK"), "nested": [{"at": AWARE.replace(microsecond=0)}]},
        {1: "one", "text": "héllo ☃", "n": [1, 2.5, None, True]},
    ],
)
def test_it_writes_what_drf_writes(data):
    ours = EnvelopeJSONRenderer().render(Envelope(data=data, message="OK"))
    drf = JSONRenderer().render(Envelope(data=data, message="OK"))
    assert orjson.loads(ours) == json.loads(drf)


def test_dates_are_written_the_drf_way():
    body = json.loads(EnvelopeJSONRenderer().render(Envelope(data={"at": AWARE}, message="OK")))
    assert body["data"]["at"] == "2026-11-23T01:02:03.456789Z"


def test_an_integer_past_64_bits_is_written_by_drf():
    body = EnvelopeJSONRenderer().render(Envelope(data={"big": 2**70}, message="OK"))
    assert json.loads(body)["data"]["big"] == 2**70


def test_an_indent_asked_for_is_honoured():
    body = EnvelopeJSONRenderer().render(Envelope(data={"a": 1}, message="OK"), "application/json; indent=2")
    assert body.decode().startswith('{\n  "data"')


RAW = RawJSON(b'[{"ts":"2026-11-23T01:00:00Z","avg":1.5,"count":60}]')


def test_json_written_elsewhere_goes_in_as_it_is():
    body = EnvelopeJSONRenderer().render(Envelope(data={"points": RAW, "n": 1}, message="OK"))
    assert body == b'{"data":{"points":[{"ts":"2026-11-23T01:00:00Z","avg":1.5,"count":60}],"n":1},"message":"OK"}'


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        ({"points": RAW}, "application/json; indent=2"),  # DRF's encoder: indented output
        ({"points": RAW, "big": 2**70}, None),  # DRF's encoder: what orjson refuses
    ],
)
def test_drfs_encoder_gets_it_parsed(data, media_type):
    body = json.loads(EnvelopeJSONRenderer().render(Envelope(data=data, message="OK"), media_type))
    assert body["data"]["points"] == [{"ts": "2026-11-23T01:00:00Z", "avg": 1.5, "count": 60}]
