"""Excel workbooks of the exports: the same rows as the CSV, laid out for people.

The first row of a sheet gives the columns in the reader's language; the sheet “Columns”
pairs them with the stable names of the CSV. The header row is frozen and filtered,
columns have a width that fits their content, dates and times are spreadsheet dates and
times (as printed, in the event's time zone), links are hyperlinks and long text wraps.
Every text cell is written as text: a value such as “=HYPERLINK(…)” is never a formula.
A series gets a summary sheet and one sheet per event.
"""

import datetime
import io
import re

from django.http import HttpResponse
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from conference.enums import EventStatus
from core.choices import choice_label
from programme.exports import Links, role_column
from programme.queries import roles_in_order

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Human names of the CSV columns (README, Exports and feeds, documents the machine names).
COLUMN_LABELS = {
    "event": _("event"),
    "day": _("day"),
    "date": _("date"),
    "start": _("start"),
    "end": _("end"),
    "slot_number": _("Session number"),
    "slot_title": _("Session title"),
    "kind": _("kind"),
    "room": _("room"),
    "people": _("People"),
    "appearances": _("Appearances"),
    "role": _("Role"),
    "honorific": _("honorific"),
    "given_names": _("given names"),
    "family_names": _("family names"),
    "position": _("position"),
    "designation_as_printed": _("Designation as printed"),
    "organisation": _("organisation"),
    "acronym": _("acronym"),
    "organisation_category": _("Organisation category"),
    "country_code": _("Country code"),
    "country_name": _("country"),
    "gender": _("gender"),
    "documents": _("Documents"),
    "video_url": _("Video"),
    "attached_to": _("attached to"),
    "person": _("Person"),
    "title": _("Title"),
    "language": _("Language"),
    "translation_of": _("translation of"),
    "format": _("Format"),
    "file_size": _("File size (bytes)"),
    "public": _("public"),
    "url": _("Address"),
    "external_url": _("external address"),
    "status": _("status"),
    "section": _("Section"),
    "group": _("Group"),
    "label": _("label"),
    "count": _("Count"),
    "share": _("Share"),
}
URL_COLUMNS = {"url", "external_url", "video_url"}
VALUE_LABELS = {"status": EventStatus}

DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "hh:mm"
SHARE_FORMAT = "0.0%"
MIN_WIDTH, MAX_WIDTH = 6, 60
WRAP_LONGER_THAN = 60
HEADER_FONT = Font(bold=True)
LINK_FONT = Font(color="0563C1", underline="single")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
# Characters a sheet title may not hold, and its maximum length.
SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_TITLE_LENGTH = 31


def column_label(name, role_labels=None):
    """The column's header in the active language (the machine name if none is known)."""
    if name in COLUMN_LABELS:
        return capfirst(str(COLUMN_LABELS[name]))
    if role_labels and name in role_labels:
        return gettext("Appearances as %(role)s") % {"role": role_labels[name]}
    return name


def _width(value):
    text = value if isinstance(value, str) else str(value)
    return max((len(line) for line in text.splitlines()), default=0)


class SheetWriter:
    """Rows into one worksheet, tracking the widths its columns need."""

    def __init__(self, worksheet, header, labels):
        self.worksheet = worksheet
        self.header = list(header)
        self.widths = [len(label) for label in labels]
        worksheet.append(list(labels))
        for cell in worksheet[1]:
            cell.font = HEADER_FONT
            cell.data_type = "s"
        self.rows = 0

    def append(self, row):
        self.rows += 1
        number = self.rows + 1
        for index, (name, value) in enumerate(zip(self.header, row, strict=True)):
            cell = self.worksheet.cell(row=number, column=index + 1)
            self._write(cell, name, value)
            if cell.value is not None and not isinstance(value, datetime.date | datetime.time):
                self.widths[index] = max(self.widths[index], _width(cell.value))
            elif isinstance(value, datetime.date | datetime.time):
                self.widths[index] = max(self.widths[index], 10)

    def _write(self, cell, name, value):
        if isinstance(value, Links):
            self._links(cell, value)
            return
        if isinstance(value, bool):
            value = gettext("yes") if value else gettext("no")
        if name in VALUE_LABELS and value:
            value = choice_label(VALUE_LABELS[name], value)
        if value is None or value == "":
            return
        if isinstance(value, datetime.time):
            cell.value, cell.number_format = value, TIME_FORMAT
        elif isinstance(value, datetime.date):
            cell.value, cell.number_format = value, DATE_FORMAT
        elif isinstance(value, int | float):
            cell.value = value
            if name == "share":
                cell.number_format = SHARE_FORMAT
        else:
            self._text(cell, str(value))
            if name in URL_COLUMNS and value.startswith(("http://", "https://")):
                cell.hyperlink = value
                cell.font = LINK_FONT

    def _text(self, cell, text):
        cell.value = text
        cell.data_type = "s"  # never a formula, whatever the text starts with
        if "\n" in text or len(text) > WRAP_LONGER_THAN:
            cell.alignment = WRAP
        else:
            cell.alignment = TOP

    def _links(self, cell, links):
        """The titles, one a line; the cell opens the first document that has a file."""
        if not links:
            return
        self._text(cell, "\n".join(str(title) for title, _url in links))
        url = next((url for _title, url in links if url), "")
        if url:
            cell.hyperlink = url
            cell.font = LINK_FONT
            cell.alignment = WRAP

    def finish(self):
        """Frozen header row, a filter on every column, widths that fit."""
        worksheet = self.worksheet
        worksheet.freeze_panes = "A2"
        last = get_column_letter(max(len(self.header), 1))
        worksheet.auto_filter.ref = f"A1:{last}{self.rows + 1}"
        for index, width in enumerate(self.widths, start=1):
            letter = get_column_letter(index)
            worksheet.column_dimensions[letter].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)


def sheet_title(text, taken):
    """A valid, unique sheet title made from text (at most 31 characters)."""
    base = SHEET_TITLE_FORBIDDEN.sub(" ", str(text)).strip()[:SHEET_TITLE_LENGTH] or "Sheet"
    title, counter = base, 1
    while title.lower() in taken:
        counter += 1
        suffix = f" ({counter})"
        title = base[: SHEET_TITLE_LENGTH - len(suffix)] + suffix
    taken.add(title.lower())
    return title


def _columns_sheet(workbook, header, labels):
    writer = SheetWriter(
        workbook.create_sheet(gettext("Columns")),
        ["label", "name"],
        [gettext("Column"), gettext("Name in the CSV file")],
    )
    for name, label in zip(header, labels, strict=True):
        writer.append([label, name])
    writer.finish()


def _summary_sheet(worksheet, events, counts):
    header = ["event", "date", "end", "venue", "time_zone", "status", "rows"]
    labels = [
        capfirst(gettext("event")),
        gettext("First day"),
        gettext("Last day"),
        capfirst(gettext("venue")),
        capfirst(gettext("time zone")),
        capfirst(gettext("status")),
        gettext("Rows"),
    ]
    writer = SheetWriter(worksheet, header, labels)
    for event in events:
        writer.append(
            [
                str(event),
                event.start_date,
                event.end_date,
                event.venue,
                event.time_zone,
                event.status,
                counts.get(str(event), 0),
            ]
        )
    writer.finish()


def write_workbook(header, rows, *, title, events=None, role_labels=None):
    """The workbook (bytes) of an export's header and rows.

    With events (a list of the series' events), the rows are split into one sheet per
    event, by the “event” column, after a summary sheet.
    """
    header = list(header)
    labels = [column_label(name, role_labels) for name in header]
    workbook = Workbook()
    taken = set()
    if events is None or "event" not in header:
        writer = SheetWriter(workbook.active, header, labels)
        workbook.active.title = sheet_title(title, taken)
        for row in rows:
            writer.append(row)
        writer.finish()
    else:
        summary = workbook.active
        summary.title = sheet_title(gettext("Summary"), taken)
        position = header.index("event")
        writers = {}
        for event in events:
            name = str(event)
            writers[name] = SheetWriter(
                workbook.create_sheet(sheet_title(name, taken)), header, labels
            )
        for row in rows:
            name = str(row[position])
            if name not in writers:
                writers[name] = SheetWriter(
                    workbook.create_sheet(sheet_title(name, taken)), header, labels
                )
            writers[name].append(row)
        for writer in writers.values():
            writer.finish()
        _summary_sheet(summary, events, {name: w.rows for name, w in writers.items()})
    _columns_sheet(workbook, header, labels)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def role_labels():
    """{people export column: role label} for the people export's per-role columns."""
    return {role_column(role): str(role.label) for role in roles_in_order()}


def workbook_response(content, filename):
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
