"""One named query per public page about people."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404

from conference.models import Event
from conference.queries import set_slot_times
from documents.queries import can_see_unpublished, documents_visible_to, group_translations
from programme.models import Participation
from speakers.models import Person


def person_profile(slug, user):
    """A person and every appearance in an event this visitor may see, latest first.

    Three queries: the person, their appearances (with slot, day, event, role), their
    documents. A person with no published appearance is not public: 404 (staff see them).
    """
    person = get_object_or_404(Person.objects.select_related("organization"), slug=slug)
    appearances = list(
        Participation.objects.filter(
            person=person, session__day__event__in=Event.objects.visible_to(user)
        )
        .select_related("role", "organization", "session__day__event")
        .prefetch_related(
            Prefetch("documents", queryset=documents_visible_to(user).order_by("order", "pk"))
        )
        .order_by("-session__day__date", "-session__start_time", "pk")
    )
    if not appearances and not can_see_unpublished(user):
        raise Http404("No published appearance.")
    for appearance in appearances:
        session = appearance.session
        set_slot_times(session, session.day.date, session.day.event.tzinfo)
        appearance.listed_documents = group_translations(appearance.documents.all())
    return person, appearances
