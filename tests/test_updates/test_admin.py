"""Staff never see subscribers' addresses; a superuser can, to answer a data request."""

import pytest
import time_machine
from django.utils import timezone

pytestmark = pytest.mark.django_db

LIST = "/admin/updates/subscriber/"


@pytest.mark.parametrize("role", ["editor", "publisher", "triager"])
def test_other_staff_cannot_see_the_addresses(role, request, client, make_subscriber):
    make_subscriber(email="private@example.org")
    client.force_login(request.getfixturevalue(role))
    assert client.get(LIST).status_code == 403
    index = client.get("/admin/").content.decode()
    assert "Subscribers" not in index


def test_a_superuser_finds_one_address_and_exports_it(admin_client, make_subscriber):
    subscriber = make_subscriber(email="asked@example.org", threat_level=True)
    make_subscriber(email="other@example.org")
    found = admin_client.get(LIST, {"q": "asked@example.org"}).content.decode()
    assert "asked@example.org" in found and "other@example.org" not in found
    response = admin_client.post(LIST, {"action": "export", "_selected_action": [subscriber.pk]})
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode()
    assert "asked@example.org" in body and "threat_level news" in body
    assert "other@example.org" not in body


def test_nobody_adds_a_subscriber_in_the_admin(admin_client):
    assert admin_client.get(LIST + "add/").status_code == 403


def test_a_publisher_sees_each_send_and_the_counts_never_the_addresses(
    client, publisher, make_subscriber
):
    from updates.models import Mailing

    make_subscriber(email="hidden@example.org", threat_level=True)
    Mailing.objects.create(
        topic="threat_level",
        source="t:1",
        subject="Threat level now severe",
        path="/",
        text="T",
        html="<p>T</p>",
        queued=1200,
        sent=1190,
        failed=10,
    )
    client.force_login(publisher)
    page = client.get("/admin/updates/mailing/").content.decode()
    assert "Threat level now severe" in page
    assert "1190" in page and "1200" in page
    assert "Changes to the national threat level" in page
    assert "hidden@example.org" not in page
    mailing = Mailing.objects.get()
    assert client.get(f"/admin/updates/mailing/{mailing.pk}/change/").status_code == 200
    assert client.post(f"/admin/updates/mailing/{mailing.pk}/delete/").status_code == 403


def test_an_editor_does_not_see_the_sends(client, editor):
    client.force_login(editor)
    assert client.get("/admin/updates/mailing/").status_code == 403


def test_the_list_of_sends_costs_the_same_queries_however_many_there_are(
    client, publisher, make_subscriber
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from updates.models import Delivery, Mailing

    def add_mailing(n):
        mailing = Mailing.objects.create(
            topic="news", source=f"s:{n}", subject=f"Send {n}", path="/", text="T", html="T"
        )
        Delivery.objects.create(mailing=mailing, status=Delivery.Status.LEFT)

    client.force_login(publisher)
    add_mailing(0)
    # Time stands still, so the once-a-second schedule check (publishing.schedule) either
    # runs for both requests or for neither.
    with time_machine.travel(timezone.now(), tick=False):
        client.get("/admin/updates/mailing/")  # the first request fills per-process caches
        with CaptureQueriesContext(connection) as one:
            first = client.get("/admin/updates/mailing/").content.decode()
        for n in range(1, 6):
            add_mailing(n)
        with CaptureQueriesContext(connection) as six:
            page = client.get("/admin/updates/mailing/").content.decode()
    assert len(six) == len(one)
    assert "Send 0" in first and "Send 5" in page
    assert '<td class="field-left">1</td>' in page
