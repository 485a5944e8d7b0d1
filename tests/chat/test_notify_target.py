"""Chat rooms as a place notifications go: the ``chat_room`` target the chat app registers
with the notifications app. ``send`` takes rooms that exist and are not archived; ``deliver``
posts the notification into the room as the hub's system message, once."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.actor import Actor
from chat import notify
from chat.models import Message, Room, RoomEvent
from notifications import targets
from notifications.models import Delivery
from notifications.services import Recipients, send
from notifications.targets import DeliveryError

pytestmark = pytest.mark.django_db


@pytest.fixture
def room(operator):
    return Room.objects.create(name="alerts", owner=operator)


def sent_to(room_id):
    notification = send(
        Actor.system("test"),
        type="alert.firing",
        subject="[FIRING:2] High CPU",
        content="- web-01\n- web-02\n",
        recipients=Recipients(targets={"chat_room": [room_id]}),
        severity="critical",
    )
    return Delivery.objects.get(notification=notification)


def test_the_chat_app_registers_its_rooms():
    assert targets.target("chat_room") is notify.TARGET


def test_a_notification_to_a_room_is_one_delivery_posted_as_a_system_message(room):
    delivery = sent_to(room.pk)
    assert (delivery.kind, delivery.target_id, delivery.status) == ("chat_room", room.pk, "pending")
    targets.target("chat_room").deliver(delivery)
    message = Message.objects.get(room=room)
    assert message.author is None and message.message_type == "system"
    assert message.content == "**[FIRING:2] High CPU**\n\n- web-01\n- web-02"
    assert message.data == {
        "notification": delivery.notification_id,
        "delivery": delivery.pk,
        "type": "alert.firing",
        "severity": "critical",
    }
    assert RoomEvent.objects.filter(room=room, type="message.created").exists()  # live in the room


def test_a_retried_delivery_posts_once(room):
    delivery = sent_to(room.pk)
    notify.deliver(delivery)
    notify.deliver(delivery)
    assert Message.objects.filter(room=room).count() == 1


def test_archived_or_missing_rooms_do_not_exist_for_send(room):
    assert notify.exists(room.pk)
    assert not notify.exists(999999)
    room.archived_at = timezone.now()
    room.save()
    assert not notify.exists(room.pk)
    with pytest.raises(ValidationError) as raised:
        sent_to(room.pk)
    assert "No chat room with id" in str(raised.value)


@pytest.mark.parametrize("gone", ["archived", "deleted"])
def test_a_room_archived_or_deleted_after_sending_is_a_permanent_failure(room, gone):
    delivery = sent_to(room.pk)
    if gone == "archived":
        Room.objects.filter(pk=room.pk).update(archived_at=timezone.now())
    else:
        room.delete()
    with pytest.raises(DeliveryError) as raised:
        notify.deliver(Delivery.objects.get(pk=delivery.pk))
    assert raised.value.permanent
    assert not Message.objects.exists()
