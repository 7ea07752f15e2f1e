"""The emergency numbers: one module, tel: links everywhere, even when the database is down."""

import re

import pytest

from core import emergency
from core.errors import (
    bad_request,
    gone,
    page_not_found,
    permission_denied,
    server_error,
    service_unavailable,
    staff_locked_out,
    too_many_requests,
)
from tests.utils import EMERGENCY_TEL, HOTLINE_TEL, tel_links

pytestmark = pytest.mark.django_db

NUMBERS = {EMERGENCY_TEL, HOTLINE_TEL}


def test_numbers_are_written_as_people_read_them_and_dialled_in_full():
    assert emergency.EMERGENCY.number == "999"
    assert emergency.EMERGENCY.tel == "tel:999"
    assert emergency.ANTI_TERRORIST_HOTLINE.number == "0800 789 321"
    assert emergency.ANTI_TERRORIST_HOTLINE.tel == "tel:+44800789321"
    assert emergency.CRIMESTOPPERS.tel == "tel:+44800555111"
    assert emergency.relay_uk(emergency.ANTI_TERRORIST_HOTLINE).number == "18001 0800 789 321"


def test_home_page_shows_the_numbers_as_tel_links(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert tel_links(html) >= NUMBERS
    assert "In an emergency call" in html
    assert ">0800 789 321</a>" in html


@pytest.mark.urls("tests.error_urls")
@pytest.mark.parametrize(
    ("handler", "status"),
    [(bad_request, 400), (permission_denied, 403), (page_not_found, 404), (server_error, 500)],
)
def test_error_pages_show_the_numbers_without_the_database(rf, database_down, handler, status):
    response = handler(rf.get("/somewhere/"))
    assert response.status_code == status
    assert tel_links(response.content.decode()) >= NUMBERS


@pytest.mark.parametrize(
    "render",
    [
        bad_request,
        permission_denied,
        page_not_found,
        gone,
        too_many_requests,
        server_error,
        service_unavailable,
        staff_locked_out,
    ],
    ids=lambda render: render.__name__,
)
def test_every_error_page_has_its_title_once_and_the_report_box_its_own_heading(rf, render):
    html = render(rf.get("/somewhere/")).content.decode()
    (title,) = re.findall(r"<h1[^>]*>\s*(.*?)\s*</h1>", html, re.S)
    headings = re.findall(r"<h[1-6][^>]*>\s*(.*?)\s*</h[1-6]>", html, re.S)
    assert headings.count(title) == 1, headings
    assert "If you need to report something" in headings


def test_429_page_shows_the_hotline(rf):
    response = too_many_requests(rf.post("/contact/feedback/"), retry_after=600)
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    html = response.content.decode()
    assert tel_links(html) >= NUMBERS
    assert "Wait 10 minutes" in html


@pytest.mark.urls("tests.error_urls")
def test_unknown_address_gives_404_page_with_numbers(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert tel_links(html) >= NUMBERS


@pytest.mark.urls("tests.error_urls")
def test_a_bug_gives_the_500_page_with_numbers(client_no_raise):
    response = client_no_raise.get("/test-boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "there is a problem with the website" in html
    assert tel_links(html) >= NUMBERS


@pytest.mark.urls("tests.error_urls")
def test_database_down_gives_503_with_numbers_and_retry_after(client_no_raise, database_down):
    response = client_no_raise.get("/test-database/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "it was not received and nothing was saved" in html
    assert tel_links(html) >= NUMBERS


@pytest.mark.urls("tests.error_urls")
def test_site_recovers_by_itself_when_the_database_returns(client_no_raise, monkeypatch, db):
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.utils import OperationalError

    original = BaseDatabaseWrapper.ensure_connection

    def refuse(self):
        raise OperationalError("connection refused (simulated)")

    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", refuse)
    assert client_no_raise.get("/test-database/").status_code == 503
    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", original)
    response = client_no_raise.get("/test-database/")
    assert response.status_code == 200
    assert response.content.decode().endswith("users")


def test_home_page_is_served_with_the_database_down(client, database_down):
    response = client.get("/")
    assert response.status_code == 200
    assert tel_links(response.content.decode()) >= NUMBERS
