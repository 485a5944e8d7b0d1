"""The starter FAQs about the hub (chatbot/data/faqs.json): how to install an agent, reset a
password, read an alert, … Added where missing; reversing leaves them (they may be edited)."""

from typing import Any

from django.db import migrations


def add_starter_faqs(apps: Any, schema_editor: Any) -> None:
    from chatbot.starter import load

    load(apps.get_model("chatbot", "FAQ"))


class Migration(migrations.Migration):
    dependencies = [("chatbot", "0001_initial")]

    operations = [migrations.RunPython(add_starter_faqs, migrations.RunPython.noop)]
