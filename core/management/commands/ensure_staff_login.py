"""Make sure a local staff login exists; print its password only when it is created."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the local superuser 'secretariat' with a generated password if it does not "
        "exist yet, and print the password once. Never sets a fixed password."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="secretariat")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Staff login '{username}' already exists (its password was printed when it was "
                f"created; reset it with: manage.py changepassword {username})."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created staff login for http://127.0.0.1:8000/admin/\n"
                f"  user name: {username}\n  password:  {password}"
            )
        )
