"""CSV exports for governing bodies: participants, programme, documents and people.

Each export is a header and a generator of rows, written by csv_chunks(): UTF-8 with a
byte-order mark, RFC 4180 quoting (CRLF line ends), and every text cell that a spreadsheet
could read as a formula neutralised with a leading apostrophe (OWASP CSV injection). The
column names are stable: the README (Exports and feeds) documents them.
"""

import csv
from dataclasses import dataclass

from django.db.models import Model
from django.http import StreamingHttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from programme.links import document_url
from programme.queries import (
    EXPORT_CHUNK_SIZE,
    documents_for_export,
    participations_with_documents,
    people_for_export,
    roles_in_order,
    sessions_with_people,
)
from speakers.enums import OrganizationCategory

BOM = "\ufeff"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
ROWS_PER_CHUNK = 200


def neutralise(value):
    """The cell as text; text that could start a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


class _Echo:
    """A file-like object whose write() hands the line back instead of storing it."""

    def write(self, value):
        return value


def csv_chunks(header, rows, *, rows_per_chunk=ROWS_PER_CHUNK):
    """Yield the CSV text in chunks of a few hundred rows, starting with the BOM and header."""
    writer = csv.writer(_Echo())
    buffer = [BOM, writer.writerow([neutralise(cell) for cell in header])]
    for row in rows:
        buffer.append(writer.writerow([neutralise(cell) for cell in row]))
        if len(buffer) >= rows_per_chunk:
            yield "".join(buffer)
            buffer = []
    if buffer:
        yield "".join(buffer)


def csv_response(header, rows, filename):
    """A streamed CSV download: the rows are read from the database as they are sent."""
    response = StreamingHttpResponse(csv_chunks(header, rows), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# Shared formatting ---------------------------------------------------------------------------


def _time(value):
    return value.strftime("%H:%M") if value else ""


def _date(value):
    return value.isoformat() if value else ""


def choice_label(choices, value):
    """The translated label of a TextChoices value (the value itself if unknown)."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def printed_name(honorific, person):
    """“Ms. Amy Pope”: honorific as printed for the appearance, then the name."""
    return " ".join(part for part in (honorific, person.given_names, person.family_names) if part)


def appearance_country(participation):
    """The country printed for the appearance, else the organisation's country (or None)."""
    if participation.country:
        return participation.country
    organization = participation.organization
    if organization is not None and organization.country:
        return organization.country
    return None


def document_line(base, document):
    """“Title <https://…/documents/…>”, or the title alone while the file is missing."""
    if document.is_placeholder:
        return str(document.title)
    return f"{document.title} <{document_url(base, document)}>"


def _organisation_cells(organization):
    if organization is None:
        return ["", "", ""]
    return [
        organization.name,
        organization.acronym,
        choice_label(OrganizationCategory, organization.category),
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
]


def participant_rows(events, base):
    for participation, documents in participations_with_documents(events):
        session = participation.session
        person = participation.person
        yield [
            str(session.day.event),
            _date(session.day.date),
            _time(session.start_time),
            _time(session.end_time),
            session.number,
            session.title,
            participation.role.label,
            participation.honorific,
            person.given_names,
            person.family_names,
            participation.position,
            participation.printed_designation,
            *_organisation_cells(participation.organization),
            *_country_cells(appearance_country(participation)),
            person.get_gender_display(),
            "\n".join(document_line(base, document) for document in documents),
            session.video_url,
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
]


def programme_rows(events, base):
    for session, participations in sessions_with_people(events):
        yield [
            str(session.day.event),
            session.day.label,
            _date(session.day.date),
            _time(session.start_time),
            _time(session.end_time),
            session.number,
            session.title,
            session.get_kind_display(),
            session.room,
            "\n".join(
                f"{p.role.label}: {printed_name(p.honorific, p.person)}" for p in participations
            ),
            len(participations),
            session.slot_document_count + session.appearance_document_count,
            session.video_url,
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
]


def document_rows(events, base):
    for document in documents_for_export(events).iterator(chunk_size=EXPORT_CHUNK_SIZE):
        participation = document.participation
        session = document.session or (participation.session if participation else None)
        if document.event_id:
            attached_to, event = "event", document.event
        elif document.session_id:
            attached_to, event = "slot", session.day.event
        else:
            attached_to, event = "appearance", session.day.event
        yield [
            str(event),
            attached_to,
            _date(session.day.date) if session else "",
            session.number if session else None,
            session.title if session else "",
            printed_name(participation.honorific, participation.person) if participation else "",
            participation.role.label if participation else "",
            document.title,
            document.get_kind_display(),
            document.language,
            document.translation_of.title if document.translation_of else "",
            document.format_label,
            document.file_size,
            document.is_public,
            "" if document.is_placeholder else document_url(base, document),
            document.url,
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
    header = PEOPLE_COLUMNS + [role_column(role) for role in roles]

    def rows():
        queryset = people_for_export(events, roles)
        for person in queryset.iterator(chunk_size=EXPORT_CHUNK_SIZE):
            yield [
                person.honorific,
                person.given_names,
                person.family_names,
                person.position,
                *_organisation_cells(person.organization),
                *_country_cells(person.country or None),
                person.get_gender_display(),
                person.appearance_count,
                *(getattr(person, f"appearances_as_{role.pk}") for role in roles),
            ]

    return header, rows()


@dataclass(frozen=True)
class Export:
    kind: str
    label: str
    columns: list | None
    row_function: object

    def table(self, events, base):
        """(header, rows) for the events; rows is a generator."""
        if self.columns is None:
            return self.row_function(events, base)
        return list(self.columns), self.row_function(events, base)

    def filename(self, owner: Model):
        return f"{owner.slug}-{self.kind}.csv"


EXPORTS = {
    export.kind: export
    for export in [
        Export("participants", _("Participants"), PARTICIPANT_COLUMNS, participant_rows),
        Export("programme", _("Programme"), PROGRAMME_COLUMNS, programme_rows),
        Export("documents", _("Documents"), DOCUMENT_COLUMNS, document_rows),
        Export("people", _("People"), None, people_table),
    ]
}
