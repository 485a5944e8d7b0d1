"""Where the hub may send a request: ONE private-address guard for every outgoing request
(webhooks, notification channels, Apprise services, email providers).

The rule: every address a host resolves to must be public (not loopback, private, link-local,
multicast, reserved, unspecified, shared, a cloud metadata address, nor one of those wrapped in
an IPv6 form). One switch lifts it, for a hub on a private network: ``OUTGOING_ALLOW_PRIVATE``,
or, when that is not set, ``WEBHOOK_ALLOW_PRIVATE`` (its older name, which keeps working).

Two ways through it:

- ``request``/``post`` (webhooks, webhook channels, email providers' checks): the URL is checked
  when it is saved and again before every request; the request then connects to an address
  that was checked, not to whatever a second lookup would say, so a DNS answer that changes
  between check and connect (rebinding) cannot redirect it. ``Host``, TLS SNI and the
  certificate check still use the hostname. Redirects are never followed.
- ``guarded()`` (libraries that open their own connections: Apprise, django-anymail, smtplib):
  inside it, every ``socket.connect`` of this thread (and of threads started with a copy of its
  context, as Apprise's are) is judged by the same rule at the moment it happens, on the
  address actually connected to, through a ``sys.addaudithook`` hook. Redirects and rebinding
  cannot slip past it either. A library that connects from a thread of its own (not a copy of
  the caller's context) escapes it: only libraries known not to are used inside.
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import ssl
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

ALLOWED_SCHEMES = ("http", "https")
# Link-local or private already, named anyway so the rule does not hang on that.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack, DigitalOcean…
        "169.254.170.2",  # AWS ECS task metadata
        "fd00:ec2::254",  # AWS over IPv6
        "100.100.100.200",  # Alibaba Cloud
        "192.0.0.192",  # Oracle Cloud
    )
)
# What http.client refuses in a request line.
_UNSENDABLE = re.compile(r"[\x00-\x20\x7f]")
# IPv6 prefixes that carry an IPv4 address in their last 32 bits (NAT64).
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


#: The end of every refusal: what the rule is and which switch lifts it.
ONLY_PUBLIC = "outgoing requests may only reach public addresses (OUTGOING_ALLOW_PRIVATE lifts this)."


def private_allowed() -> bool:
    """The one switch: ``OUTGOING_ALLOW_PRIVATE`` when set, else ``WEBHOOK_ALLOW_PRIVATE``."""
    value = getattr(settings, "OUTGOING_ALLOW_PRIVATE", None)
    return bool(settings.WEBHOOK_ALLOW_PRIVATE if value is None else value)


class UnsafeURL(ValueError):
    """A URL the hub may not send to; the message says why, in words an admin can act on."""


class Unresolvable(UnsafeURL):
    """The host has no address now; unlike the other refusals, that may change."""


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str  # as sent in Host and SNI: IDNA-encoded, no brackets
    port: int
    path: str  # path and query
    addresses: tuple[IPAddress, ...]


@dataclass(frozen=True)
class Answer:
    """What came of one request. ``status_code`` is None when no response arrived."""

    status_code: int | None
    body: str = ""
    error: str = ""
    retry_after: float | None = None
    duration_ms: int = 0
    refused: bool = False  # the hub refused to send it (address rule): retrying cannot help


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 form carries (6to4, Teredo, NAT64, IPv4-compatible)."""
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if any(ip in net for net in _NAT64) or (int(ip) >> 32 == 0 and int(ip) > 1):  # not :: or ::1
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def forbidden_reason(ip: IPAddress) -> str | None:
    """Why the hub may not connect to ``ip``; None when it may."""
    if isinstance(ip, ipaddress.IPv6Address):
        # What an IPv6 form wraps is judged first: it names the address that would be reached.
        if ip.ipv4_mapped is not None:
            inner = forbidden_reason(ip.ipv4_mapped)
            return f"an IPv4-mapped form of {inner}" if inner else None
        embedded = _embedded_ipv4(ip)
        inner = forbidden_reason(embedded) if embedded is not None else None
        if inner:
            return f"an IPv6 form of {inner}"
    if ip in METADATA_ADDRESSES:
        return "a cloud metadata address"
    for test, words in (
        (ip.is_unspecified, "an unspecified address"),
        (ip.is_loopback, "a loopback address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (ip.is_private, "a private address"),
        (ip.is_reserved, "a reserved address"),
        (not ip.is_global, "not a public address"),
    ):
        if test:
            return words
    return None


def parse(url: str) -> tuple[str, str, int, str]:
    """Scheme, host, port and path of an absolute http(s) URL without credentials."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeURL(f"Not a valid URL: {exc}.") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise UnsafeURL("Only http:// and https:// URLs are allowed.")
    if not parts.hostname:
        raise UnsafeURL("The URL has no host.")
    if parts.username is not None or parts.password is not None:
        raise UnsafeURL("Credentials in the URL (user:password@) are not allowed.")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError:
        raise UnsafeURL("The host name is not valid.") from None
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    if _UNSENDABLE.search(path):
        raise UnsafeURL("The URL contains spaces or control characters; percent-encode them.")
    return scheme, host, port or (443 if scheme == "https" else 80), path


def resolve(host: str, port: int) -> tuple[IPAddress, ...]:
    """Every address ``host`` resolves to, in the resolver's order (raises ``OSError``)."""
    found: list[IPAddress] = []
    for *_, sockaddr in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])  # drop an IPv6 zone id
        if ip not in found:
            found.append(ip)
    return tuple(found)


def check_url(url: str, *, allow_private: bool) -> Target:
    """The URL's target with its checked addresses; ``UnsafeURL`` says why it may not be used."""
    scheme, host, port, path = parse(url)
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError):
        raise Unresolvable(f"The host {host!r} does not resolve.") from None
    if not addresses:
        raise Unresolvable(f"The host {host!r} does not resolve.")
    if not allow_private:
        for ip in addresses:
            reason = forbidden_reason(ip)
            if reason:
                raise UnsafeURL(f"The host {host!r} resolves to {ip}, {reason}; {ONLY_PUBLIC}")
    return Target(scheme, host, port, path, addresses)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to one checked address; ``host`` still names the server in ``Host``."""

    def __init__(self, host: str, port: int, address: IPAddress, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def _open(self) -> socket.socket:
        return socket.create_connection((str(self.address), self.port), self.timeout)

    def connect(self) -> None:
        self.sock = self._open()


class _PinnedHTTPSConnection(_PinnedHTTPConnection):
    default_port = 443

    def connect(self) -> None:
        context = ssl.create_default_context()
        self.sock = context.wrap_socket(self._open(), server_hostname=self.host)


def retry_after_seconds(value: str | None) -> float | None:
    """``Retry-After`` as seconds from now: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - timezone.now()).total_seconds())


def _text(raw: bytes, limit: int) -> str:
    # PostgreSQL text cannot hold NUL; a cut multi-byte character becomes U+FFFD.
    return raw[:limit].decode("utf-8", errors="replace").replace("\x00", "\ufffd")


def _describe(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError | socket.timeout):
        return "timed out"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"TLS certificate not accepted: {exc.verify_message}"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, http.client.HTTPException):
        return f"not a valid HTTP response ({type(exc).__name__})"
    return f"{type(exc).__name__}: {exc}"[:300]


def post(
    url: str, body: bytes, headers: dict[str, str], *, timeout: float, allow_private: bool, body_limit: int
) -> Answer:
    """POST ``body`` to ``url`` once: checked addresses only, no redirects, at most
    ``body_limit`` bytes of the answer read."""
    return request("POST", url, body, headers, timeout=timeout, allow_private=allow_private, body_limit=body_limit)


def request(
    method: str,
    url: str,
    body: bytes | None,
    headers: dict[str, str],
    *,
    timeout: float,
    allow_private: bool,
    body_limit: int,
) -> Answer:
    """One request to ``url``: checked addresses only, no redirects, at most ``body_limit``
    bytes of the answer read."""
    started = time.monotonic()

    def took() -> int:
        return int((time.monotonic() - started) * 1000)

    try:
        target = check_url(url, allow_private=allow_private)
    except UnsafeURL as exc:
        # A name that no longer resolves may come back; an address that is not allowed won't.
        return Answer(None, error=str(exc)[:500], duration_ms=took(), refused=not isinstance(exc, Unresolvable))
    kind = _PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection
    last_error = "no address to connect to"
    for address in target.addresses:
        conn = kind(target.host, target.port, address, timeout)
        try:
            try:
                conn.connect()
            except OSError as exc:
                last_error = f"{address}: {_describe(exc)}"
                continue  # the next address may answer
            conn.request(method, target.path, body=body, headers=headers)
            response = conn.getresponse()
            try:
                raw = response.read(body_limit)
            except (OSError, http.client.HTTPException) as exc:
                raw = getattr(exc, "partial", b"") or b""
            return Answer(
                response.status,
                body=_text(raw, body_limit),
                retry_after=retry_after_seconds(response.getheader("Retry-After")),
                error=_redirect_error(response),
                duration_ms=took(),
            )
        except (OSError, http.client.HTTPException) as exc:
            return Answer(None, error=_describe(exc), duration_ms=took())
        finally:
            conn.close()
    return Answer(None, error=last_error[:500], duration_ms=took())


def _redirect_error(response: http.client.HTTPResponse) -> str:
    if 300 <= response.status < 400:
        location = response.getheader("Location") or "nowhere"
        return f"redirect to {location[:200]} not followed"
    return ""


# --- The guard around libraries' own connections ---------------------------------------------


class RefusedAddress(PermissionError):
    """A connection ``guarded()`` refused. An ``OSError``, so a library takes it for a failed
    connect and reports a connection error; ``Guard.refused`` says why."""


@dataclass
class Guard:
    """One ``guarded()`` block: whether it lets private addresses through, and what it refused."""

    allow_private: bool
    refused: list[str] = field(default_factory=list)


_active: ContextVar[Guard | None] = ContextVar("chatops_outgoing_guard", default=None)
_hook_lock = threading.Lock()
_hook_installed = False


def refusal(address: Any) -> str | None:
    """Why a ``socket.connect`` to ``address`` is refused under the rule; None when it may go."""
    if not isinstance(address, tuple) or len(address) < 2 or not isinstance(address[0], str | bytes):
        return "Refused to connect to a local socket: " + ONLY_PUBLIC
    host = address[0].decode(errors="replace") if isinstance(address[0], bytes) else address[0]
    host = host.split("%", 1)[0]  # an IPv6 zone id
    try:
        addresses: tuple[IPAddress, ...] = (ipaddress.ip_address(host),)
    except ValueError:
        # A name (a caller that lets connect() resolve it): judge every address it may pick.
        try:
            addresses = resolve(host, int(address[1]))
        except (OSError, UnicodeError, ValueError):
            return None  # connect() cannot resolve it either, and fails on its own
    for ip in addresses:
        reason = forbidden_reason(ip)
        if reason:
            shown = str(ip) if str(ip) == host else f"{host} ({ip})"
            return f"Refused to connect to {shown}, {reason}: {ONLY_PUBLIC}"
    return None


def _audit(event: str, args: tuple[Any, ...]) -> None:
    # Called for every audit event of the process: the first comparison must be cheap.
    if event != "socket.connect":
        return
    guard = _active.get()
    if guard is None or guard.allow_private:
        return
    reason = refusal(args[1])
    if reason is not None:
        guard.refused.append(reason)
        raise RefusedAddress(reason)


def _install_hook() -> None:
    global _hook_installed
    if _hook_installed:
        return
    with _hook_lock:
        if not _hook_installed:
            sys.addaudithook(_audit)  # for the life of the process: hooks cannot be removed
            _hook_installed = True


@contextmanager
def guarded(*, allow_private: bool | None = None) -> Iterator[Guard]:
    """Inside, this thread's connections (and those of threads given a copy of its context)
    may reach public addresses only, unless ``allow_private`` (default: the switch)."""
    _install_hook()
    guard = Guard(allow_private=private_allowed() if allow_private is None else allow_private)
    token = _active.set(guard)
    try:
        yield guard
    finally:
        _active.reset(token)
