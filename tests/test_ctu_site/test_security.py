"""Security headers and cookies on public responses."""

import pytest
from django.conf import settings

from tests.utils import text_of

pytestmark = pytest.mark.django_db

CSP_DIRECTIVES = {
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "script-src 'self'",
    "style-src 'self'",
}


def assert_security_headers(response):
    csp = response["Content-Security-Policy"]
    directives = {part.strip() for part in csp.split(";")}
    assert directives >= CSP_DIRECTIVES
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_home_page_sends_security_headers(client):
    assert_security_headers(client.get("/", secure=True))


@pytest.mark.urls("tests.error_urls")
def test_404_page_sends_security_headers(client):
    response = client.get("/no-such-page/", secure=True)
    assert response.status_code == 404
    assert_security_headers(response)


@pytest.mark.urls("tests.error_urls")
def test_500_page_sends_security_headers(client_no_raise):
    response = client_no_raise.get("/test-boom/", secure=True)
    assert response.status_code == 500
    assert_security_headers(response)


@pytest.mark.urls("tests.error_urls")
@pytest.mark.parametrize("path", ["/", "/no-such-page/"])
def test_anonymous_get_sets_no_cookie(client, path):
    response = client.get(path, secure=True)
    assert response.cookies == {}
    assert "Set-Cookie" not in response.headers


def test_cookies_are_secure_and_http_only_in_production():
    assert settings.DEBUG is False
    assert settings.SESSION_COOKIE_SECURE is True
    assert settings.CSRF_COOKIE_SECURE is True
    assert settings.SESSION_COOKIE_HTTPONLY is True


def test_pages_load_nothing_from_another_host(client):
    html = text_of(client.get("/"))
    for attribute in ('src="http', "src='http", 'href="//', "@import"):
        assert attribute not in html
    for tag in ('<link rel="stylesheet" href="/static/', '<script type="module" src="/static/'):
        assert tag in html


def test_templates_have_no_inline_script_or_style():
    import re
    from pathlib import Path

    offenders = []
    templates = Path(settings.BASE_DIR) / "templates"
    for template in templates.rglob("*.html"):
        # Email bodies are never served by the site (so no CSP applies to them), and email
        # programs ignore style sheets: the few styles an email needs are inline.
        if template.is_relative_to(templates / "updates" / "email"):
            continue
        source = template.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", source) or re.search(
            r"<style|\sstyle=", source
        ):
            offenders.append(str(template))
    assert offenders == []


def test_static_files_carry_the_resource_policy_too(client):
    response = client.get("/static/css/main.css")
    assert response.status_code == 200
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.parametrize(
    "path",
    [
        "/admin/autocomplete/?app_label=pages&model_name=page&field_name=parent&term=%00",
        "/admin/pages/page/?q=%00",
        "/admin/auditlog/logentry/?q=x%00",
    ],
)
def test_a_nul_in_a_staff_query_string_is_a_400_not_a_500(admin_client, path):
    response = admin_client.get(path)
    assert response.status_code == 400
