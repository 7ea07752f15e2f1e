"""The contact app's starter content: only organisations whose details are complete."""

from io import StringIO

from django.core.management import call_command

from contact import starter
from contact.models import Organisation


def test_every_starter_organisation_has_complete_details():
    for spec in starter.ORGANISATIONS:
        assert spec["name"]
        assert spec["description"]
        assert spec.get("phone") or spec.get("website")


def test_load_creates_missing_organisations_and_is_safe_to_run_again(db, monkeypatch):
    monkeypatch.setattr(
        starter,
        "ORGANISATIONS",
        ({"name": "A group", "description": "Listens.", "phone": "020 7946 0000"},),
    )
    assert starter.load() == 1
    Organisation.objects.update(description="Edited by staff.")
    assert starter.load() == 0
    assert Organisation.objects.get().description == "Edited by staff."


def test_load_starter_content_runs_the_contact_starter(db):
    out = StringIO()
    call_command("load_starter_content", stdout=out)
    assert "Contact and feedback: 0 item(s) created" in out.getvalue()
