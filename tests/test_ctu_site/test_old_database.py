"""A database from before the apps were split by domain: migrate says what to do."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection

from ctu_site.checks import check_database_layout


def _record_old_migration():
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO django_migrations (app, name, applied) VALUES (%s, %s, %s)",
            ["ctu_site", "0002_threat_level_and_alerts", "2026-11-01 00:00:00"],
        )


@pytest.mark.django_db
def test_a_current_database_passes():
    assert check_database_layout(None, databases=["default"]) == []


@pytest.mark.django_db
def test_an_old_layout_database_is_named_with_what_to_do():
    _record_old_migration()
    [error] = check_database_layout(None, databases=["default"])
    assert error.id == "ctu_site.E002"
    assert "older layout" in error.msg
    assert "rm db.sqlite3 && make run" in error.hint


@pytest.mark.django_db
def test_migrate_stops_with_the_message_not_a_traceback():
    _record_old_migration()
    with pytest.raises(SystemCheckError, match="older layout"):
        call_command("migrate", skip_checks=False, verbosity=0)
