"""Building the plan: reads the database, writes nothing."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from conference.models import Event
from documents.enums import DocumentKind
from programme.designations import split_designation
from programme.enums import SlotKind
from programme.importer.labels import (
    NEW_ROLE_ORDER,
    ProgrammeImportError,
    _clean,
    _clip,
    slot_number,
    title_from_slug,
)
from programme.importer.plan import (
    DayPlan,
    DocumentPlan,
    ImportPlan,
    PersonPlan,
    SlotPlan,
)
from programme.models import Role
from programme.vocabulary import SPEAKER as SPEAKER_ROLE
from programme.vocabulary import document_kind, honorific_choice, role_synonym
from speakers.models import Organisation, Person
from speakers.names import normalise_name, split_name

_SLOT_KINDS = frozenset(SlotKind.values)


class _NewPerson:
    """A person a described plan (``_Planner(describe_only=True)``) meets for the first
    time: all the description and the counts need is that it has no row yet, and a few
    bytes each keep a long text's thousands of people cheap."""

    __slots__ = ()
    pk = None


class _Times:
    """A slot's start and end: what the next slot of its day needs of it."""

    __slots__ = ("end", "start")

    def __init__(self, slot):
        self.start, self.end = slot.start, slot.end


class _Planner:
    """Builds an ImportPlan, reading the database once per kind of thing."""

    def __init__(self, data, event_slug, *, describe_only=False):
        self.data = data if isinstance(data, dict) else {}
        # A plan that is only described, never written (PlanStream): a new person is a
        # _NewPerson, not a Person row to be.
        self.describe_only = describe_only
        self.event_slug = (event_slug or "").strip()
        self.notes = []
        self._day_count = 0  # days planned, merged ones included
        self._previous_date = None  # the last day's date, merged days left out
        self._day_plans = {}  # date → the DayPlan of its first heading
        self._day_slots = {}  # date → (slots planned on it, _Times of the last)
        self.people = {}
        for person in Person.objects.order_by("pk"):
            self.people.setdefault(normalise_name(person.full_name), person)
        self.organisations = {}
        for organisation in Organisation.objects.order_by("pk"):
            self._remember_organisation(organisation)
        self.roles = {}
        self._role_for_label = {}
        for role in Role.objects.order_by("pk"):
            for text in (role.name, role.label_en, role.label_fr, role.label_es):
                if text:
                    self.roles.setdefault(normalise_name(text), role)

    def _remember_organisation(self, organisation):
        for text in (organisation.name_en or organisation.name, organisation.acronym):
            key = normalise_name(text)
            if key:
                self.organisations.setdefault(key, organisation)

    def find_organisation(self, text):
        return self.organisations.get(normalise_name(text))

    def role_for(self, label):
        """The role printed as ``label`` (the same answer for the same label, remembered)."""
        if not isinstance(label, str):
            return self._role_for(label)
        if label not in self._role_for_label:
            self._role_for_label[label] = self._role_for(label)
        return self._role_for_label[label]

    def _role_for(self, label):
        label = _clip(label, 150)
        key = normalise_name(label)
        if not key:
            label, key = SPEAKER_ROLE, normalise_name(SPEAKER_ROLE)
        synonym = role_synonym(label)
        if synonym and normalise_name(synonym) in self.roles:
            return self.roles[normalise_name(synonym)]
        for candidate in (key, key[:-1] if key.endswith("s") else None):
            if candidate and candidate in self.roles:
                return self.roles[candidate]
        names = {role.name for role in self.roles.values()}
        name, counter = _clip(label, 100), 1
        while name in names:
            counter += 1
            name = f"{_clip(label, 94)} ({counter})"
        role = Role(
            name=name,
            label=label,
            listed_before_speakers=True,
            order=NEW_ROLE_ORDER,
        )
        self.roles[key] = role
        return role

    def person_for(self, name, honorific, designation):
        key = normalise_name(name)
        person = self.people.get(key)
        if person is not None:
            return person, False
        if self.describe_only:
            self.people[key] = person = _NewPerson()
            return person, True
        given, family = split_name(name)
        person = Person(
            honorific=honorific,
            given_names=_clip(given, 150),
            family_names=_clip(family, 150) or _clip(name, 150),
            position=_clip(designation.position or designation.printed, 300),
            country=designation.country,
        )
        person._planned_organisation = designation.organisation
        self.people[key] = person
        return person, True

    def build(self):
        event = self._event()
        days = []
        for day_data in self.data.get("days") or []:
            day_plan, _added, merged = self.plan_day(event, day_data)
            if not merged:
                days.append(day_plan)
        intro = self.intro(event, self.data.get("intro"))
        unplaced = [
            {"line": item.get("line"), "text": item.get("text", "")}
            for item in self.data.get("unplaced") or []
            if isinstance(item, dict)
        ]
        start_date, end_date, notes = self.close(event, [day.date for day in days], intro)
        return ImportPlan(
            event_slug=self.event_slug,
            event=event,
            event_title=self.event_title(event),
            start_date=start_date,
            end_date=end_date,
            intro=intro[0],
            use_intro=intro[1],
            days=days,
            unplaced=unplaced,
            notes=notes,
        )

    def event_title(self, event):
        return event.title if event else title_from_slug(self.event_slug)

    def plan_day(self, event, day_data):
        """Plan the parser's next day: (its DayPlan, the slots this call added to it, whether
        it is merged). Two headings for one date: the slots go on the one day, the DayPlan
        of the first heading, which is then returned with ``merged`` true."""
        index = self._day_count
        self._day_count += 1
        day_plan = self._day(event, index, day_data, self._previous_date)
        earlier = self._day_plans.get(day_plan.date)
        if earlier is not None:
            return earlier, self._slots(event, earlier, day_data), True
        self._day_plans[day_plan.date] = day_plan
        self._previous_date = day_plan.date
        return day_plan, self._slots(event, day_plan, day_data), False

    def intro(self, event, paragraphs):
        """(The introduction's text, whether it becomes the event's, a note or None)."""
        intro = "\n\n".join(
            " ".join(_clean(paragraph).split()) for paragraph in paragraphs or []
        ).strip()
        use_intro = bool(intro) and (event is None or not event.description_en)
        note = None
        if (
            intro
            and not use_intro
            and normalise_name(event.description_en) != normalise_name(intro)
        ):
            note = _("The event already has an introduction: the text's introduction is not used.")
        return intro, use_intro, note

    def close(self, event, dates, intro):
        """(start date, end date, notes) once every day is planned; ``dates`` are the days'
        (any order, each at least once), ``intro`` what :meth:`intro` said."""
        notes = list(self.notes)
        if dates:
            first, last = min(dates), max(dates)
        elif event is None:
            raise ProgrammeImportError(
                _("The text has no programme day with slots: there is nothing to import.")
            )
        else:
            first, last = event.start_date, event.end_date
        start_date, end_date = first, last
        if event is not None:
            start_date, end_date = min(first, event.start_date), max(last, event.end_date)
            if (start_date, end_date) != (event.start_date, event.end_date):
                notes.append(
                    _("The event's dates will be widened to %(start)s – %(end)s to hold its days.")
                    % {"start": start_date.isoformat(), "end": end_date.isoformat()}
                )
        if intro[2]:
            notes.append(intro[2])
        return start_date, end_date, notes

    def _event(self):
        if not self.event_slug:
            return None  # a dry run that names no event: everything on the event side is new
        try:
            validate_slug(self.event_slug)
        except ValidationError:
            raise ProgrammeImportError(
                _(
                    "“%(slug)s” cannot be an event's address: use letters, digits, hyphens "
                    "and underscores, such as idm-2018-second-session."
                )
                % {"slug": self.event_slug}
            ) from None
        if len(self.event_slug) > 100:
            raise ProgrammeImportError(_("The event's slug is longer than 100 characters."))
        return Event.objects.filter(slug=self.event_slug).first()

    def _day(self, event, index, data, previous):
        raw = data.get("date")
        date = None
        if raw:
            try:
                date = datetime.date.fromisoformat(str(raw))
            except ValueError:
                raise ProgrammeImportError(
                    _("Day %(number)s has a date that is not a date: “%(date)s”.")
                    % {"number": index + 1, "date": raw}
                ) from None
        if date is None and previous is not None:
            try:
                date = previous + datetime.timedelta(days=1)
            except OverflowError:
                date = previous
            self.notes.append(
                _("Day %(number)s has no date: it is taken to be the next day, %(date)s.")
                % {"number": index + 1, "date": date.isoformat()}
            )
        if date is None:
            if event is None:
                raise ProgrammeImportError(
                    _(
                        "Day %(number)s of the programme has no date. Add a heading with the "
                        "date (such as “8 October 2018”) above its slots, or give the year."
                    )
                    % {"number": index + 1}
                )
            try:
                date = event.start_date + datetime.timedelta(days=index)
            except OverflowError:
                date = event.start_date
        label = _clip(data.get("label") or "", 100)
        day = event.days.filter(date=date).first() if event is not None else None
        return DayPlan(date=date, label=label, day=day)

    def _slots(self, event, day_plan, day_data):
        """Plan the day's slots onto ``day_plan`` and return them. What a later heading of
        the same date needs (how many slots the day has, the last one's times) is kept
        apart, so a caller may empty ``day_plan.slots`` once it has read them."""
        existing = []
        if day_plan.day is not None:
            existing = list(day_plan.day.slots.order_by("order", "start_time"))
        taken = set()
        offset, previous = self._day_slots.get(day_plan.date, (0, None))
        added = []
        for position, data in enumerate(day_data.get("sessions") or [], start=offset):
            plan = self._slot(data, position, previous)
            plan.slot = self._match_slot(existing, taken, plan)
            if plan.slot is not None:
                taken.add(plan.slot.pk)
            self._people(plan, data)
            day_plan.slots.append(plan)
            added.append(plan)
            previous = plan
        if added:
            self._day_slots[day_plan.date] = (offset + len(added), _Times(added[-1]))
        return added

    def _time(self, value, what, title):
        if not value:
            return None
        try:
            return datetime.time.fromisoformat(str(value))
        except ValueError:
            raise ProgrammeImportError(
                _("The %(what)s time of “%(title)s” is not a time: “%(value)s”.")
                % {"what": _(what), "title": title, "value": value}
            ) from None

    def _slot(self, data, position, previous):
        title = _clip(data.get("title") or "", 500) or _("Untitled slot")
        notes = []
        # The words are translated only for a message (gettext for each slot is slow).
        start = self._time(data.get("start"), gettext_noop("start"), title)
        end = self._time(data.get("end"), gettext_noop("end"), title)
        if start is None:
            start = (previous.end or previous.start) if previous else datetime.time(0, 0)
            notes.append(
                _("No start time printed: set to %(time)s; correct it on the slot.")
                % {"time": start.strftime("%H:%M")}
            )
        if end is not None and end <= start:
            notes.append(
                _("The end time %(end)s is not after the start: left blank.")
                % {"end": end.strftime("%H:%M")}
            )
            end = None
        kind = data.get("kind") if data.get("kind") in _SLOT_KINDS else SlotKind.OTHER
        number = data.get("number")
        number = slot_number(number)
        plan = SlotPlan(
            start=start,
            end=end,
            number=number,
            title=title,
            kind=kind,
            video=bool(data.get("video")),
            order=position,
            notes=notes,
        )
        return plan

    def _match_slot(self, existing, taken, plan):
        if not existing:
            return None
        key = normalise_name(plan.title)
        same_title = [
            slot
            for slot in existing
            if slot.pk not in taken and normalise_name(slot.title_en) == key
        ]
        for slot in same_title:
            if slot.start_time == plan.start:
                return slot
        for slot in same_title:
            if slot.order == plan.order:
                return slot
        return None

    def _people(self, plan, data):
        seen = {}
        existing = {}
        if plan.slot is not None:
            for appearance in plan.slot.appearances.all():
                existing[(appearance.person_id, appearance.role_id)] = appearance
        for line in data.get("people") or []:
            if not isinstance(line, dict) or not normalise_name(line.get("name")):
                continue
            name = _clip(line.get("name"), 300)
            honorific_printed = _clip(line.get("honorific") or "", 50)
            honorific = honorific_choice(honorific_printed)
            designation = split_designation(line.get("designation") or "", self.find_organisation)
            if designation.new_organisation_name:
                organisation = Organisation(
                    name=_clip(designation.new_organisation_name, 300),
                    acronym=_clip(designation.new_organisation_acronym, 50),
                    country=designation.country,
                )
                self._remember_organisation(organisation)
                designation.organisation = organisation
            role = self.role_for(line.get("role"))
            planned = self.people.get(normalise_name(name))
            met_before = planned is not None and planned.pk is None
            person, _is_new = self.person_for(name, honorific, designation)
            key = (id(person), id(role))
            person_plan = PersonPlan(
                role_label=role.label,
                role=role,
                honorific_printed=honorific_printed,
                honorific=honorific,
                name=name,
                person=person,
                designation=designation.printed,
                position=_clip(designation.position, 300),
                organisation=designation.organisation,
                country=designation.country,
                first_seen=not met_before,
                duplicate=key in seen,
            )
            if person.pk is not None and role.pk is not None:
                person_plan.appearance = existing.get((person.pk, role.pk))
            documents = self._documents(line.get("documents"), name, person_plan.appearance)
            person_plan.documents = documents
            if person_plan.duplicate:
                plan.notes.append(
                    _("%(name)s is listed twice as %(role)s: one appearance is kept.")
                    % {"name": name, "role": role.label}
                )
            seen[key] = person_plan
            plan.people.append(person_plan)
        plan.documents = self._documents(data.get("documents"), plan.title, None, plan.slot)

    def _documents(self, markers, owner_name, appearance, slot=None):
        existing = []
        if appearance is not None:
            existing = list(appearance.documents.all())
        elif slot is not None:
            existing = list(slot.documents.all())
        plans = []
        for marker in markers or []:
            marker = _clip(marker, 200)
            if not marker:
                continue
            kind = document_kind(marker)
            title = _clip(f"{marker} – {owner_name}", 300)
            match = None
            for document in existing:
                same_kind = document.kind == kind
                if same_kind and (kind != DocumentKind.OTHER or document.title_en == title):
                    match = document
                    break
            if match is not None:
                existing.remove(match)
            plans.append(DocumentPlan(marker=marker, kind=kind, title=title, document=match))
        return plans


def build_plan(data, event_slug):
    """What importing `data` (the parser's dictionary) into the event would do. Writes nothing."""
    with translation.override("en"):
        return _Planner(data, event_slug).build()
