"""The roles printed on programmes, in English, French and Spanish."""

from django.db import migrations

ROLES = [
    # name, English label, French label, Spanish label, listed before speakers, order
    ("Chair", "Chair", "Présidence", "Presidencia", True, 10),
    ("Co-Chair", "Co-Chair", "Coprésidence", "Copresidencia", True, 20),
    ("Moderator", "Moderator", "Modérateur", "Moderador", True, 30),
    ("Presenter", "Presenter", "Présentateur", "Presentador", True, 40),
    (
        "Introduction to the panel discussion",
        "Introduction to the panel discussion",
        "Introduction à la table ronde",
        "Introducción al debate",
        True,
        50,
    ),
    ("Keynote speaker", "Keynote speaker", "Orateur principal", "Orador principal", True, 60),
    ("Rapporteur", "Rapporteur", "Rapporteur", "Relator", True, 70),
    ("Speaker", "Speaker", "Intervenant", "Ponente", False, 100),
]


def add_roles(apps, schema_editor):
    Role = apps.get_model("programme", "Role")
    for name, label_en, label_fr, label_es, before, order in ROLES:
        Role.objects.update_or_create(
            name=name,
            defaults={
                "label": label_en,
                "label_en": label_en,
                "label_fr": label_fr,
                "label_es": label_es,
                "listed_before_speakers": before,
                "order": order,
            },
        )


def remove_roles(apps, schema_editor):
    Role = apps.get_model("programme", "Role")
    Role.objects.filter(name__in=[role[0] for role in ROLES], participations__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("programme", "0001_initial")]

    operations = [migrations.RunPython(add_roles, remove_roles)]
