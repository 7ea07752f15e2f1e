"""The trimmed front end still covers every page: the stylesheet and the script carry only the
GOV.UK Frontend components we use (frontend/scss/main.scss, frontend/js/main.js), so a page that
starts using another one must fail here rather than show unstyled or inert."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.test_referrals.test_referrals import ANSWERS

pytestmark = pytest.mark.django_db

GOVUK_CSS = Path(settings.BASE_DIR, "node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css")
CSS_CLASS = re.compile(r"\.(govuk-(?:\\!-)?[A-Za-z0-9_-]+)")


def css_classes(css: str) -> set[str]:
    return {name.replace("\\!", "!") for name in CSS_CLASS.findall(css)}


@pytest.fixture(scope="module")
def all_of_govuk() -> set[str]:
    assert GOVUK_CSS.exists(), "node_modules is missing: run `make setup-dev` (npm ci)"
    return css_classes(GOVUK_CSS.read_text())


@pytest.fixture(scope="module")
def ours() -> set[str]:
    return css_classes(Path(settings.BASE_DIR, "static/css/main.css").read_text())


@pytest.fixture(scope="module")
def script() -> str:
    return Path(settings.BASE_DIR, "static/js/main.js").read_text()


def every_public_page(client) -> dict[str, str]:
    """Each page of the starter site, and each form as it first shows and with its errors."""
    call_command("load_starter_content", verbosity=0)
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own sitemap
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    paths = [
        re.sub(r"^https?://[^/]+", "", url.findtext("sm:loc", namespaces=ns))
        for url in root.findall("sm:url", ns)
    ]
    pages = {path: client.get(path) for path in paths}
    pages["/search/?q=prevent"] = client.get("/search/", {"q": "prevent"})
    pages["/no-such-page/"] = client.get("/no-such-page/")
    for form in ("/contact/feedback/", "/email-updates/", "/contact/security-adviser/"):
        pages[form] = client.get(form)
        pages[f"{form} (errors)"] = client.post(form, {})
    for step, answers in ANSWERS.items():
        path = f"/contact/prevent-referral/{step}/"
        pages[path] = client.get(path)
        errors = client.post(path, {"website": ""})
        if errors.status_code != 303:  # a step where every answer is optional
            pages[f"{path} (errors)"] = errors
        client.post(path, answers)
    pages["check your answers"] = client.get("/contact/prevent-referral/check-your-answers/")
    for name, response in pages.items():
        assert response.status_code in (200, 400, 404), (name, response.status_code)
    return {name: response.content.decode() for name, response in pages.items()}


def test_every_gov_uk_class_a_page_uses_is_in_our_stylesheet(client, all_of_govuk, ours):
    missing = {}
    for name, html in every_public_page(client).items():
        for attribute in re.findall(r'class="([^"]*)"', html):
            for cls in attribute.split():
                if cls in all_of_govuk and cls not in ours:
                    missing.setdefault(cls, name)
    assert not missing, f"add their component to frontend/scss/main.scss: {missing}"


def test_every_gov_uk_script_component_a_page_uses_is_started(client, script):
    modules = set()
    for html in every_public_page(client).values():
        modules.update(re.findall(r'data-module="(govuk-[a-z-]+)"', html))
    assert {"govuk-button", "govuk-error-summary", "govuk-skip-link"} <= modules
    missing = {module for module in modules if f'"{module}"' not in script}
    assert not missing, f"import them in frontend/js/main.js: {missing}"


def test_classes_the_script_adds_are_styled(all_of_govuk, ours, script):
    added = {name for name in re.findall(r'"(govuk-[a-z0-9_-]+)"', script) if name in all_of_govuk}
    assert "govuk-character-count__status" in added or "govuk-exit-this-page-overlay" in added
    assert added <= ours, added - ours


def test_the_stylesheet_left_out_what_no_page_uses(all_of_govuk, ours):
    """What the trimming is for (bench/page_weight.py): these never reach a visitor."""
    for component in ("govuk-accordion", "govuk-tabs", "govuk-cookie-banner", "govuk-header"):
        assert component in all_of_govuk and component not in ours


def test_the_script_is_one_file_that_imports_nothing(script):
    """One request on a first visit, and nothing served under a name that is not hashed."""
    assert not re.search(r'\bimport\s*[{*"]|\bfrom\s*"', script), script[:200]
    assert "govuk-accordion" not in script and "govuk-tabs" not in script
