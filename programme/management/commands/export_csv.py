"""manage.py export_csv <kind> --event <slug> | --series <slug> [--format xlsx] [--output F]"""

from django.core.management.base import BaseCommand, CommandError

from conference.models import Event, EventSeries
from programme.exports import EXPORTS, csv_chunks
from programme.links import base_url_for
from programme.statistics import STATISTICS_COLUMNS, compute_statistics
from programme.workbooks import role_labels, write_workbook

STATISTICS = "statistics"
CSV, XLSX = "csv", "xlsx"


class Command(BaseCommand):
    help = (
        "Write a CSV export (or an Excel workbook) of an event or of the events of a series: "
        "participants, programme, documents, people or statistics. CSV is UTF-8 with a "
        "byte-order mark; links use the SITE_URL setting. A series' draft events are left "
        "out unless --include-drafts is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=[*EXPORTS, STATISTICS], help="What to export.")
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--event", metavar="SLUG", help="The event's slug.")
        target.add_argument("--series", metavar="SLUG", help="The series' slug: all its events.")
        parser.add_argument(
            "--format",
            choices=[CSV, XLSX],
            default=CSV,
            dest="file_format",
            help="csv (the default) or xlsx (an Excel workbook; needs --output).",
        )
        parser.add_argument(
            "--include-drafts",
            action="store_true",
            help="With --series: include the series' draft events too.",
        )
        parser.add_argument(
            "--output", metavar="FILE", help="Write to this file instead of standard output."
        )

    def handle(self, *args, kind, event=None, series=None, output=None, **options):
        file_format = options.get("file_format", CSV)
        if file_format == XLSX and not output:
            raise CommandError("An Excel workbook is written to a file: give --output FILE.")
        series_events = None
        if event is not None:
            events = Event.objects.filter(slug=event)
            if not events.exists():
                raise CommandError(f"No event has the slug “{event}”.")
        else:
            owner = EventSeries.objects.filter(slug=series).first()
            if owner is None:
                raise CommandError(f"No series has the slug “{series}”.")
            events = owner.events.order_by("start_date", "pk")
            if kind != STATISTICS and not options.get("include_drafts"):
                events = events.published()
            series_events = list(events)

        if kind == STATISTICS:
            statistics = compute_statistics(events, multiple_events=series is not None)
            header, rows = STATISTICS_COLUMNS, statistics.rows_for_csv()
            title, series_events = "Statistics", None
        else:
            header, rows = EXPORTS[kind].table(events, base_url_for(None))
            title = EXPORTS[kind].label

        if file_format == XLSX:
            content = write_workbook(
                header,
                rows,
                title=title,
                events=series_events,
                role_labels=role_labels() if kind == "people" else None,
            )
            self._write(output, [content], mode="wb")
        elif output:
            self._write(output, csv_chunks(header, rows), mode="w")
        else:
            for chunk in csv_chunks(header, rows):
                self.stdout.write(chunk, ending="")

    def _write(self, output, chunks, *, mode):
        encoding = {"encoding": "utf-8", "newline": ""} if mode == "w" else {}
        try:
            stream = open(output, mode, **encoding)  # noqa: SIM115
        except OSError as error:
            raise CommandError(f"Cannot write to {output}: {error.strerror}.") from error
        with stream:
            stream.writelines(chunks)
        self.stderr.write(f"Wrote {output}.")
