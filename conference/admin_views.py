"""Admin pages of an event beyond its form: import a programme from text, start a new edition."""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.core.validators import validate_slug
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from conference.models import Event
from core.history import bulk_revision
from programme.editions import EditionError, duplicate_event
from programme.import_checks import (
    DateChangeNotConfirmed,
    check_plan,
    date_refusal,
    lines_to_check,
    mark_people_to_check,
    published_date_change,
)
from programme.importer import ProgrammeImportError, build_plan, import_programme
from programme.importer.sources import SourceError, read_upload
from programme.parser import parse_programme, split_lines

MAX_TEXT_LENGTH = 200_000
# A longer preview shows its first slots, and only the unplaced lines of the text: printing
# every slot of a programme of 4,500 took longer than a request may last. Its summary, notes
# and list of unplaced lines still count and name everything; the import writes everything.
PREVIEW_MAX_SLOTS = 300
PREVIEW_MAX_LINES = 1_000


class ProgrammeTextForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Programme as text"),
        max_length=MAX_TEXT_LENGTH,
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 30, "cols": 100, "spellcheck": "false"}),
        help_text=gettext_lazy(
            "Paste the programme as it is written: day headings, time slots, role labels, "
            "people with their designations and document markers such as (Remarks)."
        ),
    )
    file = forms.FileField(
        label=gettext_lazy("Or a file"),
        required=False,
        help_text=gettext_lazy(
            "A Word document (.docx), a PDF with text, or a plain text file. Its text "
            "replaces the text above; you see it in the preview before anything is written."
        ),
    )
    year = forms.IntegerField(
        label=gettext_lazy("Year"),
        required=False,
        min_value=1900,
        max_value=2100,
        help_text=gettext_lazy("The year of dates printed without one."),
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload:
            try:
                text = read_upload(upload)
            except SourceError as error:
                self.add_error("file", str(error))
                return cleaned
            if len(text) > MAX_TEXT_LENGTH:
                self.add_error(
                    "file",
                    _(
                        "The file holds %(length)s characters of text; the most accepted is "
                        "%(limit)s. Import it in parts."
                    )
                    % {"length": len(text), "limit": MAX_TEXT_LENGTH},
                )
                return cleaned
            cleaned["text"] = text
        elif "text" in cleaned and not cleaned["text"].strip():
            self.add_error("text", _("Paste the programme's text, or choose a file."))
        return cleaned


class ConfirmProgrammeForm(ProgrammeTextForm):
    """The same text, carried in hidden fields from the preview to the confirmation."""

    text = forms.CharField(max_length=MAX_TEXT_LENGTH, strip=False, widget=forms.HiddenInput)
    file = None
    year = forms.IntegerField(
        required=False, min_value=1900, max_value=2100, widget=forms.HiddenInput
    )
    # Shown only when the import would move a published event's dates.
    accept_date_change = forms.BooleanField(
        label=gettext_lazy("I understand the published dates will change"), required=False
    )


def numbered_lines(text, unplaced, to_check=()):
    """The pasted text as (number, line, unplaced, to check) rows, numbered as the parser
    numbers them."""
    unplaced_numbers = {item["line"] for item in unplaced}
    check_numbers = {number for item in to_check for number in item["lines"]}
    return [
        {
            "number": number,
            "text": line,
            "unplaced": number in unplaced_numbers,
            "check": number in check_numbers,
        }
        for number, line in enumerate(split_lines(text), start=1)
    ]


def _event_or_404(model_admin, request, object_id):
    event = model_admin.get_object(request, unquote(object_id))
    if event is None:
        raise Http404(_("There is no event with this address."))
    return event


def import_programme_view(model_admin, request, object_id):
    """Paste → preview (nothing written) → confirm (written in one transaction) or edit again."""
    event = _event_or_404(model_admin, request, object_id)
    if not model_admin.has_change_permission(request, event):
        raise PermissionDenied
    opts = model_admin.model._meta
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": opts,
        "original": event,
        "event": event,
        "title": _("Import programme from text"),
        "change_url": reverse("admin:conference_event_change", args=[event.pk]),
    }
    template = "admin/conference/event/import_programme.html"
    if request.method != "POST":
        form = ProgrammeTextForm(initial={"year": event.start_date.year})
        return TemplateResponse(request, template, {**context, "form": form, "step": "edit"})

    confirming = "_confirm" in request.POST
    if confirming:
        form = ConfirmProgrammeForm(request.POST)
    else:
        form = ProgrammeTextForm(request.POST, request.FILES)
    if not form.is_valid() or "_edit" in request.POST:
        if confirming or "_edit" in request.POST:
            form = ProgrammeTextForm(request.POST)
            form.is_valid()
        return TemplateResponse(request, template, {**context, "form": form, "step": "edit"})

    text, year = form.cleaned_data["text"], form.cleaned_data["year"]
    parsed = parse_programme(text, year=year)
    data = parsed.to_dict()  # what parse_text() gives; the people's confidence is kept aside
    to_check = lines_to_check(parsed, text)
    if confirming:
        accepted = form.cleaned_data.get("accept_date_change", False)
        how_to_allow = _("Tick “I understand the published dates will change” to import.")
        try:
            with bulk_revision(_("Imported from text"), user=request.user):
                result = import_programme(
                    data,
                    event.slug,
                    on_plan=lambda plan: check_plan(
                        plan, date_change_allowed=accepted, how_to_allow=how_to_allow
                    ),
                )
        except DateChangeNotConfirmed as error:
            plan = build_plan(data, event.slug)
            form.add_error("accept_date_change", str(error))
            return _preview(request, template, context, form, plan, text, to_check)
        except ProgrammeImportError as error:
            form = ProgrammeTextForm(request.POST)
            form.is_valid()
            form.add_error(None, str(error))
            return TemplateResponse(request, template, {**context, "form": form, "step": "edit"})
        created = result.created
        if result.changed:
            message = _(
                "Programme imported: %(slots)s new slots, %(appearances)s new appearances, "
                "%(people)s new people, %(documents)s documents awaiting their file."
            ) % {key: created[key] for key in ("slots", "appearances", "people", "documents")}
            model_admin.log_change(request, event, message)
            model_admin.message_user(request, message, messages.SUCCESS)
        else:
            model_admin.message_user(
                request,
                _("Nothing changed: the event already holds this programme."),
                messages.INFO,
            )
        return HttpResponseRedirect(context["change_url"])

    try:
        plan = build_plan(data, event.slug)
    except ProgrammeImportError as error:
        form.add_error(None, str(error))
        return TemplateResponse(request, template, {**context, "form": form, "step": "edit"})
    refusal = date_refusal(plan)
    if refusal:
        form.add_error(None, refusal)
        return TemplateResponse(request, template, {**context, "form": form, "step": "edit"})
    confirm_form = ConfirmProgrammeForm(initial={"text": text, "year": year})
    return _preview(request, template, context, confirm_form, plan, text, to_check)


class _PreviewDay:
    """A day of the plan with the slots the preview prints."""

    def __init__(self, day, slots):
        self.label, self.date, self.is_new, self.slots = day.label, day.date, day.is_new, slots


def _preview_days(plan):
    """(days with at most PREVIEW_MAX_SLOTS slots in all, number of slots left out)."""
    days, room = [], PREVIEW_MAX_SLOTS
    for day in plan.days:
        if room <= 0:
            break
        days.append(_PreviewDay(day, day.slots[:room]))
        room -= len(day.slots)
    return days, max(0, -room)


def _preview(request, template, context, form, plan, text, to_check=()):
    mark_people_to_check(plan, to_check)
    lines = numbered_lines(text, plan.unplaced, to_check)
    all_lines = len(lines)
    if all_lines > PREVIEW_MAX_LINES:
        lines = [line for line in lines if line["unplaced"] or line["check"]]
    days, hidden_slots = _preview_days(plan)
    return TemplateResponse(
        request,
        template,
        {
            **context,
            "step": "preview",
            "form": form,
            "plan": plan,
            "summary": plan.summary(),
            "lines": lines,
            "to_check": to_check,
            "all_lines": all_lines,
            "lines_cut": len(lines) < all_lines,
            "preview_days": days,
            "hidden_slots": hidden_slots,
            "date_change": published_date_change(plan),
        },
    )


# --- New edition -------------------------------------------------------------------------


class NewEditionForm(forms.Form):
    slug = forms.CharField(
        label=gettext_lazy("Slug of the new edition"),
        max_length=100,
        validators=[validate_slug],
        help_text=gettext_lazy("Its public address: /events/<slug>/. Must not be in use."),
    )
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    edition = forms.CharField(
        label=gettext_lazy("Edition"),
        max_length=100,
        required=False,
        help_text=gettext_lazy("For example “Second session”."),
    )
    start_date = forms.DateField(
        label=gettext_lazy("Start date of the new edition"),
        help_text=gettext_lazy(
            "Format YYYY-MM-DD. Every day moves by as many days as the start date."
        ),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    copy_appearances = forms.BooleanField(
        label=gettext_lazy("Copy the people in each slot"), required=False, initial=False
    )
    copy_designations = forms.BooleanField(
        label=gettext_lazy("Keep their designations as printed"),
        required=False,
        initial=True,
        help_text=gettext_lazy(
            "Otherwise each appearance starts from the person's current position."
        ),
    )

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if Event.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("Another event already uses this slug."))
        return slug


def duplicate_event_view(model_admin, request, object_id):
    event = _event_or_404(model_admin, request, object_id)
    if not (
        model_admin.has_add_permission(request) and model_admin.has_view_permission(request, event)
    ):
        raise PermissionDenied
    template = "admin/conference/event/new_edition.html"
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "original": event,
        "event": event,
        "title": _("Duplicate as new edition"),
        "days": event.days.order_by("date"),
    }
    if request.method == "POST":
        form = NewEditionForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                comment = _("Duplicated from %(event)s") % {"event": event.slug}
                with bulk_revision(comment, user=request.user):
                    copy = duplicate_event(
                        event,
                        slug=data["slug"],
                        title=data["title"],
                        edition=data["edition"],
                        start_date=data["start_date"],
                        copy_appearances=data["copy_appearances"],
                        copy_designations=data["copy_designations"],
                    )
            except EditionError as error:
                form.add_error(error.field, str(error))
            else:
                days = copy.days.count()
                message = ngettext(
                    "New edition “%(event)s” created as a draft with %(days)d day.",
                    "New edition “%(event)s” created as a draft with %(days)d days.",
                    days,
                ) % {"event": copy, "days": days}
                model_admin.log_addition(
                    request, copy, _("Duplicated from %(event)s") % {"event": event.slug}
                )
                model_admin.message_user(request, message, messages.SUCCESS)
                return HttpResponseRedirect(
                    reverse("admin:conference_event_change", args=[copy.pk])
                )
    else:
        offset_year = event.start_date.year + 1
        try:
            start = event.start_date.replace(year=offset_year)
        except ValueError:  # 29 February
            start = event.start_date + datetime.timedelta(days=365)
        form = NewEditionForm(
            initial={
                "slug": "",
                "title": event.title,
                "edition": event.edition,
                "start_date": start,
                "copy_designations": True,
            }
        )
    return TemplateResponse(request, template, {**context, "form": form})
