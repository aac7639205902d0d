"""python manage.py export_csv <kind> --event <slug> | --series <slug> [--output FILE]"""

from django.core.management.base import BaseCommand, CommandError

from conference.models import Event, EventSeries
from programme.exports import EXPORTS, csv_chunks
from programme.links import base_url_for
from programme.statistics import STATISTICS_COLUMNS, compute_statistics

STATISTICS = "statistics"


class Command(BaseCommand):
    help = (
        "Write a CSV export of an event or of every event of a series (drafts included): "
        "participants, programme, documents, people or statistics. UTF-8 with a byte-order "
        "mark; links use the SITE_URL setting."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=[*EXPORTS, STATISTICS], help="What to export.")
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--event", metavar="SLUG", help="The event's slug.")
        target.add_argument("--series", metavar="SLUG", help="The series' slug: all its events.")
        parser.add_argument(
            "--output", metavar="FILE", help="Write to this file instead of standard output."
        )

    def handle(self, *args, kind, event=None, series=None, output=None, **options):
        if event is not None:
            events = Event.objects.filter(slug=event)
            if not events.exists():
                raise CommandError(f"No event has the slug “{event}”.")
        else:
            owner = EventSeries.objects.filter(slug=series).first()
            if owner is None:
                raise CommandError(f"No series has the slug “{series}”.")
            events = owner.events.all()

        if kind == STATISTICS:
            statistics = compute_statistics(events, multiple_events=series is not None)
            header, rows = STATISTICS_COLUMNS, statistics.rows_for_csv()
        else:
            header, rows = EXPORTS[kind].table(events, base_url_for(None))

        if output:
            try:
                stream = open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
            except OSError as error:
                raise CommandError(f"Cannot write to {output}: {error.strerror}.") from error
            with stream:
                stream.writelines(csv_chunks(header, rows))
            self.stderr.write(f"Wrote {output}.")
        else:
            for chunk in csv_chunks(header, rows):
                self.stdout.write(chunk, ending="")
