# The model and its field take the one spelling used on every screen: “organisation”.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("speakers", "0002_upload_checks_and_generated_names"),
    ]

    operations = [
        migrations.RenameModel("Organization", "Organisation"),
        migrations.RenameField("person", "organization", "organisation"),
    ]
