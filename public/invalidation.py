"""Which edits invalidate which cached pages: the model-aware half of the page cache.

``core.cache`` keeps generations and serves cached pages; this module knows the models. On
save and delete of anything an event's pages show (the event, its days, slots,
appearances, the people and organisations in them, their roles, documents and photos), the
generations of the events that show the object are bumped, before the change (it may move
to another event) and after it. ``core.cache.bulk_changes`` suspends these receivers.
"""

from django.apps import apps
from django.core.signals import request_started
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from core.cache import bump_event_slugs, receivers_suspended
from documents.embargo import on_request_started

# Which events show an object: a Q on Event for the object's primary key.
EVENTS_SHOWING = {
    "conference.event": lambda pk: Q(pk=pk),
    "conference.eventseries": lambda pk: Q(series=pk),
    "conference.day": lambda pk: Q(days=pk),
    "programme.slot": lambda pk: Q(days__slots=pk),
    "programme.appearance": lambda pk: Q(days__slots__appearances=pk),
    "programme.role": lambda pk: Q(days__slots__appearances__role=pk),
    "speakers.person": lambda pk: Q(days__slots__appearances__person=pk),
    "speakers.organisation": lambda pk: (
        Q(days__slots__appearances__organisation=pk)
        | Q(days__slots__appearances__person__organisation=pk)
    ),
    "documents.document": lambda pk: (
        Q(documents=pk) | Q(days__slots__documents=pk) | Q(days__slots__appearances__documents=pk)
    ),
    "documents.photo": lambda pk: Q(photos=pk),
    "programme.changeentry": lambda pk: Q(change_entries=pk),
}


def _events():
    return apps.get_model("conference", "Event").objects


def bump_event(event_or_pk):
    """Invalidate every cached page of one event (and the site-wide pages).

    The event's pages are found by its current slug: after changing a slug without
    signals (``queryset.update(slug=…)``), call ``core.cache.bump_all`` instead.
    """
    if hasattr(event_or_pk, "slug"):
        slugs = [event_or_pk.slug]
    else:
        slugs = list(_events().filter(pk=event_or_pk).values_list("slug", flat=True))
    bump_event_slugs(slugs)


def event_slugs_showing(instance):
    """Slugs of the events whose pages show this object, as the database has it now."""
    condition = EVENTS_SHOWING[instance._meta.label_lower](instance.pk)
    return set(_events().filter(condition).values_list("slug", flat=True).distinct())


def _changed(instance, *, stored, extra=(), stale_ok=True):
    if receivers_suspended():
        return
    slugs = set(extra)
    if stored and instance.pk is not None:
        slugs |= event_slugs_showing(instance)
    bump_event_slugs(slugs, stale_ok=stale_ok)


def _is_event(sender):
    return sender._meta.label_lower == "conference.event"


def before_save(sender, instance, raw=False, **kwargs):
    """The events that show the object before the change (it may move to another one)."""
    if not instance._state.adding:
        _changed(instance, stored=True)


def after_save(sender, instance, raw=False, **kwargs):
    if _is_event(sender):
        # An event taken off the site leaves it at once: no previous page is served.
        _changed(instance, stored=True, extra=[instance.slug], stale_ok=instance.is_published)
    else:
        _changed(instance, stored=True)


def before_delete(sender, instance, **kwargs):
    _changed(instance, stored=True)


def after_delete(sender, instance, **kwargs):
    if _is_event(sender):
        _changed(instance, stored=False, extra=[instance.slug], stale_ok=False)
    else:
        _changed(instance, stored=False)


def connect_receivers():
    for label in EVENTS_SHOWING:
        model = apps.get_model(label)
        uid = f"plenary_cache_{label}"
        pre_save.connect(before_save, sender=model, dispatch_uid=f"{uid}_pre_save")
        post_save.connect(after_save, sender=model, dispatch_uid=f"{uid}_post_save")
        pre_delete.connect(before_delete, sender=model, dispatch_uid=f"{uid}_pre_delete")
        post_delete.connect(after_delete, sender=model, dispatch_uid=f"{uid}_post_delete")
    # Embargoes lift without a write: the first request after a lift bumps its events.
    request_started.connect(on_request_started, dispatch_uid="plenary_embargo_lifts")
