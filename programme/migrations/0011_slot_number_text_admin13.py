# Compound honorifics (“H.E. Mr.”, “H.E. Ms.”, “Prof. Dr.”) are new choices.
# The slot number is printed text: “4”, “IV” or “4a” (“Session IV”). Existing numbers become
# their digits, a missing number the empty text. Stored history versions of slots get the
# same conversion, so that reverting to one writes a value the column accepts.
import json

from django.db import migrations, models


def number_as_text(apps, schema_editor):
    Slot = apps.get_model("programme", "Slot")
    Slot.objects.filter(number__isnull=True).update(number="")
    Version = apps.get_model("reversion", "Version")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="programme", model="slot").first()
    if content_type is None:
        return
    versions = Version.objects.filter(content_type=content_type, format="json")
    for version in versions.iterator():
        try:
            rows = json.loads(version.serialized_data)
        except ValueError:
            continue
        changed = False
        for row in rows:
            fields = row.setdefault("fields", {})
            if "number" in fields and not isinstance(fields["number"], str):
                value = fields["number"]
                fields["number"] = "" if value is None else str(value)
                changed = True
        if changed:
            version.serialized_data = json.dumps(rows)
            version.save(update_fields=["serialized_data"])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("programme", "0010_changes15"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.AlterField(
            model_name="slot",
            name="number",
            field=models.CharField(blank=True, max_length=10, null=True, verbose_name="number"),
        ),
        migrations.RunPython(number_as_text, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="slot",
            name="number",
            field=models.CharField(
                blank=True,
                help_text="As printed: “4”, “IV” or “4a” prints “Session 4”. Leave blank if none.",
                max_length=10,
                verbose_name="number",
            ),
        ),
        migrations.AlterField(
            model_name='appearance',
            name='honorific',
            field=models.CharField(blank=True, choices=[('', '(none)'), ('Mr.', 'Mr.'), ('Ms.', 'Ms.'), ('Mrs.', 'Mrs.'), ('Dr.', 'Dr.'), ('Prof.', 'Prof.'), ('H.E.', 'H.E.'), ('Hon.', 'Hon.'), ('Amb.', 'Amb.'), ('H.E. Mr.', 'H.E. Mr.'), ('H.E. Ms.', 'H.E. Ms.'), ('Prof. Dr.', 'Prof. Dr.')], max_length=10, verbose_name='honorific'),
        ),
        migrations.AlterField(
            model_name='designationproposal',
            name='honorific',
            field=models.CharField(blank=True, choices=[('', '(none)'), ('Mr.', 'Mr.'), ('Ms.', 'Ms.'), ('Mrs.', 'Mrs.'), ('Dr.', 'Dr.'), ('Prof.', 'Prof.'), ('H.E.', 'H.E.'), ('Hon.', 'Hon.'), ('Amb.', 'Amb.'), ('H.E. Mr.', 'H.E. Mr.'), ('H.E. Ms.', 'H.E. Ms.'), ('Prof. Dr.', 'Prof. Dr.')], max_length=10, verbose_name='honorific'),
        ),
        migrations.AlterField(
            model_name='slot',
            name='video_url',
            field=models.URLField(blank=True, help_text='The address of the recording, for example https://www.youtube.com/watch?v=… or https://webtv.un.org/en/asset/….', verbose_name='video of the session'),
        ),
    ]
