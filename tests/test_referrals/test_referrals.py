"""The Prevent referral: the journey, encryption at rest, no copies, and who can read it."""

import datetime as dt
import logging
import re

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import OperationalError, connection
from django.urls import reverse
from django.utils import timezone

from core.roles import PREVENT_TRIAGE
from referrals.models import Referral, ReferralAccess
from tests.factories import make_staff
from tests.utils import HOTLINE_TEL, tel_links, text_of

pytestmark = pytest.mark.django_db

BASE = "/contact/prevent-referral/"
CANARY = "Zq9canaryXw7"

ANSWERS = {
    "about-you": {
        "referrer_name": "Ann Teacher",
        "referrer_role": "Designated safeguarding lead",
        "referrer_organisation": "Hillside Academy",
        "referrer_organisation_type": "education",
        "referrer_email": "ann.teacher@hillside.example",
        "referrer_phone": "01632 960 001",
        "website": "",
    },
    "about-the-person": {
        "person_name": "Sam Pupil",
        "person_date_of_birth_0": "3",
        "person_date_of_birth_1": "4",
        "person_date_of_birth_2": "2010",
        "person_age": "",
        "person_address": "Dudley",
        "person_school_or_employer": "Hillside Academy",
    },
    "concerns": {
        "concerns": "Sharing extremist videos with classmates.",
        "concerns_since": "September 2026",
        "immediate_risk": "",
    },
    "sharing": {"person_aware": "no", "sharing_basis": "safeguarding", "sharing_details": ""},
    "other-agencies": {"other_agencies": "Children's social care"},
}


def post_steps(client, answers=ANSWERS):
    response = None
    for step, data in answers.items():
        response = client.post(f"{BASE}{step}/", data)
        assert response.status_code == 303, (step, text_of(response)[-2000:])
    return response


def send(client):
    response = client.post(f"{BASE}check-your-answers/", {"website": ""})
    assert response.status_code == 303, text_of(response)[-2000:]
    return response


def with_canary():
    """Every free-text answer carries the canary, so that any copy of it can be found."""
    answers = {step: dict(data) for step, data in ANSWERS.items()}
    for data in answers.values():
        for name, value in data.items():
            if name in ("referrer_organisation_type", "person_aware", "sharing_basis", "website"):
                continue
            if name.startswith("person_date_of_birth"):
                continue
            if name == "referrer_email":
                data[name] = f"{CANARY.lower()}@hillside.example"
            elif name == "referrer_phone":
                data[name] = "01632 960 001"
            else:
                data[name] = f"{value} {CANARY}".strip()
    return answers


@pytest.fixture
def referral(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_steps(client)
        send(client)
    return Referral.objects.get()


@pytest.fixture
def prevent_triager(django_user_model):
    return make_staff(django_user_model, "priya", PREVENT_TRIAGE)


# --- The journey -----------------------------------------------------------------------------


def test_the_whole_journey_stores_the_referral_and_gives_a_reference(
    client, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.PREVENT_MAILBOX = "prevent@ctu.example.net"
    assert client.get(BASE).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        post_steps(client)
        check = client.get(f"{BASE}check-your-answers/")
        html = text_of(check)
        assert "3 April 2010" in html
        assert "Without consent, to protect them or others from harm" in html
        assert 'href="/contact/prevent-referral/about-you/?change=1#id_referrer_name"' in html
        sent = client.get(send(client)["Location"])
    referral = Referral.objects.get()
    assert re.fullmatch(r"PR-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}", referral.reference)
    assert referral.reference in text_of(sent)
    assert "What happens next" in text_of(sent)
    assert referral.person_name == "Sam Pupil"
    assert referral.person_date_of_birth == "2010-04-03"
    assert referral.person_aware == "No"
    assert referral.referrer_organisation_type == "education"
    assert referral.status == Referral.Status.RECEIVED
    # The answers were wiped from the session once stored.
    assert client.get(f"{BASE}check-your-answers/").status_code == 302
    # The Prevent mailbox gets the reference and a link, nothing of the referral.
    (mail,) = mailoutbox
    assert mail.to == ["prevent@ctu.example.net"]
    assert referral.reference in mail.body
    assert f"/admin/referrals/referral/{referral.pk}/change/" in mail.body
    for value in ("Ann", "Sam", "Hillside", "Dudley", "extremist", "social care", "01632"):
        assert value not in mail.body and value not in mail.subject


LONG_ANSWERS = {
    "about-the-person": ["person_address"],
    "concerns": ["concerns", "immediate_risk"],
    "sharing": ["sharing_details"],
    "other-agencies": ["other_agencies"],
}


def test_long_answers_are_textareas_and_the_phone_is_one_tel_input(client):
    post_steps(client)
    for step in ANSWERS:
        html = text_of(client.get(f"{BASE}{step}/"))
        inputs = re.findall(r"<input\b[^>]*>", html)
        # Nothing an input cannot carry, and never two type attributes.
        for tag in inputs:
            assert " rows=" not in tag, tag
            assert len(re.findall(r"\stype=", tag)) == 1, tag
        for name in LONG_ANSWERS.get(step, []):
            assert re.search(rf'<textarea name="{name}"[^>]* rows="\d+"', html), (step, name)
            assert not re.search(rf'<input[^>]*name="{name}"', html), (step, name)
    about_you = text_of(client.get(f"{BASE}about-you/"))
    (phone,) = re.findall(r'<input[^>]*name="referrer_phone"[^>]*>', about_you)
    assert 'type="tel"' in phone and 'autocomplete="work tel"' in phone
    assert 'class="govuk-input' in phone


def test_change_links_return_to_check_your_answers(client):
    post_steps(client)
    data = {**ANSWERS["concerns"], "concerns_since": "August 2026"}
    response = client.post(f"{BASE}concerns/?change=1", data)
    assert response["Location"] == f"{BASE}check-your-answers/"
    assert "August 2026" in text_of(client.get(response["Location"]))


def test_each_required_answer_has_its_own_message(client):
    expected = {
        "about-you": [
            "Enter your full name",
            "Enter your role",
            "Enter the name of your organisation",
            "Select the type of organisation",
            "Enter your work email address",
            "Enter your phone number",
        ],
        "about-the-person": [
            "Enter the name of the person you are worried about",
            "Enter their date of birth or their approximate age",
            "Enter their address or the area where they live",
        ],
        "concerns": ["Describe what you have seen or heard", "Enter when your concerns began"],
        "sharing": [
            "Select whether the person knows about this referral",
            "Select the basis for sharing this information",
        ],
    }
    steps = list(ANSWERS)
    for step, messages in expected.items():
        # Earlier steps answered, this one sent empty.
        post_steps(client, {s: ANSWERS[s] for s in steps[: steps.index(step)]})
        response = client.post(f"{BASE}{step}/", {})
        assert response.status_code == 400
        html = text_of(response)
        assert 'class="govuk-error-summary"' in html
        for message in messages:
            assert message in html, (step, message)
    assert Referral.objects.count() == 0


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("31", "2", "2010", "Date of birth must be a real date"),
        ("1", "13", "2010", "Date of birth must be a real date"),
        ("1", "1", "10", "Year must include 4 numbers"),
        ("1", "1", "2999", "Date of birth must be in the past"),
        ("1", "1", "1850", "Date of birth must be after 1900"),
        ("a", "b", "cccc", "Enter a valid"),
        ("1", "", "2010", "Enter the month"),
    ],
)
def test_impossible_dates_of_birth_are_refused(client, day, month, year, message):
    post_steps(client, {"about-you": ANSWERS["about-you"]})
    data = {
        **ANSWERS["about-the-person"],
        "person_date_of_birth_0": day,
        "person_date_of_birth_1": month,
        "person_date_of_birth_2": year,
    }
    response = client.post(f"{BASE}about-the-person/", data)
    assert response.status_code == 400
    assert message in text_of(response)


def test_an_approximate_age_will_do_instead_of_a_date_of_birth(client):
    post_steps(client, {"about-you": ANSWERS["about-you"]})
    data = {
        **ANSWERS["about-the-person"],
        "person_date_of_birth_0": "",
        "person_date_of_birth_1": "",
        "person_date_of_birth_2": "",
        "person_age": "about 15",
    }
    assert client.post(f"{BASE}about-the-person/", data).status_code == 303


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("referrer_phone", "call me", "Enter a telephone number, like 01632 960 001"),
        ("referrer_phone", "12345", "Enter a telephone number, like 01632 960 001"),
        ("referrer_phone", "+44 808 157 0192", None),
        ("referrer_email", "ann.teacher", "Enter an email address in the correct format"),
        ("referrer_email", "ann@@x", "Enter an email address in the correct format"),
        ("referrer_name", "x" * 201, "Your name must be 200 characters or fewer"),
        ("referrer_name", "Ann\x00", "Your name must only include letters"),
    ],
)
def test_bad_contact_details_get_a_clear_message(client, field, value, message):
    response = client.post(f"{BASE}about-you/", {**ANSWERS["about-you"], field: value})
    if message is None:
        assert response.status_code == 303
    else:
        assert response.status_code == 400
        assert message in text_of(response)


def test_a_journey_entered_in_the_middle_goes_back_to_the_start(client):
    for path in ("concerns/", "check-your-answers/", "other-agencies/"):
        response = client.get(BASE + path)
        assert response["Location"] == f"{BASE}?restart=order"
    response = client.post(f"{BASE}concerns/", ANSWERS["concerns"])
    assert response["Location"] == f"{BASE}?restart=order"
    assert "We could not find your earlier answers" in text_of(client.get(response["Location"]))
    assert Referral.objects.count() == 0


def test_answers_expire_after_30_minutes_and_nothing_is_saved(client):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        post_steps(client, {s: ANSWERS[s] for s in list(ANSWERS)[:3]})
    with time_machine.travel(start + dt.timedelta(minutes=29), tick=False):
        assert client.get(f"{BASE}sharing/").status_code == 200
    # The session ends soon after the answers, so clearsessions removes abandoned ones.
    assert client.session.get_expiry_age() == 90 * 60
    with time_machine.travel(start + dt.timedelta(minutes=31), tick=False):
        response = client.post(f"{BASE}sharing/", ANSWERS["sharing"])
        assert response["Location"] == f"{BASE}?restart=expired"
        assert "did not continue for 30 minutes" in text_of(client.get(response["Location"]))
        # The old answers are gone, not just hidden.
        assert client.get(f"{BASE}concerns/")["Location"] == f"{BASE}?restart=order"
    assert Referral.objects.count() == 0


def test_honeypot_and_rate_limit(client):
    bot = {**ANSWERS["about-you"], "website": "http://spam.example"}
    assert client.post(f"{BASE}about-you/", bot).status_code == 400
    post_steps(client)
    for _ in range(5):
        send(client)
        post_steps(client)
    response = client.post(f"{BASE}check-your-answers/", {"website": ""})
    assert response.status_code == 429
    assert HOTLINE_TEL in tel_links(text_of(response))
    assert Referral.objects.count() == 5


def test_a_database_failure_while_sending_says_not_received_and_keeps_nothing(
    client, monkeypatch, mailoutbox, django_capture_on_commit_callbacks
):
    post_steps(client)

    def fail(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly (simulated)")

    monkeypatch.setattr(Referral, "save", fail)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(f"{BASE}check-your-answers/", {"website": ""})
    assert response.status_code == 503
    assert "it was not received and nothing was saved" in text_of(response)
    assert HOTLINE_TEL in tel_links(text_of(response))
    assert callbacks == []
    assert mailoutbox == []
    monkeypatch.undo()
    assert Referral.objects.count() == 0
    # The answers are still there to send again once the database is back.
    assert client.get(f"{BASE}check-your-answers/").status_code == 200


# --- No copies ---------------------------------------------------------------------------------


def test_every_page_of_the_journey_is_no_store(client):
    def assert_no_store(response):
        assert "no-store" in response["Cache-Control"], response.request["PATH_INFO"]

    assert_no_store(client.get(BASE))
    for step, data in ANSWERS.items():
        assert_no_store(client.get(f"{BASE}{step}/"))
        assert_no_store(client.post(f"{BASE}{step}/", {}))
        assert_no_store(client.post(f"{BASE}{step}/", data))
    assert_no_store(client.get(f"{BASE}check-your-answers/"))
    sent = send(client)
    assert_no_store(sent)
    assert_no_store(client.get(sent["Location"]))


def raw_rows(table: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - a fixed table name
        return repr(cursor.fetchall())


def test_stored_columns_and_the_session_never_hold_the_plain_text(
    client, caplog, mailoutbox, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django")
    caplog.set_level(logging.DEBUG, logger="django.db.backends")
    connection.force_debug_cursor = True  # Log every SQL statement with its parameters.
    try:
        with django_capture_on_commit_callbacks(execute=True):
            post_steps(client, with_canary())
            session_while_filling = raw_rows("django_session")
            send(client)
    finally:
        connection.force_debug_cursor = False
    referral = Referral.objects.get()
    assert CANARY in referral.concerns  # Python sees the text...
    stored = raw_rows("referrals_referral")
    assert CANARY not in stored  # ...the database holds only ciphertext...
    assert CANARY.lower() not in stored.lower()
    assert "Sam Pupil" not in stored
    assert CANARY not in session_while_filling  # ...also while the form is being filled in...
    assert CANARY not in raw_rows("django_session")
    assert CANARY not in caplog.text  # ...and nothing reaches a log...
    assert "referrals_referral" in caplog.text  # (the SQL was logged, only encrypted)
    for mail in mailoutbox:  # ...or an email.
        assert CANARY not in mail.body and CANARY not in mail.subject


def test_error_reports_hide_the_post_data_and_the_decrypted_fields(rf, referral):
    import sys

    from referrals.redaction import ReferralExceptionReporterFilter

    request = rf.post(f"{BASE}concerns/", {"concerns": CANARY})
    report_filter = ReferralExceptionReporterFilter()
    assert CANARY not in repr(report_filter.get_post_parameters(request))
    secret = referral  # noqa: F841 - a local variable an error report would show
    try:
        raise ValueError("boom")
    except ValueError:
        frame = sys.exc_info()[2].tb_frame
    other = rf.get("/elsewhere/")
    shown = dict(report_filter.get_traceback_frame_variables(other, frame))
    assert shown["secret"] == report_filter.cleansed_substitute


def test_log_records_about_referral_pages_lose_their_details():
    from referrals.redaction import ReferralLogFilter

    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Bad input %s on %s", (CANARY, BASE), None
    )
    assert ReferralLogFilter().filter(record)
    assert CANARY not in record.getMessage()
    other = logging.LogRecord("x", logging.INFO, __file__, 1, "Page %s", ("/contact/",), None)
    ReferralLogFilter().filter(other)
    assert other.getMessage() == "Page /contact/"


# --- Keys ------------------------------------------------------------------------------------


def test_key_rotation_keeps_old_referrals_readable(referral, settings, capsys):
    old_key = settings.PREVENT_ENCRYPTION_KEYS[0]
    new_key = Fernet.generate_key().decode()
    settings.PREVENT_ENCRYPTION_KEYS = [new_key, old_key]
    assert Referral.objects.get().person_name == "Sam Pupil"  # read with the old key
    call_command("rotate_referral_keys")
    assert "Re-encrypted 1 referral(s)" in capsys.readouterr().out
    settings.PREVENT_ENCRYPTION_KEYS = [new_key]  # the old key retired
    assert Referral.objects.get().person_name == "Sam Pupil"
    settings.PREVENT_ENCRYPTION_KEYS = [old_key]  # and the old key no longer opens it
    with pytest.raises(ImproperlyConfigured, match="could not be decrypted"):
        Referral.objects.get()


def test_a_malformed_key_is_found_by_the_system_checks(settings):
    from ctu_site.checks import check_referral_keys

    assert check_referral_keys(None) == []
    settings.PREVENT_ENCRYPTION_KEYS = ["not-a-key"]
    (error,) = check_referral_keys(None)
    assert error.id == "ctu_site.E001"


# --- Who can read it ---------------------------------------------------------------------------


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", password="a-long-test-password")


@pytest.mark.parametrize("who", ["editor", "publisher", "triager", "superuser"])
def test_only_prevent_triage_can_reach_a_referral(client, referral, request, who):
    client.force_login(request.getfixturevalue(who))
    change = reverse("admin:referrals_referral_change", args=[referral.pk])
    changelist = reverse("admin:referrals_referral_changelist")
    assert client.get(changelist).status_code == 403
    assert client.get(change).status_code in (302, 403)
    assert "Sam Pupil" not in text_of(client.get(change, follow=True))
    export = {"action": "export_referrals", "_selected_action": [referral.pk]}
    assert client.post(changelist, export).status_code == 403
    assert "Referrals" not in text_of(client.get("/admin/"))
    assert client.get(reverse("admin:referrals_referralaccess_changelist")).status_code == 403
    assert not ReferralAccess.objects.exists()


def test_prevent_triage_reads_triages_and_exports_and_every_look_is_recorded(
    client, referral, prevent_triager
):
    client.force_login(prevent_triager)
    changelist = reverse("admin:referrals_referral_changelist")
    change = reverse("admin:referrals_referral_change", args=[referral.pk])

    listing = client.get(changelist)
    assert listing.status_code == 200
    assert "no-store" in listing["Cache-Control"]
    assert referral.reference in text_of(listing)
    assert "Sam Pupil" not in text_of(listing)  # the list shows references, not people

    opened = client.get(change)
    assert "no-store" in opened["Cache-Control"]
    assert "Sam Pupil" in text_of(opened)
    assert "Sharing extremist videos with classmates." in text_of(opened)

    response = client.post(
        change,
        {"status": "closed", "assigned_to": prevent_triager.pk, "notes": "Spoke to the DSL."},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == Referral.Status.CLOSED
    assert referral.closed_at is not None
    assert referral.notes == "Spoke to the DSL."
    assert referral.person_name == "Sam Pupil"  # the referral itself cannot be edited

    export = client.post(
        changelist, {"action": "export_referrals", "_selected_action": [referral.pk]}
    )
    assert export["Content-Type"].startswith("text/csv")
    assert "no-store" in export["Cache-Control"]
    assert "Sam Pupil" in export.content.decode()

    actions = list(
        ReferralAccess.objects.order_by("at", "pk").values_list("username", "action", "reference")
    )
    assert actions == [
        ("priya", "list", ""),
        ("priya", "view", referral.reference),
        ("priya", "change", referral.reference),
        ("priya", "export", referral.reference),
    ]
    log = client.get(reverse("admin:referrals_referralaccess_changelist"))
    assert log.status_code == 200 and referral.reference in text_of(log)


def test_the_group_itself_lets_a_superuser_in_when_added_to_it(client, referral, superuser):
    superuser.groups.add(Group.objects.get(name=PREVENT_TRIAGE))
    client.force_login(superuser)
    assert client.get(reverse("admin:referrals_referral_changelist")).status_code == 200


# --- Retention -------------------------------------------------------------------------------


def test_purge_deletes_only_referrals_closed_longer_than_the_retention(
    client, settings, capsys, django_capture_on_commit_callbacks
):
    settings.REFERRAL_RETENTION_DAYS = 30
    now = timezone.now()
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            post_steps(client)
            send(client)
    old, recent, open_old = Referral.objects.order_by("pk")
    Referral.objects.filter(pk=old.pk).update(status="closed", closed_at=now - dt.timedelta(31))
    Referral.objects.filter(pk=recent.pk).update(status="closed", closed_at=now - dt.timedelta(10))
    Referral.objects.filter(pk=open_old.pk).update(
        status="assessing", created_at=now - dt.timedelta(400)
    )
    call_command("purge_referrals")
    assert "Deleted 1 referral(s) closed more than 30 days ago." in capsys.readouterr().out
    assert set(Referral.objects.values_list("pk", flat=True)) == {recent.pk, open_old.pk}


def test_the_prevent_page_links_to_the_referral_form(client):
    from pages import starter

    starter.load_pages()
    assert f'href="{BASE}"' in text_of(client.get("/contest/prevent/"))
    privacy = text_of(client.get("/privacy-notice/"))
    assert "Every part of a referral is stored encrypted" in privacy


@pytest.mark.parametrize(
    "logger_name", ["django.request", "django.server", "django.security.csrf", "django", ""]
)
def test_every_log_handler_django_installs_strips_referral_details(logger_name):
    """Django's default handlers (mail_admins, django.server) carry the redaction too."""
    from referrals.redaction import ReferralLogFilter

    logger = logging.getLogger(logger_name)
    handlers = []
    while logger is not None:
        handlers += logger.handlers
        logger = logger.parent if logger.propagate else None
    # pytest attaches capturing handlers of its own while tests run: those are not the site's.
    handlers = [h for h in handlers if not type(h).__module__.startswith("_pytest")]
    assert handlers
    for handler in handlers:
        assert any(isinstance(f, ReferralLogFilter) for f in handler.filters), handler


def test_reading_a_referrals_history_is_recorded(client, referral, prevent_triager):
    client.force_login(prevent_triager)
    url = reverse("admin:referrals_referral_history", args=[referral.pk])
    assert client.get(url).status_code == 200
    assert ReferralAccess.objects.filter(
        referral=referral, action=ReferralAccess.Action.VIEW, detail="history"
    ).exists()


@pytest.mark.parametrize("day", ["99999999999999999999", "1" * 30])
def test_an_absurdly_long_day_of_birth_is_a_message_not_a_500(client, day):
    post_steps(client, {"about-you": ANSWERS["about-you"]})
    answers = {
        **ANSWERS["about-the-person"],
        "person_date_of_birth_0": day,
        "person_date_of_birth_1": "99999999999999999999",
        "person_date_of_birth_2": "2009",
    }
    response = client.post("/contact/prevent-referral/about-the-person/", answers)
    assert response.status_code == 400
    assert "Date of birth must be a real date" in response.content.decode()
