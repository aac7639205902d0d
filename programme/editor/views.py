"""The programme editor: the whole programme on one admin page, as it will print, edited in place.

Every change is one small form posted by htmx (or by the browser alone, without script): it
is checked like the admin's forms, saved with .save() (so the public pages are invalidated by
their signal receivers), recorded in a django-reversion revision with the user and a comment,
and refused when the row changed since the page showed it (the rows' version numbers). The
answer to htmx is the programme re-rendered; without script, a redirect back to the page.
"""

import functools
from dataclasses import dataclass

import reversion
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from conference.models import Event
from programme.designations import designation_line
from programme.editor import forms
from programme.editor.queries import (
    editor_programme,
    editor_roles,
    people_matching,
)

PAGE_TEMPLATE = "admin/conference/event/editor/page.html"
PROGRAMME_TEMPLATE = "admin/conference/event/editor/programme.html"


class ConcurrentEdit(Exception):
    """The row changed between the form's check and its update: nothing is saved."""


@dataclass
class Outcome:
    """What a change did: the revision comment, where focus goes next, a refused form."""

    comment: str = ""
    focus: tuple = ()
    failed: tuple = ()  # (kind, pk, form) of a form to show again with its errors
    after: object = None  # deletions, run once the revision holding the rows is saved

    @property
    def saved(self):
        return not self.failed


# Permissions ---------------------------------------------------------------------------------


def can_edit(model_admin, request, event):
    return model_admin.has_change_permission(request, event)


def editor_event(model_admin, request, event_id):
    """The event, or 403 for staff who may neither view nor change events."""
    event = get_object_or_404(Event, pk=event_id)
    if not model_admin.has_view_or_change_permission(request, event):
        raise PermissionDenied
    return event


# The page and its fragment -------------------------------------------------------------------


def programme_context(model_admin, request, event, outcome=None):
    outcome = outcome or Outcome()
    roles = editor_roles()
    days = editor_programme(event)
    editable = can_edit(model_admin, request, event)
    for day in days:
        _day_forms(day, event, roles, editable)
    failed_kind, failed_pk, failed_form = outcome.failed or (None, None, None)
    _attach_failed(event, days, failed_kind, failed_pk, failed_form)
    focus = outcome.focus or ()
    new_day = forms.DayForm(
        event=event, id_prefix="newday", initial={"date": _next_date(event, days)}
    )
    if failed_kind == "add-day":
        new_day = failed_form
    if editable:
        _apply_focus(days, focus, new_day)
    return {
        "event": event,
        "days": days,
        "roles": roles,
        "editable": editable,
        "focus": "-".join(str(part) for part in focus),
        "new_day_form": new_day,
        "publish_form": forms.PublishForm(instance=event, id_prefix="publish"),
        "saved": outcome.comment if outcome.saved else "",
    }


def _apply_focus(days, focus, new_day):
    """Where the keyboard goes after a change: the next thing one usually types."""
    kind, pk, detail = (*focus, None, None, None)[:3]
    if kind == "add-day":
        new_day.fields["date"].widget.attrs["autofocus"] = True
    for day in days:
        if kind == "day" and day.pk == pk:
            day.new_slot_form.fields["times"].widget.attrs["autofocus"] = True
        for slot in day.slot_list:
            if kind == "slot" and slot.pk == pk:
                if detail == "new-name":
                    slot.new_person_form.fields["name"].widget.attrs["autofocus"] = True
                else:
                    slot.focus = detail or "heading"
            for appearance in slot.appearance_list:
                if kind == "appearance" and appearance.pk == pk:
                    appearance.focus = True


def _day_forms(day, event, roles, editable):
    if not editable:
        return
    day.edit_form = forms.DayForm(instance=day, event=event, id_prefix=f"day{day.pk}")
    day.new_slot_form = forms.SlotForm(day=day, id_prefix=f"day{day.pk}-newslot")
    for slot in day.slot_list:
        prefix = f"slot{slot.pk}"
        slot.edit_form = forms.SlotEditForm(instance=slot, day=day, id_prefix=prefix)
        slot.video_form = forms.VideoForm(instance=slot, id_prefix=f"{prefix}-video")
        default = _default_role(slot, roles)
        slot.new_person_form = forms.AppearanceAddForm(
            slot=slot, roles=roles, default_role=default, id_prefix=f"{prefix}-new"
        )
        slot.document_form = forms.DocumentForm(slot=slot, id_prefix=f"{prefix}-doc")
        for appearance in slot.appearance_list:
            appearance_prefix = f"appearance{appearance.pk}"
            appearance.edit_form = forms.AppearanceEditForm(
                instance=appearance, roles=roles, id_prefix=appearance_prefix
            )
            appearance.document_form = forms.DocumentForm(
                appearance=appearance, id_prefix=f"{appearance_prefix}-doc"
            )


def _default_role(slot, roles):
    """A slot's first person is usually its moderator, as printed; later ones speak."""
    wanted = "Speaker" if slot.appearance_list else "Moderator"
    return next((role for role in roles if role.name == wanted), None)


FORM_ATTRIBUTES = {
    "day-edit": ("day", "edit_form"),
    "slot-add": ("day", "new_slot_form"),
    "slot-edit": ("slot", "edit_form"),
    "slot-video": ("slot", "video_form"),
    "person-add": ("slot", "new_person_form"),
    "slot-document": ("slot", "document_form"),
    "appearance-edit": ("appearance", "edit_form"),
    "appearance-document": ("appearance", "document_form"),
}


def _attach_failed(event, days, kind, pk, form):
    """Put a refused form (with its errors) where the page shows that form."""
    if kind not in FORM_ATTRIBUTES:
        if kind == "publish":
            event.publish_errors = form.non_field_errors()
        return
    owner_kind, attribute = FORM_ATTRIBUTES[kind]
    for day in days:
        owners = {"day": [day]}
        owners["slot"] = day.slot_list
        owners["appearance"] = [a for slot in day.slot_list for a in slot.appearance_list]
        for owner in owners[owner_kind]:
            if owner.pk == pk:
                setattr(owner, attribute, form)
                owner.open_form = kind


def _next_date(event, days):
    taken = {day.date for day in days}
    date = event.start_date
    while date in taken and date < event.end_date:
        date = date.fromordinal(date.toordinal() + 1)
    return date


def editor_page(model_admin, request, event_id):
    event = editor_event(model_admin, request, event_id)
    context = {
        **model_admin.admin_site.each_context(request),
        **programme_context(model_admin, request, event),
        "opts": Event._meta,
        "original": event,
        "title": _("Programme editor: %(event)s") % {"event": event},
        "has_view_permission": True,
    }
    return render(request, PAGE_TEMPLATE, context)


def people_suggestions(model_admin, request, event_id):
    """People whose name matches what was typed, with their current position and organisation."""
    editor_event(model_admin, request, event_id)
    results = []
    for person in people_matching(request.GET.get("term", "")[:100]):
        organisation = person.organisation if person.organisation_id else None
        results.append(
            {
                "id": person.pk,
                "name": person.full_name,
                "honorific": person.get_honorific_display() if person.honorific else "",
                "details": designation_line(person.position, organisation, person.country),
            }
        )
    return JsonResponse({"results": results})


# Every change goes through one door -------------------------------------------------------------


def editor_change(action):
    """A POST that changes the programme: permission, transaction, revision, answer."""

    @functools.wraps(action)
    def view(model_admin, request, event_id, **kwargs):
        event = editor_event(model_admin, request, event_id)
        if not can_edit(model_admin, request, event):
            raise PermissionDenied
        try:
            with transaction.atomic():
                with reversion.create_revision():
                    reversion.set_user(request.user)
                    outcome = action(request, event, **kwargs)
                    if outcome.saved:
                        reversion.set_comment(
                            _("Programme editor: %(change)s") % {"change": outcome.comment}
                        )
                if outcome.after is not None:
                    outcome.after()
                if not outcome.saved:
                    transaction.set_rollback(True)
        except ConcurrentEdit:
            outcome = Outcome(focus=(), failed=("conflict", None, None))
            messages.error(request, _("Someone else saved at the same moment: nothing was saved."))
        event.refresh_from_db()
        if request.headers.get("HX-Request") == "true":
            context = programme_context(model_admin, request, event, outcome)
            return render(request, PROGRAMME_TEMPLATE, context)
        if outcome.failed and outcome.failed[2] is not None:
            form = outcome.failed[2]
            for error in [*form.non_field_errors(), *_field_errors(form)]:
                messages.error(request, error)
        anchor = "-".join(str(part) for part in outcome.focus[:2]) if outcome.focus else ""
        url = reverse("admin:conference_event_programme", args=[event.pk])
        return HttpResponseRedirect(f"{url}#{anchor}" if anchor else url)

    view.changes_data = True
    return view


def _field_errors(form):
    return [
        f"{form.fields[name].label}: {error}" if name in form.fields else error
        for name, errors in form.errors.items()
        if name != "__all__"
        for error in errors
    ]


def locked(form, model):
    """Give a LockingFormMixin form the row's version as the database holds it now."""
    pk = form.instance.pk
    form.current_version = lambda: (
        model._base_manager.select_for_update().filter(pk=pk).values_list("version", flat=True)
    ).first()
    return form


def save_locked(form):
    """Save a checked form, moving the row from the version it was checked at to the next."""
    obj = form.instance
    checked = getattr(form, "checked_version", None)
    if obj.pk is not None and checked is not None:
        updated = (
            type(obj)._base_manager.filter(pk=obj.pk, version=checked).update(version=checked + 1)
        )
        if updated != 1:
            raise ConcurrentEdit
        obj.version = checked + 1
    return form.save()


def delete_with_children(obj, children):
    """Put the row and what goes with it in the revision (saved while they all still exist),
    and return the deletion, leaves first, to run after it: Recover brings it all back."""
    groups = [(model, list(rows), how) for model, rows, how in children]
    reversion.add_to_revision(obj)
    for _model, rows, _how in groups:
        for row in rows:
            reversion.add_to_revision(row)

    def delete():
        for _model, rows, how in groups:
            for row in rows:
                if how == "detach":
                    row.slot = None
                    row.save(update_fields=["slot"])
                else:
                    row.delete()
        obj.delete()

    return delete
