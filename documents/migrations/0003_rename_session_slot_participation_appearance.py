# Documents and photos name what they are attached to as the screens do.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_upload_checks_and_generated_names"),
        ("programme", "0003_rename_session_slot_participation_appearance"),
    ]

    operations = [
        # The constraint names the old fields: dropped first, made again in 0004.
        migrations.RemoveConstraint("document", "document_has_exactly_one_target"),
        migrations.RenameField("document", "session", "slot"),
        migrations.RenameField("document", "participation", "appearance"),
        migrations.RenameField("photo", "session", "slot"),
    ]
