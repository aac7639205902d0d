"""Admin pages for people: merge duplicates; record genders suggested by honorifics."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.cache import bulk_changes
from programme.merge import MergeError, merge_people, reversion_available
from speakers.enums import Gender
from speakers.genders import suggested_gender
from speakers.models import Person


class MergeForm(forms.Form):
    keep = forms.TypedChoiceField(
        label=gettext_lazy("Person to keep"), coerce=int, widget=forms.RadioSelect
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].choices = [(person.pk, person.full_name) for person in people]


def _selected_ids(request):
    raw = request.POST.get("ids") or request.GET.get("ids") or ""
    ids = []
    for part in raw.split(","):
        part = part.strip()
        if part.isdigit():
            ids.append(int(part))
    return sorted(set(ids))


def merge_people_view(model_admin, request):
    if not model_admin.has_merge_permission(request):
        raise PermissionDenied
    changelist = reverse("admin:speakers_person_changelist")
    ids = _selected_ids(request)
    people = list(
        Person.objects.filter(pk__in=ids)
        .select_related("organisation")
        .annotate(appearance_count=Count("appearances"))
        .order_by("-appearance_count", "pk")
    )
    if len(people) < 2:
        model_admin.message_user(
            request, _("Select at least two people to merge."), messages.WARNING
        )
        return HttpResponseRedirect(changelist)
    form = MergeForm(request.POST or None, people=people, initial={"keep": people[0].pk})
    if request.method == "POST" and form.is_valid():
        keep = next(person for person in people if person.pk == form.cleaned_data["keep"])
        others = [person for person in people if person.pk != keep.pk]
        try:
            # The merge saves its own revision (the state before); the page cache is
            # invalidated once at the end.
            with bulk_changes():
                summary = merge_people(keep, others, user=request.user)
        except MergeError as error:
            form.add_error(None, str(error))
        else:
            model_admin.log_change(request, keep, summary["comment"])
            message = _(
                "%(count)s people merged into %(name)s: %(moved)s appearances moved, "
                "%(combined)s combined with the same role in the same slot."
            ) % {
                "count": len(others),
                "name": keep.full_name,
                "moved": summary["moved"],
                "combined": summary["combined"],
            }
            if summary["revision"]:
                message += " " + _("To undo, revert the version “Merged people …” in its history.")
            model_admin.message_user(request, message, messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:speakers_person_change", args=[keep.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Merge people"),
        "people": people,
        "form": form,
        "ids": ",".join(str(person.pk) for person in people),
        "undo_available": reversion_available(),
    }
    return TemplateResponse(request, "admin/speakers/person/merge.html", context)


def gender_suggestions(queryset):
    """(person, printed honorifics, suggested Gender) for people whose gender is not recorded.

    One query: the person's own honorific and the honorific printed for each appearance.
    """
    people, honorifics = {}, {}
    rows = (
        queryset.filter(gender=Gender.NOT_RECORDED)
        .order_by("family_names", "given_names", "pk")
        .values_list("pk", "given_names", "family_names", "honorific", "appearances__honorific")
    )
    for pk, given_names, family_names, honorific, printed in rows:
        people.setdefault(pk, Person(pk=pk, given_names=given_names, family_names=family_names))
        seen = honorifics.setdefault(pk, [])
        for value in (honorific, printed):
            if value and value not in seen:
                seen.append(value)
    return [
        (person, honorifics[pk], suggested_gender(honorifics[pk])) for pk, person in people.items()
    ]


def suggest_genders_view(model_admin, request, queryset):
    """The action's confirmation page; on confirmation, save the genders ticked there."""
    suggestions = gender_suggestions(queryset)
    if "apply" in request.POST:
        chosen = {int(pk) for pk in request.POST.getlist("person") if pk.isdigit()}
        saved = 0
        for person, _honorifics, gender in suggestions:
            if gender is None or person.pk not in chosen:
                continue
            updated = Person.objects.filter(pk=person.pk, gender=Gender.NOT_RECORDED).update(
                gender=gender, version=F("version") + 1
            )
            if updated:
                model_admin.log_change(
                    request,
                    person,
                    _("Gender set to %(gender)s from the printed honorific.")
                    % {"gender": Gender(gender).label},
                )
                saved += updated
        model_admin.message_user(
            request,
            ngettext(
                "Gender recorded for %(count)d person.",
                "Gender recorded for %(count)d people.",
                saved,
            )
            % {"count": saved},
            messages.SUCCESS,
        )
        return None
    if not suggestions:
        model_admin.message_user(
            request, _("Every selected person already has a gender recorded."), messages.INFO
        )
        return None
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Suggest genders from honorifics"),
        "suggestions": [
            {"person": person, "honorifics": honorifics, "gender": gender}
            for person, honorifics, gender in suggestions
        ],
        "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
        "action": request.POST.get("action", ""),
    }
    return TemplateResponse(request, "admin/speakers/person/suggest_genders.html", context)
