"""What the programme editor page reads: the whole programme in a constant number of queries."""

from django.db.models import Max, Prefetch

from core.search import matching
from core.text import search_terms
from documents.models import Document
from programme.models import Role, Slot
from programme.queries import appearances_in_printed_order
from speakers.models import Person
from speakers.names import normalise_name

SUGGESTIONS = 10


def editor_programme(event):
    """Days, slots, people in printed order and every document (placeholders included).

    Five queries whatever the size: days, slots, appearances (with person, role and
    organisation), their documents, the slots' documents.
    """
    documents = Document.objects.order_by("order", "pk")
    appearances = appearances_in_printed_order().prefetch_related(
        Prefetch("documents", queryset=documents)
    )
    slots = Slot.objects.order_by("order", "start_time", "pk").prefetch_related(
        Prefetch("appearances", queryset=appearances),
        Prefetch("documents", queryset=documents),
    )
    days = list(event.days.order_by("date").prefetch_related(Prefetch("slots", queryset=slots)))
    for day in days:
        day.slot_list = list(day.slots.all())
        for slot in day.slot_list:
            slot.appearance_list = list(slot.appearances.all())
            slot.document_list = list(slot.documents.all())
            for appearance in slot.appearance_list:
                appearance.document_list = list(appearance.documents.all())
    return days


def editor_roles():
    return list(Role.objects.order_by("order", "name"))


def next_order(queryset):
    """One more than the largest order in the queryset (0 when empty)."""
    largest = queryset.aggregate(largest=Max("order"))["largest"]
    return 0 if largest is None else largest + 1


def people_matching(text):
    """Up to ten people whose name has every word typed (accents ignored), with their
    organisation: the site search's matching, on names only."""
    terms = search_terms(text)[:5]
    if not terms:
        return []
    people = Person.objects.select_related("organisation").order_by("family_names", "given_names")
    return list(matching(people, ["given_names", "family_names"], terms)[:SUGGESTIONS])


def person_named(name):
    """The one person whose name, regardless of case and accents, is this; else None."""
    key = normalise_name(name)
    words = key.split()
    if not words:
        return None
    candidates = Person.objects.filter(family_names__icontains=words[-1])
    found = [person for person in candidates if normalise_name(person.full_name) == key]
    return found[0] if len(found) == 1 else None
