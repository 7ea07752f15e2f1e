"""What the public sees of the page tree: breadcrumbs, navigation, redirects, queries."""

import re

import pytest

from pages.models import Page
from publishing import services
from tests.utils import SITE_CONTEXT_QUERIES

pytestmark = pytest.mark.django_db


@pytest.fixture
def contest(make_page):
    """A CONTEST section with Prevent (and a child of Prevent) and a draft sibling."""
    contest = make_page("contest", title="CONTEST", show_in_menus=True, sort_order=10)
    prevent = make_page(
        "prevent",
        parent=contest,
        title="Prevent",
        sort_order=10,
        show_exit_button=True,
        related_links="Act Early | https://actearly.uk/\nBroken line without address",
    )
    make_page("pursue", parent=contest, title="Pursue", sort_order=20)
    make_page("secret", parent=contest, title="Secret draft", publish=False)
    make_page("act-early", parent=prevent, title="Worried about someone")
    return contest


def test_section_page_lists_its_published_children_as_cards_in_order(client, contest):
    html = client.get("/contest/").content.decode()
    cards = re.findall(r'class="govuk-link app-card__link" href="([^"]+)"', html)
    assert cards == ["/contest/prevent/", "/contest/pursue/"]
    assert "Secret draft" not in html


def test_child_page_has_breadcrumbs_from_the_tree(client, contest):
    html = client.get("/contest/prevent/act-early/").content.decode()
    crumbs = re.findall(r'class="govuk-breadcrumbs__link" href="([^"]+)"', html)
    assert crumbs == ["/", "/contest/", "/contest/prevent/"]


def test_side_navigation_lists_the_section_and_marks_the_current_page(client, contest):
    html = client.get("/contest/prevent/").content.decode()
    nav = html[html.index('class="app-side-nav"') :]
    assert re.findall(r'app-side-nav__link" href="([^"]+)"', nav) == [
        "/contest/",
        "/contest/prevent/",
        "/contest/pursue/",
    ]
    assert 'href="/contest/prevent/" aria-current="page"' in nav


def test_main_menu_includes_pages_marked_for_menus_in_order(client, contest, make_page):
    make_page("advice", title="Advice for businesses", show_in_menus=True, sort_order=30)
    make_page("hidden", title="Not in menus")
    html = client.get("/contest/").content.decode()
    menu = html[html.index('id="navigation"') : html.index("</nav>")]
    links = re.findall(r'service-navigation__link" href="([^"]+)"', menu)
    assert links == ["/", "/contest/", "/operations/", "/advice/", "/news/", "/contact/"]


def test_content_page_shows_last_updated_share_link_and_related_links(client, contest):
    html = client.get("/contest/prevent/").content.decode()
    assert "Last updated" in html
    assert 'href="mailto:?subject=Prevent&amp;body=Prevent%0Ahttp' in html
    assert '<a class="govuk-link" href="https://actearly.uk/">Act Early</a>' in html
    assert "Broken line" not in html


def test_prevent_pages_carry_the_exit_this_page_button(client, contest):
    assert "Exit this page" in client.get("/contest/prevent/").content.decode()
    assert "Exit this page" not in client.get("/contest/pursue/").content.decode()


def test_renaming_a_page_redirects_its_old_address_and_its_childrens(client, contest, publisher):
    prevent = Page.objects.get(url_path="/contest/prevent/")
    prevent.slug = "prevent-radicalisation"
    services.draft_save(obj=prevent, user=publisher)
    response = client.get("/contest/prevent/")
    assert response.status_code == 301
    assert response["Location"] == "/contest/prevent-radicalisation/"
    child = client.get("/contest/prevent/act-early/")
    assert child.status_code == 301
    assert child["Location"] == "/contest/prevent-radicalisation/act-early/"
    assert client.get("/contest/prevent-radicalisation/act-early/").status_code == 200


def test_moving_a_page_redirects_and_follows_later_moves(client, contest, make_page, publisher):
    about = make_page("about", title="About")
    prevent = Page.objects.get(url_path="/contest/prevent/")
    prevent.parent = about
    services.draft_save(obj=prevent, user=publisher)
    assert client.get("/contest/prevent/act-early/")["Location"] == "/about/prevent/act-early/"
    prevent.refresh_from_db()
    prevent.parent = None
    services.draft_save(obj=prevent, user=publisher)
    assert client.get("/contest/prevent/act-early/")["Location"] == "/prevent/act-early/"
    assert client.get("/about/prevent/")["Location"] == "/prevent/"


def test_a_content_page_stays_within_its_query_budget(
    client, contest, django_assert_max_num_queries
):
    # The page with its ancestors, and the cards of its children and section.
    with django_assert_max_num_queries(2 + SITE_CONTEXT_QUERIES):
        response = client.get("/contest/prevent/act-early/")
    assert response.status_code == 200


@pytest.mark.page_cache
def test_a_cached_content_page_needs_no_query(client, contest, django_assert_num_queries):
    client.get("/contest/prevent/")
    with django_assert_num_queries(0):
        assert client.get("/contest/prevent/").status_code == 200


def test_content_pages_carry_page_feedback_without_a_csrf_token(client, contest):
    html = client.get("/contest/prevent/").content.decode()
    assert "Did you find what you were looking for?" in html
    assert 'action="/contact/page-feedback/"' in html
    assert 'value="/contest/prevent/"' in html
    assert "csrfmiddlewaretoken" not in html


@pytest.mark.parametrize(
    "slug", ["admin", "news", "operations", "contact", "incidents", "threat-level", "search"]
)
def test_a_top_level_page_cannot_take_an_address_another_part_of_the_site_serves(slug):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="used by another part of the site"):
        Page(slug=slug, title="Clash", summary="x").full_clean()


@pytest.mark.django_db
def test_addresses_no_url_serves_are_free_for_pages():
    """The reserved list comes from the URL configuration, so a dead entry cannot linger."""
    from core.addresses import reserved_top_level_slugs

    assert "preview" not in reserved_top_level_slugs()
    Page(slug="preview", title="Preview", summary="x").full_clean()


def test_the_old_address_of_a_renamed_draft_does_not_reveal_its_new_one(client, make_page):
    from publishing import services

    draft = make_page("secret-plan", publish=False)
    draft.slug = "renamed-secret-plan"
    services.draft_save(obj=draft, user=None)
    response = client.get("/secret-plan/")
    assert response.status_code == 404
    assert "renamed-secret-plan" not in response.content.decode()


def test_the_old_address_of_a_renamed_live_page_still_redirects(client, make_page):
    from publishing import services

    page = make_page("old-name")
    page.slug = "new-name"
    services.draft_save(obj=page, user=None)
    response = client.get("/old-name/")
    assert response.status_code == 301
    assert response["Location"] == "/new-name/"
