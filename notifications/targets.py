"""Places other apps deliver to (a chat room): the app registers a kind and a function that
delivers one ``Delivery`` (raising ``DeliveryError`` to retry), so notifications never imports
the apps above it (the chat app registers ``chat_room`` from its ``ready()``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from notifications.models import Delivery


class DeliveryError(Exception):
    """A delivery that failed; ``permanent`` ones are not retried."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


@dataclass(frozen=True)
class Target:
    kind: str
    label: str
    deliver: Callable[[Delivery], None]
    #: Whether the target object (``target_id``) exists; a recipient naming one that does not
    #: is refused when the notification is sent.
    exists: Callable[[int], bool]


_targets: dict[str, Target] = {}


def register_target(target: Target) -> None:
    if target.kind in _targets and _targets[target.kind] != target:
        raise ImproperlyConfigured(f"The notification target {target.kind!r} is registered twice.")
    _targets[target.kind] = target


def target(kind: str) -> Target | None:
    return _targets.get(kind)


def kinds() -> list[str]:
    return sorted(_targets)


def unregister_target(kind: str) -> None:
    """For tests that register a throwaway target and clean up after themselves."""
    _targets.pop(kind, None)
