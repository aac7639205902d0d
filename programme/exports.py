"""CSV exports for governing bodies: participants, programme, documents and people.

Each export is a header and a generator of rows, written by csv_chunks(): UTF-8 with a
byte-order mark, RFC 4180 quoting (CRLF line ends), and every text cell that a spreadsheet
could read as a formula neutralised with a leading apostrophe (OWASP CSV injection). The
column names are stable: the README (Exports and feeds) documents them.
"""

import datetime
from dataclasses import dataclass
from itertools import islice

from django.db.models import Model
from django.http import StreamingHttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from conference.enums import EventStatus
from core.choices import choice_label, country_name
from programme.links import document_url, document_url_function
from programme.models import designation_as_printed
from programme.queries import (
    EXPORT_CHUNK_SIZE,
    documents_for_export,
    participant_lookups,
    participants_for_export,
    people_for_export,
    roles_in_order,
    slots_with_people,
)
from speakers.enums import Gender, OrganisationCategory

BOM = "\ufeff"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
_FORMULA_STARTS = frozenset(FORMULA_TRIGGERS)  # each one character: text[:1] is looked up
ROWS_PER_CHUNK = 250


def neutralise(value):
    """The cell as text; text that could start a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    if text[:1] in _FORMULA_STARTS:
        return "'" + text
    return text


def csv_field(value):
    """The cell as the CSV file holds it: neutralise()d, then quoted as csv.writer quotes in
    its default (excel) dialect: between double quotes, its own doubled, when it holds a
    comma, a double quote or a line break. Text (most cells) is checked first."""
    if value.__class__ is str:
        if value[:1] in _FORMULA_STARTS:
            value = "'" + value
    else:
        value = neutralise(value)
        if value.__class__ is not str:  # a number
            return str(value)
    if "," in value or '"' in value or "\n" in value or "\r" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


def csv_chunks(header, rows, *, rows_per_chunk=ROWS_PER_CHUNK, neutralised=False):
    """Yield the CSV text in chunks of rows, starting with the BOM and header.

    ``neutralised``: the rows' cells are already CSV fields as csv_field() makes them (the
    rows of Export.csv_table()); they are joined as they are, a chunk of rows at a time.
    """
    if not neutralised:
        rows = ([csv_field(cell) for cell in row] for row in rows)
    start = BOM + ",".join(map(csv_field, header)) + "\r\n"
    while batch := list(islice(rows, rows_per_chunk)):
        yield start + "\r\n".join(map(",".join, batch)) + "\r\n"
        start = ""
    if start:  # the header of an export without rows
        yield start


def csv_response(header, rows, filename, *, neutralised=False):
    """A streamed CSV download: the rows are read from the database as they are sent."""
    response = StreamingHttpResponse(
        csv_chunks(header, rows, neutralised=neutralised), content_type=CSV_CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# Shared formatting ---------------------------------------------------------------------------


def _time(value):
    """A time of day (written “10:00” in CSV, a spreadsheet time in a workbook), or “”."""
    return value or ""


def _date(value):
    """A date (written “2018-10-08” in CSV, a spreadsheet date in a workbook), or “”."""
    return value or ""


class Links(tuple):
    """(title, url) pairs of a cell: “Title <url>” lines in CSV, hyperlinks in a workbook."""

    def __str__(self):
        return links_text(self)


def links_text(links):
    """The “Title <url>” lines of (title, url) pairs, as a Links cell is written in CSV."""
    return "\n".join([f"{title} <{url}>" if url else str(title) for title, url in links])


def printed_name(honorific, person):
    """“Ms. Amy Pope”: honorific as printed for the appearance, then the name."""
    return " ".join(part for part in (honorific, person.given_names, person.family_names) if part)


def appearance_country(appearance):
    """The country printed for the appearance, else the organisation's country (or None)."""
    if appearance.country:
        return appearance.country
    organisation = appearance.organisation
    if organisation is not None and organisation.country:
        return organisation.country
    return None


def _organisation_cells(organisation):
    if organisation is None:
        return ["", "", ""]
    return [
        organisation.name,
        organisation.acronym,
        choice_label(OrganisationCategory, organisation.category),
    ]


def _country_cells(country):
    if country is None:
        return ["", ""]
    return [country.code, country.name]


# The four exports ------------------------------------------------------------------------------

PARTICIPANT_COLUMNS = [
    "event",
    "date",
    "start",
    "end",
    "slot_number",
    "slot_title",
    "role",
    "honorific",
    "given_names",
    "family_names",
    "position",
    "designation_as_printed",
    "organisation",
    "acronym",
    "organisation_category",
    "country_code",
    "country_name",
    "gender",
    "documents",
    "video_url",
    "status",
]


def _as_it_is(value):
    return value


class Remembered(dict):
    """function(key) for the keys of one export, each worked out once: ``cache[key]``. Past
    ``limit`` keys all are forgotten and worked out again as they come back, so that memory
    stays flat however long the export."""

    def __init__(self, function, limit=10_000):
        super().__init__()
        self.function, self.limit = function, limit

    def __missing__(self, key):
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.function(key)
        return value


def participant_rows(events, base, cell=_as_it_is):
    """One row per appearance, read as tuples (programme.queries.participants_for_export)
    with the slots, events, roles and organisations looked up once: 100,000 rows stream at
    tens of thousands a second in flat memory.

    ``cell`` is applied to every cell (csv_field for the CSV): once for the cells that
    repeat (a slot's; a role's; the position, designation, organisation and country that
    come back together), once per row for the names and documents.
    """
    lookups = participant_lookups(events)
    document_address = document_url_function(base)
    roles = {pk: cell(label) for pk, label in lookups.roles.items()}
    gender_labels = {member.value: str(member.label) for member in Gender}
    categories = {member.value: str(member.label) for member in OrganisationCategory}
    no_documents = cell(Links(()))
    event_names = {pk: str(event) for pk, event in lookups.events.items()}
    # A date or a time, a country, an honorific or a gender written once for all its rows.
    moments = Remembered(cell)
    countries = Remembered(
        lambda code: [cell(code), cell(country_name(code))] if code else ["", ""]
    )
    honorifics = Remembered(cell)
    genders = Remembered(lambda value: cell(gender_labels.get(value, value)))

    def slot_cells(slot_id):
        """(the cells before the role, the cells after the documents)."""
        event_id, date, start, end, number, title, video_url = lookups.slots[slot_id]
        first = [
            cell(event_names[event_id]),
            moments[_date(date)],
            moments[_time(start)],
            moments[_time(end)],
            cell(number),
            cell(title),
        ]
        return first, [cell(video_url), cell(lookups.events[event_id].status)]

    def organisation_cells(organisation_id):
        organisation = lookups.organisations.get(organisation_id)
        if not organisation:
            return ["", "", ""]
        name, acronym, category, _country = organisation
        return [cell(name), cell(acronym), cell(categories.get(category, category))]

    def designation_cells(key):
        """position, designation_as_printed, organisation (3 cells) and country (2 cells)."""
        position, designation, organisation_id, country = key
        organisation = lookups.organisations.get(organisation_id)
        printed = designation or designation_as_printed(
            designation,
            position,
            organisation[0] if organisation else None,
            country,
            organisation[1] if organisation else "",
        )
        return [
            cell(position),
            cell(printed),
            *organisations[organisation_id],
            *countries[country or (organisation[3] if organisation else "")],
        ]

    # A workbook makes hyperlinks of Links; the CSV writes their text, made here at once.
    links = links_text if cell is csv_field else Links

    # Rows come slot by slot: a slot's cells are worked out when its first row comes.
    slots = Remembered(slot_cells, limit=100)
    organisations = Remembered(organisation_cells)
    designations = Remembered(designation_cells)
    for row, documents in participants_for_export(events):
        (_pk, slot_id, role_id, honorific, given_names, family_names, gender, position,
         designation, organisation_id, country) = row  # fmt: skip
        first, last = slots[slot_id]
        yield [
            *first,
            roles[role_id],
            honorifics[honorific],
            cell(given_names),
            cell(family_names),
            *designations[position, designation, organisation_id, country],
            genders[gender],
            cell(
                links(
                    [
                        # no address while the file is missing (Document.is_placeholder)
                        (str(title), document_address(pk) if file or url else "")
                        for _appearance, title, file, url, pk in documents
                    ]
                )
            )
            if documents
            else no_documents,
            *last,
        ]


PROGRAMME_COLUMNS = [
    "event",
    "day",
    "date",
    "start",
    "end",
    "slot_number",
    "slot_title",
    "kind",
    "room",
    "people",
    "appearances",
    "documents",
    "video_url",
    "status",
]


def programme_rows(events, base):
    for slot, appearances in slots_with_people(events):
        yield [
            str(slot.day.event),
            slot.day.label,
            _date(slot.day.date),
            _time(slot.start_time),
            _time(slot.end_time),
            slot.number,
            slot.title,
            slot.get_kind_display(),
            slot.room,
            "\n".join(
                f"{p.role.label}: {printed_name(p.honorific, p.person)}" for p in appearances
            ),
            len(appearances),
            slot.slot_document_count + slot.appearance_document_count,
            slot.video_url,
            slot.day.event.status,
        ]


DOCUMENT_COLUMNS = [
    "event",
    "attached_to",
    "date",
    "slot_number",
    "slot_title",
    "person",
    "role",
    "title",
    "kind",
    "language",
    "translation_of",
    "format",
    "file_size",
    "public",
    "url",
    "external_url",
    "status",
]


def document_rows(events, base):
    for document in documents_for_export(events).iterator(chunk_size=EXPORT_CHUNK_SIZE):
        appearance = document.appearance
        slot = document.slot or (appearance.slot if appearance else None)
        if document.event_id:
            attached_to, event = "event", document.event
        elif document.slot_id:
            attached_to, event = "slot", slot.day.event
        else:
            attached_to, event = "appearance", slot.day.event
        yield [
            str(event),
            attached_to,
            _date(slot.day.date) if slot else "",
            slot.number if slot else None,
            slot.title if slot else "",
            printed_name(appearance.honorific, appearance.person) if appearance else "",
            appearance.role.label if appearance else "",
            document.title,
            document.get_kind_display(),
            document.language,
            document.translation_of.title if document.translation_of else "",
            document.format_label,
            document.file_size,
            document.is_public,
            "" if document.is_placeholder else document_url(base, document),
            document.url,
            event.status,
        ]


PEOPLE_COLUMNS = [
    "honorific",
    "given_names",
    "family_names",
    "position",
    "organisation",
    "acronym",
    "organisation_category",
    "country_code",
    "country_name",
    "gender",
    "appearances",
]


def role_column(role):
    """“appearances_as_moderator”: the people export's column for a role."""
    return "appearances_as_" + slugify(role.name).replace("-", "_")


def people_table(events, base):
    roles = list(roles_in_order())
    header = [*PEOPLE_COLUMNS, *(role_column(role) for role in roles), "status"]

    def rows():
        queryset = people_for_export(events, roles)
        for person in queryset.iterator(chunk_size=EXPORT_CHUNK_SIZE):
            yield [
                person.honorific,
                person.given_names,
                person.family_names,
                person.position,
                *_organisation_cells(person.organisation),
                *_country_cells(person.country or None),
                person.get_gender_display(),
                person.appearance_count,
                *(getattr(person, f"appearances_as_{role.pk}") for role in roles),
                EventStatus.PUBLISHED if person.published_appearances else EventStatus.DRAFT,
            ]

    return header, rows()


# Columns of private fields (never on a public page), left out for those who may not change
# people; email and phone are in no export.
PRIVATE_COLUMNS = frozenset({"gender"})


def without_private_columns(header, rows):
    """(header, rows) without the PRIVATE_COLUMNS; rows stays a generator."""
    keep = [index for index, name in enumerate(header) if name not in PRIVATE_COLUMNS]
    return [header[index] for index in keep], ([row[index] for index in keep] for row in rows)


@dataclass(frozen=True)
class Export:
    kind: str
    label: str
    columns: list | None
    row_function: object
    # The row function takes ``cell``, a function applied to each cell it writes.
    takes_cell: bool = False

    def table(self, events, base):
        """(header, rows) for the events; rows is a generator."""
        if self.columns is None:
            return self.row_function(events, base)
        return list(self.columns), self.row_function(events, base)

    def csv_table(self, events, base):
        """(header, rows) with every cell as the CSV file holds it (csv_field()): for
        csv_chunks(header, rows, neutralised=True)."""
        if not self.takes_cell:
            header, rows = self.table(events, base)
            return header, ([csv_field(cell) for cell in row] for row in rows)
        return list(self.columns), self.row_function(events, base, cell=csv_field)

    def filename(self, owner: Model, extension="csv"):
        return f"{owner.slug}-{self.kind}.{extension}"


EXPORTS = {
    export.kind: export
    for export in [
        Export(
            "participants",
            _("Participants"),
            PARTICIPANT_COLUMNS,
            participant_rows,
            takes_cell=True,
        ),
        Export("programme", _("Programme"), PROGRAMME_COLUMNS, programme_rows),
        Export("documents", _("Documents"), DOCUMENT_COLUMNS, document_rows),
        Export("people", _("People"), None, people_table),
    ]
}
