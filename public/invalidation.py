"""Which edits invalidate which cached pages and fragments: the model-aware half of the cache.

``core.cache`` keeps generations and serves cached pages; this module knows the models. On
save and delete of anything an event's pages show (the event, its days, slots,
appearances, the people and organisations in them, their roles, documents and photos), the
generations of the events that show the object are bumped, before the change (it may move
to another event or slot) and after it, and so are the stamps of the slots and people whose
fragments show it (``public.fragments``), in the languages whose text changed: a change of
a French column alone leaves the English and Spanish fragments, a change of an English one
(the language the others fall back to) or of an untranslated one changes them all. The
programme page around its slots (``public.fragments.ProgrammeShell``) has a generation of
its own, bumped too unless the change shows in slot fragments only (``on_programme_shell``).
``core.cache.bulk_changes`` suspends these receivers.
"""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.signals import request_started
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from core.cache import bump_event_slugs, bump_stamps, receivers_suspended
from core.rows import column_languages, columns
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


# Which slots' fragments show an object, and which people's in the A–Z list: a Q on Slot or
# Person for the object's primary key. The event itself: all of its fragments.
FRAGMENTS_SHOWING = {
    "slot": (
        "programme.slot",
        {
            "conference.day": lambda pk: Q(day=pk),
            "programme.slot": lambda pk: Q(pk=pk),
            "programme.appearance": lambda pk: Q(appearances=pk),
            "programme.role": lambda pk: Q(appearances__role=pk),
            "speakers.person": lambda pk: Q(appearances__person=pk),
            "speakers.organisation": lambda pk: (
                Q(appearances__organisation=pk) | Q(appearances__person__organisation=pk)
            ),
            "documents.document": lambda pk: Q(documents=pk) | Q(appearances__documents=pk),
        },
    ),
    "speaker": (
        "speakers.person",
        {
            "conference.day": lambda pk: Q(appearances__slot__day=pk),
            "programme.slot": lambda pk: Q(appearances__slot=pk),
            "programme.appearance": lambda pk: Q(appearances=pk),
            "programme.role": lambda pk: Q(appearances__role=pk),
            "speakers.person": lambda pk: Q(pk=pk),
            "speakers.organisation": lambda pk: (
                Q(appearances__organisation=pk) | Q(organisation=pk)
            ),
        },
    ),
}


# What shows in slot fragments only, never on the programme page around them.
FRAGMENTS_ONLY = {
    "programme.appearance",
    "programme.role",
    "speakers.person",
    "speakers.organisation",
}
# A slot's columns that place it on the page: which day, in which order.
SLOT_PLACE = ("day_id", "order", "start_time")


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


def _languages():
    return tuple(code for code, _name in settings.LANGUAGES)


def _stored_row(instance):
    """The instance's loaded columns as the database holds them; None for a new row."""
    model = type(instance)
    names = [name for name in columns(model) if name in instance.__dict__]
    return model._base_manager.filter(pk=instance.pk).values(*names).first()


def changed_languages(instance, stored):
    """The languages whose fragments may show a change of the instance about to be saved
    (its row as stored: ``_stored_row``): those of its translated columns that changed, all
    for any other column (or a new row). Columns not loaded (deferred) are not saved, so
    not changed."""
    if stored is None:
        return _languages()
    model = type(instance)
    fields = {field.attname: field for field in model._meta.concrete_fields}
    by_column = column_languages(model, _languages())
    languages = set()
    for name in stored:
        # As the column will hold it: a number given for a text column is saved as text.
        try:
            value = fields[name].to_python(instance.__dict__[name])
        except (ValidationError, TypeError, ValueError):  # the save will say what is wrong
            return _languages()
        if value != stored[name]:
            if name not in by_column:
                return _languages()
            languages |= by_column[name]
    return sorted(languages)


def on_programme_shell(instance, stored):
    """Whether a change of the instance (its row as stored, None for a new row or one
    deleted) may show on the programme page around its slots (``ProgrammeShell``), rather
    than in slot fragments only: the event, its series, days, photos and changes do; a
    slot where it sits (day, order, time), or when it comes or goes; a document of the
    event itself or a translation (it may be listed under one of the event's); a change
    once it is public."""
    label = instance._meta.label_lower
    if label in FRAGMENTS_ONLY:
        return False
    if label == "programme.slot":
        return stored is None or any(
            name in stored and stored[name] != instance.__dict__[name] for name in SLOT_PLACE
        )
    rows = [instance.__dict__, stored or {}]
    if label == "documents.document":
        return any(row.get("event_id") or row.get("translation_of_id") for row in rows)
    if label == "programme.changeentry":
        # Counted once public; one still in its grace period shows when it lifts (the
        # lift bumps the event's pages: documents.embargo).
        now = timezone.now()
        return any(
            row.get("publish_at") is not None and row["publish_at"] <= now and not row.get("silent")
            for row in rows
            if row
        )
    return True


def _bump_fragments(instance, languages):
    label = instance._meta.label_lower
    for kind, (owner, showing) in FRAGMENTS_SHOWING.items():
        if label in showing and languages:
            owners = apps.get_model(owner).objects.filter(showing[label](instance.pk))
            bump_stamps(kind, set(owners.values_list("pk", flat=True)), languages)


def _changed(instance, *, stored, extra=(), stale_ok=True, languages=None, shell=True):
    if receivers_suspended():
        return
    slugs = set(extra)
    if stored and instance.pk is not None:
        slugs |= event_slugs_showing(instance)
        _bump_fragments(instance, _languages() if languages is None else languages)
    # A change of the event itself changes all of its fragments.
    bump_event_slugs(slugs, stale_ok=stale_ok, fragments=_is_event(type(instance)), shell=shell)


def _is_event(sender):
    return sender._meta.label_lower == "conference.event"


def before_save(sender, instance, raw=False, **kwargs):
    """The events and fragments that show the object before the change (it may move)."""
    if not instance._state.adding and not receivers_suspended():
        row = _stored_row(instance)
        instance._plenary_languages = changed_languages(instance, row)
        instance._plenary_shell = on_programme_shell(instance, row)
        _changed(
            instance,
            stored=True,
            languages=instance._plenary_languages,
            shell=instance._plenary_shell,
        )


def after_save(sender, instance, raw=False, **kwargs):
    languages = getattr(instance, "_plenary_languages", None)
    shell = getattr(instance, "_plenary_shell", None)
    instance._plenary_languages = instance._plenary_shell = None
    if _is_event(sender):
        # An event taken off the site leaves it at once: no previous page is served.
        _changed(instance, stored=True, extra=[instance.slug], stale_ok=instance.is_published)
    else:
        shell = on_programme_shell(instance, None) if shell is None else shell  # a new row
        _changed(instance, stored=True, languages=languages, shell=shell)


def before_delete(sender, instance, **kwargs):
    _changed(instance, stored=True, shell=on_programme_shell(instance, None))


def after_delete(sender, instance, **kwargs):
    if _is_event(sender):
        _changed(instance, stored=False, extra=[instance.slug], stale_ok=False)
    else:
        _changed(instance, stored=False, shell=on_programme_shell(instance, None))


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
