"""import_programme FILE [--event SLUG] [--year YYYY] [--dry-run] [--json] [--allow-date-change]

Reads a programme (plain text in any common encoding, a Word document or a PDF with text;
see programme/importer/sources.py) and writes it into an event (a new draft when the
slug is unknown), in one transaction. `--dry-run` shows what would be written; `--json` prints
the parser's structure as one JSON object and nothing else on standard output. A day dated
outside 1900–2100 is refused; new dates for a published event need `--allow-date-change`.

When nothing is written (`--dry-run`, or `--json` without an event), a text file is read,
parsed and planned a day at a time, in flat memory however long it is, with the output the
whole text gives (`dry_run_report`, `json_report`).
"""

import codecs
import io
import json
import tempfile

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from core.history import bulk_revision
from programme.import_checks import check_plan, date_refusal, published_date_change
from programme.importer import PlanStream, ProgrammeImportError, import_programme, parse_text
from programme.importer.sources import SourceError, read_lines, read_path
from programme.parser import (
    Paragraph,
    ParsedDay,
    UnplacedLine,
    most_common_year,
    stream_programme,
)


def read_text(path):
    """The file's text (Word, PDF or plain text in any common encoding), or a CommandError
    that says plainly what is wrong with it."""
    try:
        return read_path(path)
    except SourceError as error:
        raise CommandError(str(error)) from error


def read_lines_or_error(path):
    """The file's lines, read from disk as they are needed (``read_lines``), or a
    CommandError as for ``read_text``."""
    try:
        return read_lines(path)
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
    lines = describe_opening(plan)
    for day in plan.days:
        lines.extend(describe_day(day))
        for slot in day.slots:
            lines.extend(describe_slot(slot))
    lines.extend(describe_unplaced(plan.unplaced))
    lines.extend(describe_closing(plan.notes, plan.summary()))
    return lines


def describe_opening(plan):
    """The event and the introduction: what comes before the days."""
    lines = []
    if plan.event_slug:
        state = "new draft" if plan.event_is_new else f"existing, #{plan.event.pk}"
        lines.append(f"Event {plan.event_slug} ({state}): {plan.event_title}")
    if plan.intro:
        intro = "used as the event's introduction" if plan.use_intro else "not used"
        paragraphs = len(plan.intro.split("\n\n"))
        lines.append(f"Introduction: {paragraphs} paragraph(s), {intro}")
    return lines


def describe_day(day):
    """A day's heading (its slots follow, each from describe_slot)."""
    label = f"{day.label} – " if day.label else ""
    return ["", f"{label}{day.date.isoformat()} {_mark(day.is_new, day.day and day.day.pk)}"]


def describe_slot(slot):
    end = f"–{slot.end:%H:%M}" if slot.end else ""
    number = f"Session {slot.number}: " if slot.number else ""
    slot_id = slot.slot.pk if slot.slot else None
    mark = _mark(slot.is_new, slot_id)
    lines = [f"  {slot.start:%H:%M}{end} {number}{slot.title} ({slot.kind}) {mark}"]
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
    return lines


def describe_unplaced(items):
    """The unplaced lines ({"line", "text"} each)."""
    if not items:
        return []
    return ["", f"Unplaced lines ({len(items)}):", *map(describe_unplaced_line, items)]


def describe_unplaced_line(item):
    return f"  line {item['line']}: {item['text']}"


def describe_closing(notes, counts):
    """The notes and the counts (``ImportPlan.summary()``): what comes after the days."""
    lines = [f"Note: {note}" for note in notes]
    lines.append("")
    lines.append(
        "{days} day(s), {slots} slot(s) ({new_slots} new), {appearances} appearance(s) "
        "({new_appearances} new), {people} people ({new_people} new, {matched_people} "
        "matched), {documents} document marker(s) ({new_documents} new), {unplaced} "
        "unplaced line(s).".format(**counts)
    )
    return lines


class _Spool:
    """Lines written to a temporary file and read back later, in pieces: the report of a
    long programme waits there, not in memory, until it can be printed whole (nothing is
    printed when planning fails half-way, as before)."""

    def __init__(self, file):
        self.file = file  # a temporary file, in binary mode

    def write(self, lines):
        """Write the lines; return where they are (start, end)."""
        start = self.file.tell()
        for line in lines:
            self.file.write((line if line.endswith("\n") else line + "\n").encode())
        return start, self.file.tell()

    def read(self, start, end):
        """The text written between start and end, in pieces of at most a megabyte."""
        self.file.seek(start)
        decoder = codecs.getincrementaldecoder("utf-8")()
        while start < end:
            data = self.file.read(min(SPOOL_PIECE, end - start))
            start += len(data)
            yield decoder.decode(data, final=start >= end)
        self.file.seek(0, io.SEEK_END)

    def read_all(self):
        return self.read(0, self.file.seek(0, io.SEEK_END))


SPOOL_PIECE = 64 * 1024


def dry_run_report(lines, year, slug, out):
    """Write to ``out`` (a management command's OutputWrapper) what ``describe_plan`` says of
    ``build_plan(parse_text(text), slug)`` for the text of ``lines``, reading the text once
    to count its years and once to parse it, a day at a time: the days' lines wait in a
    temporary file, so memory stays flat however long the text. Returns the plan's
    closing (an ImportPlan without slots) for the checks on its dates."""
    with (
        tempfile.TemporaryFile() as days_file,
        tempfile.TemporaryFile() as unplaced_file,
        translation.override("en"),
    ):
        days, unplaced = _Spool(days_file), _Spool(unplaced_file)
        stream = PlanStream(slug or None)
        where = {}  # DayPlan id → [(start, end) of its lines in the spool]
        order = []  # the DayPlans, in the order of their first heading
        opening = None
        unplaced_count = 0
        text_year = most_common_year(lines)
        for piece in stream_programme(lines, year, text_year):
            match piece:
                case ParsedDay():
                    day_plan, slots, merged = stream.day(piece.to_dict())
                    described = [] if merged else describe_day(day_plan)
                    for slot in slots:
                        described.extend(describe_slot(slot))
                    if not merged:
                        where[id(day_plan)] = []
                        order.append(day_plan)
                    where[id(day_plan)].append(days.write(described))
                case UnplacedLine():
                    unplaced_count += 1
                    unplaced.write([describe_unplaced_line(piece.to_dict())])
                case Paragraph():
                    pass  # a closing section's heading: not part of the plan
                case _:
                    opening = stream.opening([paragraph.text for paragraph in piece])
        plan = stream.close()
        for line in describe_opening(opening):
            out.write(line)
        for day_plan in order:
            for start, end in where[id(day_plan)]:
                for text in days.read(start, end):
                    out.write(text, ending="")
        if unplaced_count:
            out.write("")
            out.write(f"Unplaced lines ({unplaced_count}):")
            for text in unplaced.read_all():
                out.write(text, ending="")
        for line in describe_closing(plan.notes, stream.counts.summary(unplaced_count)):
            out.write(line)
        return plan


def json_report(lines, year, out):
    """Write to ``out`` the JSON of ``parse_text(text, year=year)`` for the text of ``lines``
    (the same bytes as ``json.dumps`` of the whole), a day at a time; the unplaced lines,
    which come last in it, wait in a temporary file."""
    with tempfile.TemporaryFile() as unplaced_file:
        unplaced = _Spool(unplaced_file)
        first_day, unplaced_count = True, 0
        for piece in stream_programme(lines, year, most_common_year(lines)):
            match piece:
                case ParsedDay():
                    text = _json(piece.to_dict())
                    out.write(text if first_day else ", " + text, ending="")
                    first_day = False
                case UnplacedLine():
                    text = _json(piece.to_dict())
                    unplaced.file.write((", " + text if unplaced_count else text).encode())
                    unplaced_count += 1
                case Paragraph():
                    pass  # a closing section's heading: not in the JSON
                case _:
                    intro = [paragraph.text for paragraph in piece]
                    out.write(f'{{"intro": {_json(intro)}, "days": [', ending="")
        out.write('], "unplaced": [', ending="")
        for text in unplaced.read_all():
            out.write(text, ending="")
        out.write("]}")


def _json(value):
    return json.dumps(value, ensure_ascii=False)


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
        slug = (options["event"] or "").strip()
        # --json alone only prints the parsed programme: there is no event to write into.
        writes = not options["dry_run"] and not (options["json"] and not slug)
        if not writes:
            # Nothing is written: the text is read, parsed and planned a day at a time.
            lines = read_lines_or_error(options["file"])
            report = self.stderr if options["json"] else self.stdout
            try:
                if options["json"]:
                    json_report(lines, year, self.stdout)
                    return
                plan = dry_run_report(lines, year, slug, report)
            except ProgrammeImportError as error:
                raise CommandError(str(error)) from error
            for problem in (date_refusal(plan), published_date_change(plan)):
                if problem:
                    report.write(f"Note: {problem}")
            report.write("Dry run: nothing was written.")
            return
        text = read_text(options["file"])
        if not slug:
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
        description = []

        def on_plan(plan):
            check_plan(
                plan,
                date_change_allowed=options["allow_date_change"],
                how_to_allow="Nothing was imported: add --allow-date-change to import anyway.",
            )
            description.extend(describe_plan(plan))

        try:
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
