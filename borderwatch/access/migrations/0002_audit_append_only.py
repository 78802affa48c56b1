"""Make the audit table append-only with database triggers (SQLite and PostgreSQL)."""

from django.db import migrations


def install(apps, schema_editor):
    from borderwatch.access import triggers

    triggers.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    from borderwatch.access import triggers

    triggers.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("access", "0001_initial")]
    operations = [migrations.RunPython(install, uninstall)]
