"""Audit rows hashed over text the database can rebuild (form 2), so PostgreSQL can verify
the chain in SQL.

Rows already written keep form 1 (their hash is over a JSON object of the row) and are
still verified as such; `fields` and `payload` become canonical JSON text (the same values:
form 1 verification re-reads them as JSON). SQLite rebuilds the table to change a column's
type, which drops its triggers: they are removed first and installed again at the end.
"""

from django.db import migrations, models

import borderwatch.access.models


def install(apps, schema_editor):
    from borderwatch.access import triggers

    triggers.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    from borderwatch.access import triggers

    triggers.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("access", "0003_break_glass")]

    operations = [
        migrations.RunPython(uninstall, install),
        # existing rows: form 1; rows written from now on: form 2 (the model's default)
        migrations.AddField(
            model_name="auditevent",
            name="form",
            field=models.PositiveSmallIntegerField(default=1),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="form",
            field=models.PositiveSmallIntegerField(default=2),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="fields",
            field=borderwatch.access.models.CanonicalJSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="payload",
            field=borderwatch.access.models.CanonicalJSONField(blank=True, default=dict),
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(
                condition=models.Q(("form", 1)), fields=["seq"], name="audit_form1"
            ),
        ),
        migrations.RunPython(install, uninstall),
    ]
