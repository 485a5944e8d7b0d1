"""The console shows channels and the email provider without their secrets."""

from __future__ import annotations

import json

import pytest

from notifications.models import EmailProvider, NotificationChannel
from tests.helpers import admin_url

pytestmark = pytest.mark.django_db
SECRET = "tok-console-SECRET-1234"


@pytest.fixture
def objects(admin):
    channel = NotificationChannel.objects.create(
        name="ops", kind="apprise", target=f"json://1.1.1.1/{SECRET}", user=admin
    )
    provider = EmailProvider.objects.create(
        pk=EmailProvider.SINGLETON,
        provider="postmark",
        credentials=json.dumps({"server_token": SECRET}),
        password=SECRET,
        updated_by=admin,
    )
    return {"notificationchannel": channel.pk, "emailprovider": provider.pk}


@pytest.mark.parametrize("model", ["notificationchannel", "emailprovider"])
def test_changelists_and_change_pages_open_without_the_secret(console, objects, model):
    for page in (
        console.get(admin_url("notifications", model, "changelist")),
        console.get(admin_url("notifications", model, "change", objects[model])),
    ):
        assert page.status_code == 200
        assert SECRET not in page.content.decode()


def test_the_email_provider_is_not_changed_from_the_console(console, objects):
    assert console.get(admin_url("notifications", "emailprovider", "add")).status_code == 403
