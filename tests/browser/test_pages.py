"""Pages in a browser: a publisher's edit reaching the public, and accessibility."""

import pytest
from playwright.sync_api import expect

from core.roles import PUBLISHERS
from pages.models import Page
from publishing import services
from tests.browser.helpers import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def publish(page_obj):
    services.revision_publish(revision=services.draft_save(obj=page_obj, user=None), user=None)
    return page_obj


@pytest.fixture
def prevent():
    """CONTEST with a published Prevent page and a sibling."""
    contest = publish(
        Page(slug="contest", title="CONTEST", summary="The strategy.", body="Four strands.")
    )
    publish(
        Page(
            parent=contest,
            slug="pursue",
            title="Pursue",
            summary="Pursuing terrorists.",
            body="Text.",
        )
    )
    return publish(
        Page(
            parent=contest,
            slug="prevent",
            title="Prevent",
            summary="Stopping people being drawn into terrorism.",
            body=(
                "## Our objectives\n\n- Respond to ideology\n\n"
                "!!! If someone is in immediate danger, call 999."
            ),
            show_exit_button=True,
            sort_order=1,
        )
    )


def test_a_publisher_edits_previews_and_publishes_prevent(site, page, prevent, staff_login):
    page.goto(site + "/contest/prevent/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Prevent")

    staff_login("percy", PUBLISHERS)
    page.goto(f"{site}/admin/pages/page/{prevent.pk}/change/")
    page.get_by_label("Title:", exact=True).fill("Prevent: stopping radicalisation")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Live, with unpublished changes")).to_be_visible()

    with page.context.expect_page() as preview_tab:
        page.get_by_role("link", name="Preview").click()
    preview = preview_tab.value
    expect(preview.get_by_text("Preview: not published")).to_be_visible()
    expect(preview.get_by_role("heading", level=1)).to_have_text("Prevent: stopping radicalisation")
    preview.close()

    # The public still sees the published version.
    public = page.context.browser.new_page()
    public.goto(site + "/contest/prevent/")
    expect(public.get_by_role("heading", level=1)).to_have_text("Prevent")

    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Published. The public site shows it now.")).to_be_visible()
    public.reload()
    expect(public.get_by_role("heading", level=1)).to_have_text("Prevent: stopping radicalisation")
    public.close()


def test_section_page_has_no_accessibility_violations(site, page, prevent):
    page.goto(site + "/contest/")
    expect(page.get_by_role("link", name="Prevent").first).to_be_visible()
    assert_accessible(page)


def test_content_page_has_no_accessibility_violations(site, page, prevent):
    page.goto(site + "/contest/prevent/")
    expect(page.get_by_text("If someone is in immediate danger, call 999.")).to_be_visible()
    assert_accessible(page)
