"""The unaccent extension for accent-insensitive search on PostgreSQL (no-op elsewhere)."""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("conference", "0002_secretariat_groups")]

    operations = [UnaccentExtension()]
