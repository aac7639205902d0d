"""The public record of changes: every writer's edits to a published programme, as entries.

Signals catch every writer (admin, the programme editor, the importer's ``write_plan``,
accepted contributions), since all of them save rows one by one: ``pre_save`` and
``pre_delete`` read the row as it was, ``post_save`` and ``post_delete`` compare and call
:func:`record`, the one writer of :class:`~programme.models.ChangeEntry`. Nothing is
recorded for a draft event (the check is part of the query that reads the old row).

An entry becomes public ``CHANGES_GRACE_MINUTES`` after it was recorded, unless staff mark
it silent first (or publish it at once). It becomes public without a write, so the cached
pages that list it are bumped by the first request after that moment
(``documents.embargo``, which lifts embargoes the same way).

Order moves within a day are compared when the transaction commits: a slot dragged up one
place renumbers several rows, but only the slot that left its place is recorded as moved.
"""

import contextlib
import contextvars
import datetime
import functools

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone, translation

from conference.enums import EventStatus
from conference.models import Day, Event
from documents.embargo import register_moments, schedule_moment
from documents.models import Document
from programme.change_models import ChangeEntry
from programme.enums import ChangeKind
from programme.exports import printed_name
from programme.models import Appearance, Slot

_recording = contextvars.ContextVar("plenary_changes_recorded", default=True)


@contextlib.contextmanager
def not_recorded():
    """Edits inside the block are not changes visitors are told about (merging people)."""
    token = _recording.set(False)
    try:
        yield
    finally:
        _recording.reset(token)


def record(event_id, kind, data, slot_id=None, now=None):
    """Record one change of a published event (the one writer of change entries)."""
    if not _recording.get():
        return None
    now = now or timezone.now()
    entry = ChangeEntry.objects.create(
        event_id=event_id,
        slot_id=slot_id,
        kind=kind,
        data=data,
        created_at=now,
        publish_at=now + datetime.timedelta(minutes=settings.CHANGES_GRACE_MINUTES),
    )
    schedule_moment(entry.publish_at)
    return entry


# Version and sequence numbers of the feeds -----------------------------------------------------


def change_counts(event):
    """(public changes of the event, {slot id: public changes of that slot}): one query."""
    rows = (
        ChangeEntry.objects.public()
        .filter(event=event)
        .values("slot_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    per_slot = {row["slot_id"]: row["count"] for row in rows}
    return sum(per_slot.values()), {pk: n for pk, n in per_slot.items() if pk is not None}


def schedule_version(event, total):
    """The frab ``version``: the event's own version and its count of public changes."""
    return f"{event.version}.{total}"


# What the sentences need, as it is now -----------------------------------------------------------


def in_languages(value):
    """{language: str(value())} for each language of the site (translated fields)."""
    values = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            values[code] = str(value())
    return values


def slot_label(slot):
    return {"number": slot.number, "title": in_languages(lambda: slot.title)}


def slot_time(slot, date):
    end = slot.end_time.strftime("%H:%M") if slot.end_time else None
    return {"date": date.isoformat(), "start": slot.start_time.strftime("%H:%M"), "end": end}


def _published_slot(pk):
    return (
        Slot.objects.select_related("day__event")
        .filter(pk=pk, day__event__status=EventStatus.PUBLISHED)
        .first()
    )


def _entry_for_slot(slot, kind, **data):
    record(slot.day.event_id, kind, {"slot": slot_label(slot), **data}, slot_id=slot.pk)


# Slots -------------------------------------------------------------------------------------------


def slot_before_save(sender, instance, raw=False, **kwargs):
    instance._change_before = None
    if raw or instance._state.adding or instance.pk is None or not _recording.get():
        return
    old = _published_slot(instance.pk)
    instance._change_before = old
    if old is not None and old.order != instance.order and old.day_id == instance.day_id:
        _remember_order(old.day)


def slot_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or not _recording.get():
        return
    if created:
        if Day.objects.filter(pk=instance.day_id, event__status=EventStatus.PUBLISHED).exists():
            at = slot_time(instance, instance.day.date)
            _entry_for_slot(instance, ChangeKind.SLOT_ADDED, at=at)
        return
    old = getattr(instance, "_change_before", None)
    instance._change_before = None
    if old is None:
        return
    before = slot_time(old, old.day.date)
    day = instance.day if instance.day_id != old.day_id else old.day
    after = slot_time(instance, day.date)
    if before["date"] != after["date"]:
        _entry_for_slot(instance, ChangeKind.SLOT_MOVED, before=before, after=after)
    elif before != after:
        _entry_for_slot(instance, ChangeKind.SLOT_RETIMED, before=before, after=after)
    if instance.cancelled and not old.cancelled:
        note = in_languages(lambda: instance.cancellation_note)
        _entry_for_slot(instance, ChangeKind.SLOT_CANCELLED, note=note)
    elif old.cancelled and not instance.cancelled:
        _entry_for_slot(instance, ChangeKind.SLOT_REINSTATED)
    if instance.video_url and not old.video_url:
        _entry_for_slot(instance, ChangeKind.VIDEO_ADDED)
    if old.order != instance.order and old.day_id == instance.day_id:
        _order_saved(old.day)


def slot_before_delete(sender, instance, **kwargs):
    instance._change_before = _published_slot(instance.pk) if _recording.get() else None


def slot_deleted(sender, instance, **kwargs):
    old = getattr(instance, "_change_before", None)
    if old is not None:
        data = {"slot": slot_label(old), "at": slot_time(old, old.day.date)}
        record(old.day.event_id, ChangeKind.SLOT_REMOVED, data)


# Order within a day: compared once per transaction ----------------------------------------------

# (connection, day pk) -> (the transaction's outermost atomic block, event pk, slot pks before).
# The block itself is kept, not its id: a rolled-back transaction's entry is then never
# taken for a later one's.
_orders = {}


def _sequence(day_id):
    slots = Slot.objects.filter(day_id=day_id).order_by("order", "start_time", "pk")
    return list(slots.values_list("pk", flat=True))


def _order_key(day_id):
    connection = transaction.get_connection()
    block = connection.atomic_blocks[0] if connection.in_atomic_block else None
    return (id(connection), day_id), block


def _remember_order(day):
    key, block = _order_key(day.pk)
    known = _orders.get(key)
    if known is None or known[0] is not block or block is None:
        _orders[key] = (block, day.event_id, _sequence(day.pk))
        if block is not None:
            transaction.on_commit(functools.partial(_compare_order, key))


def _order_saved(day):
    key, block = _order_key(day.pk)
    if block is None:
        _compare_order(key)


def _left_their_place(before, after):
    """Slots outside the longest run kept in the same relative order: those that moved."""
    position = {pk: index for index, pk in enumerate(before)}
    kept = [pk for pk in after if pk in position]
    best = {}  # pk -> (length of the longest kept run ending here, previous pk)
    for index, pk in enumerate(kept):
        best[pk] = (1, None)
        for earlier in kept[:index]:
            if position[earlier] < position[pk] and best[earlier][0] + 1 > best[pk][0]:
                best[pk] = (best[earlier][0] + 1, earlier)
    staying = set()
    pk = max(best, key=lambda key: best[key][0], default=None)
    while pk is not None:
        staying.add(pk)
        pk = best[pk][1]
    return [pk for pk in kept if pk not in staying]


def _compare_order(key):
    _block, event_id, before = _orders.pop(key, (None, None, None))
    if before is None:
        return
    day_id = key[1]
    after = _sequence(day_id)
    moved = _left_their_place(before, after)
    if not moved:
        return
    wanted = set(moved) | {after[after.index(pk) - 1] for pk in moved if after.index(pk) > 0}
    slots = Slot.objects.select_related("day").in_bulk(wanted)
    for pk in moved:
        index = after.index(pk)
        previous = slots[after[index - 1]] if index > 0 else None
        slot = slots[pk]
        data = {
            "slot": slot_label(slot),
            "date": slot.day.date.isoformat(),
            "after_slot": slot_label(previous) if previous else None,
        }
        record(event_id, ChangeKind.SLOT_MOVED, data, slot_id=pk)


# Appearances -------------------------------------------------------------------------------------


def _published_appearance(pk):
    return (
        Appearance.objects.select_related("slot__day__event", "person", "role", "organisation")
        .filter(pk=pk, slot__day__event__status=EventStatus.PUBLISHED)
        .first()
    )


def appearance_state(appearance):
    return {
        "person_id": appearance.person_id,
        "slot_id": appearance.slot_id,
        "person": printed_name(appearance.honorific, appearance.person),
        "role": in_languages(lambda: appearance.role.label),
        "designation": in_languages(lambda: appearance.printed_designation),
    }


def _speaker(slot, kind, state, **data):
    _entry_for_slot(slot, kind, person=state["person"], role=state["role"], **data)


def appearance_before_save(sender, instance, raw=False, **kwargs):
    instance._change_before = None
    if raw or instance._state.adding or instance.pk is None or not _recording.get():
        return
    old = _published_appearance(instance.pk)
    if old is not None:
        instance._change_before = (old.slot, appearance_state(old))


def appearance_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or not _recording.get():
        return
    before = None if created else getattr(instance, "_change_before", None)
    instance._change_before = None
    if not created and before is None:
        return
    slot = _published_slot(instance.slot_id)
    if slot is None:
        if before is not None:
            _speaker(before[0], ChangeKind.SPEAKER_REMOVED, before[1])
        return
    after = appearance_state(instance)
    if before is None or before[1]["slot_id"] != instance.slot_id:
        if before is not None:
            _speaker(before[0], ChangeKind.SPEAKER_REMOVED, before[1])
        _speaker(slot, ChangeKind.SPEAKER_ADDED, after)
        return
    old = before[1]
    if old["person_id"] != after["person_id"]:
        _speaker(slot, ChangeKind.SPEAKER_REPLACED, after, before_person=old["person"])
    elif old["designation"] != after["designation"] or old["person"] != after["person"]:
        _speaker(
            slot,
            ChangeKind.DESIGNATION_CORRECTED,
            after,
            before=old["designation"],
            after=after["designation"],
        )


def appearance_before_delete(sender, instance, **kwargs):
    old = _published_appearance(instance.pk) if _recording.get() else None
    instance._change_before = (old.slot, appearance_state(old)) if old is not None else None


def appearance_deleted(sender, instance, **kwargs):
    before = getattr(instance, "_change_before", None)
    if before is not None:
        _speaker(before[0], ChangeKind.SPEAKER_REMOVED, before[1])


# Documents ---------------------------------------------------------------------------------------


def document_available(document):
    """Listed to visitors once saved: public, with its file or link, not held back."""
    held = document.embargoed_until_delivered and document.delivered_at is None
    return bool(document.is_public and (document.file or document.url) and not held)


def document_before_save(sender, instance, raw=False, **kwargs):
    instance._change_was_available = False
    if raw or instance._state.adding or not document_available(instance):
        return
    old = Document.objects.filter(pk=instance.pk).first()
    instance._change_was_available = old is not None and document_available(old)


def document_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or not _recording.get() or not document_available(instance):
        return
    if getattr(instance, "_change_was_available", False):
        return
    data = {"document": in_languages(lambda: instance.title)}
    if instance.event_id:
        if Event.objects.filter(pk=instance.event_id, status=EventStatus.PUBLISHED).exists():
            record(instance.event_id, ChangeKind.DOCUMENT_ADDED, {**data, "slot": None})
        return
    if instance.appearance_id:
        appearance = _published_appearance(instance.appearance_id)
        if appearance is not None:
            person = printed_name(appearance.honorific, appearance.person)
            _entry_for_slot(appearance.slot, ChangeKind.DOCUMENT_ADDED, person=person, **data)
        return
    slot = _published_slot(instance.slot_id) if instance.slot_id else None
    if slot is not None:
        _entry_for_slot(slot, ChangeKind.DOCUMENT_ADDED, **data)


# Publication at the end of the grace period ------------------------------------------------------


def next_publication_after(moment):
    entries = ChangeEntry.objects.filter(silent=False, publish_at__gt=moment)
    return entries.order_by("publish_at").values_list("publish_at", flat=True).first()


def event_slugs_published_between(start, end):
    entries = ChangeEntry.objects.filter(silent=False, publish_at__gt=start, publish_at__lte=end)
    return set(entries.values_list("event__slug", flat=True).distinct())


register_moments(next_publication_after, event_slugs_published_between)

RECEIVERS = (
    (Slot, slot_before_save, slot_saved, slot_before_delete, slot_deleted),
    (
        Appearance,
        appearance_before_save,
        appearance_saved,
        appearance_before_delete,
        appearance_deleted,
    ),
)
for model, before_save, saved, before_delete, deleted in RECEIVERS:
    uid = f"plenary_changes_{model._meta.label_lower}"
    pre_save.connect(before_save, sender=model, dispatch_uid=f"{uid}_pre_save")
    post_save.connect(saved, sender=model, dispatch_uid=f"{uid}_post_save")
    pre_delete.connect(before_delete, sender=model, dispatch_uid=f"{uid}_pre_delete")
    post_delete.connect(deleted, sender=model, dispatch_uid=f"{uid}_post_delete")
pre_save.connect(document_before_save, sender=Document, dispatch_uid="plenary_changes_doc_pre")
post_save.connect(document_saved, sender=Document, dispatch_uid="plenary_changes_doc_post")
