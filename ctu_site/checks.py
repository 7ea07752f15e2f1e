"""Deploy checks (``manage.py check --deploy``) for settings whose defaults only suit development.

Each default below works for ``make run`` but would be wrong on the public site: links and emails
pointing at 127.0.0.1, feedback notifications going to an example mailbox, a security.txt that
sends researchers nowhere or has expired.
"""

import datetime as dt

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connections

from referrals.encryption import fernet

PLACEHOLDER_DOMAIN = "@example.org"


@register(Tags.security, deploy=True)
def check_public_settings(app_configs, **kwargs):
    problems = []
    if not settings.SITE_URL.startswith("https://") or "127.0.0.1" in settings.SITE_URL:
        problems.append(
            Warning(
                "SITE_URL is not the site's public https:// address.",
                hint="Set SITE_URL, e.g. https://ctu.example.police.uk: feeds, the sitemap, "
                "canonical links and staff emails are built on it.",
                id="ctu_site.W001",
            )
        )
    if settings.FEEDBACK_MAILBOX.endswith(PLACEHOLDER_DOMAIN):
        problems.append(
            Warning(
                "FEEDBACK_MAILBOX is still the example address.",
                hint="Set FEEDBACK_MAILBOX to the unit's feedback mailbox, or nobody is told "
                "when feedback arrives.",
                id="ctu_site.W002",
            )
        )
    if settings.PREVENT_MAILBOX.endswith(PLACEHOLDER_DOMAIN):
        problems.append(
            Warning(
                "PREVENT_MAILBOX is still the example address.",
                hint="Set PREVENT_MAILBOX to the Prevent team's mailbox, or nobody is told when "
                "a referral arrives.",
                id="ctu_site.W007",
            )
        )
    if settings.PROTECT_MAILBOX.endswith(PLACEHOLDER_DOMAIN):
        problems.append(
            Warning(
                "PROTECT_MAILBOX is still the example address.",
                hint="Set PROTECT_MAILBOX to the Protect team's mailbox, or nobody is told when "
                "a business asks for a security adviser.",
                id="ctu_site.W008",
            )
        )
    if not settings.REDIS_URL:
        problems.append(
            Warning(
                "REDIS_URL is not set: each app process keeps its own cache.",
                hint="Set REDIS_URL. Without it, processes do not share the page cache, the "
                "content version or the rate limits: after a publish or a reporting "
                "restriction, other processes keep serving the old page until it expires, and "
                "every limit is multiplied by the number of processes.",
                id="ctu_site.W009",
            )
        )
    if PLACEHOLDER_DOMAIN in settings.SECURITY_TXT_CONTACT:
        problems.append(
            Warning(
                "SECURITY_TXT_CONTACT is still the example address.",
                hint="Set it to the force's vulnerability-reporting address (mailto: or https:).",
                id="ctu_site.W003",
            )
        )
    problems += _check_security_txt_expires(settings.SECURITY_TXT_EXPIRES)
    return problems


def _check_security_txt_expires(value: str) -> list[Warning]:
    """RFC 9116: Expires must be in the future and is best kept under a year ahead."""
    if not value:
        return []  # Then it is 180 days from start-up: always valid.
    try:
        expires = dt.datetime.fromisoformat(value)
    except ValueError:
        return [
            Warning(
                f"SECURITY_TXT_EXPIRES ({value!r}) is not an ISO 8601 date.",
                hint="Use a date such as 2027-06-30.",
                id="ctu_site.W004",
            )
        ]
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=dt.UTC)
    now = dt.datetime.now(dt.UTC)
    if expires <= now:
        return [
            Warning(
                f"SECURITY_TXT_EXPIRES ({value}) has passed: security.txt is expired.",
                hint="Review the file's contact details and set a new date under a year ahead.",
                id="ctu_site.W005",
            )
        ]
    if expires > now + dt.timedelta(days=366):
        return [
            Warning(
                f"SECURITY_TXT_EXPIRES ({value}) is more than a year ahead.",
                hint="RFC 9116 advises less than a year, so that the details are reviewed.",
                id="ctu_site.W006",
            )
        ]
    return []


@register(Tags.security)
def check_referral_keys(app_configs, **kwargs):
    """Every PREVENT_ENCRYPTION_KEYS entry must be a Fernet key: found at start-up, not at the
    first referral."""
    try:
        fernet()
    except ImproperlyConfigured as error:
        return [
            Error(
                str(error),
                hint='Make a key with: python -c "from cryptography.fernet import Fernet; '
                'print(Fernet.generate_key().decode())"',
                id="ctu_site.E001",
            )
        ]
    return []


# Migrations that only a database made before the apps were split by domain has applied.
OLD_LAYOUT_MIGRATIONS = (
    ("ctu_site", "0002_threat_level_and_alerts"),
    ("pages", "0002_page_menu_title"),
)


@register(Tags.database)
def check_database_layout(app_configs, databases=None, **kwargs):
    """A database from before the split into apps cannot be migrated: say what to do instead.

    Runs with ``migrate`` (database checks run there), so ``make run`` on an old db.sqlite3
    stops with this message rather than a traceback.
    """
    problems = []
    for alias in databases or ():
        connection = connections[alias]
        try:
            if "django_migrations" not in connection.introspection.table_names():
                continue
            with connection.cursor() as cursor:
                cursor.execute("SELECT app, name FROM django_migrations")
                applied = set(cursor.fetchall())
        except DatabaseError:
            continue  # an unreachable database is reported by migrate itself
        if applied & set(OLD_LAYOUT_MIGRATIONS):
            where = connection.settings_dict["NAME"]
            problems.append(
                Error(
                    f"The database {where} was made by an older layout of this site (before "
                    "its apps were split by domain) and cannot be migrated.",
                    hint="In development, delete it and start again: `rm db.sqlite3 && make "
                    "run` (the starter content is loaded again). Nothing was deployed with the "
                    "old layout; a database you need to keep must be re-created and its content "
                    "re-entered.",
                    id="ctu_site.E002",
                )
            )
    return problems
