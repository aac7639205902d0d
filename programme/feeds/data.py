"""The structure every feed renders: days, slots, appearances and public documents.

Built from the rows of programme.feeds.queries (public_programme_for_feeds, slot_for_feed,
public_event_documents), which load everything in a constant number of queries; nothing
here queries the database. What the formats print of a slot (its address, heading, text
description, document links …) is computed once, in ProgrammeSlot.
"""

import datetime
import functools
import operator
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext

from core.choices import choice_label
from core.rows import text
from programme.changes import schedule_version
from programme.enums import SlotKind
from programme.exports import printed_name
from programme.feeds.queries import AppearanceRow, DocumentLink
from programme.links import document_url_function, event_url, person_url_function
from programme.models import (
    SESSION_HEADING,
    Appearance,
    designation_as_printed,
    slot_heading,
    video_moment_url,
)
from programme.video import format_moment
from speakers.models import full_name

GENERATOR = "Plenary"
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://plenary.invalid/")


@dataclass(frozen=True)
class FeedTexts:
    """The words a feed prints around every slot and person, in the active language, read
    once for all of them: each gettext() and get_language() looks the active language up
    (asgiref's Local), a thousand times in a big calendar, 7% of its render."""

    language: str
    session_heading: str  # programme.models.SESSION_HEADING
    video: str
    documents: str
    plenary: str

    @classmethod
    def active(cls):
        return cls(
            language=get_language(),
            session_heading=gettext(SESSION_HEADING),
            video=gettext("Video of the slot"),
            documents=gettext("Documents:"),
            plenary=gettext("Plenary"),
        )


def country_code(instance):
    """The instance's country code as read from its row (reading ``instance.country`` makes a
    new django-countries Country each time: an eighth of a big schedule.json's render)."""
    code = instance.__dict__.get("country")
    return instance.country.code if code is None else code


@dataclass
class ProgrammeAppearance:
    """An appearance with its documents, and what the formats print of it, computed once."""

    appearance: object
    documents: list
    person_address: object  # programme.links.person_url_function(base), once per person
    texts: FeedTexts

    @cached_property
    def person_url(self):
        """programme.links.person_url, from the address resolved once for all people."""
        return self.person_address(self.appearance.person.slug)

    @cached_property
    def role_label(self):
        return str(text(self.appearance.role, "label"))

    @cached_property
    def organisation_name(self):
        organisation = self.appearance.organisation
        return None if organisation is None else text(organisation, "name")

    @cached_property
    def designation(self):
        """The designation as printed (Appearance.printed_designation)."""
        appearance = self.appearance
        organisation = appearance.organisation
        return designation_as_printed(
            text(appearance, "designation"),
            text(appearance, "position"),
            self.organisation_name,
            country_code(appearance),
            organisation.acronym if organisation is not None else "",
            self.texts.language,
        )

    @cached_property
    def line(self):
        appearance = self.appearance
        name = printed_name(appearance.honorific, appearance.person)
        return appearance_line(self.role_label, name, self.designation)

    # What frab prints of the person (RowAppearance reads the same from its row).

    @property
    def person_id(self):
        return self.appearance.person_id

    @property
    def honorific(self):
        return self.appearance.honorific

    @property
    def public_name(self):
        return self.appearance.person.full_name

    @property
    def biography(self):
        return text(self.appearance.person, "biography")

    @property
    def video_moment(self):
        return self.appearance.video_moment

    @property
    def video_moment_url(self):
        return self.appearance.video_moment_url


@dataclass
class RowAppearance:
    """An appearance as the calendar and frab print it, from a programme.feeds.queries
    AppearanceRow: what ProgrammeAppearance prints, from the texts the row carries, through
    the same functions."""

    appearance: object  # the row
    documents: list
    person_address: object  # as ProgrammeAppearance's
    texts: FeedTexts
    video_url: str  # the slot's

    @property
    def role_label(self):
        return self.appearance.role_label

    @cached_property
    def designation(self):
        row = self.appearance
        return designation_as_printed(
            row.designation,
            row.position,
            row.organisation_name,
            row.country,
            row.acronym or "",
            self.texts.language,
        )

    @cached_property
    def line(self):
        row = self.appearance
        # printed_name() reads the person's names: the row has them under the same names.
        return appearance_line(row.role_label, printed_name(row.honorific, row), self.designation)

    @cached_property
    def person_url(self):
        return self.person_address(self.appearance.person_slug)

    @property
    def person_id(self):
        return self.appearance.person_id

    @property
    def honorific(self):
        return self.appearance.honorific

    @property
    def public_name(self):
        return full_name(self.appearance.given_names, self.appearance.family_names)

    @property
    def biography(self):
        return self.appearance.biography

    @property
    def video_moment(self):
        return format_moment(self.appearance.video_start)

    @property
    def video_moment_url(self):
        return video_moment_url(self.video_url, self.appearance.video_start)


def appearance_line(role_label, name, designation):
    """“Moderator: Ms. Amy Pope, Director General, IOM” for descriptions."""
    line = f"{role_label}: {name}"
    return f"{line}, {designation}" if designation else line


@dataclass
class ProgrammeSlot:
    """A slot with its people and documents, and what every format prints of it, computed
    once here (the formats read these properties and compute nothing of their own)."""

    slot: object
    event: object
    base: str  # the site's address, for links
    event_address: str  # programme.links.event_url(base, event), computed once
    document_address: object  # programme.links.document_url_function(base)
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    appearances: list  # ProgrammeAppearance (RowAppearance with the calendar's and frab's rows)
    documents: list  # the slot's own
    texts: FeedTexts
    sequence: int = 0  # the slot's public changes (programme.changes.change_counts)
    # The event's venue and city, read once for all slots (translated fields: each reading
    # looks up the active language).
    venue: str = ""
    city: str = ""

    @property
    def all_documents(self):
        """The slot's documents, then each appearance's, in printed order."""
        documents = list(self.documents)
        for appearance in self.appearances:
            documents.extend(appearance.documents)
        return documents

    @cached_property
    def document_links(self):
        """(document, its title, its public address) for all_documents."""
        return [
            (document, document_title(document), self.document_address(document.pk))
            for document in self.all_documents
        ]

    @cached_property
    def guid(self):
        return slot_guid(self.slot)

    @cached_property
    def url(self):
        """programme.links.slot_url, from the event's address computed once for all slots."""
        return f"{self.event_address}#{self.slot.anchor}"

    @cached_property
    def title(self):
        return str(text(self.slot, "title"))

    @cached_property
    def heading(self):
        """Slot.heading."""
        return str(slot_heading(self.slot.number, self.title, self.texts.session_heading))

    @cached_property
    def room(self):
        return str(text(self.slot, "room"))

    @cached_property
    def slot_description(self):
        """The slot's own description (description is the text of the whole slot)."""
        return str(text(self.slot, "description"))

    @cached_property
    def kind_label(self):
        return choice_label(SlotKind, self.slot.kind, self.texts.language)

    @cached_property
    def room_name(self):
        return self.room or self.venue or self.texts.plenary

    @cached_property
    def location(self):
        return ", ".join(str(part) for part in (self.room, self.venue, self.city) if part)

    @cached_property
    def description(self):
        """People and roles, the slot's description, its video and its documents, as text."""
        slot = self.slot
        lines = [appearance.line for appearance in self.appearances]
        if self.slot_description:
            lines += ["", self.slot_description]
        if slot.video_url:
            lines += ["", f"{self.texts.video}: {slot.video_url}"]
        if self.document_links:
            lines += ["", self.texts.documents]
            lines += [f"{title}: {url}" for _document, title, url in self.document_links]
        return "\n".join(lines).strip()


def document_title(document):
    """A document's title in the active language: a DocumentLink (the calendar's and frab's
    rows) carries it, a Document reads its translated field."""
    if isinstance(document, DocumentLink):
        return document.title
    return str(text(document, "title"))


@dataclass
class ProgrammeDay:
    date: datetime.date
    label: str = ""
    slots: list = field(default_factory=list)


@dataclass
class ProgrammeData:
    event: object
    days: list
    documents: list  # attached to the event itself
    version: str = ""  # of the schedule: advances with each public change

    @property
    def slots(self):
        return [slot for day in self.days for slot in day.slots]


def _grouped(rows, key):
    groups = defaultdict(list)
    key_of = operator.attrgetter(key)
    for row in rows:
        groups[key_of(row)].append(row)
    return groups


def programme_data(event, rows, base, event_documents=(), changes=(0, {})):
    """What every format renders, from programme.feeds.queries.public_programme_for_feeds(event)
    or slot_for_feed() (and, for the formats that list them, public_event_documents(event));
    ``changes`` is programme.changes.change_counts(event), for the schedule's version and the
    slots' sequence numbers.
    """
    total, per_slot = changes
    appearance_documents = _grouped(rows.appearance_documents, "appearance_id")
    slot_documents = _grouped(rows.slot_documents, "slot_id")
    appearances = _grouped(rows.appearances, "slot_id")
    slots = _grouped(rows.slots, "day_id")
    event_address = event_url(base, event)
    document_address = document_url_function(base)
    person_address = functools.cache(person_url_function(base))  # people speak in many slots
    texts = FeedTexts.active()
    venue, city = event.venue, event.city
    slot_field = Appearance._meta.get_field("slot")
    for slot in rows.slots:  # an appearance's video moment reads its slot's video address
        for appearance in appearances.get(slot.pk, []):
            if not isinstance(appearance, AppearanceRow):
                slot_field.set_cached_value(appearance, slot)

    def programme_appearance(appearance, slot):
        documents = appearance_documents.get(appearance.pk, [])
        if isinstance(appearance, AppearanceRow):
            return RowAppearance(appearance, documents, person_address, texts, slot.video_url)
        return ProgrammeAppearance(
            appearance=appearance, documents=documents, person_address=person_address, texts=texts
        )

    return ProgrammeData(
        event=event,
        days=[
            ProgrammeDay(
                date=day.date,
                label=day.label,
                slots=[
                    ProgrammeSlot(
                        slot=slot,
                        event=event,
                        base=base,
                        event_address=event_address,
                        document_address=document_address,
                        starts_at=slot.starts_at,
                        ends_at=slot.ends_at,
                        appearances=[
                            programme_appearance(appearance, slot)
                            for appearance in appearances.get(slot.pk, [])
                        ],
                        documents=slot_documents.get(slot.pk, []),
                        texts=texts,
                        sequence=per_slot.get(slot.pk, 0),
                        venue=venue,
                        city=city,
                    )
                    for slot in slots.get(day.pk, [])
                ],
            )
            for day in rows.days
        ],
        documents=list(event_documents),
        version=schedule_version(event, total),
    )


@functools.lru_cache(maxsize=4096)
def _guid(name):
    return str(uuid.uuid5(GUID_NAMESPACE, name))


def slot_guid(slot):
    """A UUID that stays the same for a slot across versions of the programme."""
    return _guid(f"session/{slot.pk}")


def person_guid(pk):
    """A UUID that stays the same for a person (by primary key)."""
    return _guid(f"person/{pk}")


def room_guid(event, name):
    return str(uuid.uuid5(GUID_NAMESPACE, f"event/{event.pk}/room/{name}"))
