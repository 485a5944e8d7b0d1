"""The address rule and the backoff, as plain functions."""

from __future__ import annotations

import ipaddress
from datetime import timedelta
from email.utils import format_datetime

import pytest
from django.utils import timezone

from chatops.net import Answer, UnsafeURL, forbidden_reason, parse, retry_after_seconds
from webhooks.services import RETRY_BASE_SECONDS, RETRY_CAP_SECONDS, classify, retry_delay


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "127.255.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "169.254.170.2",
        "100.64.0.1", "100.100.100.200", "192.0.0.192", "0.0.0.0",  # noqa: S104
        "224.0.0.251", "239.255.255.250",
        "240.0.0.1", "255.255.255.255", "192.0.2.1", "198.18.0.1",
        "::", "::1", "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1", "2001:db8::1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "::a9fe:a9fe",
        "2002:7f00:1::", "2002:a9fe:a9fe::1", "64:ff9b::7f00:1", "64:ff9b::8.8.8.8",
        "2001:0:4136:e378:8000:63bf:80ff:fffe",
    ],
)  # fmt: skip
def test_non_public_addresses_are_forbidden(address):
    assert forbidden_reason(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize("address", ["1.1.1.1", "8.8.8.8", "93.184.215.14", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_are_allowed(address):
    assert forbidden_reason(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://Example.COM/a?b=c", ("https", "example.com", 443, "/a?b=c")),
        ("http://example.com", ("http", "example.com", 80, "/")),
        ("http://[2606:4700::1]:8080/x", ("http", "2606:4700::1", 8080, "/x")),
        ("https://bücher.example/", ("https", "xn--bcher-kva.example", 443, "/")),
    ],
)
def test_urls_are_parsed_for_host_port_and_path(url, expected):
    assert parse(url) == expected


@pytest.mark.parametrize("url", ["gopher://x/", "http:///path", "http://u:p@example.com/", "http://example.com:99999/"])
def test_unusable_urls_are_refused(url):
    with pytest.raises(UnsafeURL):
        parse(url)


@pytest.mark.parametrize(
    ("answer", "outcome"),
    [
        (Answer(200), "succeeded"),
        (Answer(204), "succeeded"),
        (Answer(None, error="timed out"), "retry"),
        (Answer(None, error="refused", refused=True), "failed"),
        (Answer(408), "retry"),
        (Answer(429), "retry"),
        (Answer(500), "retry"),
        (Answer(503), "retry"),
        (Answer(301), "failed"),
        (Answer(400), "failed"),
        (Answer(410), "failed"),
    ],
)
def test_answers_are_classified(answer, outcome):
    assert classify(answer) == outcome


@pytest.mark.parametrize("attempt", [1, 2, 3, 5, 8, 12])
def test_backoff_is_full_jitter_under_a_growing_capped_ceiling(attempt):
    ceiling = min(RETRY_CAP_SECONDS, RETRY_BASE_SECONDS * 2 ** (attempt - 1))
    delays = [retry_delay(attempt, Answer(500)) for _ in range(300)]
    assert all(1.0 <= d <= ceiling for d in delays)
    assert max(delays) > ceiling / 2  # spread over the whole range, not pinned low
    assert len(set(delays)) > 250


def test_retry_after_counts_only_on_429_and_503():
    assert retry_delay(1, Answer(429, retry_after=45)) == 45
    assert retry_delay(1, Answer(503, retry_after=0)) == 1
    assert retry_delay(1, Answer(503, retry_after=10**9)) == RETRY_CAP_SECONDS
    assert retry_delay(1, Answer(500, retry_after=900)) <= RETRY_BASE_SECONDS


def test_retry_after_reads_seconds_and_http_dates():
    assert retry_after_seconds("120") == 120
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("soon") is None
    later = format_datetime(timezone.now() + timedelta(seconds=600), usegmt=True)
    assert 590 <= retry_after_seconds(later) <= 600
    assert retry_after_seconds("Mon, 01 Jan 2001 00:00:00 GMT") == 0
