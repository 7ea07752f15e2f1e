"""Start-up rules for production settings."""

from pathlib import Path

import pytest

from tests.processes import manage

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "false",
    "TESTING": "false",
    "SECRET_KEY": "k3" * 30 + "-production-like-secret-for-the-deploy-check",
    "ALLOWED_HOSTS": "ctu.example.org",
    "DATABASE_URL": "sqlite:////tmp/ctu-deploy-check.sqlite3",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.org:587",
    "SITE_URL": "https://ctu.example.org",
    "FEEDBACK_MAILBOX": "ctu-feedback@ctu.example.net",
    "SECURITY_TXT_CONTACT": "mailto:security@ctu.example.net",
    "PREVENT_MAILBOX": "prevent@ctu.example.net",
    "PROTECT_MAILBOX": "protect@ctu.example.net",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "PREVENT_ENCRYPTION_KEYS": "50_0MsugS2AXjSfA1O8Hxn30j0LTMHXtr8qHOURZKoo=",
}


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "PREVENT_ENCRYPTION_KEYS"])
def test_start_up_stops_without_required_setting_when_debug_is_off(missing):
    result = manage("check", env_overrides=PRODUCTION, remove=[missing])
    assert result.returncode != 0
    assert f"{missing} must be set when DEBUG is off" in result.stderr


def test_deploy_check_passes_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("override", "check_id"),
    [
        ({"SITE_URL": "http://127.0.0.1:8000"}, "ctu_site.W001"),
        ({"FEEDBACK_MAILBOX": "ctu-feedback@example.org"}, "ctu_site.W002"),
        ({"SECURITY_TXT_CONTACT": "mailto:security@example.org"}, "ctu_site.W003"),
        ({"PREVENT_MAILBOX": "prevent-referrals@example.org"}, "ctu_site.W007"),
        ({"PROTECT_MAILBOX": "ctu-protect@example.org"}, "ctu_site.W008"),
        ({"REDIS_URL": ""}, "ctu_site.W009"),
        ({"SECURITY_TXT_EXPIRES": "next spring"}, "ctu_site.W004"),
        ({"SECURITY_TXT_EXPIRES": "2020-01-01"}, "ctu_site.W005"),
        ({"SECURITY_TXT_EXPIRES": "2099-01-01"}, "ctu_site.W006"),
    ],
)
def test_deploy_check_warns_about_development_defaults(override, check_id):
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env_overrides={**PRODUCTION, **override}
    )
    assert result.returncode != 0
    assert check_id in result.stderr


def test_development_runs_without_secrets():
    result = manage(
        "check",
        env_overrides={"DEBUG": "true", "TESTING": "false"},
        remove=["SECRET_KEY", "ALLOWED_HOSTS"],
    )
    assert result.returncode == 0, result.stderr
