# Days are locked optimistically like events and slots: they get the bookkeeping columns of
# core.models.VersionedModel (created_at, updated_at, version). Existing rows take the time of
# the migration and version 1. Stored history versions of days saved before it lack the new
# columns; they get the date of their revision, so that reverting to one still writes a value.
import json

import django.utils.timezone
from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations, models

import conference.models

NEW_FIELDS = ["created_at", "updated_at"]


def fill_history(apps, schema_editor):
    Version = apps.get_model("reversion", "Version")
    ContentType = apps.get_model("contenttypes", "ContentType")
    encoder = DjangoJSONEncoder()
    content_type = ContentType.objects.filter(app_label="conference", model="day").first()
    if content_type is None:
        return
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
            for name in NEW_FIELDS:
                if name not in fields:
                    fields[name] = when
                    changed = True
        if changed:
            version.serialized_data = json.dumps(rows)
            version.save(update_fields=["serialized_data"])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("conference", "0003_unaccent_extension"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.AddField(
            model_name="day",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, default=django.utils.timezone.now, verbose_name="created at"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="day",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="updated at"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="day",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="version"),
        ),
        migrations.RunPython(fill_history, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name='event',
            name='slug',
            field=models.SlugField(help_text='Part of the public address, for example /en/events/idm-2019-first-session/. Do not change once published.', max_length=100, unique=True, verbose_name='slug'),
        ),
        migrations.AlterField(
            model_name='event',
            name='time_zone',
            field=models.CharField(default='Europe/Zurich', help_text='Slot times are typed in this zone: New York for an event in New York.', max_length=64, validators=[conference.models.validate_time_zone], verbose_name='time zone'),
        ),
        migrations.AlterField(
            model_name='event',
            name='website',
            field=models.URLField(blank=True, help_text="The event's own page, for example https://www.iom.int/idm-2019.", verbose_name='website'),
        ),
        migrations.AlterField(
            model_name='eventseries',
            name='slug',
            field=models.SlugField(help_text='Part of the public address, for example /en/series/idm/.', max_length=100, unique=True, verbose_name='slug'),
        ),
        migrations.AlterField(
            model_name='eventseries',
            name='website',
            field=models.URLField(blank=True, help_text='For example https://www.iom.int/idm.', verbose_name='website'),
        ),
    ]
