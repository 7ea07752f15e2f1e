"""The starter pages: all there after loading, facts from the seeds present, safe to load twice."""

import pytest
from django.core.management import call_command
from django.utils.html import escape

from pages import starter
from pages.models import Page
from pages.starter_links import useful_links
from publishing.models import PublishState
from tests.utils import EMERGENCY_TEL, HOTLINE_TEL, tel_links

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    """The pages app's starter pages, loaded once."""
    return starter.load_pages()


def test_the_pages_app_loads_its_pages_and_useful_links():
    assert starter.load() == len(starter.starter_pages()) + len(useful_links())
    assert starter.load() == 0


def test_every_starter_page_is_published_and_served(client, loaded):
    assert loaded == len(starter.starter_pages())
    for spec in starter.starter_pages():
        response = client.get(spec.url_path)
        assert response.status_code == 200, spec.url_path
        assert escape(spec.title) in response.content.decode()
    assert {p.publish_state for p in Page.objects.all()} == {PublishState.LIVE}


def test_loading_again_creates_nothing_and_keeps_staff_edits(loaded):
    prevent = Page.objects.get(url_path="/contest/prevent/")
    Page.objects.filter(pk=prevent.pk).update(title="Edited by staff")
    assert starter.load_pages() == 0
    prevent.refresh_from_db()
    assert prevent.title == "Edited by staff"


def test_the_management_command_loads_it_and_can_run_twice(capsys):
    call_command("load_starter_content")
    call_command("load_starter_content")
    assert "Starter content is in place." in capsys.readouterr().out
    assert Page.objects.count() == len(starter.starter_pages())


@pytest.mark.parametrize(
    ("path", "facts"),
    [
        ("/contest/prevent/", ["Identify", "Safeguard", "Manage risk", "Exit this page"]),
        (
            "/advice-for-businesses/martyns-law/",
            ["200", "800", "Evacuation", "Invacuation", "Lockdown", "Communication"],
        ),
        (
            "/advice-for-businesses/suspicious-items-and-behaviour/",
            ["recruits", "transport", "storage", "money"],
        ),
        ("/about-the-unit/", ["Birmingham Airport", "financial", "surveillance", "analysts"]),
        ("/advice-for-the-public/staying-safe-in-an-attack/", ["Run", "Hide", "Tell"]),
    ],
)
def test_starter_pages_carry_the_facts_from_the_seeds(client, loaded, path, facts):
    html = client.get(path).content.decode()
    for fact in facts:
        assert fact in html, f"{fact!r} missing from {path}"


def test_how_you_can_help_links_the_numbers(client, loaded):
    html = client.get("/how-you-can-help/").content.decode()
    assert "If you suspect it, report it" in html
    assert {EMERGENCY_TEL, HOTLINE_TEL} <= tel_links(html)


def test_main_menu_follows_the_starter_pages(client, loaded):
    html = client.get("/").content.decode()
    menu = html[html.index('id="navigation"') : html.index("</nav>")]
    assert menu.index("CONTEST") < menu.index("Operations") < menu.index("Advice for businesses")


def test_starter_files_never_type_a_phone_number_out():
    """Numbers come from core.emergency through placeholders, so they change in one place."""
    import re

    from core.emergency import ALL_NUMBERS

    for path in starter.CONTENT.rglob("*.md"):
        text = path.read_text()
        for number in ALL_NUMBERS:
            assert not re.search(rf"(?<!\d){re.escape(number.number)}(?!\d)", text), (
                path,
                number.number,
            )


def test_a_placeholder_becomes_the_number_as_a_link(client, loaded):
    html = client.get("/contest/").content.decode()
    assert 'href="tel:+44800789321">0800 789 321</a>' in html
    assert "{{" not in html


def test_an_unknown_placeholder_is_refused_with_its_name(tmp_path):
    from core.emergency import fill_numbers

    with pytest.raises(ValueError, match="hotlne"):
        fill_numbers("Call {{ hotlne }}")


def test_a_file_without_a_header_is_refused_with_its_name(tmp_path):
    from core import frontmatter

    bad = tmp_path / "bad.md"
    bad.write_text("No header here\n")
    with pytest.raises(frontmatter.FrontMatterError, match=r"bad\.md"):
        frontmatter.read(bad)
