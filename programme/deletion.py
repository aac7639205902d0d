"""What goes with an event, a day, a slot or an appearance when it is deleted, leaves first.

Each function returns ``[(model, queryset, "delete" | "detach")]`` for
``core.deletion.ConfirmedDeleteMixin``: "detach" rows (photos) stay with the event and lose
their slot.
"""

from django.db.models import Q

from documents.models import Document, Photo
from programme.models import Appearance, Slot


def children_of_event(event):
    """Everything deleted with an event, leaves first."""
    documents = Document.objects.filter(
        Q(event=event) | Q(slot__day__event=event) | Q(appearance__slot__day__event=event)
    )
    return [
        (Document, documents.order_by("pk"), "delete"),
        (Photo, Photo.objects.filter(event=event).order_by("pk"), "delete"),
        (
            Appearance,
            Appearance.objects.filter(slot__day__event=event).select_related("person", "role"),
            "delete",
        ),
        (
            Slot,
            Slot.objects.filter(day__event=event).order_by("day__date", "order", "start_time"),
            "delete",
        ),
        (event.days.model, event.days.order_by("date"), "delete"),
    ]


def children_of_day(day):
    documents = Document.objects.filter(Q(slot__day=day) | Q(appearance__slot__day=day))
    return [
        (Document, documents.order_by("pk"), "delete"),
        (
            Appearance,
            Appearance.objects.filter(slot__day=day).select_related("person", "role"),
            "delete",
        ),
        (Photo, Photo.objects.filter(slot__day=day).order_by("pk"), "detach"),
        (Slot, day.slots.order_by("order", "start_time"), "delete"),
    ]


def children_of_slot(slot):
    """Everything deleted with a slot, leaves first; its photos stay with the event."""
    documents = Document.objects.filter(Q(slot=slot) | Q(appearance__slot=slot))
    return [
        (Document, documents.order_by("pk"), "delete"),
        (Appearance, slot.appearances.select_related("person", "role"), "delete"),
        (Photo, slot.photos.order_by("pk"), "detach"),
    ]


def children_of_appearance(appearance):
    return [(Document, appearance.documents.order_by("pk"), "delete")]
