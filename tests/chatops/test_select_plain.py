"""``chatops.db.select_plain``: rows read by one plain statement, built as the ORM builds them."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from chatops.db import select_plain

pytestmark = pytest.mark.django_db


def test_an_instance_is_what_the_orm_reads(viewer):
    User.objects.filter(pk=viewer.pk).update(last_login=timezone.now(), password_changed_at=timezone.now())
    with CaptureQueriesContext(connection) as queries:
        (plain,) = select_plain(User, "t.id = %s", [viewer.pk])
    assert len(queries) == 1
    orm = User.objects.get(pk=viewer.pk)
    for field in User._meta.concrete_fields:
        assert getattr(plain, field.attname) == getattr(orm, field.attname), field.name
    # The backend's converters ran: on SQLite too the datetimes are aware, as the ORM's.
    assert plain.last_login is not None and timezone.is_aware(plain.last_login)
    assert plain._state.adding is False and plain._state.db == "default"
    assert plain == orm


def test_some_fields_and_extra_expressions(viewer, operator):
    rows = select_plain(
        User,
        "t.id IN (%s, %s) ORDER BY t.id",
        [viewer.pk, viewer.pk, operator.pk],
        fields=frozenset({"id", "username"}),
        extra={"is_viewer": "t.id = %s"},
    )
    assert [(row.username, bool(row.is_viewer)) for row in rows] == sorted(
        [(viewer.username, True), (operator.username, False)], key=lambda pair: User.objects.get(username=pair[0]).pk
    )
    assert rows[0].get_deferred_fields() >= {"email", "role"}  # the rest loads on first use, as with only()
    assert rows[0].email == User.objects.get(pk=rows[0].pk).email


def test_no_row_is_an_empty_list():
    assert select_plain(User, "t.id = %s", [0]) == []
