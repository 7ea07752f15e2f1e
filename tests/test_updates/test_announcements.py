"""What publishing sends: news, business advice, threat-level changes and incident updates
reach their subscribers from the admin, a minor change sends nothing, a scheduled item is sent
when it goes live, and nothing is sent twice or for what was not saved."""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from alerts.models import Incident, ThreatLevel, ThreatLevelChange
from news.models import NewsItem
from publishing import services
from publishing.models import Revision
from tests.factories import news_form, page_form
from updates.models import Mailing

pytestmark = pytest.mark.django_db


@pytest.fixture
def readers(make_subscriber):
    return {
        "news": make_subscriber("news@example.org"),
        "weekly": make_subscriber("weekly@example.org", news_frequency="weekly"),
        "threat": make_subscriber("threat@example.org", news=False, threat_level=True),
        "incidents": make_subscriber("incidents@example.org", news=False, incidents=True),
        "business": make_subscriber("shop@example.org", news=False, business=True),
    }


def post(client, capture, url, data):
    """Post a form as the browser does; the sending runs once the admin's transaction commits."""
    with capture(execute=True):
        return client.post(url, data)


def recipients(inbox) -> list[str]:
    return sorted(rcpt for rcpts, _ in inbox.messages for rcpt in rcpts)


def news_change_url(item):
    return reverse("admin:news_newsitem_change", args=[item.pk])


def test_publishing_a_new_news_item_emails_news_subscribers_once(
    client, publisher, readers, inbox, make_news, django_capture_on_commit_callbacks
):
    item = make_news("Arrests in Norbury inquiry", publish=False, summary="Two people held.")
    client.force_login(publisher)
    # A new item: "Yes" is chosen already, as a browser posts it.
    response = post(
        client,
        django_capture_on_commit_callbacks,
        news_change_url(item),
        news_form(item, _publish="1"),
    )
    assert response.status_code == 302
    assert recipients(inbox) == ["news@example.org"]  # not weekly, not other topics
    message = inbox.to("news@example.org")[0]
    assert message["Subject"] == "Arrests in Norbury inquiry"
    text = inbox.text(message)
    assert "Two people held." in text and "/news/arrests-in-norbury-inquiry/" in text
    assert "0800 789 321" in text
    mailing = Mailing.objects.get()
    assert (mailing.topic, mailing.queued, mailing.sent, mailing.created_by) == (
        "news",
        1,
        1,
        publisher,
    )

    # Publishing the same revision again sends nothing more.
    item.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.revision_publish(revision=item.live_revision, user=publisher)
    assert len(inbox.messages) == 1 and Mailing.objects.count() == 1


def test_a_change_to_published_news_needs_a_choice_and_a_major_one_a_note(
    client, publisher, readers, inbox, make_news, django_capture_on_commit_callbacks
):
    item = make_news("Operation Ranmoor concludes")
    client.force_login(publisher)
    url = news_change_url(item)

    def publish(**changes):
        data = news_form(item, summary="Sentenced today.", _publish="1", **changes)
        return post(client, django_capture_on_commit_callbacks, url, data)

    # No choice made: refused, nothing published or sent, and the form says what to do.
    response = publish(update_type="")
    assert response.status_code == 200
    assert "Choose whether to email subscribers about this change" in response.text
    item.refresh_from_db()
    assert item.summary != "Sentenced today." and not inbox.messages

    # A major change without a note is refused too.
    response = publish(update_type="major")
    assert "Say in a sentence what changed" in response.text
    assert not inbox.messages

    # A minor change publishes and sends nothing.
    assert publish(update_type="minor").status_code == 302
    item.refresh_from_db()
    assert item.summary == "Sentenced today." and not inbox.messages
    assert not Mailing.objects.exists()

    # A major change with its note: "Updated:", and the note in the email.
    item.refresh_from_db()
    note = "Added the sentences handed down at Sheffield Crown Court."
    assert publish(update_type="major", change_note=note, body="Sentences.").status_code == 302
    message = inbox.to("news@example.org")[0]
    assert message["Subject"] == "Updated: Operation Ranmoor concludes"
    assert "What changed: Added the sentences handed down" in inbox.text(message)
    assert "Added the sentences handed down" in inbox.html(message)


def test_an_editors_choice_reaches_the_publisher_and_only_a_publisher_sends(
    client, editor, publisher, readers, inbox, make_news, django_capture_on_commit_callbacks
):
    item = make_news("Prevent week", publish=False)
    client.force_login(editor)
    response = post(
        client,
        django_capture_on_commit_callbacks,
        news_change_url(item),
        news_form(item, update_type="minor", _submit="Submit for review"),
    )
    assert response.status_code == 302 and not inbox.messages
    item.refresh_from_db()
    assert item.latest_revision.notify_subscribers is False

    # The Publisher sees the Editor's "No", changes it to "Yes", and publishes.
    client.force_login(publisher)
    page = client.get(news_change_url(item))
    chosen = re.search(r'<input[^>]*name="update_type"[^>]*value="(\w+)"[^>]*checked', page.text)
    assert chosen and chosen.group(1) == "minor"
    item.refresh_from_db()
    post(
        client,
        django_capture_on_commit_callbacks,
        news_change_url(item),
        news_form(item, update_type="major", _publish="1"),
    )
    assert recipients(inbox) == ["news@example.org"]


def test_a_scheduled_item_is_emailed_when_it_goes_live_not_when_it_is_approved(
    client, publisher, readers, inbox, make_news, django_capture_on_commit_callbacks
):
    item = make_news("Festival season advice", publish=False)
    client.force_login(publisher)
    go_live = timezone.localtime() + dt.timedelta(hours=2)
    response = post(
        client,
        django_capture_on_commit_callbacks,
        news_change_url(item),
        news_form(
            item,
            go_live_at_0=go_live.strftime("%Y-%m-%d"),
            go_live_at_1=go_live.strftime("%H:%M:%S"),
            _publish="1",
        ),
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.scheduled_revision_id and not inbox.messages

    with (
        time_machine.travel(go_live + dt.timedelta(minutes=1), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert services.publish_scheduled() == {"published": 1, "expired": 0}
    assert recipients(inbox) == ["news@example.org"]


def test_news_under_reporting_restrictions_is_neither_published_nor_sent(
    client, publisher, readers, inbox, make_news, django_capture_on_commit_callbacks
):
    item = make_news("Charge in Pitsford inquiry", publish=False)
    client.force_login(publisher)
    post(
        client,
        django_capture_on_commit_callbacks,
        news_change_url(item),
        news_form(item, reporting_restrictions="on", _publish="1"),
    )
    item.refresh_from_db()
    assert not item.live and not inbox.messages and not Mailing.objects.exists()


def test_business_advice_pages_go_to_businesses_and_other_pages_to_no_one(
    client, publisher, readers, inbox, make_page, django_capture_on_commit_callbacks
):
    section = make_page("advice-for-businesses", title="Advice for businesses")
    other = make_page("about-the-unit", title="About the unit")
    new_page = make_page("deliveries", parent=section, title="Deliveries", publish=False)
    client.force_login(publisher)

    # An ordinary page has no such choice and sends nothing.
    url = reverse("admin:pages_page_change", args=[other.pk])
    assert "Email subscribers about this?" not in client.get(url).text
    post(
        client,
        django_capture_on_commit_callbacks,
        url,
        page_form(other, summary="Who we are.", _publish="1"),
    )
    assert not inbox.messages

    url = reverse("admin:pages_page_change", args=[new_page.pk])
    assert "Email subscribers about this?" in client.get(url).text
    post(client, django_capture_on_commit_callbacks, url, page_form(new_page, _publish="1"))
    assert recipients(inbox) == ["shop@example.org"]
    assert inbox.messages[0][1]["Subject"] == "Deliveries"


def test_a_threat_level_change_is_emailed_at_once_and_only_when_the_level_changes(
    client, publisher, readers, inbox, django_capture_on_commit_callbacks
):
    substantial = ThreatLevel.objects.get(code="substantial")
    severe = ThreatLevel.objects.get(code="severe")
    ThreatLevelChange.objects.create(
        level=substantial, took_effect_on=timezone.localdate() - dt.timedelta(days=90)
    )
    client.force_login(publisher)
    url = reverse("admin:alerts_threatlevelchange_add")
    assert "Email subscribers" in client.get(url).text
    today = timezone.localdate().isoformat()

    response = post(
        client,
        django_capture_on_commit_callbacks,
        url,
        {"level": severe.pk, "took_effect_on": today, "email_subscribers": "on"},
    )
    assert response.status_code == 302
    assert recipients(inbox) == ["threat@example.org"]
    message = inbox.messages[0][1]
    assert message["Subject"] == "The UK national threat level has been raised to severe"
    assert "SEVERE: an attack is highly likely" in inbox.text(message)
    assert Mailing.objects.get().urgent

    # The same level again: nothing sent, and the Publisher is told why.
    response = post(
        client,
        django_capture_on_commit_callbacks,
        url,
        {"level": severe.pk, "took_effect_on": today, "email_subscribers": "on"},
    )
    assert len(inbox.messages) == 1
    assert "the level was Severe already" in client.get(response.url).text

    # Lowered, with the box unticked: recorded, not sent.
    post(
        client,
        django_capture_on_commit_callbacks,
        url,
        {"level": substantial.pk, "took_effect_on": today},
    )
    assert ThreatLevelChange.objects.current().level == substantial
    assert len(inbox.messages) == 1


def test_an_editor_cannot_change_the_threat_level_or_send_about_it(
    client, editor, readers, inbox, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    severe = ThreatLevel.objects.get(code="severe")
    response = post(
        client,
        django_capture_on_commit_callbacks,
        reverse("admin:alerts_threatlevelchange_add"),
        {
            "level": severe.pk,
            "took_effect_on": timezone.localdate().isoformat(),
            "email_subscribers": "on",
        },
    )
    assert response.status_code == 403 and not inbox.messages


def incident_form(incident=None, *, updates=(), existing=0, **fields):
    data = {
        "title": "Incident in Sheffield city centre",
        "slug": "sheffield-city-centre",
        "summary": "Emergency services are at the scene. Avoid the area.",
        "body": "",
        "casualty_bureau_number": "",
        "footage_upload_url": "",
        "status": "ongoing",
        "updates-TOTAL_FORMS": str(existing + len(updates)),
        "updates-INITIAL_FORMS": str(existing),
        "updates-MIN_NUM_FORMS": "0",
        "updates-MAX_NUM_FORMS": "1000",
        **fields,
    }
    now = timezone.localtime()
    if incident is not None:
        for index, update in enumerate(incident.updates.order_by("-posted_at", "-pk")):
            posted = timezone.localtime(update.posted_at)
            data |= {
                f"updates-{index}-id": update.pk,
                f"updates-{index}-incident": incident.pk,
                f"updates-{index}-posted_at_0": posted.strftime("%Y-%m-%d"),
                f"updates-{index}-posted_at_1": posted.strftime("%H:%M:%S"),
                f"updates-{index}-text": update.text,
            }
    for offset, text in enumerate(updates):
        index = existing + offset
        data |= {
            f"updates-{index}-posted_at_0": now.strftime("%Y-%m-%d"),
            f"updates-{index}-posted_at_1": now.strftime("%H:%M:%S"),
            f"updates-{index}-text": text,
        }
    return data


def test_incident_pages_and_their_updates_go_to_incident_subscribers_first(
    client, publisher, readers, inbox, django_capture_on_commit_callbacks
):
    client.force_login(publisher)
    add = reverse("admin:alerts_incident_add")
    # Not on the site yet: nothing goes out, whatever the box says.
    post(client, django_capture_on_commit_callbacks, add, incident_form(email_subscribers="on"))
    incident = Incident.objects.get()
    assert not inbox.messages
    change = reverse("admin:alerts_incident_change", args=[incident.pk])

    # On the site with a first update: the page and the update, to incident subscribers.
    response = post(
        client,
        django_capture_on_commit_callbacks,
        change,
        incident_form(
            incident,
            updates=["Roads around the station are closed."],
            published="on",
            email_subscribers="on",
        ),
    )
    assert response.status_code == 302
    assert recipients(inbox) == ["incidents@example.org", "incidents@example.org"]
    subjects = {message["Subject"] for _, message in inbox.messages}
    assert "Incident in Sheffield city centre" in subjects
    assert any(
        subject.endswith(": Incident in Sheffield city centre") and subject.startswith("Update at")
        for subject in subjects
    )
    assert all(mailing.urgent for mailing in Mailing.objects.all())

    # A correction with the box unticked sends nothing; a new update with it ticked, one.
    post(
        client,
        django_capture_on_commit_callbacks,
        change,
        incident_form(incident, existing=1, summary="Avoid the area.", published="on"),
    )
    assert len(inbox.messages) == 2
    post(
        client,
        django_capture_on_commit_callbacks,
        change,
        incident_form(
            incident,
            existing=1,
            updates=["The roads have reopened."],
            published="on",
            email_subscribers="on",
        ),
    )
    assert len(inbox.messages) == 3
    assert "The roads have reopened." in inbox.text(inbox.messages[-1][1])


def preview_url(obj, name="updates_mailing_preview"):
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(obj)
    return reverse(f"admin:{name}", args=[content_type.pk, obj.pk])


def test_a_publisher_previews_the_draft_email_and_sends_a_test_to_themselves_alone(
    client, publisher, readers, inbox, make_news
):
    publisher.email = "percy@ctu.example"
    publisher.save()
    item = make_news("Martyn's Law guidance", publish=False, summary="What venues must do.")
    client.force_login(publisher)
    change = client.get(news_change_url(item)).text
    assert preview_url(item) in change  # linked from the change page

    page = client.get(preview_url(item))
    assert page.status_code == 200
    assert "Martyn&#x27;s Law guidance" in page.text or "Martyn's Law guidance" in page.text
    assert "What venues must do." in page.text and "0800 789 321" in page.text
    assert "<strong>1</strong> subscriber" in page.text

    html = client.get(preview_url(item, "updates_mailing_preview_html"))
    assert html.status_code == 200 and "What venues must do." in html.text
    assert "script-src" not in html["Content-Security-Policy"]
    assert html["Content-Security-Policy"].startswith("default-src 'none'")

    response = client.post(preview_url(item))
    assert response.status_code == 302
    assert recipients(inbox) == ["percy@ctu.example"]
    assert inbox.messages[0][1]["Subject"] == "[Test] Martyn's Law guidance"
    assert not Mailing.objects.exists()
    assert "A test was sent to percy@ctu.example" in client.get(response.url).text


def test_the_preview_is_for_staff_who_may_change_the_content(
    client, editor, triager, publisher, make_news, make_page
):
    item = make_news("Draft news", publish=False)
    client.force_login(editor)
    assert client.get(preview_url(item)).status_code == 200
    client.force_login(triager)
    assert client.get(preview_url(item)).status_code == 403
    assert client.post(preview_url(item)).status_code == 403
    client.logout()
    assert client.get(preview_url(item)).status_code == 302  # to the sign-in page

    client.force_login(publisher)
    missing = reverse("admin:updates_mailing_preview", args=[99999, 1])
    assert client.get(missing).status_code == 404
    gone = preview_url(item)
    NewsItem.objects.filter(pk=item.pk).delete()
    assert client.get(gone).status_code == 404

    ordinary = make_page("cookies", title="Cookies")
    page = client.get(preview_url(ordinary))
    assert "Subscribers are not emailed about this" in page.text


def test_a_publisher_without_an_email_address_is_told_so(client, publisher, make_news, inbox):
    item = make_news("No address", publish=False)
    client.force_login(publisher)
    response = client.post(preview_url(item), follow=True)
    assert "Your account has no email address" in response.text
    assert not inbox.messages


def test_a_threat_level_wording_can_be_previewed(client, publisher):
    client.force_login(publisher)
    severe = ThreatLevel.objects.get(code="severe")
    page = client.get(preview_url(severe))
    assert page.status_code == 200
    assert "The UK national threat level is severe" in page.text


def test_revisions_keep_what_was_chosen(make_news):
    item = make_news("Kept", publish=False)
    revision = services.draft_save(
        obj=item, user=None, message="x", notify=True, change_note="ignored for a new item"
    )
    assert Revision.objects.get(pk=revision.pk).notify_subscribers is True
