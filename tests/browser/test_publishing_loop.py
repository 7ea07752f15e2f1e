"""The whole editorial loop in a browser, as the communications team would do it: an Editor
drafts and submits; a Publisher finds it on the staff home, compares, schedules it; the time
comes; the public page changes with nobody running a command."""

import datetime as dt
import time

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from core.roles import EDITORS, PUBLISHERS
from pages.models import Page
from publishing import services
from tests.browser.conftest import STAFF_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def signed_in(browser, site, django_user_model, username, role):
    """A browser page of its own, signed in to the admin as a new member of ``role``."""
    user = django_user_model.objects.create_user(
        username=username, password=STAFF_PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    page = browser.new_context().new_page()
    page.set_default_timeout(10_000)
    page.goto(site + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(site + "/admin/")
    return page


def test_draft_submit_review_compare_schedule_and_the_page_changes_on_time(
    site, browser, page, django_user_model
):
    protect = Page(slug="protect", title="Protect", summary="Protecting places.", body="Advice.")
    services.revision_publish(revision=services.draft_save(obj=protect, user=None), user=None)

    editor = signed_in(browser, site, django_user_model, "edith", EDITORS)
    editor.goto(f"{site}/admin/pages/page/{protect.pk}/change/")
    editor.get_by_label("Title:", exact=True).fill("Protect: keeping crowded places safe")
    editor.get_by_role("button", name="Submit for review").click()
    expect(
        editor.get_by_text("Submitted for review. A Publisher can now publish it.")
    ).to_be_visible()
    expect(editor.get_by_role("button", name="Publish")).to_have_count(0)

    publisher = signed_in(browser, site, django_user_model, "percy", PUBLISHERS)
    waiting = publisher.locator("#dashboard-waiting")
    expect(waiting.get_by_role("cell", name="edith")).to_be_visible()
    waiting.get_by_role("link", name="Protect").click()
    expect(publisher.get_by_text("Submitted for review")).to_be_visible()

    publisher.locator("#content").get_by_role("link", name="Revisions").click()
    publisher.get_by_role("button", name="Compare").click()
    expect(publisher.locator("ins.app-compare__ins")).to_contain_text("keeping crowded places")
    publisher.go_back()
    publisher.go_back()

    go_live = timezone.localtime() + dt.timedelta(seconds=8)
    publisher.locator("summary", has_text="Scheduling").click()
    publisher.locator("#id_go_live_at_0").fill(f"{go_live:%Y-%m-%d}")
    publisher.locator("#id_go_live_at_1").fill(f"{go_live:%H:%M:%S}")
    publisher.get_by_role("button", name="Publish").click()
    expect(publisher.get_by_text("Scheduled to go live at")).to_be_visible()

    page.goto(site + "/protect/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Protect")
    time.sleep(max(0, (go_live - timezone.localtime()).total_seconds()) + 1.5)
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Protect: keeping crowded places safe"
    )
