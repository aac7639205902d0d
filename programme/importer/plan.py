"""The plan of an import: what is new and what is matched, before anything is written."""

import datetime
from dataclasses import dataclass, field

from django.core.files import File
from django_countries import countries

from conference.models import Day, Event
from documents.models import Document
from programme.enums import SlotKind
from programme.models import Appearance, Role, Slot
from speakers.models import Organisation, Person


@dataclass
class DocumentPlan:
    marker: str
    kind: str
    title: str
    document: Document | None = None
    # Given by callers that plan a programme themselves (the demo), not by the planner:
    file: File | None = None  # attached when the row has none
    fields: dict = field(default_factory=dict)  # more fields of a new row (url, language…)
    translation_of: "DocumentPlan | None" = None  # an earlier document of the same plan

    @property
    def is_new(self):
        return self.document is None


@dataclass
class PersonPlan:
    role_label: str
    role: Role  # unsaved when the label is new
    honorific_printed: str
    honorific: str
    name: str
    person: Person  # unsaved when new
    designation: str
    position: str
    organisation: Organisation | None  # unsaved when new
    country: str
    documents: list = field(default_factory=list)
    appearance: Appearance | None = None
    first_seen: bool = True  # False for a new person already met earlier in the same text
    duplicate: bool = False  # the same person in the same role twice in one slot

    @property
    def person_is_new(self):
        return self.person.pk is None

    @property
    def person_id(self):
        return self.person.pk

    @property
    def role_is_new(self):
        return self.role.pk is None

    @property
    def organisation_is_new(self):
        return self.organisation is not None and self.organisation.pk is None

    @property
    def country_name(self):
        return countries.name(self.country) if self.country else ""


@dataclass
class SlotPlan:
    start: datetime.time
    end: datetime.time | None
    number: str
    title: str
    kind: str
    video: bool
    order: int
    slot: Slot | None = None
    # Given by callers that plan a programme themselves (the demo), not by the planner:
    video_url: str = ""  # set when the slot has none
    fields: dict = field(default_factory=dict)  # more fields of a new row (room, description…)
    people: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    @property
    def is_new(self):
        return self.slot is None

    @property
    def kind_label(self):
        return SlotKind(self.kind).label

    @property
    def video_to_add(self):
        """Marked “(Video of the session)” in the text, but no address on the slot yet."""
        return self.video and not (self.slot is not None and self.slot.video_url)


@dataclass
class DayPlan:
    date: datetime.date
    label: str
    day: Day | None = None
    slots: list = field(default_factory=list)
    fields: dict = field(default_factory=dict)  # more fields of a new row (label_fr…)

    @property
    def is_new(self):
        return self.day is None


@dataclass
class ImportPlan:
    event_slug: str
    event: Event | None
    event_title: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    intro: str
    use_intro: bool
    days: list = field(default_factory=list)
    unplaced: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    documents: list = field(default_factory=list)  # the event's own (agenda, report…)

    @property
    def event_is_new(self):
        return self.event is None

    @property
    def slots(self):
        return [slot for day in self.days for slot in day.slots]

    @property
    def appearances(self):
        return [person for slot in self.slots for person in slot.people]

    def summary(self):
        """Counts for the preview and the command: what exists already and what is new."""
        appearances = self.appearances
        people = {}
        for line in appearances:
            key = line.person.pk or id(line.person)
            people[key] = line.person_is_new
        documents = [doc for line in appearances for doc in line.documents] + [
            doc for slot in self.slots for doc in slot.documents
        ]
        documents += self.documents
        return {
            "days": len(self.days),
            "new_days": sum(day.is_new for day in self.days),
            "slots": len(self.slots),
            "new_slots": sum(slot.is_new for slot in self.slots),
            "appearances": len(appearances),
            "new_appearances": sum(
                line.appearance is None and not line.duplicate for line in appearances
            ),
            "people": len(people),
            "new_people": sum(people.values()),
            "matched_people": len(people) - sum(people.values()),
            "documents": len(documents),
            "new_documents": sum(doc.is_new for doc in documents),
            "new_roles": len({line.role_label for line in appearances if line.role_is_new}),
            "new_organisations": len(
                {id(line.organisation) for line in appearances if line.organisation_is_new}
            ),
            "videos_to_add": sum(slot.video_to_add for slot in self.slots),
            "unplaced": len(self.unplaced),
        }
