"""Photos saved without their width and height get them: a photo without them opens its
image file each time it is read from the database (Django's ImageField works them out)."""

from django.db import migrations


def fill_dimensions(apps, schema_editor):
    from PIL import Image

    Photo = apps.get_model("documents", "Photo")
    for photo in Photo.objects.filter(width__isnull=True).exclude(image=""):
        try:
            with photo.image.open("rb"), Image.open(photo.image) as image:
                photo.width, photo.height = image.size
        except (OSError, ValueError):  # a missing or unreadable file: left as it is
            continue
        Photo.objects.filter(pk=photo.pk).update(width=photo.width, height=photo.height)


class Migration(migrations.Migration):
    dependencies = [("documents", "0006_document_embargo_until_delivered")]

    operations = [migrations.RunPython(fill_dimensions, migrations.RunPython.noop)]
