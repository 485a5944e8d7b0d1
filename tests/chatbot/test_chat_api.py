"""POST /api/v1/chatbot/chat, and the logs and analytics of what the bot was asked."""

from __future__ import annotations

import pytest

from chatbot.models import ChatLog
from helpdesk.models import Ticket, TicketComment
from tests.roles import RoleMatrix, Route, allowed, everyone

pytestmark = pytest.mark.django_db

STAFF = ("support", "operator", "admin")
KNOWN = "I forgot my password, how can I change it?"
OFF_TOPIC = "can you recommend a good pizza place"


def nothing_logged(outcome):
    assert not ChatLog.objects.exists()


ROLES = RoleMatrix(
    Route("POST", "/api/v1/chatbot/chat", body={"message": KNOWN}, expect=everyone(200), unchanged=nothing_logged),
    Route("GET", "/api/v1/chatbot/logs", expect=allowed(*STAFF)),
    Route("GET", "/api/v1/chatbot/analytics", expect=allowed(*STAFF)),
)


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


def test_a_known_question_is_answered_from_the_faq(client_for, requester, faq):
    response = client_for(requester).post("/api/v1/chatbot/chat", {"message": KNOWN}, format="json")
    assert response.status_code == 200
    data = response.json()["data"]
    assert set(data) == {"response", "session_id", "confidence_score", "was_escalated", "ticket_id"}
    assert data["response"] == faq.answer
    assert data["was_escalated"] is False and data["ticket_id"] is None
    assert 0.45 <= data["confidence_score"] <= 1
    log = ChatLog.objects.get()
    assert (log.user, log.session_id, log.faq, log.via) == (requester, data["session_id"], faq, "api")
    assert not Ticket.objects.exists()


def test_an_off_topic_question_opens_a_ticket_with_the_conversation(client_for, requester, faq):
    client = client_for(requester)
    first = client.post("/api/v1/chatbot/chat", {"message": KNOWN}, format="json").json()["data"]
    session = first["session_id"]
    response = client.post("/api/v1/chatbot/chat", {"message": OFF_TOPIC, "session_id": session}, format="json")
    data = response.json()["data"]
    assert data["was_escalated"] is True
    assert data["session_id"] == session
    assert data["confidence_score"] < 0.45
    ticket = Ticket.objects.get(pk=data["ticket_id"])
    assert f"#{ticket.pk}" in data["response"]
    assert (ticket.source, ticket.created_by) == ("chatbot", requester)
    assert OFF_TOPIC in ticket.title
    # The whole conversation: the earlier question and answer, then the one handed over.
    assert ticket.description.index(KNOWN) < ticket.description.index(faq.answer) < ticket.description.index(OFF_TOPIC)
    # The classifier filed it (no category was given).
    assert ticket.auto_categorized
    # The requester sees the ticket the bot opened for them.
    assert Ticket.objects.visible_to(requester).filter(pk=ticket.pk).exists()

    # Another unsure question in the same conversation joins that ticket instead of a new one.
    again = client.post(
        "/api/v1/chatbot/chat", {"message": "who won the football match", "session_id": session}, format="json"
    ).json()["data"]
    assert again["was_escalated"] is True and again["ticket_id"] == ticket.pk
    assert Ticket.objects.count() == 1
    assert TicketComment.objects.filter(ticket=ticket, body__contains="who won the football match").exists()
    assert list(ChatLog.objects.order_by("id").values_list("was_escalated", flat=True)) == [False, True, True]


def test_an_empty_faq_hands_everything_over(client_for, requester):
    from chatbot.models import FAQ

    FAQ.objects.all().delete()
    data = client_for(requester).post("/api/v1/chatbot/chat", {"message": KNOWN}, format="json").json()["data"]
    assert data["was_escalated"] is True and data["confidence_score"] == 0
    assert "The FAQ is empty." in Ticket.objects.get(pk=data["ticket_id"]).description


def test_a_tie_between_two_faqs_is_handed_over(client_for, requester, settings):
    # The best answer must lead the runner-up by the margin; asked for an impossible lead, the
    # bot hands over even a question it knows.
    settings.CHATBOT_MIN_MARGIN = 1.0
    data = client_for(requester).post("/api/v1/chatbot/chat", {"message": KNOWN}, format="json").json()["data"]
    assert data["was_escalated"] is True
    assert data["confidence_score"] >= 0.45


def test_an_edited_faq_is_answered_at_once(client_for, support, requester, faq):
    client_for(support).patch(
        f"/api/v1/chatbot/faqs/{faq.pk}", {"answer": "Ask the service desk for a reset link."}, format="json"
    )
    data = client_for(requester).post("/api/v1/chatbot/chat", {"message": KNOWN}, format="json").json()["data"]
    assert data["response"] == "Ask the service desk for a reset link."


def test_another_persons_session_is_not_found(client_for, requester, other_requester):
    session = client_for(requester).post("/api/v1/chatbot/chat", {"message": KNOWN}, format="json").json()["data"]
    response = client_for(other_requester).post(
        "/api/v1/chatbot/chat", {"message": KNOWN, "session_id": session["session_id"]}, format="json"
    )
    assert response.status_code == 404
    assert response.json()["error_code"] == "not_found"
    assert ChatLog.objects.count() == 1


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"message": ""},
        {"message": "   "},
        {"message": 42},
        {"message": "x" * 2001},
        {"message": "hi", "session_id": "has spaces"},
        {"message": "hi", "session_id": "x" * 65},
        {"message": "hi", "session_id": 7},
    ],
)
def test_bad_bodies(client_for, requester, body):
    response = client_for(requester).post("/api/v1/chatbot/chat", body, format="json")
    assert response.status_code == 400, response.json()
    assert not ChatLog.objects.exists()


def test_logs_and_their_filters(client_for, requester, other_requester, support):
    a = client_for(requester)
    b = client_for(other_requester)
    first = a.post("/api/v1/chatbot/chat", {"message": KNOWN}, format="json").json()["data"]
    a.post("/api/v1/chatbot/chat", {"message": OFF_TOPIC, "session_id": first["session_id"]}, format="json")
    b.post("/api/v1/chatbot/chat", {"message": "How do I read an alert?"}, format="json")
    staff = client_for(support)

    def logs(**params):
        response = staff.get("/api/v1/chatbot/logs", params)
        assert response.status_code == 200, response.json()
        return response.json()["data"]

    everything = logs()
    assert [log["user_query"] for log in everything] == ["How do I read an alert?", OFF_TOPIC, KNOWN]
    assert set(everything[0]) == {
        "id", "user_id", "session_id", "user_query", "bot_response", "confidence_score", "was_escalated",
        "ticket_id", "faq_id", "via", "response_time_ms", "created_at",
    }  # fmt: skip
    assert [log["user_query"] for log in logs(session_id=first["session_id"])] == [OFF_TOPIC, KNOWN]
    assert [log["user_query"] for log in logs(escalated_only="true")] == [OFF_TOPIC]
    assert len(logs(escalated_only="false")) == 3
    assert [log["user_query"] for log in logs(user_id=other_requester.pk)] == ["How do I read an alert?"]
    assert [log["user_query"] for log in logs(size=1)] == ["How do I read an alert?"]
    for bad in ({"escalated_only": "yes"}, {"user_id": "me"}, {"start_date": "yesterday"}, {"size": "0"}):
        assert staff.get("/api/v1/chatbot/logs", bad).status_code == 400, bad


def test_analytics(client_for, requester, support):
    staff = client_for(support)
    empty = staff.get("/api/v1/chatbot/analytics").json()["data"]
    assert empty == {
        "total_queries": 0,
        "escalated_queries": 0,
        "escalation_rate": 0.0,
        "avg_confidence_score": None,
        "common_queries": [],
    }
    client = client_for(requester)
    for message in (
        KNOWN,
        KNOWN.upper(),
        "  " + KNOWN,
        OFF_TOPIC,
        "How do I read an alert?",
        "How do I read an alert?",
    ):
        client.post("/api/v1/chatbot/chat", {"message": message}, format="json")
    data = staff.get("/api/v1/chatbot/analytics").json()["data"]
    assert data["total_queries"] == 6
    assert data["escalated_queries"] == 1
    assert data["escalation_rate"] == pytest.approx(16.67)
    confidences = list(ChatLog.objects.values_list("confidence_score", flat=True))
    assert data["avg_confidence_score"] == pytest.approx(sum(confidences) / 6, abs=1e-4)
    assert data["common_queries"][:2] == [
        {"query": KNOWN.lower(), "count": 3},
        {"query": "how do i read an alert?", "count": 2},
    ]
