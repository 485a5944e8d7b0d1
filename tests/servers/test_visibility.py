"""``Server.objects.visible_to``: the one rule of who sees which server, once teams exist."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.choices import Role
from accounts.models import Team, User
from servers.models import Server, Tag, visible_ids, who_can_see
from tests.factories import UserFactory, tagged_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def fleet() -> dict[str, Server]:
    return {
        "web": tagged_server("web-1", "web", "prod"),
        "db": tagged_server("db-1", "db", "prod"),
        "bare": tagged_server("bare-1"),
    }


def names(user) -> list[str]:
    return sorted(Server.objects.visible_to(user).values_list("name", flat=True))


ALL = ["bare-1", "db-1", "web-1"]


def test_while_no_team_exists_everyone_signed_in_sees_everything(fleet, viewer, operator):
    assert names(viewer) == names(operator) == ALL


def test_nobody_who_is_not_signed_in_or_not_active_sees_anything(fleet, viewer):
    assert names(AnonymousUser()) == []
    viewer.is_active = False
    assert names(viewer) == []


def test_once_a_team_exists_a_non_admin_sees_their_teams_tags(fleet, viewer, operator, admin):
    web = Team.objects.create(name="Web", tags=["web"])
    web.members.add(viewer)
    assert names(viewer) == ["web-1"]
    assert names(operator) == []  # in no team: nothing
    assert names(admin) == ALL  # admins: everything, in a team or not


def test_the_scopes_of_several_teams_add_up_without_repeats(fleet, viewer):
    for name, tags in (("Web", ["web"]), ("Prod", ["prod", "not-yet-a-tag"])):
        Team.objects.create(name=name, tags=tags).members.add(viewer)
    found = list(Server.objects.visible_to(viewer).values_list("name", flat=True))
    assert sorted(found) == ["db-1", "web-1"] and len(found) == 2  # web-1 has both tags: once


def test_a_team_with_all_servers_sees_everything(fleet, viewer):
    Team.objects.create(name="Web", tags=["web"]).members.add(viewer)
    Team.objects.create(name="NOC", all_servers=True).members.add(viewer)
    assert names(viewer) == ALL


def test_a_tag_added_later_widens_the_scope(fleet, viewer):
    Team.objects.create(name="Web", tags=["web"]).members.add(viewer)
    fleet["bare"].tags.add(Tag.objects.get(name="web"))
    assert names(viewer) == ["bare-1", "web-1"]


@pytest.mark.parametrize("servers", [3, 60])
def test_the_rule_costs_the_same_few_queries_whatever_the_fleet(viewer, servers):
    for i in range(servers):
        tagged_server(f"s-{i:03d}", "web" if i % 2 else "db")
    Team.objects.create(name="Web", tags=["web"]).members.add(viewer)
    user = User.objects.get(pk=viewer.pk)
    with CaptureQueriesContext(connection) as queries:
        found = list(Server.objects.visible_to(user))
    assert len(found) == servers // 2
    assert len(queries) == 2  # the user's teams, then the servers (one query, a subquery on tags)
    assert "DISTINCT" not in queries[-1]["sql"].upper()


def test_visible_ids_read_the_user_afresh(fleet, viewer):
    Team.objects.create(name="Web", tags=["web"]).members.add(viewer)
    ids, newest = visible_ids(viewer.pk)
    assert ids == {fleet["web"].pk} and newest == max(s.pk for s in fleet.values())
    User.objects.filter(pk=viewer.pk).update(role=Role.ADMIN)
    assert visible_ids(viewer.pk)[0] is None  # None: every server
    assert visible_ids(999999)[0] == frozenset()


def test_who_can_see_is_the_same_rule_read_the_other_way(fleet, viewer, operator, admin):
    users = User.objects.all()
    assert set(who_can_see(fleet["web"].pk, users)) == {viewer, operator, admin}
    Team.objects.create(name="Web", tags=["web"]).members.add(viewer)
    Team.objects.create(name="DB", tags=["db"]).members.add(operator)
    assert set(who_can_see(fleet["web"].pk, users)) == {viewer, admin}
    assert set(who_can_see(fleet["bare"].pk, users)) == {admin}
    loner = UserFactory.create(username="loner")
    Team.objects.create(name="NOC", all_servers=True).members.add(loner)
    assert loner in who_can_see(fleet["bare"].pk, users)
    for server in fleet.values():
        seeing = set(who_can_see(server.pk, User.objects.all()))
        assert seeing == {u for u in User.objects.all() if Server.objects.visible_to(u).filter(pk=server.pk).exists()}
