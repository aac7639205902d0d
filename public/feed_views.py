"""Exports and statistics for staff; calendar, frab, JSON and PDF feeds for everyone."""

import functools
import logging

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from conference.models import Event, EventSeries
from conference.visibility import can_see_unpublished
from core.cache import cached_public_page
from core.collection import collection_paused
from programme import list_of_speakers
from programme.changes import change_counts
from programme.exports import EXPORTS, csv_response, without_private_columns
from programme.feeds import frab, ical, programme_json
from programme.feeds.data import programme_data
from programme.feeds.pdf import pdf_unavailable_reason, render_pdf, render_programme_pdf
from programme.feeds.queries import (
    FEEDS_PRINTING_ALL,
    agenda_slot_ids,
    public_event_documents,
    public_programme_for_feeds,
    slot_for_feed,
    slots_for_agenda,
)
from programme.links import base_url_for
from programme.statistics import STATISTICS_COLUMNS, compute_statistics
from programme.workbooks import role_labels, workbook_response, write_workbook

XLSX = "xlsx"
logger = logging.getLogger(__name__)
# A programme PDF that failed is not rendered again for this long (seconds): a failing render
# would otherwise tie up a worker on every request.
PDF_FAILURE_SECONDS = 60


def permission_required(view):
    """Log-in first (to the admin log-in page), then the permission to see unpublished
    content (conference.visibility: the view permission on events), not mere staff status:
    anyone else gets 403. Exports check the permissions of what they show on top."""

    @functools.wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not can_see_unpublished(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


# What each export shows, beyond the events (checked by permission_required).
EXPORT_PERMISSIONS = {
    "participants": ("programme.view_slot", "programme.view_appearance", "speakers.view_person"),
    "programme": ("programme.view_slot", "programme.view_appearance"),
    "documents": ("documents.view_document",),
    "people": ("speakers.view_person",),
}
# Private columns (never on a public page): only for those who may change people, as in the
# people spreadsheet export (speakers.resources.PersonWithPrivateFieldsResource).
PRIVATE_FIELDS_PERMISSION = "speakers.change_person"


def _export(request, owner, events, kind, file_format, *, series_events=None):
    export = EXPORTS.get(kind)
    if export is None:
        raise Http404(_("There is no export called “%(kind)s”.") % {"kind": kind})
    if not request.user.has_perms(EXPORT_PERMISSIONS.get(kind, ())):
        raise PermissionDenied
    if file_format == XLSX:
        header, rows = export.table(events, base_url_for(request))
    else:  # every cell as the CSV writes it, the repeated ones worked out once
        header, rows = export.csv_table(events, base_url_for(request))
    if not request.user.has_perm(PRIVATE_FIELDS_PERMISSION):
        header, rows = without_private_columns(header, rows)
    if file_format == XLSX:
        content = write_workbook(
            header,
            rows,
            title=export.label,
            events=series_events,
            role_labels=role_labels() if kind == "people" else None,
        )
        return workbook_response(content, export.filename(owner, XLSX))
    return csv_response(header, rows, export.filename(owner), neutralised=True)


def _series_events(request, series):
    """The series' events in date order; drafts only with ?include=drafts."""
    events = series.events.order_by("start_date", "pk")
    if request.GET.get("include") != "drafts":
        events = events.published()
    return events


@require_safe
@permission_required
def event_export(request, slug, kind, file_format="csv"):
    event = get_object_or_404(Event, slug=slug)
    return _export(request, event, Event.objects.filter(pk=event.pk), kind, file_format)


@require_safe
@permission_required
def series_export(request, slug, kind, file_format="csv"):
    series = get_object_or_404(EventSeries, slug=slug)
    events = _series_events(request, series)
    series_events = list(events) if file_format == XLSX else None
    return _export(request, series, events, kind, file_format, series_events=series_events)


def _statistics(request, owner, events, *, series, as_csv, file_format="csv"):
    statistics = compute_statistics(events, multiple_events=series)
    if file_format == XLSX:
        content = write_workbook(
            STATISTICS_COLUMNS, statistics.rows_for_csv(), title=_("Statistics")
        )
        return workbook_response(content, f"{owner.slug}-statistics.xlsx")
    if as_csv:
        return csv_response(
            STATISTICS_COLUMNS, statistics.rows_for_csv(), f"{owner.slug}-statistics.csv"
        )
    return render(
        request,
        "programme/statistics.html",
        {"owner": owner, "is_series": series, "statistics": statistics},
    )


@require_safe
@permission_required
def event_statistics(request, slug, as_csv=False, file_format="html"):
    event = get_object_or_404(Event, slug=slug)
    return _statistics(
        request,
        event,
        Event.objects.filter(pk=event.pk),
        series=False,
        as_csv=as_csv,
        file_format=file_format,
    )


@require_safe
@permission_required
def series_statistics(request, slug, as_csv=False, file_format="html"):
    series = get_object_or_404(EventSeries, slug=slug)
    return _statistics(
        request,
        series,
        series.events.all(),
        series=True,
        as_csv=as_csv,
        file_format=file_format,
    )


def _pdf_unavailable(request, event):
    """503 with WeasyPrint's error, when its system libraries are missing."""
    return render(
        request,
        "programme/pdf_unavailable.html",
        {"event": event, "reason": pdf_unavailable_reason()},
        status=503,
    )


LIST_OF_SPEAKERS_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@require_safe
@permission_required
def event_list_of_speakers(request, slug, file_format):
    """The list of speakers by delegation (PDF, Word or Excel), drafts included."""
    event = get_object_or_404(Event, slug=slug)
    sections = list_of_speakers.build_list_of_speakers(event)
    if file_format == "pdf":
        if pdf_unavailable_reason() is not None:
            return _pdf_unavailable(request, event)
        content = render_pdf(
            "programme/list_of_speakers_pdf.html",
            {
                "event": event,
                "title": list_of_speakers.meeting_title(event),
                "dates": list_of_speakers.meeting_dates(event),
                "venue": list_of_speakers.meeting_venue(event),
                "sections": sections,
                "base_url": base_url_for(request),
            },
        )
    elif file_format == "docx":
        content = list_of_speakers.write_docx(event, sections)
    else:
        content = list_of_speakers.write_xlsx(event, sections)
    response = HttpResponse(content, content_type=LIST_OF_SPEAKERS_TYPES[file_format])
    disposition = "inline" if file_format == "pdf" else "attachment"
    filename = list_of_speakers.filename(event, file_format)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


# Feeds: published events for everyone; staff also open drafts, as on the programme page --------


def _visible_event(request, slug):
    return get_object_or_404(Event.objects.visible_to(request.user), slug=slug)


def _private_for_drafts(event, response):
    """A draft's feed is for staff only: never kept by a shared cache."""
    if not event.is_published:
        patch_cache_control(response, private=True, no_store=True)
    return response


def _calendar_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _programme_data(request, event, feed, *, with_event_documents=False):
    """programme_data() of the event, read for the ``feed`` (programme.feeds.queries:
    "calendar", "frab" or FEEDS_PRINTING_ALL)."""
    documents = public_event_documents(event) if with_event_documents else ()
    return programme_data(
        event,
        public_programme_for_feeds(event, feed),
        base_url_for(request),
        documents,
        changes=change_counts(event),
    )


@require_safe
@cached_public_page("event")
@collection_paused()
def event_ics(request, slug):
    event = _visible_event(request, slug)
    body = ical.calendar(
        event, _programme_data(request, event, "calendar").slots, request.get_host()
    )
    return _private_for_drafts(event, _calendar_response(body, f"{event.slug}.ics"))


@require_safe
@cached_public_page("event")
@collection_paused()
def slot_ics(request, slug, pk):
    event = _visible_event(request, slug)
    rows = slot_for_feed(event, pk)
    if rows is None:
        raise Http404(_("This event has no such slot."))
    changes = change_counts(event)
    slots = programme_data(event, rows, base_url_for(request), changes=changes).slots
    body = ical.calendar(event, slots, request.get_host())
    return _private_for_drafts(event, _calendar_response(body, f"{event.slug}-session-{pk}.ics"))


@require_safe
@cached_public_page("event", query=("slots",))
@collection_paused()
def agenda_ics(request, slug):
    """A visitor's personal agenda: the slots named in ``?slots=12,15,19`` (kept in their
    browser, never on the server). A calendar app subscribed to this address gets the
    slots as they are now, so it follows the programme's changes. Cached per address."""
    event = _visible_event(request, slug)
    rows = slots_for_agenda(event, agenda_slot_ids(request.GET.get("slots")))
    changes = change_counts(event)
    slots = programme_data(event, rows, base_url_for(request), changes=changes).slots
    body = ical.calendar(event, slots, request.get_host())
    return _private_for_drafts(event, _calendar_response(body, f"{event.slug}-my-agenda.ics"))


@require_safe
@cached_public_page("event")
@collection_paused()
def event_frab_json(request, slug):
    event = _visible_event(request, slug)
    schedule = frab.frab_schedule(_programme_data(request, event, "frab"), base_url_for(request))
    return _private_for_drafts(
        event, HttpResponse(frab.frab_schedule_json(schedule), content_type="application/json")
    )


@require_safe
@cached_public_page("event")
@collection_paused()
def event_frab_xml(request, slug):
    event = _visible_event(request, slug)
    schedule = frab.frab_schedule(_programme_data(request, event, "frab"), base_url_for(request))
    return _private_for_drafts(
        event,
        HttpResponse(
            frab.frab_schedule_xml(schedule), content_type="application/xml; charset=utf-8"
        ),
    )


@require_safe
@cached_public_page("event")
@collection_paused()
def event_json(request, slug):
    event = _visible_event(request, slug)
    data = _programme_data(request, event, FEEDS_PRINTING_ALL, with_event_documents=True)
    return _private_for_drafts(
        event,
        HttpResponse(
            programme_json.programme_json_bytes(data, base_url_for(request)),
            content_type="application/json; charset=utf-8",
        ),
    )


@require_safe
@cached_public_page("event")
def event_pdf(request, slug):
    event = _visible_event(request, slug)
    if pdf_unavailable_reason() is not None:
        return _pdf_unavailable(request, event)
    failed_key = f"plenary:pdf-failed:{event.slug}:{get_language()}"
    if cache.get(failed_key):
        return _pdf_failed(request, event)
    data = _programme_data(request, event, FEEDS_PRINTING_ALL, with_event_documents=True)
    try:
        content = render_programme_pdf(data, base_url_for(request))
    except Exception:  # WeasyPrint's errors have no common class; the page must answer anyway
        logger.exception("The PDF of %s could not be made", event.slug)
        cache.set(failed_key, True, PDF_FAILURE_SECONDS)
        return _pdf_failed(request, event)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{event.slug}.pdf"'
    return _private_for_drafts(event, response)


def _pdf_failed(request, event):
    """503 with a plain message; the failure is remembered for PDF_FAILURE_SECONDS."""
    response = render(request, "programme/pdf_failed.html", {"event": event}, status=503)
    response["Retry-After"] = str(PDF_FAILURE_SECONDS)
    return _private_for_drafts(event, response)
