"""Apprise URLs: which the hub accepts, how they are shown, and one notification sent to one.

Apprise is imported here, inside functions (it loads ~190 plugins on first use), never at
import of the models or the app. Its logger writes URLs and tokens ("An invalid Slack Token
(xoxb-…)", "Loaded ntfy URL: ntfy://host/<topic>"), so it never reaches the hub's log: it does
not propagate (and has a NullHandler, so Python's last resort does not print it either); what
the hub reports comes from captured messages with the URL's parts masked (``redact``).
urllib3's request lines (which name the path) are kept out by LOGGING (level WARNING).

Accepted: the services that speak HTTP(S) (Slack, Discord, Microsoft Teams, Mattermost,
Telegram, ntfy, Matrix, Pushover, JSON/XML/form, …), sent under ``chatops.net.guarded()``, so
every connection they open (redirects included) meets the private-address rule. Refused:
services that act on the hub itself or speak other protocols (desktop notifications, syslog,
SMTP, MQTT, IRC, XMPP, AMQP, SMPP, …), and URLs naming a file on the hub (a ``template`` or
``keyfile`` that is not an http(s) URL).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from chatops import crypto, net

if TYPE_CHECKING:
    from apprise import NotifyBase

#: ``apprise.plugins.<family>`` whose services do not go over HTTP(S) from the caller's
#: thread: on the hub itself (desktop, syslog, a USB light), other protocols, or a thread of
#: their own (MQTT), which the guard cannot follow.
REFUSED_FAMILIES = {
    "amqp": "AMQP",
    "aprs": "APRS",
    "blink1": "a USB light on the hub",
    "dbus": "the hub's desktop",
    "deltachat": "Delta Chat (email)",
    "email": "email (use a channel of kind email)",
    "glib": "the hub's desktop",
    "gnome": "the hub's desktop",
    "growl": "Growl",
    "irc": "IRC",
    "macosx": "the hub's desktop",
    "mqtt": "MQTT",
    "rsyslog": "syslog",
    "smpp": "SMPP",
    "syslog": "the hub's syslog",
    "windows": "the hub's desktop",
    "xmpp": "XMPP",
}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]{0,31})://")
# Apprise's own severity words.
NOTIFY_TYPES = {"info": "info", "warning": "warning", "critical": "failure"}
# A status code in Apprise's failure messages ("…, error=401.").
_HTTP_STATUS = re.compile(r"error=(\d{3})\b")
_logger_ready = False


class InvalidAppriseURL(ValueError):
    """Why a URL cannot be a channel's target; safe to show (no part of the URL in it)."""


class UnresolvableHost(InvalidAppriseURL):
    """A self-hosted service's host does not resolve now; unlike the other refusals, that may change."""


@dataclass(frozen=True)
class Checked:
    service: str  # Apprise's name of the service: "Slack", "Mattermost", "ntfy", "JSON"
    plugin: NotifyBase


def apprise() -> Any:
    """The apprise module, imported now, its logger kept out of the hub's log."""
    global _logger_ready
    import apprise as module

    if not _logger_ready:
        logger = logging.getLogger("apprise")
        logger.propagate = False
        # A handler of its own, or Python's last resort would print its warnings to stderr.
        logger.addHandler(logging.NullHandler())
        _logger_ready = True
    return module


class _ThreadCapture(logging.Handler):
    """Apprise's messages of this thread only (another request's URL must not leak here)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.messages.append(record.getMessage())


@contextmanager
def _captured() -> Iterator[_ThreadCapture]:
    handler = _ThreadCapture()
    logger = logging.getLogger("apprise")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def secret_parts(url: str) -> list[str]:
    """Pieces of ``url`` that may be secrets: user, password, path segments, query values,
    and the host of services whose "host" is a token (Slack's, Discord's)."""
    try:
        parts = urlsplit(url)
        pieces = [parts.username or "", parts.password or "", parts.hostname or ""]
    except ValueError:
        return [url]
    pieces += [unquote(p) for p in re.split(r"[/?&=#]", f"{parts.path}?{parts.query}")]
    pieces += [p for p in re.split(r"[/?&=#]", f"{parts.path}?{parts.query}")]
    return sorted({p for p in pieces if len(p) >= 4}, key=len, reverse=True)


def redact(message: str, url: str, *, keep_host: str = "") -> str:
    """``message`` with every piece of ``url`` that may be a secret masked (the host of a
    self-hosted service, ``keep_host``, stays: it is what the reader needs to know)."""
    message = message.replace(url, "…")
    for piece in secret_parts(url):
        if piece != keep_host:
            message = message.replace(piece, crypto.mask(piece))
    return message


def _family(plugin: Any) -> str:
    module = type(plugin).__module__.split(".")
    return module[2] if len(module) > 2 and module[:2] == ["apprise", "plugins"] else ""


def _local_files(plugin: Any) -> bool:
    """Whether the URL named a file on the hub (a template, a key file) the service would read."""
    from apprise import AppriseAttachment
    from apprise.common import ContentLocation

    for value in vars(plugin).values():
        if isinstance(value, AppriseAttachment) and any(a.location != ContentLocation.HOSTED for a in value):
            return True
    return False


def _self_hosted_host(plugin: Any) -> str:
    """The host the service is reached at when the URL names it (Mattermost, ntfy, Matrix,
    JSON, …); "" for services at a fixed address, whose URL "host" is a token."""
    tokens = getattr(plugin, "template_tokens", {}) or {}
    host = getattr(plugin, "host", "") or ""
    return str(host) if "host" in tokens and host else ""


def check(url: str, *, resolve: bool = True, asset: Any = None) -> Checked:
    """The service behind ``url``, or ``InvalidAppriseURL`` saying why the hub will not use it.
    ``resolve``: also resolve a self-hosted service's host and apply the address rule."""
    module = apprise()
    match = _SCHEME.match(url)
    if match is None:
        raise InvalidAppriseURL("Not an Apprise URL: it must start with a scheme such as slack:// or ntfy://.")
    scheme = match.group(1).lower()
    from apprise.manager_plugins import NotificationManager

    if scheme not in NotificationManager():
        raise InvalidAppriseURL(f"Apprise does not support the scheme {scheme}://.")
    with _captured() as capture:
        plugin = module.Apprise.instantiate(url, asset=asset)
    if plugin is None:
        reasons = [
            redact(m, url)
            for m in capture.messages
            if not m.startswith(("Could not load", "Unparseable")) and url not in m
        ]
        because = f": {reasons[0]}" if reasons else "."
        raise InvalidAppriseURL(f"Not a valid {scheme}:// URL{because}"[:500])
    family = _family(plugin)
    if family in REFUSED_FAMILIES:
        raise InvalidAppriseURL(
            f"The scheme {scheme}:// ({REFUSED_FAMILIES[family]}) is not supported here: "
            "channels reach services over HTTP(S) only."
        )
    if _local_files(plugin):
        raise InvalidAppriseURL("The URL names a file on the hub (a template or key file): give an https:// URL.")
    host = _self_hosted_host(plugin)
    if resolve and host:
        port = getattr(plugin, "port", None) or (443 if getattr(plugin, "secure", False) else 80)
        try:
            net.check_url(f"http://{_bracketed(host)}:{int(port)}/", allow_private=net.private_allowed())
        except net.Unresolvable as exc:
            raise UnresolvableHost(str(exc)) from None
        except net.UnsafeURL as exc:
            raise InvalidAppriseURL(str(exc)) from None
    return Checked(service=str(plugin.service_name), plugin=plugin)


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def describe(url: str) -> tuple[str, str]:
    """How an Apprise URL is shown, and its service's name ("" if Apprise no longer reads it).

    Shown: Apprise's privacy form (passwords and tokens as ``a...z``), without the query (extra
    headers and options, which can hold tokens too), each path segment Apprise left whole
    masked as well (a topic or a webhook path is a credential)."""
    try:
        plugin = apprise().Apprise.instantiate(url)
    except Exception:
        plugin = None  # a stored URL Apprise no longer reads is still shown, as its scheme
    if plugin is None:
        match = _SCHEME.match(url)
        return (f"{match.group(1).lower()}://…" if match else crypto.mask(url)), ""
    privacy = str(plugin.url(privacy=True))
    parts = urlsplit(privacy)
    segments = [s if ("..." in s or "*" in s or not s) else crypto.mask(unquote(s)) for s in parts.path.split("/")]
    return f"{parts.scheme}://{parts.netloc}{'/'.join(segments)}", str(plugin.service_name)


def masked(url: str) -> str:
    return describe(url)[0]


@dataclass(frozen=True)
class Outcome:
    ok: bool
    error: str = ""
    permanent: bool = False


def notify(url: str, *, title: str, body: str, severity: str, timeout: float, precheck: bool = True) -> Outcome:
    """Send one notification through the service at ``url``, under the address guard, within
    about ``timeout`` seconds (to connect, and again to answer). ``precheck``: refuse a
    self-hosted service's private host before trying (the guard refuses it anyway, at connect)."""
    module = apprise()
    # One service, sent from this thread (Apprise would use a pool of its own otherwise).
    asset = module.AppriseAsset(async_mode=False)
    try:
        checked = check(url, asset=asset, resolve=precheck)
    except InvalidAppriseURL as exc:
        return Outcome(False, str(exc), permanent=not isinstance(exc, UnresolvableHost))
    plugin: Any = checked.plugin
    plugin.socket_connect_timeout = timeout
    plugin.socket_read_timeout = timeout
    sender = module.Apprise(asset=asset)
    sender.add(plugin)
    with net.guarded() as guard:
        result = sender.notify(
            body=body or title,
            title=title,
            notify_type=NOTIFY_TYPES.get(severity, "info"),
            body_format="text",
            timeout=2 * timeout + 1,
        )
    if guard.refused:
        return Outcome(False, guard.refused[0][:500], permanent=True)
    if result:
        return Outcome(True)
    messages = [redact(entry.message, url, keep_host=_self_hosted_host(plugin)) for entry in result.logs()]
    error = messages[-1] if messages else f"{checked.service} did not accept the notification."
    if str(result.status.name) == "TIMEOUT":
        error = f"{checked.service} did not answer within {timeout:g} s."
    codes = [int(c) for m in messages for c in _HTTP_STATUS.findall(m)]
    permanent = bool(codes) and 400 <= codes[-1] < 500 and codes[-1] not in (408, 425, 429)
    return Outcome(False, f"{checked.service}: {error}"[:500], permanent=permanent)
