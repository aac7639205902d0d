# Slots and appearances get the bookkeeping columns of core.models.VersionedModel: slots
# gain created_at, appearances created_at and updated_at. Existing rows take the time of the
# migration. Stored history versions saved before it lack the new columns; they get the date
# of their revision, so that reverting to one still writes a value (a revert saves the stored
# fields as they are, without auto_now).
import json

import django.utils.timezone
from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations, models

NEW_FIELDS = {"slot": ["created_at"], "appearance": ["created_at", "updated_at"]}


def fill_history(apps, schema_editor):
    Version = apps.get_model("reversion", "Version")
    ContentType = apps.get_model("contenttypes", "ContentType")
    encoder = DjangoJSONEncoder()
    for model, names in NEW_FIELDS.items():
        content_type = ContentType.objects.filter(app_label="programme", model=model).first()
        if content_type is None:
            continue
        versions = Version.objects.filter(content_type=content_type, format="json")
        for version in versions.select_related("revision").iterator():
            try:
                rows = json.loads(version.serialized_data)
            except ValueError:
                continue
            when = encoder.default(version.revision.date_created)
            changed = False
            for row in rows:
                fields = row.setdefault("fields", {})
                for name in names:
                    if name not in fields:
                        fields[name] = when
                        changed = True
            if changed:
                version.serialized_data = json.dumps(rows)
                version.save(update_fields=["serialized_data"])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("programme", "0005_history_versions_renamed"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.AddField(
            model_name="slot",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, default=django.utils.timezone.now, verbose_name="created at"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="appearance",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, default=django.utils.timezone.now, verbose_name="created at"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="appearance",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="updated at"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_history, migrations.RunPython.noop, elidable=True),
    ]
