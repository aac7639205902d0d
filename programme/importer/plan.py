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
        counts = PlanCounts()
        for day in self.days:
            counts.add_day(day)
            for slot in day.slots:
                counts.add_slot(slot)
        counts.documents.extend(self.documents)
        return counts.summary(unplaced=len(self.unplaced))


class PlanCounts:
    """:meth:`ImportPlan.summary`, added up a day and a slot at a time, for a plan too long
    to hold whole (the command's dry run of a long text); what it keeps grows with the
    people, roles and organisations met, not with the slots."""

    def __init__(self):
        self.days = self.new_days = self.slots = self.new_slots = 0
        self.appearances = self.new_appearances = self.videos_to_add = 0
        self.document_count = self.new_document_count = 0
        self.documents = []  # the event's own, counted at the end
        self.people = {}  # person pk (or id when unsaved) → whether new
        self.new_roles = set()
        self.new_organisations = set()

    def add_day(self, day):
        self.days += 1
        self.new_days += day.is_new

    def add_slot(self, slot):
        self.slots += 1
        self.new_slots += slot.is_new
        self.videos_to_add += slot.video_to_add
        for line in slot.people:
            self.appearances += 1
            self.new_appearances += line.appearance is None and not line.duplicate
            self.people[line.person.pk or id(line.person)] = line.person_is_new
            self._add_documents(line.documents)
            if line.role_is_new:
                self.new_roles.add(line.role_label)
            if line.organisation_is_new:
                self.new_organisations.add(id(line.organisation))
        self._add_documents(slot.documents)

    def _add_documents(self, documents):
        self.document_count += len(documents)
        self.new_document_count += sum(doc.is_new for doc in documents)

    def summary(self, unplaced):
        new_people = sum(self.people.values())
        documents = self.document_count + len(self.documents)
        return {
            "days": self.days,
            "new_days": self.new_days,
            "slots": self.slots,
            "new_slots": self.new_slots,
            "appearances": self.appearances,
            "new_appearances": self.new_appearances,
            "people": len(self.people),
            "new_people": new_people,
            "matched_people": len(self.people) - new_people,
            "documents": documents,
            "new_documents": self.new_document_count + sum(doc.is_new for doc in self.documents),
            "new_roles": len(self.new_roles),
            "new_organisations": len(self.new_organisations),
            "videos_to_add": self.videos_to_add,
            "unplaced": unplaced,
        }
