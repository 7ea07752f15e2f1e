"""Staff never see subscribers' addresses; a superuser can, to answer a data request."""

import pytest

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
