"""The five UK threat levels with MI5's wording, which staff may then edit."""

from django.db import migrations

from alerts.threat_levels import ensure_threat_levels


def create_levels(apps, schema_editor):
    ensure_threat_levels(apps)


class Migration(migrations.Migration):
    dependencies = [("alerts", "0001_initial")]

    operations = [migrations.RunPython(create_levels, migrations.RunPython.noop)]
