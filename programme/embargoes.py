"""Keep the lift moments of embargoed documents in step with the timetable.

A held document lifts at its slot's start (``Slot.starts_at``, in the event's time zone)
and stores that moment in UTC. When a slot is retimed or moved to another day, a day
changes date, or an event changes time zone, the documents concerned get their new moment.
Each instance remembers the fields that place it in time when it is loaded, so a save that
changes none of them costs no query.
"""

from django.db.models import Q
from django.db.models.signals import post_init, post_save

from conference.models import Day, Event
from documents.embargo import documents_of_slot, forget_next_lift, refresh_embargo_lifts
from documents.models import Document
from programme.models import Slot

TIMING_FIELDS = {
    Slot: ("day_id", "start_time"),
    Day: ("date",),
    Event: ("time_zone",),
}


def _timing(instance):
    # Read from __dict__: a deferred field must not cost a query per loaded row.
    return tuple(instance.__dict__.get(name) for name in TIMING_FIELDS[type(instance)])


def remember_timing(sender, instance, **kwargs):
    instance._embargo_timing = _timing(instance)


def documents_placed_by(instance):
    if isinstance(instance, Slot):
        return documents_of_slot(instance)
    if isinstance(instance, Day):
        return Document.objects.filter(Q(slot__day=instance) | Q(appearance__slot__day=instance))
    return Document.objects.filter(
        Q(slot__day__event=instance) | Q(appearance__slot__day__event=instance)
    )


def retimed(sender, instance, created=False, raw=False, **kwargs):
    timing = _timing(instance)
    if raw or created or getattr(instance, "_embargo_timing", timing) == timing:
        instance._embargo_timing = timing
        return
    instance._embargo_timing = timing
    refresh_embargo_lifts(documents_placed_by(instance))


def document_saved(sender, instance, raw=False, **kwargs):
    if instance.embargoed_until_delivered:
        forget_next_lift()


for model in TIMING_FIELDS:
    uid = f"plenary_embargo_{model._meta.label_lower}"
    post_init.connect(remember_timing, sender=model, dispatch_uid=f"{uid}_post_init")
    post_save.connect(retimed, sender=model, dispatch_uid=f"{uid}_post_save")
post_save.connect(document_saved, sender=Document, dispatch_uid="plenary_embargo_document_saved")
