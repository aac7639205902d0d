"""`manage.py backup`: the database and the media files in one dated archive."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write a consistent copy of the database (pg_dump on PostgreSQL, SQLite's backup API "
        "on SQLite) and the uploaded files into backups/plenary-<date>-<time>.tar.gz (0600), "
        "without sessions, log-in records or password hashes unless --with-accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=str(settings.BASE_DIR / "backups"),
            help="Folder for the archive (default: backups/ in the project).",
        )
        parser.add_argument("--database", default="default", help="Database alias.")
        parser.add_argument(
            "--with-accounts",
            action="store_true",
            help="Keep sessions, log-in records and password hashes in the archive (by "
            "default they are left out and passwords are made unusable).",
        )

    def handle(self, *args, **options):
        try:
            path = create_backup(
                options["output_dir"],
                using=options["database"],
                with_accounts=options["with_accounts"],
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path}"))
        return None
