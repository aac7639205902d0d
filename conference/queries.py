"""One named query per public page: everything the page needs, in a constant number of queries."""

import datetime
from dataclasses import dataclass, field
from itertools import groupby

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from conference.enums import EventStatus
from conference.models import Event, EventSeries
from conference.search import matching
from conference.text import fold, search_terms
from documents.models import Document
from documents.queries import documents_visible_to, group_translations, photos_visible_to
from programme.models import Participation, Session
from programme.queries import PARTICIPATION_PRINTED_ORDER, participations_in_printed_order
from speakers.models import Organization, Person


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


def visible_event(slug, user, *related):
    return get_object_or_404(Event.objects.visible_to(user).select_related(*related), slug=slug)


def set_slot_times(session, date, tzinfo):
    """Aware start and end of a slot in the event's time zone (for <time datetime>)."""
    session.starts_at = datetime.datetime.combine(date, session.start_time, tzinfo=tzinfo)
    session.ends_at = (
        datetime.datetime.combine(date, session.end_time, tzinfo=tzinfo)
        if session.end_time
        else None
    )


def event_documents(event, user):
    """Every document of the event (its own, its slots', its appearances') in one query."""
    return (
        documents_visible_to(user)
        .filter(
            Q(event=event)
            | Q(session__day__event=event)
            | Q(participation__session__day__event=event)
        )
        .order_by("order", "pk")
    )


@dataclass
class Programme:
    event: Event
    days: list
    documents: list
    photos: list


def event_programme(slug, user):
    """The programme page: days, slots, people in printed order, documents, photos.

    Six queries whatever the size: event, days, slots, appearances, documents, photos.
    """
    event = visible_event(slug, user, "series")
    sessions = Session.objects.order_by("order", "start_time").prefetch_related(
        Prefetch("participations", queryset=participations_in_printed_order())
    )
    days = list(
        event.days.order_by("date").prefetch_related(Prefetch("sessions", queryset=sessions))
    )
    documents = list(event_documents(event, user))
    by_event, by_session, by_participation = [], {}, {}
    for document in group_translations(documents):
        if document.participation_id:
            by_participation.setdefault(document.participation_id, []).append(document)
        elif document.session_id:
            by_session.setdefault(document.session_id, []).append(document)
        else:
            by_event.append(document)
    tzinfo = event.tzinfo
    for day in days:
        day.slots = list(day.sessions.all())
        for session in day.slots:
            set_slot_times(session, day.date, tzinfo)
            session.listed_documents = by_session.get(session.pk, [])
            session.leaders, session.speakers = [], []
            for participation in session.participations.all():
                participation.listed_documents = by_participation.get(participation.pk, [])
                if participation.role.listed_before_speakers:
                    session.leaders.append(participation)
                else:
                    session.speakers.append(participation)
    photos = list(photos_visible_to(user).filter(event=event).order_by("order", "pk"))
    return Programme(event=event, days=days, documents=by_event, photos=photos)


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


def event_speakers(slug, user):
    """Everyone in the event, A to Z by family name, each with their roles and slots."""
    event = visible_event(slug, user, "series")
    participations = (
        Participation.objects.filter(session__day__event=event)
        .select_related("person", "role", "organization", "session__day")
        .order_by(
            "session__day__date",
            "session__order",
            "session__start_time",
            *PARTICIPATION_PRINTED_ORDER,
        )
    )
    speakers = {}
    tzinfo = event.tzinfo
    for participation in participations:
        set_slot_times(participation.session, participation.session.day.date, tzinfo)
        speaker = speakers.setdefault(participation.person_id, Speaker(person=participation.person))
        speaker.appearances.append(participation)
    ordered = sorted(speakers.values(), key=lambda speaker: speaker_sort_key(speaker.person))
    letters = [(letter, list(group)) for letter, group in groupby(ordered, key=lambda s: s.letter)]
    return event, letters


def event_photos(slug, user):
    """The gallery: the event and its photos with the slot each shows."""
    event = visible_event(slug, user, "series")
    photos = list(
        photos_visible_to(user)
        .filter(event=event)
        .select_related("session")
        .order_by("order", "pk")
    )
    return event, photos


SEARCH_LIMIT = 50


@dataclass
class SearchResults:
    terms: list
    people: list = field(default_factory=list)
    organizations: list = field(default_factory=list)
    slots: list = field(default_factory=list)
    documents: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.people) + len(self.organizations) + len(self.slots) + len(self.documents)


def published_appearances():
    return Participation.objects.filter(session__day__event__status=EventStatus.PUBLISHED)


def search_published(query):
    """People, organisations, slot titles and document titles of published events.

    At most five queries (people, organisations and who spoke for them, slots, documents),
    however many rows match; none for an empty query.
    """
    terms = search_terms(query)
    results = SearchResults(terms=terms)
    if not terms:
        return results
    appearing = Exists(published_appearances().filter(person=OuterRef("pk")))
    people = Person.objects.filter(appearing).select_related("organization")
    results.people = list(matching(people, ["given_names", "family_names"], terms)[:SEARCH_LIMIT])

    represented = Exists(published_appearances().filter(organization=OuterRef("pk")))
    speakers_for = Prefetch(
        "participations",
        queryset=published_appearances()
        .select_related("person")
        .order_by("person__family_names", "person__given_names", "pk"),
        to_attr="published_appearances",
    )
    organizations = Organization.objects.filter(represented).prefetch_related(speakers_for)
    name_fields = [f"name_{code}" for code, _name in settings.LANGUAGES] + ["acronym"]
    results.organizations = list(matching(organizations, name_fields, terms)[:SEARCH_LIMIT])
    for organization in results.organizations:
        people_seen = {}
        for appearance in organization.published_appearances:
            people_seen.setdefault(appearance.person_id, appearance.person)
        organization.speakers = list(people_seen.values())

    title_fields = [f"title_{code}" for code, _name in settings.LANGUAGES]
    slots = (
        Session.objects.published()
        .select_related("day__event")
        .order_by("-day__date", "start_time", "pk")
    )
    results.slots = list(matching(slots, title_fields, terms)[:SEARCH_LIMIT])

    documents = Document.objects.public().select_related(
        "event",
        "session__day__event",
        "participation__person",
        "participation__session__day__event",
    )
    results.documents = list(matching(documents, title_fields, terms)[:SEARCH_LIMIT])
    for document in results.documents:
        if document.participation_id:
            document.context_event = document.participation.session.day.event
        elif document.session_id:
            document.context_event = document.session.day.event
        else:
            document.context_event = document.event
    return results
