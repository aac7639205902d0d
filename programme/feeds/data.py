"""The structure every feed renders: days, slots, appearances and public documents.

Built from the querysets of programme.queries (public_programme_for_feeds, slot_for_feed,
public_event_documents), which load everything in a constant number of queries; nothing
here queries the database.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.utils.translation import gettext

from programme.changes import schedule_version
from programme.exports import printed_name
from programme.links import document_url

GENERATOR = "Plenary"
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://plenary.invalid/")


@dataclass
class ProgrammeAppearance:
    appearance: object
    documents: list

    @property
    def line(self):
        """“Moderator: Ms. Amy Pope, Director General, IOM” for descriptions."""
        appearance = self.appearance
        line = f"{appearance.role.label}: {printed_name(appearance.honorific, appearance.person)}"
        designation = appearance.printed_designation
        return f"{line}, {designation}" if designation else line


@dataclass
class ProgrammeSlot:
    slot: object
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    appearances: list
    documents: list  # the slot's own
    sequence: int = 0  # the slot's public changes (programme.changes.change_counts)

    @property
    def all_documents(self):
        """The slot's documents, then each appearance's, in printed order."""
        documents = list(self.documents)
        for appearance in self.appearances:
            documents.extend(appearance.documents)
        return documents


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


def slot_data(slot, sequence=0):
    """One slot (its day and event loaded) with its people and public documents."""
    return ProgrammeSlot(
        sequence=sequence,
        slot=slot,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        appearances=[
            ProgrammeAppearance(appearance=appearance, documents=list(appearance.documents.all()))
            for appearance in slot.appearances.all()
        ],
        documents=list(slot.documents.all()),
    )


def programme_data(event, days, event_documents=(), changes=(0, {})):
    """What every format renders, from public_programme_for_feeds(event) (and, for the
    formats that list them, public_event_documents(event)); ``changes`` is
    programme.changes.change_counts(event), for the schedule's version and the slots'
    sequence numbers."""
    total, per_slot = changes
    return ProgrammeData(
        event=event,
        days=[
            ProgrammeDay(
                date=day.date,
                label=day.label,
                slots=[slot_data(slot, per_slot.get(slot.pk, 0)) for slot in day.slots.all()],
            )
            for day in days
        ],
        documents=list(event_documents),
        version=schedule_version(event, total),
    )


def slot_guid(slot):
    """A UUID that stays the same for a slot across versions of the programme."""
    return str(uuid.uuid5(GUID_NAMESPACE, f"session/{slot.pk}"))


def person_guid(person):
    return str(uuid.uuid5(GUID_NAMESPACE, f"person/{person.pk}"))


def room_guid(event, name):
    return str(uuid.uuid5(GUID_NAMESPACE, f"event/{event.pk}/room/{name}"))


def room_name(event, slot):
    return slot.room or event.venue or gettext("Plenary")


def location(event, slot):
    return ", ".join(str(part) for part in (slot.room, event.venue, event.city) if part)


def slot_description(item, base):
    """People and roles, the slot's description, its video and its documents, as plain text."""
    slot = item.slot
    lines = [appearance.line for appearance in item.appearances]
    if slot.description:
        lines += ["", str(slot.description)]
    if slot.video_url:
        lines += ["", f"{gettext('Video of the slot')}: {slot.video_url}"]
    documents = item.all_documents
    if documents:
        lines += ["", gettext("Documents:")]
        lines += [f"{document.title}: {document_url(base, document)}" for document in documents]
    return "\n".join(lines).strip()
