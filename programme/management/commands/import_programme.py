"""import_programme FILE [--event SLUG] [--year YYYY] [--dry-run] [--json] [--allow-date-change]

Reads a programme (plain text in any common encoding, a Word document or a PDF with text;
see programme/importer/sources.py) and writes it into an event (a new draft when the
slug is unknown), in one transaction. `--dry-run` shows what would be written; `--json` prints
the parser's structure as one JSON object and nothing else on standard output. A day dated
outside 1900–2100 is refused; new dates for a published event need `--allow-date-change`.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core.history import bulk_revision
from programme.import_checks import check_plan, date_refusal, published_date_change
from programme.importer import ProgrammeImportError, build_plan, import_programme, parse_text
from programme.importer.sources import SourceError, read_path


def read_text(path):
    """The file's text (Word, PDF or plain text in any common encoding), or a CommandError
    that says plainly what is wrong with it."""
    try:
        return read_path(path)
    except SourceError as error:
        raise CommandError(str(error)) from error


def parse_year(value):
    if value is None:
        return None
    text = str(value).strip()
    if not (text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2100):
        raise CommandError(f"--year must be a four-digit year such as 2018, not “{value}”.")
    return int(text)


def _mark(is_new, obj_id=None):
    if is_new:
        return "[new]"
    return f"[matched #{obj_id}]" if obj_id else "[matched]"


def describe_plan(plan):
    """The plan as readable lines: every slot, person, role, designation and marker."""
    lines = []
    if plan.event_slug:
        state = "new draft" if plan.event_is_new else f"existing, #{plan.event.pk}"
        lines.append(f"Event {plan.event_slug} ({state}): {plan.event_title}")
    if plan.intro:
        intro = "used as the event's introduction" if plan.use_intro else "not used"
        paragraphs = len(plan.intro.split("\n\n"))
        lines.append(f"Introduction: {paragraphs} paragraph(s), {intro}")
    for day in plan.days:
        label = f"{day.label} – " if day.label else ""
        lines.append("")
        lines.append(f"{label}{day.date.isoformat()} {_mark(day.is_new, day.day and day.day.pk)}")
        for slot in day.slots:
            end = f"–{slot.end:%H:%M}" if slot.end else ""
            number = f"Session {slot.number}: " if slot.number else ""
            slot_id = slot.slot.pk if slot.slot else None
            lines.append(
                f"  {slot.start:%H:%M}{end} {number}{slot.title} "
                f"({slot.kind}) {_mark(slot.is_new, slot_id)}"
            )
            if slot.video_to_add:
                lines.append("    video marked, address to add")
            for note in slot.notes:
                lines.append(f"    note: {note}")
            for marker in slot.documents:
                mark = _mark(marker.is_new)
                lines.append(f"    document: {marker.marker} ({marker.kind}) {mark}")
            for person in slot.people:
                who = " ".join(part for part in (person.honorific_printed, person.name) if part)
                if person.person_is_new:
                    mark = "[new person]" if person.first_seen else "[new person, met above]"
                else:
                    mark = f"[matched person #{person.person_id}]"
                role = f"{person.role_label}{' [new role]' if person.role_is_new else ''}"
                lines.append(f"    {role}: {who} {mark}")
                if person.designation:
                    lines.append(f"      {person.designation}")
                for marker in person.documents:
                    lines.append(f"      ({marker.marker}) → {marker.kind} {_mark(marker.is_new)}")
    if plan.unplaced:
        lines.append("")
        lines.append(f"Unplaced lines ({len(plan.unplaced)}):")
        for item in plan.unplaced:
            lines.append(f"  line {item['line']}: {item['text']}")
    for note in plan.notes:
        lines.append(f"Note: {note}")
    counts = plan.summary()
    lines.append("")
    lines.append(
        "{days} day(s), {slots} slot(s) ({new_slots} new), {appearances} appearance(s) "
        "({new_appearances} new), {people} people ({new_people} new, {matched_people} "
        "matched), {documents} document marker(s) ({new_documents} new), {unplaced} "
        "unplaced line(s).".format(**counts)
    )
    return lines


class Command(BaseCommand):
    help = (
        "Import a programme (plain text, a Word document or a PDF with text) into an event "
        "(created as a draft when missing). --dry-run shows what would be written; --json "
        "prints the parsed programme."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            metavar="FILE",
            help="The programme: plain text, a Word document (.docx) or a PDF with text.",
        )
        parser.add_argument("--event", metavar="SLUG", help="The event to write into.")
        parser.add_argument("--year", metavar="YYYY", help="The year of dates printed without one.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be written; write nothing."
        )
        parser.add_argument(
            "--allow-date-change",
            action="store_true",
            help="Import even though the event is published and its dates would change.",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help=(
                "Print the parsed programme as one JSON object and nothing else on standard "
                "output (with --event and without --dry-run it also writes; the summary then "
                "goes to standard error). Without --event, nothing is written."
            ),
        )

    def handle(self, *args, **options):
        year = parse_year(options["year"])
        text = read_text(options["file"])
        slug = (options["event"] or "").strip()
        # --json alone only prints the parsed programme: there is no event to write into.
        writes = not options["dry_run"] and not (options["json"] and not slug)
        if writes and not slug:
            raise CommandError(
                "Say which event to import into with --event SLUG, or use --dry-run to only "
                "look at the result."
            )
        try:
            data = parse_text(text, year=year)
        except ValueError as error:
            raise CommandError(f"The programme could not be read: {error}") from error
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False))
        report = self.stderr if options["json"] else self.stdout
        try:
            if not writes:
                if not options["json"]:
                    plan = build_plan(data, slug or None)
                    for line in describe_plan(plan):
                        report.write(line)
                    for problem in (date_refusal(plan), published_date_change(plan)):
                        if problem:
                            report.write(f"Note: {problem}")
                    report.write("Dry run: nothing was written.")
                return
            description = []

            def on_plan(plan):
                check_plan(
                    plan,
                    date_change_allowed=options["allow_date_change"],
                    how_to_allow="Nothing was imported: add --allow-date-change to import anyway.",
                )
                description.extend(describe_plan(plan))

            with bulk_revision(_("Imported from text")):
                result = import_programme(data, slug, on_plan=on_plan)
        except ProgrammeImportError as error:
            raise CommandError(str(error)) from error
        if not options["json"]:
            for line in description:
                report.write(line)
        created = ", ".join(f"{count} {what}" for what, count in result.created.items() if count)
        if created:
            state = "published" if result.event.is_published else "draft"
            report.write(f"Imported into {result.event.slug} ({state}).")
            report.write(f"Created: {created}.")
        else:
            report.write(f"Nothing changed: {result.event.slug} already holds this programme.")
