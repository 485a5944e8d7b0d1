"""Role matrices: one table per route of who gets 200, 401, 403 and 404.

Modelled on NetBox's generic API test cases (``utilities/testing/api.py``), which run the same
anonymous / without-permission / with-permission calls against every view, but written as
data: a route, a body, and the status each caller gets. Each (route, caller) pair becomes one
pytest case, so a failing cell names itself: ``test_roles[viewer-POST-/api/v1/commands/{server}-403]``.

A new app's tests use it like this::

    from tests.roles import RoleMatrix, Route, allowed, everyone, key

    pytestmark = pytest.mark.django_db

    @pytest.fixture
    def ticket(admin):
        return Ticket.objects.create(title="disk full", opened_by=admin)

    def nothing_was_created(outcome):
        assert not Ticket.objects.exists()

    ROLES = RoleMatrix(
        # Who may: the named roles get 201; the other roles get 403, anonymous callers 401.
        Route("POST", "/api/v1/tickets", body={"title": "x"}, expect=allowed("operator", "admin", ok=201),
              unchanged=nothing_was_created),
        # `{ticket.pk}` is filled from the `ticket` fixture (any fixture, any attribute or index);
        # `uses=("other",)` asks for fixtures the path does not name.
        Route("GET", "/api/v1/tickets/{ticket.pk}", expect={**everyone(200), "outsider": 404}),
        # Unknown objects: 404 with the error code the contract promises.
        Route("GET", "/api/v1/tickets/999999", expect={"viewer": (404, "not_found")}),
        # A key reaches only what its scopes name.
        Route("GET", "/api/v1/tickets", expect={key("admin", "servers:read"): (403, "insufficient_scope")}),
    )

    @ROLES.parametrize
    def test_roles(request, case):      # in a class too: def test_roles(self, request, case)
        case.check(request)

``allowed`` and ``everyone`` list every role of the user model (``accounts.choices.Role``), so
a role added later gets a cell in every table built with them: refused where ``allowed`` does
not name it, until the table says otherwise. One exception, written once here: ``support``
reads like a viewer, so ``allowed`` grants it wherever it grants ``viewer``; ``requester`` (the
least role, no servers) is refused wherever it is not named.

Callers, by name:
  - ``anonymous``: no credentials.
  - a fixture's name (``admin``, ``operator``, ``viewer``, ``outsider``, or the module's own):
    a ``User`` is signed in with a JWT, a ``str`` is used as a raw API key, an ``APIClient``
    is used as it is.
  - any other role the user model accepts (``accounts.choices.Role``): a fresh user of it.
  - ``key(role, *scopes)``: an API key of that role's user with those scopes (none given: the
    default scopes), e.g. ``"operator key(metrics:write)"``.

Every 4xx is checked against the error envelope (``tests.helpers.assert_error``: ``detail``,
``status_code``, ``error_code``, ``errors``, ``request_id``), with the error code when the
table gives one; every 2xx against the success envelope (``assert_ok``). ``unchanged`` runs
after each call refused with 401, 403 or 404 (to check nothing was written), ``then`` after
every call.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import pytest
from rest_framework.test import APIClient

from tests.helpers import assert_error, assert_ok

__all__ = ["ANONYMOUS", "Outcome", "RoleCase", "RoleMatrix", "Route", "allowed", "everyone", "key", "strangers"]

ANONYMOUS = "anonymous"
#: A status, or a status and the error code the response must carry.
Expected = int | tuple[int, str]
F = TypeVar("F", bound=Callable[..., Any])
_KEY = re.compile(r"^(?P<role>[\w-]+) key\((?P<scopes>[^)]*)\)$")


def key(role: str, *scopes: str) -> str:
    """The caller name of an API key of ``role``'s user with ``scopes`` (default scopes if none)."""
    return f"{role} key({','.join(scopes)})"


def allowed(*roles: str, ok: Expected = 200, refused: Expected = (403, "permission_denied")) -> dict[str, Expected]:
    """Only ``roles`` get ``ok``; every other role of the user model gets ``refused``,
    anonymous callers 401. Add cells with ``{**allowed(...), "outsider": 404}``."""
    from accounts.choices import Role

    unknown = set(roles) - set(Role.values)
    assert not unknown, f"not roles: {sorted(unknown)}"
    granted = set(roles)
    if Role.VIEWER in granted:
        # Support staff read like viewers (and work tickets): where a table lets viewers in,
        # it lets support in, unless it names its roles without viewer.
        granted.add(Role.SUPPORT)
    return {ANONYMOUS: (401, "not_authenticated"), **{r: ok if r in granted else refused for r in Role.values}}


@dataclass(frozen=True)
class Outcome:
    """What one cell of the matrix gave, for the ``then`` and ``unchanged`` checks."""

    caller: str
    response: Any
    #: The fixtures the route named (in its path or ``uses``), by name.
    objects: dict[str, Any]

    @property
    def refused(self) -> bool:
        """Turned away at the door (no credentials, no right, nothing visible), as opposed to a
        400 or a 409, which may leave a record by design (a command that did not run)."""
        return self.response.status_code in (401, 403, 404)

    @property
    def body(self) -> Any:
        return self.response.json()

    @property
    def data(self) -> Any:
        """The success envelope's ``data``."""
        return self.body["data"]


Check = Callable[[Outcome], None]


@dataclass(frozen=True)
class Route:
    """One route and what each caller gets from it.

    ``path`` is a ``str.format`` template whose fields name fixtures (``{server.pk}``,
    ``{history[0].pk}``); ``uses`` names fixtures that must exist without being in the path.
    ``body`` is sent as JSON (for GET, as the query string)."""

    method: str
    path: str
    expect: Mapping[str, Expected]
    body: Any = None
    uses: tuple[str, ...] = ()
    unchanged: Check | None = None
    then: Check | None = None

    def fixtures(self) -> list[str]:
        names = [name for _, name, _, _ in string.Formatter().parse(self.path) if name]
        return [*dict.fromkeys([re.split(r"[.\[]", name, maxsplit=1)[0] for name in names] + list(self.uses))]

    def label(self) -> str:
        """The path as it reads in a test id: ``{server.pk}`` shows as ``{server}``."""
        return re.sub(r"\{(\w+)[^}]*\}", r"{\1}", self.path)


@dataclass(frozen=True)
class RoleCase:
    """One cell: a caller on a route, and the status it must get."""

    route: Route
    caller: str
    expected: Expected

    @property
    def status(self) -> int:
        return self.expected if isinstance(self.expected, int) else self.expected[0]

    @property
    def error_code(self) -> str | None:
        return None if isinstance(self.expected, int) else self.expected[1]

    @property
    def id(self) -> str:
        return f"{self.caller}-{self.route.method.upper()}-{self.route.label()}-{self.status}"

    def check(self, request: pytest.FixtureRequest) -> Outcome:
        """Make the call as the caller and assert the status, the envelope and the checks."""
        request.getfixturevalue("db")  # a no-op where the test is already marked django_db
        objects = {name: request.getfixturevalue(name) for name in self.route.fixtures()}
        client = client_as(request, self.caller)
        path = self.route.path.format(**objects)
        call = getattr(client, self.route.method.lower())
        response = call(path) if self.route.body is None else call(path, self.route.body, format="json")
        if self.status >= 400:
            assert_error(response, self.status, self.error_code)
        else:
            assert self.error_code is None, "an error code is for refusals"
            assert_ok(response, self.status)
        outcome = Outcome(self.caller, response, objects)
        if outcome.refused and self.route.unchanged is not None:
            self.route.unchanged(outcome)
        if self.route.then is not None:
            self.route.then(outcome)
        return outcome


class RoleMatrix:
    """The routes of one module (or class) and their expectations; ``parametrize`` turns the
    table into one test case per cell."""

    def __init__(self, *routes: Route) -> None:
        self.routes = routes

    def cases(self) -> list[RoleCase]:
        return [RoleCase(route, who, expected) for route in self.routes for who, expected in route.expect.items()]

    def parametrize(self, test: F) -> F:
        """Parametrize ``test`` over the cells; the test takes ``case`` (and ``request``)."""
        params: Iterable[Any] = [pytest.param(case, id=case.id) for case in self.cases()]
        return pytest.mark.parametrize("case", params)(test)


def client_as(request: pytest.FixtureRequest, caller: str) -> APIClient:
    """An API client that calls as ``caller`` (see the module's docstring for the names)."""
    from accounts.models import User

    if caller == ANONYMOUS:
        return APIClient()
    if match := _KEY.match(caller):
        from accounts.services import create_api_key

        scopes = [s for s in match["scopes"].split(",") if s] or None
        _, raw = create_api_key(None, user_of(request, match["role"]), name=f"matrix {caller}", scopes=scopes)
        return bearer(raw)
    found = fixture_or_none(request, caller)
    if isinstance(found, APIClient):
        return found
    if isinstance(found, str):
        return bearer(found)
    if found is None or isinstance(found, User):
        return request.getfixturevalue("client_for")(found or user_of(request, caller))
    raise TypeError(f"fixture {caller!r} is a {type(found).__name__}, not a User, a raw key or an APIClient")


def user_of(request: pytest.FixtureRequest, role: str) -> Any:
    """The fixture's user where the suite has one for this name (``admin``: the one who owns
    the ``server`` fixture), else a new user of that role."""
    from accounts.choices import Role
    from accounts.models import User
    from tests.factories import UserFactory

    found = fixture_or_none(request, role)
    if isinstance(found, User):
        return found
    assert role in Role.values, f"{role!r} is neither a fixture nor a role ({', '.join(Role.values)})"
    return UserFactory.create(role=role)


def fixture_or_none(request: pytest.FixtureRequest, name: str) -> Any:
    try:
        return request.getfixturevalue(name)
    except pytest.FixtureLookupError:
        return None


def bearer(raw: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client


def everyone(status: Expected, *, anonymous: Expected = (401, "not_authenticated")) -> dict[str, Expected]:
    """Every role of the user model gets ``status``; anonymous callers ``anonymous``."""
    from accounts.choices import Role

    return {ANONYMOUS: anonymous, **dict.fromkeys(Role.values, status)}


def strangers(status: Expected) -> dict[str, Expected]:
    """``status`` for whoever belongs to nothing of the table's: the ``outsider`` fixture, and
    the roles the suite has no fixture user for (``support``, ``requester``), which are fresh
    users and so outsiders too. Use it where a table gives an outsider a 404."""
    return {"outsider": status, "support": status, "requester": status}
