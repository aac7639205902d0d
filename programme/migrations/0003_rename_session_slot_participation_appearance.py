# Models named as the screens name them: a Session is a slot, a Participation an appearance.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0002_seed_roles"),
        ("speakers", "0003_rename_organization_organisation"),
        ("documents", "0002_upload_checks_and_generated_names"),
    ]

    operations = [
        # Constraints name the old fields: they are dropped first and made again in 0004.
        migrations.RemoveConstraint("participation", "participation_unique_person_role"),
        migrations.RemoveConstraint("session", "session_ends_after_start"),
        migrations.RemoveConstraint("session", "session_kind_valid"),
        migrations.RenameModel("Session", "Slot"),
        migrations.RenameModel("Participation", "Appearance"),
        migrations.RenameField("appearance", "session", "slot"),
        migrations.RenameField("appearance", "organization", "organisation"),
    ]
