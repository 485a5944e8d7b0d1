"""/api/v1/chatbot/faqs: everyone signed in reads; support staff, operators and admins write."""

from __future__ import annotations

import pytest

from accounts.models import AuditLog
from chatbot.models import FAQ
from chatbot.starter import starter_faqs
from tests.roles import RoleMatrix, Route, allowed, everyone

pytestmark = pytest.mark.django_db

WRITERS = ("support", "operator", "admin")
NEW = {"question": "How do I export a chart?", "answer": "Use the menu of the chart.", "tags": ["charts"]}


def no_new_faq(outcome):
    assert not FAQ.objects.filter(question=NEW["question"]).exists()


def faq_unchanged(outcome):
    assert FAQ.objects.filter(question="How do I reset my password?").exists()


ROLES = RoleMatrix(
    Route("GET", "/api/v1/chatbot/faqs", expect=everyone(200)),
    Route("GET", "/api/v1/chatbot/faqs/{faq.pk}", expect=everyone(200)),
    # An inactive FAQ: only those who edit the FAQ see it.
    Route("GET", "/api/v1/chatbot/faqs/{draft.pk}", expect={**allowed(*WRITERS), "requester": 404, "viewer": 404}),
    Route("GET", "/api/v1/chatbot/faqs/999999", expect={"support": (404, "not_found")}),
    Route("POST", "/api/v1/chatbot/faqs", body=NEW, expect=allowed(*WRITERS, ok=201), unchanged=no_new_faq),
    Route(
        "PATCH",
        "/api/v1/chatbot/faqs/{faq.pk}",
        body={"answer": "Ask an admin."},
        expect=allowed(*WRITERS),
        unchanged=faq_unchanged,
    ),
    Route("PUT", "/api/v1/chatbot/faqs/{faq.pk}", body={"category": "Accounts"}, expect=allowed(*WRITERS)),
    Route("DELETE", "/api/v1/chatbot/faqs/{faq.pk}", expect=allowed(*WRITERS), unchanged=faq_unchanged),
    Route("DELETE", "/api/v1/chatbot/faqs/999999", expect={"admin": (404, "not_found")}),
)


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


def test_the_starter_faqs_are_loaded(client_for, requester):
    body = client_for(requester).get("/api/v1/chatbot/faqs", {"size": 100}).json()
    assert body["pagination"]["total"] == len(starter_faqs()) >= 30
    questions = {faq["question"] for faq in body["data"]}
    assert "How do I install the monitoring agent on a server?" in questions
    assert "How do I read an alert?" in questions
    assert set(body["data"][0]) == {
        "id",
        "question",
        "answer",
        "category",
        "tags",
        "is_active",
        "created_at",
        "updated_at",
    }


def test_filters(client_for, requester, draft):
    client = client_for(requester)

    def questions(**params):
        response = client.get("/api/v1/chatbot/faqs", {"size": 100, **params})
        assert response.status_code == 200, response.json()
        return {faq["question"] for faq in response.json()["data"]}

    assert questions(search="PASSWORD") >= {"How do I reset my password?"}
    assert all(
        "password" in q.lower() or "password" in FAQ.objects.get(question=q).answer.lower()
        for q in questions(search="password")
    )
    assert questions(category="alerts") == {f["question"] for f in starter_faqs() if f["category"] == "Alerts"}
    assert questions(tags="agent") == {f["question"] for f in starter_faqs() if "agent" in f["tags"]}
    assert questions(tags="AGENT") == questions(tags="agent")
    assert questions(tags="no such tag!") == set()
    # Repeated: FAQs with all the tags.
    both = client.get("/api/v1/chatbot/faqs?tags=agent&tags=upgrade").json()["data"]
    assert [f["question"] for f in both] == ["How do I upgrade the agent to a new version?"]
    # The requester never sees the inactive draft, even asking for it.
    assert questions(is_active="false") == set()


def test_support_sees_inactive_faqs(client_for, support, draft):
    data = client_for(support).get("/api/v1/chatbot/faqs", {"is_active": "false"}).json()["data"]
    assert [f["id"] for f in data] == [draft.pk]


@pytest.mark.parametrize(
    "params",
    [{"tags": "x" * 51}, {"is_active": "maybe"}, {"category": "x", "page": "zero"}, {"size": "1000"}],
)
def test_bad_filters(client_for, requester, params):
    response = client_for(requester).get("/api/v1/chatbot/faqs", params)
    assert response.status_code == 400


def test_create_update_delete_with_audit(client_for, support):
    client = client_for(support)
    created = client.post("/api/v1/chatbot/faqs", {**NEW, "tags": ["Charts", "charts", "export"]}, format="json")
    assert created.status_code == 201, created.json()
    faq = created.json()["data"]
    assert faq["tags"] == ["charts", "export"]
    assert faq["is_active"] is True and faq["category"] == ""
    changed = client.patch(f"/api/v1/chatbot/faqs/{faq['id']}", {"is_active": False}, format="json")
    assert changed.json()["data"]["is_active"] is False
    assert client.delete(f"/api/v1/chatbot/faqs/{faq['id']}").status_code == 200
    assert not FAQ.objects.filter(pk=faq["id"]).exists()
    actions = list(AuditLog.objects.filter(action__startswith="faq.").order_by("id").values_list("action", flat=True))
    assert actions == ["faq.created", "faq.updated", "faq.deleted"]


@pytest.mark.parametrize(
    "body",
    [
        {"answer": "x"},
        {"question": "", "answer": "x"},
        {"question": "   ", "answer": "x"},
        {"question": 12, "answer": "x"},
        {"question": "q", "answer": "x", "tags": "password"},
        {"question": "q", "answer": "x", "tags": ["has space"]},
        {"question": "q", "answer": "x", "tags": [f"t{i}" for i in range(13)]},
        {"question": "q" * 301, "answer": "x"},
        {"question": "q", "answer": "x", "is_active": "yes"},
    ],
)
def test_bad_bodies(client_for, support, body):
    before = FAQ.objects.count()
    response = client_for(support).post("/api/v1/chatbot/faqs", body, format="json")
    assert response.status_code == 400, response.json()
    assert FAQ.objects.count() == before
