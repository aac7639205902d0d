# After the renames: stored history versions of slots, appearances, organisations, people,
# documents and photos name the new models and fields, and permissions carry the new names
# (the secretariat groups keep theirs).
import json

from django.db import migrations

MODELS = {"programme.session": "programme.slot", "programme.participation": "programme.appearance",
          "speakers.organization": "speakers.organisation"}
FIELDS = {"session": "slot", "participation": "appearance", "organization": "organisation"}
LABELS = ["programme.slot", "programme.appearance", "speakers.organisation", "speakers.person",
          "documents.document", "documents.photo"]


def _rewrite(serialized, models, fields):
    try:
        rows = json.loads(serialized)
    except ValueError:
        return serialized
    for row in rows:
        row["model"] = models.get(row.get("model"), row.get("model"))
        row["fields"] = {fields.get(name, name): value for name, value in row.get("fields", {}).items()}
    return json.dumps(rows)


def rename(apps, schema_editor, models=MODELS, fields=FIELDS, labels=LABELS):
    Version = apps.get_model("reversion", "Version")
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = [ContentType.objects.filter(app_label=label.split(".")[0], model=label.split(".")[1]).first()
             for label in labels]
    for version in Version.objects.filter(content_type__in=[t for t in types if t], format="json").iterator():
        rewritten = _rewrite(version.serialized_data, models, fields)
        if rewritten != version.serialized_data:
            version.serialized_data = rewritten
            version.save(update_fields=["serialized_data"])


PERMISSIONS = [("programme", "slot", "session"), ("programme", "appearance", "participation"),
               ("speakers", "organisation", "organization")]


def rename_permissions(apps, schema_editor, backwards=False):
    Permission = apps.get_model("auth", "Permission")
    for app_label, model, old in PERMISSIONS:
        source, target = (model, old) if backwards else (old, model)
        for action in ("add", "change", "delete", "view"):
            permission = Permission.objects.filter(
                content_type__app_label=app_label, content_type__model=model,
                codename=f"{action}_{source}",
            ).first()
            if permission is None:
                continue
            existing = Permission.objects.filter(
                content_type=permission.content_type, codename=f"{action}_{target}"
            ).first()
            if existing is not None:
                for group in permission.group_set.all():
                    group.permissions.add(existing)
                for user in permission.user_set.all():
                    user.user_permissions.add(existing)
                permission.delete()
                continue
            permission.codename = f"{action}_{target}"
            permission.name = f"Can {action} {target}"
            permission.save(update_fields=["codename", "name"])


def rename_permissions_back(apps, schema_editor):
    rename_permissions(apps, schema_editor, backwards=True)


def rename_back(apps, schema_editor):
    models = {new: old for old, new in MODELS.items()}
    fields = {new: old for old, new in FIELDS.items()}
    labels = ["programme.slot", "programme.appearance", "speakers.organisation", "speakers.person",
              "documents.document", "documents.photo"]
    rename(apps, schema_editor, models, fields, labels)


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0004_slot_appearance_constraints"),
        ("documents", "0004_document_target_constraint"),
        ("speakers", "0004_organisation_constraints"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("conference", "0002_secretariat_groups"),
    ]

    operations = [
        migrations.RunPython(rename, rename_back),
        migrations.RunPython(rename_permissions, rename_permissions_back),
    ]
