"""Factories for test data. Passwords are real Argon2 hashes, computed once per run."""

from __future__ import annotations

from functools import cache

import factory
from django.contrib.auth.hashers import make_password

from accounts.choices import Role
from accounts.models import User
from servers.models import Server

PASSWORD = "correct-horse-battery-staple"


@cache
def password_hash() -> str:
    return make_password(PASSWORD)


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    full_name = factory.Faker("name")
    role = Role.VIEWER
    password = factory.LazyFunction(password_hash)


class ServerFactory(factory.django.DjangoModelFactory[Server]):
    class Meta:
        model = Server

    name = factory.Sequence(lambda n: f"server-{n}")
    hostname = factory.LazyAttribute(lambda s: f"{s.name}.example.internal")
    ip_address = factory.Sequence(lambda n: f"10.0.{n // 250}.{n % 250 + 1}")
    os = "Debian 12"


def tagged_server(name: str, *tags: str) -> Server:
    """A server carrying these tags (made if new): what a team's scope selects by."""
    from servers.models import Tag

    server = ServerFactory.create(name=name)
    server.tags.set([Tag.objects.get_or_create(name=tag)[0] for tag in tags])
    return server
