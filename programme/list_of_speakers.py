"""The list of speakers by delegation, as member states receive it in meeting documents.

A title page (meeting, dates, venue), then the people of the event in sections of a fixed
order: Member States (alphabetically by the country's name in the document's language),
observer States, the UN system, other intergovernmental organisations, parliaments, civil
society, the private sector, academia, others. The section comes from the country and the
organisation category of the person's first appearance in the programme; each person is
listed once, with honorific, family NAME in capitals, designation as printed, and every
slot they spoke in. Written as PDF (WeasyPrint, programme.feeds.pdf), Word (python-docx) and
Excel (programme.workbooks).
"""

import io
import unicodedata
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from docx import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.shared import Pt
from openpyxl import Workbook

from core.choices import choice_label
from programme.exports import appearance_country
from programme.queries import appearances_for_export
from programme.workbooks import SheetWriter, sheet_title
from speakers.enums import Honorific, OrganisationCategory

# Non-member States with a standing invitation as observers (UN General Assembly).
OBSERVER_STATES = {"VA", "PS"}

SECTIONS = [
    ("member-states", _("Member States")),
    ("observer-states", _("Observer States")),
    ("un-system", _("United Nations system")),
    ("igos", _("Other intergovernmental organisations")),
    ("parliaments", _("Parliaments")),
    ("civil-society", _("Civil society")),
    ("private-sector", _("Private sector")),
    ("academia", _("Academia")),
    ("others", _("Others")),
]
SECTION_OF_CATEGORY = {
    OrganisationCategory.UN_SYSTEM: "un-system",
    OrganisationCategory.IGO: "igos",
    OrganisationCategory.PARLIAMENT: "parliaments",
    OrganisationCategory.CIVIL_SOCIETY: "civil-society",
    OrganisationCategory.DIASPORA: "civil-society",
    OrganisationCategory.TRADE_UNION: "civil-society",
    OrganisationCategory.PRIVATE_SECTOR: "private-sector",
    OrganisationCategory.ACADEMIA: "academia",
}


def sort_key(text):
    """Alphabetical order as a reader expects it: accents and case do not count first."""
    text = str(text)
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return (plain.casefold(), text)


@dataclass
class Entry:
    honorific: str
    given_names: str
    family_names: str
    designation: str
    slots: list = field(default_factory=list)

    @property
    def family_name_in_capitals(self):
        return self.family_names.upper()

    @property
    def name(self):
        """“Ms. Amy POPE”."""
        parts = (self.honorific, self.given_names, self.family_name_in_capitals)
        return " ".join(part for part in parts if part)


@dataclass
class Delegation:
    name: str
    entries: list


@dataclass
class Section:
    key: str
    title: str
    delegations: list

    @property
    def entries(self):
        return [entry for delegation in self.delegations for entry in delegation.entries]


def section_and_delegation(appearance):
    """(section key, delegation name) of an appearance."""
    organisation = appearance.organisation
    category = organisation.category if organisation is not None else None
    country = appearance_country(appearance)
    if category == OrganisationCategory.GOVERNMENT or (organisation is None and country):
        if country:
            code = str(country.code if hasattr(country, "code") else country)
            section = "observer-states" if code in OBSERVER_STATES else "member-states"
            return section, countries.name(code)
        return "others", str(organisation.name)
    section = SECTION_OF_CATEGORY.get(category, "others")
    name = str(organisation.name) if organisation is not None else gettext("Individual capacity")
    return section, name


def printed_honorific(value):
    """The honorific in the document's language (“Mme” for Ms. in French), or “”."""
    return choice_label(Honorific, value) if value else ""


def build_list_of_speakers(event):
    """The sections of the event's list of speakers, empty sections left out (one query)."""
    people = {}
    for appearance in appearances_for_export([event.pk]):
        slot_heading = str(appearance.slot.heading)
        known = people.get(appearance.person_id)
        if known is not None:
            entry = known[2]
        else:
            person = appearance.person
            section, delegation = section_and_delegation(appearance)
            entry = Entry(
                honorific=printed_honorific(appearance.honorific),
                given_names=person.given_names,
                family_names=person.family_names,
                designation=str(appearance.printed_designation),
            )
            people[appearance.person_id] = (section, delegation, entry)
        if slot_heading not in entry.slots:
            entry.slots.append(slot_heading)

    grouped = {}
    for section, delegation, entry in people.values():
        grouped.setdefault(section, {}).setdefault(delegation, []).append(entry)
    sections = []
    for key, title in SECTIONS:
        if key not in grouped:
            continue
        delegations = [
            Delegation(
                name,
                sorted(entries, key=lambda e: (sort_key(e.family_names), sort_key(e.given_names))),
            )
            for name, entries in sorted(grouped[key].items(), key=lambda item: sort_key(item[0]))
        ]
        sections.append(Section(key, str(title), delegations))
    return sections


def meeting_dates(event):
    start = date_format(event.start_date, "DATE_FORMAT")
    if event.start_date == event.end_date:
        return start
    return f"{start} – {date_format(event.end_date, 'DATE_FORMAT')}"


def meeting_venue(event):
    return ", ".join(str(part) for part in (event.venue, event.city) if part)


def meeting_title(event):
    return " – ".join(str(part) for part in (event.title, event.edition) if part)


def filename(event, extension):
    return f"{event.slug}-list-of-speakers.{extension}"


# Word -------------------------------------------------------------------------------------


def write_docx(event, sections):
    """The list as a Word document (bytes): a title page, then one heading per section."""
    document = WordDocument()
    document.core_properties.title = gettext("List of speakers")
    document.add_heading(meeting_title(event), level=0)
    if event.subtitle:
        document.add_paragraph(str(event.subtitle))
    document.add_paragraph(meeting_dates(event))
    if meeting_venue(event):
        document.add_paragraph(meeting_venue(event))
    document.add_paragraph().add_run(gettext("List of speakers")).bold = True
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    for section in sections:
        document.add_heading(section.title, level=1)
        for delegation in section.delegations:
            document.add_heading(delegation.name, level=2)
            for entry in delegation.entries:
                paragraph = document.add_paragraph()
                paragraph.add_run(entry.name).bold = True
                if entry.designation:
                    paragraph.add_run(f", {entry.designation}")
                slots = document.add_paragraph("; ".join(entry.slots))
                slots.paragraph_format.left_indent = Pt(18)
                for run in slots.runs:
                    run.font.size = Pt(9)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


# Excel ------------------------------------------------------------------------------------

LIST_COLUMNS = [
    "section",
    "delegation",
    "honorific",
    "given_names",
    "family_names",
    "designation",
    "slots",
]


def write_xlsx(event, sections):
    """The list as a workbook (bytes): one row per person, in the order of the document."""
    labels = [
        gettext("Section"),
        gettext("Delegation"),
        gettext("Honorific"),
        gettext("Given names"),
        gettext("FAMILY NAME"),
        gettext("Designation"),
        gettext("Sessions"),
    ]
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet_title(gettext("List of speakers"), set())
    writer = SheetWriter(worksheet, LIST_COLUMNS, labels)
    for section in sections:
        for delegation in section.delegations:
            for entry in delegation.entries:
                writer.append(
                    [
                        section.title,
                        delegation.name,
                        entry.honorific,
                        entry.given_names,
                        entry.family_name_in_capitals,
                        entry.designation,
                        "\n".join(entry.slots),
                    ]
                )
    writer.finish()
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()
