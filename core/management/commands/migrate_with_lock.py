"""`migrate`, one process at a time: web containers that start together take turns."""

from django.core.management.commands.migrate import Command as MigrateCommand
from django.db import connections

# Any constant shared by every container; pg_advisory_lock takes a 64-bit key.
LOCK_KEY = 0x504C454E415259  # "PLENARY"


class Command(MigrateCommand):
    help = (
        "Apply migrations like `migrate`, holding a PostgreSQL advisory lock so that several "
        "containers starting at once (docker compose up --scale web=3) never migrate together."
    )

    def handle(self, *args, **options):
        connection = connections[options["database"]]
        if connection.vendor != "postgresql":
            return super().handle(*args, **options)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
        try:
            return super().handle(*args, **options)
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
