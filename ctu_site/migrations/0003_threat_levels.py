"""The five UK national threat levels, with the wording MI5 uses, as editable data."""

from django.db import migrations

from ctu_site.threat_levels import ensure_threat_levels


def create_levels(apps, schema_editor):
    ensure_threat_levels(apps)


class Migration(migrations.Migration):
    dependencies = [("ctu_site", "0002_threat_level_and_alerts")]

    operations = [migrations.RunPython(create_levels, migrations.RunPython.noop)]
