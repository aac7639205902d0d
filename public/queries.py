"""One named query per public page: everything the page needs, in a constant number of queries."""

from dataclasses import dataclass, field
from itertools import groupby

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from conference.models import Day, Event, EventSeries
from conference.visibility import can_see_unpublished
from core.rows import instances
from core.text import fold
from documents.queries import (
    documents_of_visible_event,
    documents_visible_to,
    group_translations,
    photos_visible_to,
)
from programme.models import Appearance, ChangeEntry, Slot
from programme.queries import APPEARANCE_PRINTED_ORDER, appearances_in_printed_order
from public import reads
from public.display import label_documents
from speakers.models import Person


@dataclass
class SeriesGroup:
    series: EventSeries | None
    events: list = field(default_factory=list)


def group_by_series(events):
    """Events grouped by series, groups in the order their first event comes."""
    groups = {}
    for event in events:
        key = event.series_id
        if key not in groups:
            groups[key] = SeriesGroup(series=event.series)
        groups[key].events.append(event)
    return list(groups.values())


def home_events(user):
    """Visible events: upcoming (soonest first) then past (latest first), grouped by series."""
    events = list(
        Event.objects.visible_to(user).select_related("series").order_by("start_date", "pk")
    )
    today = timezone.localdate()
    upcoming = [event for event in events if event.end_date >= today]
    past = [event for event in reversed(events) if event.end_date < today]
    return {"upcoming": group_by_series(upcoming), "past": group_by_series(past)}


def series_with_events(slug, user):
    """A series and its visible events, latest year first, as (year, events) pairs."""
    series = get_object_or_404(EventSeries, slug=slug)
    events = series.events.visible_to(user).order_by("-start_date", "title")
    years = [
        (year, list(group)) for year, group in groupby(events, key=lambda e: e.start_date.year)
    ]
    return series, years


def visible_event(slug, user):
    """The event at this address with its series, if the visitor may see it (else 404)."""
    found = reads.VISIBLE_EVENT(can_see_unpublished(user), slug=slug)
    if not found:
        raise Http404("No event at this address.")
    return found[0]


def event_documents(event, user, slot_pks, appearance_pks):
    """Every document of a visible event (its own, its slots', its appearances') in one query,
    given the keys of all its slots and appearances."""
    return documents_of_visible_event(
        can_see_unpublished(user), event, slot_pks, appearance_pks
    ).order_by("order", "pk")


@dataclass
class PeopleList:
    """The leaders (moderators, chairs …) or the speakers of a slot, as the page lists them."""

    name: str
    appearances: list


@dataclass
class ChangeSummary:
    """“Updated <date>: N changes” on the programme page."""

    count: int = 0
    latest: object = None  # the date, in the event's time zone


@dataclass
class SlotOutline:
    """A slot of the programme without its rows: its fragment was in the cache, or is printed
    (:func:`outline`)."""

    pk: int
    day: object
    fragment: str = ""
    sub_event: object = None


@dataclass
class Programme:
    event: Event
    days: list
    documents: list
    photos: list
    changes: ChangeSummary = field(default_factory=ChangeSummary)


def change_summary(event):
    """How many public changes the event has, and when the latest was listed (one query)."""
    rows = reads.EVENT_CHANGES(event=event.pk, now=timezone.now())
    if not rows:  # no public change: the read groups by event, so no row
        return ChangeSummary()
    _event, count, latest = rows[0]
    return ChangeSummary(count=count, latest=latest.astimezone(event.tzinfo).date())


def event_changes(slug, user):
    """The changes page and its feed: the event and its public changes, newest first."""
    event = visible_event(slug, user)
    entries = ChangeEntry.objects.public().filter(event=event).order_by("-publish_at", "-pk")
    return event, list(entries)


def event_programme(slug, user, fragments=None):
    """The programme page: days, slots, people in printed order, documents, photos.

    Seven queries whatever the size: event, days, slots, appearances, documents, photos,
    the count of public changes, each compiled once per process (``core.prepared``). Slots,
    appearances (with people, roles, organisations) and documents are read as values
    (``core.rows``), in the page's language and its fallbacks only.

    With ``fragments`` (``public.fragments.SlotFragments.lookup``), the slots are first read
    as outlines (primary key and day: one more query); ``fragments(event, outlines)`` sets
    the fragment of those it finds in the cache and returns the keys of the others, whose
    rows alone are read (by their keys: no slot or appearance query when it finds them
    all). The slots found stay outlines in ``day.slot_list``.
    """
    unpublished = can_see_unpublished(user)
    event = visible_event(slug, user)
    days = event_days(event)
    by_day = {day.pk: day for day in days}
    wanted = None
    if fragments is not None and days:
        outlines = [
            SlotOutline(pk=pk, day=by_day[day_pk])
            for pk, day_pk in reads.EVENT_SLOT_OUTLINES(event=event.pk)
        ]
        wanted = fragments(event, outlines)
        for outline in outlines:
            outline.day.slot_list.append(outline)
        if len(wanted) == len(outlines):
            wanted = None
    if wanted is None:
        read, own_documents = _whole_programme(event, unpublished, days, by_day)
        if fragments is None:
            for slot in read:
                slot.day.slot_list.append(slot)
    else:
        slots = Slot.objects.filter(day__in=days, pk__in=wanted) if wanted else None
        read, own_documents = _arranged_slots(event, user, slots, by_day)
    if fragments is not None and days:
        by_pk = {slot.pk: slot for slot in read}
        for day in days:
            day.slot_list = [by_pk.get(slot.pk, slot) for slot in day.slot_list]
    photos = reads.EVENT_PHOTOS(unpublished, event=event.pk)
    # The slots' documents are labelled when a slot is rendered (public.fragments).
    return Programme(
        event=event,
        days=days,
        documents=label_documents(own_documents),
        photos=photos,
        changes=change_summary(event),
    )


def event_days(event):
    """The event's days by date, each knowing its event and with an empty ``slot_list``."""
    days = reads.EVENT_DAYS(event=event.pk)
    for day in days:
        Day.event.field.set_cached_value(day, event)
        day.slot_list = []
    return days


def _whole_programme(event, unpublished, days, by_day):
    """(slots, the event's own documents): every slot of the event, arranged as
    :func:`_arranged` does. Three queries (slots, appearances, documents), the first two only
    if the event has days and slots."""
    slots = reads.EVENT_SLOTS(event=event.pk) if days else []
    appearances = reads.EVENT_APPEARANCES(event=event.pk) if slots else []
    documents = reads.EVENT_DOCUMENTS(unpublished, event=event.pk, now=timezone.now())
    return _arranged(slots, appearances, documents, by_day)


def _arranged_slots(event, user, slots, by_day):
    """(slots, the event's own documents): the slots of the queryset (None: none), arranged
    as :func:`_arranged` does; the event's documents come in the same query as theirs. At
    most three queries: slots, appearances, documents, each by the keys read before it."""
    read = []
    if slots is not None:
        read = instances(slots, skip=reads.UNPRINTED_COLUMNS, all_languages=False)
    appearances = []
    if read:
        appearances = instances(
            appearances_in_printed_order().filter(slot__in=read),
            related=reads.EVENT_APPEARANCES.related,
            skip=reads.appearance_skips(),
            all_languages=False,
        )
    documents = instances(
        event_documents(
            event, user, [slot.pk for slot in read], [appearance.pk for appearance in appearances]
        ),
        skip=reads.DOCUMENT_SKIPS,
        all_languages=False,
    )
    return _arranged(read, appearances, documents, by_day)


def _arranged(slots, appearances, documents, by_day):
    """(slots, the event's own documents): the slots as the programme prints them, each with
    its day (``by_day``), its appearances in printed order (with people, roles and
    organisations) and documents, its people split into leaders and speakers
    (:func:`_arrange_slot`)."""
    slot_day, appearance_slot = Slot.day.field, Appearance.slot.field
    by_pk = {}
    for slot in slots:
        slot_day.set_cached_value(slot, by_day[slot.day_id])  # and its event, as a prepared read
        by_pk[slot.pk] = slot
        slot.appearance_list = []
    for appearance in appearances:
        slot = by_pk[appearance.slot_id]
        appearance_slot.set_cached_value(appearance, slot)
        slot.appearance_list.append(appearance)
    by_event, by_slot, by_appearance = [], {}, {}
    for document in group_translations(documents):
        if document.appearance_id:
            by_appearance.setdefault(document.appearance_id, []).append(document)
        elif document.slot_id:
            by_slot.setdefault(document.slot_id, []).append(document)
        else:
            by_event.append(document)
    for slot in slots:
        _arrange_slot(slot, by_slot, by_appearance)
    return slots, by_event


def programme_slots(slug, user, pks):
    """Some slots of an event's programme (primary keys ``pks``), read and arranged as
    :func:`event_programme` reads them: for a page whose other slots and surroundings are
    stored (``public.fragments.ProgrammeShell``). (event, slots in no given order); a slot
    that is no longer the event's is left out. Five queries: event, days, slots,
    appearances, documents."""
    event = visible_event(slug, user)
    days = event_days(event)
    slots = Slot.objects.filter(day__in=days, pk__in=pks) if days else None
    read, _own_documents = _arranged_slots(event, user, slots, {day.pk: day for day in days})
    return event, read


def _arrange_slot(slot, by_slot, by_appearance):
    """Attach a slot's documents and split its people (``slot.appearance_list``, in printed
    order) into leaders and speakers."""
    slot.listed_documents = by_slot.get(slot.pk, [])
    slot.leaders, slot.speakers = [], []
    for appearance in slot.appearance_list:
        appearance.listed_documents = by_appearance.get(appearance.pk, [])
        if appearance.role.listed_before_speakers:
            slot.leaders.append(appearance)
        else:
            slot.speakers.append(appearance)
    slot.people_lists = [
        PeopleList(name, people)
        for name, people in (("leaders", slot.leaders), ("speakers", slot.speakers))
        if people
    ]


def outline(slot):
    """What the page keeps of a slot once its fragment is printed: its outline.

    The rows of a read slot point at each other both ways (its appearances, each of them
    back at it): such cycles are freed by the garbage collector only, which would then walk
    all of them (some 15,000 objects on the big conference) once the page is made. Without
    the links back, they are freed as soon as the slot's outline replaces it.
    """
    for appearance in slot.appearance_list:
        Appearance.slot.field.delete_cached_value(appearance)
    return SlotOutline(pk=slot.pk, day=slot.day, fragment=slot.fragment, sub_event=slot.sub_event)


def slot_page(slug, pk, user):
    """One slot of a visible event, as the programme prints it: its own page, which link
    previews read (a programme anchor is invisible to them). Four queries: event, slot with
    its day, appearances, documents."""
    event = visible_event(slug, user)
    slot = get_object_or_404(
        Slot.objects.select_related("day").prefetch_related(
            Prefetch("appearances", queryset=appearances_in_printed_order())
        ),
        day__event=event,
        pk=pk,
    )
    slot.day.event = event
    slot.appearance_list = list(slot.appearances.all())
    documents = documents_visible_to(user).filter(Q(slot=slot) | Q(appearance__slot=slot))
    by_slot, by_appearance = {}, {}
    for document in group_translations(list(documents.order_by("order", "pk"))):
        if document.appearance_id:
            by_appearance.setdefault(document.appearance_id, []).append(document)
        else:
            by_slot.setdefault(document.slot_id, []).append(document)
    _arrange_slot(slot, by_slot, by_appearance)
    return event, slot


@dataclass
class Speaker:
    person: object
    appearances: list = field(default_factory=list)

    @property
    def letter(self):
        initial = fold(self.person.family_names)[:1].upper()
        return initial if initial.isalpha() else "#"


def speaker_sort_key(person):
    return (fold(person.family_names), fold(person.given_names), person.pk)


# What the A–Z list prints of a person besides their appearances: the name and the profile's
# address.
SPEAKER_PRINTED_COLUMNS = ("id", "given_names", "family_names", "slug")


def event_speakers(slug, user, fragments=None):
    """Everyone in the event, A to Z by family name, each with their roles and slots, as
    (letter, speakers) pairs.

    Two queries: the event, its appearances (with people, roles, organisations, slots).
    With ``fragments`` (``public.fragments.SpeakerFragments.lookup``), the people are read
    first (name and address only: one more query); ``fragments(event, speakers)`` sets the
    fragment of those it finds in the cache and returns the others, whose appearances alone
    are read (no appearance query when it finds them all).
    """
    # Whether the event has photos comes with the event (its Photos tab shows only then).
    photos = photos_visible_to(user).filter(event=OuterRef("pk"))
    event = get_object_or_404(
        Event.objects.visible_to(user).select_related("series").annotate(has_photos=Exists(photos)),
        slug=slug,
    )
    appearances = (
        Appearance.objects.filter(slot__day__event=event)
        .select_related("person", "role", "organisation", "slot__day__event")
        .order_by(
            "slot__day__date",
            "slot__order",
            "slot__start_time",
            *APPEARANCE_PRINTED_ORDER,
        )
    )
    speakers = {}
    if fragments is not None:
        people = (
            Person.objects.filter(appearances__slot__day__event=event)
            .distinct()
            .order_by()
            .only(*SPEAKER_PRINTED_COLUMNS)
        )
        speakers = {person.pk: Speaker(person=person) for person in people}
        wanted = fragments(event, list(speakers.values()))
        if not wanted:
            appearances = ()
        elif len(wanted) < len(speakers):
            appearances = appearances.filter(person__in=[speaker.person.pk for speaker in wanted])
    for appearance in appearances:
        speaker = speakers.setdefault(appearance.person_id, Speaker(person=appearance.person))
        speaker.appearances.append(appearance)
    ordered = sorted(speakers.values(), key=lambda speaker: speaker_sort_key(speaker.person))
    letters = [(letter, list(group)) for letter, group in groupby(ordered, key=lambda s: s.letter)]
    return event, letters


def event_photos(slug, user):
    """The gallery: the event and its photos with the slot each shows."""
    event = visible_event(slug, user)
    photos = list(
        photos_visible_to(user).filter(event=event).select_related("slot").order_by("order", "pk")
    )
    return event, photos


def person_profile(slug, user):
    """A person and every appearance in an event this visitor may see, latest first.

    Three queries: the person, their appearances (with slot, day, event, role), their
    documents. A person with no published appearance is not public: 404 (staff see them).
    """
    person = get_object_or_404(Person.objects.select_related("organisation"), slug=slug)
    appearances = list(
        Appearance.objects.filter(
            person=person, slot__day__event__in=Event.objects.visible_to(user)
        )
        .select_related("role", "organisation", "slot__day__event")
        .prefetch_related(
            Prefetch("documents", queryset=documents_visible_to(user).order_by("order", "pk"))
        )
        .order_by("-slot__day__date", "-slot__start_time", "pk")
    )
    if not appearances and not can_see_unpublished(user):
        raise Http404("No published appearance.")
    for appearance in appearances:
        appearance.listed_documents = label_documents(
            group_translations(appearance.documents.all())
        )
    return person, appearances


@dataclass
class NowAndNext:
    """What is under way at a moment: ``state`` is "before", "during" or "after" the event."""

    event: Event
    state: str
    current: Slot | None = None
    next: Slot | None = None
    at: object = None


def _effective_end(slot, following):
    """A slot without an end time lasts until the next slot of its day starts."""
    if slot.ends_at is not None:
        return slot.ends_at
    if following is not None and following.day_id == slot.day_id:
        return following.starts_at
    return slot.starts_at


def now_and_next(slug, user, at):
    """The slot under way at ``at`` (an aware datetime) and the one after, with their people.

    Three queries whatever the size: the event, its slots (times only), the people of the two
    slots shown.
    """
    event = visible_event(slug, user)
    slots = list(
        Slot.objects.filter(day__event=event)
        .select_related("day__event")
        .defer("description", *(f"description_{code}" for code, _name in settings.LANGUAGES))
        .order_by("day__date", "order", "start_time", "pk")
    )
    following = [*slots[1:], None]
    result = NowAndNext(event=event, state="during", at=at.astimezone(event.tzinfo))
    for slot, after in zip(slots, following, strict=True):
        if slot.starts_at > at:
            result.next = slot
            break
        if at < _effective_end(slot, after):
            result.current = slot
            result.next = after
            break
    if slots and at < slots[0].starts_at:
        result.state = "before"
    elif not slots:
        today = at.astimezone(event.tzinfo).date()
        if today < event.start_date:
            result.state = "before"
        elif today > event.end_date:
            result.state = "after"
    elif result.current is None and result.next is None:
        result.state = "after"
    shown = [slot for slot in (result.current, result.next) if slot is not None]
    prefetch_related_objects(
        shown, Prefetch("appearances", queryset=appearances_in_printed_order())
    )
    return result
