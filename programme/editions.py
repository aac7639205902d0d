"""A new edition of an event: its days moved to new dates, its slots, optionally its people."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from conference.enums import EventStatus
from conference.models import Event
from programme.models import Appearance, Slot

# Fields of an appearance that describe the person as printed on that programme.
DESIGNATION_FIELDS = ("honorific", "position", "organisation", "country", "designation")


class EditionError(Exception):
    """The new edition cannot be made; `field` names the form field it concerns, if any."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def _translated_names(model, name):
    """“title” and its “title_en”, “title_fr” … columns, as modeltranslation adds them."""
    return [
        field.attname
        for field in model._meta.concrete_fields
        if field.attname == name or field.attname.startswith(f"{name}_")
    ]


def _copy(obj, **changes):
    """An unsaved copy of a row with every column (translations included), then `changes`."""
    copy = type(obj).objects.get(pk=obj.pk)
    copy.pk = None
    copy.id = None
    copy._state.adding = True
    for name, value in changes.items():
        setattr(copy, name, value)
    return copy


@transaction.atomic
def duplicate_event(
    event,
    *,
    slug,
    title,
    start_date,
    edition="",
    copy_appearances=False,
    copy_designations=True,
):
    """Copy `event` as a draft with a new slug; days shift by (start_date - event.start_date).

    Slots are copied with their translations (roles are shared by all events). People in
    slots are copied when asked, with their designations as printed when asked. Documents,
    photos and video addresses are not copied: they belong to the edition that took place.
    """
    try:
        validate_slug(slug)
    except ValidationError:
        raise EditionError(_("Enter a valid slug: letters, digits, hyphens."), "slug") from None
    if Event.objects.filter(slug=slug).exists():
        raise EditionError(_("Another event already uses this slug."), "slug")
    offset = start_date - event.start_date
    new_event = _copy(
        event,
        slug=slug,
        status=EventStatus.DRAFT,
        published_at=None,
        start_date=event.start_date + offset,
        end_date=event.end_date + offset,
        version=1,
    )
    # The new title and edition are entered in the admin's language; other languages restart.
    for name in _translated_names(Event, "title") + _translated_names(Event, "edition"):
        setattr(new_event, name, "")
    new_event.title = title
    new_event.title_en = new_event.title_en or title
    new_event.edition = edition
    new_event.edition_en = new_event.edition_en or edition
    try:
        with transaction.atomic():
            new_event.save()
    except IntegrityError:
        raise EditionError(_("Another event already uses this slug."), "slug") from None

    slots = Slot.objects.filter(day__event=event).order_by("order", "pk")
    by_day = {}
    for slot in slots:
        by_day.setdefault(slot.day_id, []).append(slot)
    for day in event.days.order_by("date"):
        new_day = _copy(day, event=new_event, date=day.date + offset)
        new_day.save()
        for slot in by_day.get(day.pk, []):
            new_slot = _copy(slot, day=new_day, video_url="", version=1)
            new_slot.save()
            if copy_appearances:
                _copy_appearances(slot, new_slot, copy_designations)
    return new_event


def _copy_appearances(slot, new_slot, copy_designations):
    for appearance in slot.appearances.order_by("order", "pk"):
        if copy_designations:
            copy = _copy(appearance, slot=new_slot, version=1)
        else:
            copy = Appearance(
                slot=new_slot,
                person_id=appearance.person_id,
                role_id=appearance.role_id,
                order=appearance.order,
            )
        copy.save()
