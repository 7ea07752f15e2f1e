"""Browser tests: Playwright driving Debian's Chromium against a live server.

Playwright cannot download its own browser on these machines, so the tests launch
/usr/bin/chromium (``CHROMIUM_PATH`` overrides it). A missing browser fails the tests: they
are never skipped.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
# itself (creating data) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium headless, with nothing that reaches outside this machine."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run scripts/ensure-chromium")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def csp_violations(page):
    """Collect Content-Security-Policy violations reported by the browser while the test runs."""
    violations = []

    def on_console(message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            violations.append(message.text)

    page.on("console", on_console)
    return violations


@pytest.fixture
def site(live_server, page, csp_violations):
    """The live site in a browser page; fails the test if the page broke the CSP."""
    page.set_default_timeout(10_000)
    yield live_server.url
    assert csp_violations == []


STAFF_PASSWORD = "a-long-browser-test-password"


@pytest.fixture
def staff_login(page, site, django_user_model):
    """Log a new staff user of the given role into the admin through its login form."""
    from django.contrib.auth.models import Group

    def login(username: str, role: str):
        user = django_user_model.objects.create_user(
            username=username, password=STAFF_PASSWORD, is_staff=True
        )
        user.groups.add(Group.objects.get(name=role))
        page.goto(site + "/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(STAFF_PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(site + "/admin/")
        return user

    return login
