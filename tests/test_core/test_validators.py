"""Every stored web address is https, http, mailto or tel, however it is saved."""

import pytest
from django.core.exceptions import ValidationError

from alerts.models import IncidentAlert
from contact.models import Organisation
from pages.models import UsefulLink

BAD = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://example.org/file",
    "https://exa mple.org/",
    "mailto:",
]
GOOD = [
    "https://www.gov.uk/ACT",
    "http://example.org/",
    "mailto:ctu@example.org",
    "tel:+44800789321",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", BAD)
def test_a_dangerous_address_saved_through_the_orm_is_refused(url):
    with pytest.raises(ValidationError):
        Organisation.objects.create(name="Bad", description="x", website=url)
    with pytest.raises(ValidationError):
        UsefulLink.objects.create(title="Bad", url=url, description="x", category="reporting")
    with pytest.raises(ValidationError):
        IncidentAlert.objects.create(headline="Bad", message="x", link_url=url)
    assert not Organisation.objects.exists() and not UsefulLink.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("url", GOOD)
def test_ordinary_addresses_are_kept(url):
    assert Organisation.objects.create(name="Good", description="x", website=url).website == url


@pytest.mark.django_db
def test_the_admin_form_says_what_to_enter(admin_client):
    from django.urls import reverse

    response = admin_client.post(
        reverse("admin:contact_organisation_add"),
        {"name": "Bad", "description": "x", "website": "javascript:alert(1)", "sort_order": 1},
    )
    assert response.status_code == 200
    assert "Enter a web address starting with https://" in response.content.decode()
    assert not Organisation.objects.exists()
