"""The writes of an import, in one transaction: the one writer of programmes."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from conference.enums import EventStatus
from conference.models import Day, Event
from core.bulk import create_rows
from core.cache import bump_event_slugs, receivers_suspended
from documents.enums import DocumentKind
from documents.models import Document
from programme.importer.labels import ProgrammeImportError, _clip
from programme.importer.plan import ImportPlan
from programme.importer.planner import _Planner
from programme.models import Appearance, Slot
from programme.parser import parse_programme
from speakers.models import Organisation, Person, unique_slugs

# --- The writes -------------------------------------------------------------------------


@dataclass
class ImportResult:
    event: Event
    plan: ImportPlan
    created: dict

    @property
    def changed(self):
        return any(self.created.values())


def import_programme(data, event_slug, on_plan=None):
    """Write the parsed programme into the event `event_slug`, in one transaction.

    The event is created as a draft when missing. Returns an ImportResult whose `created`
    counts what was written (all zero when the same text was imported before). `on_plan`, if
    given, is called with the plan just before the writes (the plan then fills with the rows
    written, so a description of what was new must be taken there).
    """
    if not (event_slug or "").strip():
        raise ProgrammeImportError(_("Say which event to import into (its slug)."))
    with translation.override("en"), transaction.atomic():
        plan = _Planner(data, event_slug).build()
        if on_plan is not None:
            on_plan(plan)
        return write_plan(plan)


def write_plan(plan):
    """Carry out a plan: build_plan()'s, or one a caller made itself (make_big_conference).

    The one writer of programmes. Runs in a transaction; a row that does not validate
    undoes everything and raises ProgrammeImportError.
    """
    with translation.override("en"), transaction.atomic():
        try:
            return _Writer(plan).write()
        except ValidationError as error:
            raise ProgrammeImportError(
                _("Nothing was imported: %(problem)s") % {"problem": " ".join(error.messages)}
            ) from error


def parse_text(text, year=None):
    """The parser's dictionary for a pasted programme (the JSON of `import_programme --json`)."""
    return parse_programme(text, year=year).to_dict()


class _Writer:
    """Writes a plan in a few bulk inserts (``core.bulk.create_rows``): the days and the
    event row by row, then every new slot, organisation, person, appearance and document of
    the whole plan in batches, so that 4,500 slots are written in seconds, not minutes."""

    def __init__(self, plan):
        self.plan = plan
        self.created = {
            "events": 0,
            "days": 0,
            "slots": 0,
            "people": 0,
            "organisations": 0,
            "roles": 0,
            "appearances": 0,
            "documents": 0,
        }
        # What hangs under rows this write created is matched in memory, without a query:
        # slot pk → {(person pk, role pk): appearance}; (owner, pk) → [documents].
        self.new_appearances = {}
        self.new_documents = {}
        self.pending_documents = []
        self.published = False

    def write(self):
        event = self._event()
        # Into a published event, rows visitors see are saved one by one: their save signals
        # record the public change entries (programme.changes). Drafts take the bulk path.
        self.published = event.status == EventStatus.PUBLISHED
        for document_plan in self.plan.documents:
            self._document(document_plan, event=event)
        slots = self._slots(event)
        self._people()
        self._appearances(slots)
        for slot_plan, slot in slots:
            for line in slot_plan.people:
                for document_plan in line.documents:
                    self._document(document_plan, appearance=line.appearance)
            for document_plan in slot_plan.documents:
                self._document(document_plan, slot=slot)
        self._flush_documents()
        if not receivers_suspended():  # else bulk_changes() invalidates once at its end
            bump_event_slugs([event.slug])  # bulk inserts send no signal to the receivers
        return ImportResult(event=event, plan=self.plan, created=self.created)

    def _create(self, what, obj):
        obj.full_clean(validate_unique=False, validate_constraints=False)
        obj.save()
        self.created[what] += 1
        return obj

    def _create_rows(self, what, model, rows):
        if self.published and model in (Slot, Appearance, Document):
            for row in rows:
                row.save()
        else:
            create_rows(model, rows)
        self.created[what] += len(rows)
        return rows

    def _event(self):
        plan = self.plan
        event = plan.event
        if event is None:
            event = Event(
                slug=plan.event_slug,
                title=_clip(plan.event_title, 300),
                start_date=plan.start_date,
                end_date=plan.end_date,
                status=EventStatus.DRAFT,
                description=plan.intro if plan.use_intro else "",
            )
            event = self._create("events", event)
            self.new_documents[("event", event.pk)] = []
            return event
        fields = []
        if (plan.start_date, plan.end_date) != (event.start_date, event.end_date):
            event.start_date, event.end_date = plan.start_date, plan.end_date
            fields += ["start_date", "end_date"]
        if plan.use_intro:
            event.description = plan.intro
            fields += ["description", "description_en"]
        if fields:
            event.save(update_fields=[*fields, "updated_at"])
        return event

    def _slots(self, event):
        """[(slot plan, slot)] in the plan's order; the new slots inserted together."""
        days = [
            day_plan.day
            or Day(event=event, date=day_plan.date, label=day_plan.label, **day_plan.fields)
            for day_plan in self.plan.days
        ]
        new_days = [day for day in days if day.pk is None]
        for day in new_days:
            day.full_clean(validate_unique=False, validate_constraints=False)
        self._create_rows("days", Day, new_days)
        slots, new = [], []
        for day_plan, day in zip(self.plan.days, days, strict=True):
            for plan in day_plan.slots:
                slot = plan.slot
                if slot is None:
                    slot = Slot(
                        day=day,
                        start_time=plan.start,
                        end_time=plan.end,
                        kind=plan.kind,
                        number=plan.number,
                        title=plan.title,
                        order=plan.order,
                        video_url=plan.video_url,
                        **plan.fields,
                    )
                    # The day was saved in this transaction: no query to check it exists.
                    slot.full_clean(
                        exclude=["day"], validate_unique=False, validate_constraints=False
                    )
                    new.append(slot)
                elif plan.video_url and not slot.video_url:
                    slot.video_url = plan.video_url
                    slot.save(update_fields=["video_url", "updated_at"])
                slots.append((plan, slot))
        self._create_rows("slots", Slot, new)
        for slot in new:
            self.new_appearances[slot.pk] = {}
            self.new_documents[("slot", slot.pk)] = []
        return slots

    def _people(self):
        """Insert the new roles, organisations and people of the plan, in that order."""
        roles, organisations, people = {}, {}, {}
        for day_plan in self.plan.days:
            for slot_plan in day_plan.slots:
                for line in slot_plan.people:
                    for what, row in (("roles", line.role), ("organisations", line.organisation)):
                        if row is not None and row.pk is None:
                            (roles if what == "roles" else organisations)[id(row)] = row
                    if line.person.pk is None:
                        people[id(line.person)] = line.person
                        planned = getattr(line.person, "_planned_organisation", None)
                        if planned is not None and planned.pk is None:
                            organisations[id(planned)] = planned
        for role in roles.values():
            role.save()  # a few at most
        self.created["roles"] += len(roles)
        self._create_rows("organisations", Organisation, list(organisations.values()))
        people = list(people.values())
        for person, slug in zip(
            people, unique_slugs(Person, [person.full_name for person in people]), strict=True
        ):
            planned = getattr(person, "_planned_organisation", None)
            if planned is not None:
                person.organisation = planned
            person.slug = person.slug or slug
        self._create_rows("people", Person, people)

    def _appearances(self, slots):
        new, pending = [], {}
        for slot_plan, slot in slots:
            made = self.new_appearances.get(slot.pk)
            for order, line in enumerate(slot_plan.people):
                person, role = line.person, line.role
                key = (slot.pk, person.pk, role.pk)
                appearance = line.appearance or pending.get(key)
                if appearance is None and made is not None:
                    appearance = made.get((person.pk, role.pk))
                elif appearance is None:
                    appearance = Appearance.objects.filter(
                        slot=slot, person=person, role=role
                    ).first()
                if appearance is None:
                    appearance = Appearance(
                        slot=slot,
                        person=person,
                        role=role,
                        order=order,
                        honorific=line.honorific,
                        position=line.position,
                        organisation=line.organisation,
                        country=line.country,
                        designation=line.designation,
                    )
                    appearance.fill_from_person()  # what Appearance.save() does for a new row
                    pending[key] = appearance
                    new.append(appearance)
                line.appearance = appearance
        self._create_rows("appearances", Appearance, new)
        for appearance in new:
            self.new_documents[("appearance", appearance.pk)] = []
            made = self.new_appearances.get(appearance.slot_id)
            if made is not None:
                made[(appearance.person_id, appearance.role_id)] = appearance

    def _document(self, plan, **owner):
        """The document of `owner` (appearance=, slot= or event=) that the plan describes."""
        document = plan.document or self._document_row(plan, owner)
        if plan.file is not None and not document.file:
            self._flush_documents()
            document.file.save(plan.file.name, plan.file, save=True)
        plan.document = document
        return document

    def _document_row(self, plan, owner):
        [(name, row)] = owner.items()
        made = self.new_documents.get((name, row.pk))
        if made is None:
            self._flush_documents()
            candidates = Document.objects.filter(kind=plan.kind, **owner)
            if plan.kind == DocumentKind.OTHER:
                candidates = candidates.filter(title_en=plan.title)
            if plan.fields:
                # A caller that describes the document further (language, address) means that.
                candidates = candidates.filter(**plan.fields)
            document = candidates.first()
        else:
            document = next((made_row for made_row in made if _same(made_row, plan)), None)
        if document is None:
            order = len(made) if made is not None else Document.objects.filter(**owner).count()
            if plan.translation_of is not None:
                self._flush_documents()
            document = Document(
                title=plan.title,
                kind=plan.kind,
                order=order,
                translation_of=plan.translation_of.document if plan.translation_of else None,
                **{"language": "en", "is_public": True, **plan.fields},
                **owner,
            )
            if made is None or plan.file is not None or document.embargoed_until_delivered:
                document.save()  # Document.save() has work to do for these
                self.created["documents"] += 1
            else:
                self.pending_documents.append(document)
            if made is not None:
                made.append(document)
        return document

    def _flush_documents(self):
        """Insert the placeholders collected so far (no file: nothing for save() to do)."""
        documents, self.pending_documents = self.pending_documents, []
        self._create_rows("documents", Document, documents)


def _same(document, plan):
    """The in-memory twin of the query in _Writer._document_row."""
    if document.kind != plan.kind:
        return False
    if plan.kind == DocumentKind.OTHER and document.title_en != plan.title:
        return False
    return all(getattr(document, name) == value for name, value in plan.fields.items())
