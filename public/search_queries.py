"""The site's search: people, organisations, slots and documents of published events, in a
constant number of queries (the search page's named query, beside ``public.queries``)."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch
from django.utils import translation
from django.utils.translation import gettext

from conference.enums import EventStatus
from core.search import matching
from core.text import search_terms
from documents.models import Document
from programme.models import SESSION_HEADING, Appearance, Slot
from speakers.models import Organisation, Person

SEARCH_LIMIT = 50


@dataclass
class SearchResults:
    terms: list
    people: list = field(default_factory=list)
    organisations: list = field(default_factory=list)
    slots: list = field(default_factory=list)
    documents: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.people) + len(self.organisations) + len(self.slots) + len(self.documents)


def slot_number_words():
    """The folded words that name a numbered slot in any language of the site (“session”,
    “seance”, “sesion”), taken from the translated heading so that they stay in step."""
    words = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            heading = gettext(SESSION_HEADING) % {"number": "", "title": ""}
        words.update(search_terms(heading))
    return words


def slot_number_query(terms):
    """(2, ["migration"]) for “session 2 migration”: the slot number a search names, and the
    terms left to match; (None, terms) when it names none."""
    numbers = [term for term in terms if term.isdigit()]
    if len(numbers) != 1 or not slot_number_words() & set(terms):
        return None, terms
    words = slot_number_words()
    return int(numbers[0]), [term for term in terms if term not in words and term != numbers[0]]


def published_appearances():
    return Appearance.objects.filter(slot__day__event__status=EventStatus.PUBLISHED)


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
    people = Person.objects.filter(appearing).select_related("organisation")
    results.people = list(matching(people, ["given_names", "family_names"], terms)[:SEARCH_LIMIT])

    represented = Exists(published_appearances().filter(organisation=OuterRef("pk")))
    speakers_for = Prefetch(
        "appearances",
        queryset=published_appearances()
        .select_related("person")
        .order_by("person__family_names", "person__given_names", "pk"),
        to_attr="published_appearances",
    )
    organisations = Organisation.objects.filter(represented).prefetch_related(speakers_for)
    name_fields = [f"name_{code}" for code, _name in settings.LANGUAGES] + ["acronym"]
    results.organisations = list(matching(organisations, name_fields, terms)[:SEARCH_LIMIT])
    for organisation in results.organisations:
        people_seen = {}
        for appearance in organisation.published_appearances:
            people_seen.setdefault(appearance.person_id, appearance.person)
        organisation.speakers = list(people_seen.values())

    title_fields = [f"title_{code}" for code, _name in settings.LANGUAGES]
    slots = (
        Slot.objects.published()
        .select_related("day__event")
        .order_by("-day__date", "start_time", "pk")
    )
    number, title_terms = slot_number_query(terms)
    if number is not None:
        slots = slots.filter(number=str(number))
    if title_terms:
        slots = matching(slots, title_fields, title_terms)
    results.slots = list(slots[:SEARCH_LIMIT])

    documents = Document.objects.public().select_related(
        "event",
        "slot__day__event",
        "appearance__person",
        "appearance__slot__day__event",
    )
    results.documents = list(matching(documents, title_fields, terms)[:SEARCH_LIMIT])
    for document in results.documents:
        if document.appearance_id:
            document.context_event = document.appearance.slot.day.event
        elif document.slot_id:
            document.context_event = document.slot.day.event
        else:
            document.context_event = document.event
    return results
