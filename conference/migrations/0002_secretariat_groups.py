"""The two secretariat groups: editors change programme data, viewers only look."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Secretariat editors"
VIEWERS = "Secretariat viewers"
PROGRAMME_DATA = {
    "conference": ["eventseries", "event", "day"],
    "programme": ["session", "role", "participation"],
    "speakers": ["person", "organization"],
    "documents": ["document", "photo"],
}


def add_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    viewers, _ = Group.objects.get_or_create(name=VIEWERS)
    for app_label, models in PROGRAMME_DATA.items():
        for model in models:
            permissions = Permission.objects.filter(
                content_type__app_label=app_label, content_type__model=model
            )
            editors.permissions.add(
                *permissions.filter(codename__regex=r"^(add|change|delete|view)_")
            )
            viewers.permissions.add(*permissions.filter(codename__startswith="view_"))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, VIEWERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("conference", "0001_initial"),
        ("programme", "0002_seed_roles"),
        ("speakers", "0001_initial"),
        ("documents", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_groups, remove_groups)]
