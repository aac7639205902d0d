"""The secretariat groups on what speakers send: editors review and issue links, viewers look."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Secretariat editors"
VIEWERS = "Secretariat viewers"
MODELS = ["contributionlink", "designationproposal", "documentsubmission"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("programme")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    viewers, _ = Group.objects.get_or_create(name=VIEWERS)
    permissions = Permission.objects.filter(
        content_type__app_label="programme", content_type__model__in=MODELS
    )
    editors.permissions.add(*permissions.filter(codename__regex=r"^(add|change|delete|view)_"))
    viewers.permissions.add(*permissions.filter(codename__startswith="view_"))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="programme", content_type__model__in=MODELS
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("conference", "0002_secretariat_groups"),
        ("programme", "0007_contribution_links_proposals_uploads"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
