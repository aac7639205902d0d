"""The programme editor's changes: each one small form, checked, saved and recorded in history."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from conference.models import Day
from core.history import bump_versions
from documents.models import Document
from programme.deletion import children_of_appearance, children_of_day, children_of_slot
from programme.editor import forms
from programme.editor.queries import editor_roles, next_order, person_named
from programme.editor.views import (
    Outcome,
    delete_with_children,
    editor_change,
    locked,
    save_locked,
)
from programme.models import Appearance, Slot


def _day(event, pk):
    return get_object_or_404(Day, pk=pk, event=event)


def _slot(event, pk):
    return get_object_or_404(Slot.objects.select_related("day"), pk=pk, day__event=event)


def _appearance(event, pk):
    queryset = Appearance.objects.select_related("slot", "person", "role")
    return get_object_or_404(queryset, pk=pk, slot__day__event=event)


# Days ------------------------------------------------------------------------------------------


@editor_change
def add_day(request, event):
    form = forms.DayForm(request.POST, event=event, id_prefix="newday")
    if not form.is_valid():
        return Outcome(failed=("add-day", None, form), focus=("add-day",))
    day = form.save()
    return Outcome(comment=_("added the day %(day)s.") % {"day": day}, focus=("day", day.pk))


@editor_change
def edit_day(request, event, pk):
    day = _day(event, pk)
    form = forms.DayForm(request.POST, instance=day, event=event, id_prefix=f"day{pk}")
    if not form.is_valid():
        return Outcome(failed=("day-edit", pk, form))
    form.save()
    bump_versions([day])  # a Day admin page opened before this cannot overwrite it
    return Outcome(comment=_("changed the day %(day)s.") % {"day": day}, focus=("day", pk))


@editor_change
def delete_day(request, event, pk):
    day = _day(event, pk)
    after = delete_with_children(day, children_of_day(day))
    return Outcome(comment=_("deleted the day %(day)s.") % {"day": day}, after=after)


# Slots -----------------------------------------------------------------------------------------


@editor_change
def add_slot(request, event, pk):
    day = _day(event, pk)
    form = forms.SlotForm(request.POST, day=day, id_prefix=f"day{pk}-newslot")
    if not form.is_valid():
        return Outcome(failed=("slot-add", pk, form))
    form.instance.order = next_order(day.slots.all())
    slot = form.save()
    return Outcome(
        comment=_("added the slot “%(slot)s”.") % {"slot": slot},
        focus=("slot", slot.pk, "new-name"),
    )


def _edit_slot(request, event, pk, form_class, kind, prefix):
    slot = _slot(event, pk)
    extra = {"day": slot.day} if form_class is forms.SlotEditForm else {}
    form = locked(form_class(request.POST, instance=slot, id_prefix=prefix, **extra), Slot)
    if not form.is_valid():
        return Outcome(failed=(kind, pk, form), focus=("slot", pk))
    save_locked(form)
    return Outcome(comment=_("changed the slot “%(slot)s”.") % {"slot": slot}, focus=("slot", pk))


@editor_change
def edit_slot(request, event, pk):
    return _edit_slot(request, event, pk, forms.SlotEditForm, "slot-edit", f"slot{pk}")


@editor_change
def set_video(request, event, pk):
    return _edit_slot(request, event, pk, forms.VideoForm, "slot-video", f"slot{pk}-video")


@editor_change
def move_slot(request, event, pk):
    """Up or down one place, or to a position (drag and drop), within its day."""
    slot = _slot(event, pk)
    slots = list(slot.day.slots.order_by("order", "start_time", "pk"))
    index = slots.index(slot)
    direction = request.POST.get("direction")
    if direction == "up":
        target = index - 1
    elif direction == "down":
        target = index + 1
    else:
        try:
            target = int(request.POST.get("position", ""))
        except ValueError:
            target = index
    target = max(0, min(target, len(slots) - 1))
    slots.insert(target, slots.pop(index))
    for order, row in enumerate(slots):
        if row.order != order:
            row.order = order
            row.save(update_fields=["order", "updated_at"])
    return Outcome(
        comment=_("moved the slot “%(slot)s”.") % {"slot": slot},
        focus=("slot", pk, f"move-{direction}" if direction in ("up", "down") else "move"),
    )


@editor_change
def delete_slot(request, event, pk):
    slot = _slot(event, pk)
    after = delete_with_children(slot, children_of_slot(slot))
    return Outcome(
        comment=_("deleted the slot “%(slot)s”.") % {"slot": slot},
        focus=("day", slot.day_id),
        after=after,
    )


# People ----------------------------------------------------------------------------------------


@editor_change
def add_appearance(request, event, pk):
    slot = _slot(event, pk)
    data = request.POST.copy()
    if not data.get("person_id"):
        # Without script (no suggestions picked), a name already known is that person.
        known = person_named(forms.split_honorific(data.get("name", ""))[1])
        if known is not None:
            data["person_id"] = known.pk
    form = forms.AppearanceAddForm(data, slot=slot, roles=editor_roles(), id_prefix=f"slot{pk}-new")
    if not form.is_valid():
        return Outcome(failed=("person-add", pk, form), focus=("slot", pk, "new-name"))
    form.instance.order = next_order(slot.appearances.all())
    appearance = form.save()
    return Outcome(
        comment=_("added %(person)s to “%(slot)s”.") % {"person": appearance.person, "slot": slot},
        focus=("slot", pk, "new-name"),
    )


@editor_change
def edit_appearance(request, event, pk):
    appearance = _appearance(event, pk)
    form = forms.AppearanceEditForm(
        request.POST, instance=appearance, roles=editor_roles(), id_prefix=f"appearance{pk}"
    )
    locked(form, Appearance)
    if not form.is_valid():
        return Outcome(failed=("appearance-edit", pk, form), focus=("appearance", pk))
    save_locked(form)
    return Outcome(
        comment=_("changed %(person)s in “%(slot)s”.")
        % {"person": appearance.person, "slot": appearance.slot},
        focus=("appearance", pk),
    )


@editor_change
def delete_appearance(request, event, pk):
    appearance = _appearance(event, pk)
    after = delete_with_children(appearance, children_of_appearance(appearance))
    return Outcome(
        comment=_("removed %(person)s from “%(slot)s”.")
        % {"person": appearance.person, "slot": appearance.slot},
        focus=("slot", appearance.slot_id, "new-name"),
        after=after,
    )


# Documents -------------------------------------------------------------------------------------


def _add_document(request, *, slot=None, appearance=None):
    owner = appearance or slot
    kind = "appearance-document" if appearance else "slot-document"
    prefix = f"{'appearance' if appearance else 'slot'}{owner.pk}-doc"
    form = forms.DocumentForm(
        request.POST, request.FILES, slot=slot, appearance=appearance, id_prefix=prefix
    )
    focus = ("appearance" if appearance else "slot", owner.pk)
    if not form.is_valid():
        return Outcome(failed=(kind, owner.pk, form), focus=focus)
    form.instance.order = next_order(owner.documents.all())
    document = form.save()
    if document.is_placeholder:
        comment = _("marked “%(document)s” as awaited for %(owner)s.")
    else:
        comment = _("attached “%(document)s” to %(owner)s.")
    return Outcome(comment=comment % {"document": document, "owner": owner}, focus=focus)


@editor_change
def add_slot_document(request, event, pk):
    return _add_document(request, slot=_slot(event, pk))


@editor_change
def add_appearance_document(request, event, pk):
    return _add_document(request, appearance=_appearance(event, pk))


@editor_change
def delete_document(request, event, pk):
    document = get_object_or_404(
        Document.objects.filter(slot__day__event=event)
        | Document.objects.filter(appearance__slot__day__event=event),
        pk=pk,
    )
    after = delete_with_children(document, [])
    focus = ("appearance", document.appearance_id) if document.appearance_id else ()
    if document.slot_id:
        focus = ("slot", document.slot_id)
    return Outcome(
        comment=_("deleted the document “%(document)s”.") % {"document": document},
        focus=focus,
        after=after,
    )


# Publishing ------------------------------------------------------------------------------------


@editor_change
def publish(request, event):
    """Publish or, with action=unpublish, take back to draft; refused on a stale page."""
    form = locked(forms.PublishForm(request.POST, instance=event, id_prefix="publish"), type(event))
    if not form.is_valid():
        return Outcome(failed=("publish", None, form), focus=("publish",))
    if request.POST.get("action") == "unpublish":
        event.unpublish()
        comment = _("unpublished the event (back to draft).")
    else:
        event.publish()
        comment = _("published the event.")
    save_locked(form)
    return Outcome(comment=comment, focus=("publish",))
