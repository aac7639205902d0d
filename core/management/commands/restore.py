"""`manage.py restore FILE`: put back the database and media files of a backup."""

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = "Replace the database and the uploaded files with those of a backup archive."

    def add_arguments(self, parser):
        parser.add_argument("file", help="An archive written by `manage.py backup`.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, **options):
        try:
            manifest = read_manifest(options["file"])
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        if options["interactive"]:
            answer = input(
                f"This replaces the whole database and every uploaded file with the backup "
                f"of {manifest['created']} ({manifest['engine']}, "
                f"{manifest['media_files']} files). Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            restore_backup(options["file"], using=options["database"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        created, path = manifest["created"], options["file"]
        self.stdout.write(self.style.SUCCESS(f"Restored the backup of {created} from {path}"))
