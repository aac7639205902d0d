"""Exports and statistics for staff; calendar, frab, JSON and PDF feeds for everyone."""

import functools
import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from conference.models import Event, EventSeries
from conference.visibility import can_see_unpublished
from core.cache import cached_public_page
from programme import feeds
from programme.exports import EXPORTS, csv_response, without_private_columns
from programme.links import base_url_for, event_url
from programme.pdf import pdf_unavailable_reason, render_programme_pdf, rendered_description
from programme.queries import public_event_documents, public_programme_for_feeds, slot_for_feed
from programme.statistics import STATISTICS_COLUMNS, compute_statistics


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


def _export(request, owner, events, kind):
    export = EXPORTS.get(kind)
    if export is None:
        raise Http404(_("There is no export called “%(kind)s”.") % {"kind": kind})
    if not request.user.has_perms(EXPORT_PERMISSIONS.get(kind, ())):
        raise PermissionDenied
    header, rows = export.table(events, base_url_for(request))
    if not request.user.has_perm(PRIVATE_FIELDS_PERMISSION):
        header, rows = without_private_columns(header, rows)
    return csv_response(header, rows, export.filename(owner))


@require_safe
@permission_required
def event_export(request, slug, kind):
    event = get_object_or_404(Event, slug=slug)
    return _export(request, event, Event.objects.filter(pk=event.pk), kind)


@require_safe
@permission_required
def series_export(request, slug, kind):
    series = get_object_or_404(EventSeries, slug=slug)
    return _export(request, series, series.events.all(), kind)


def _statistics(request, owner, events, *, series, as_csv):
    statistics = compute_statistics(events, multiple_events=series)
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
def event_statistics(request, slug, as_csv=False):
    event = get_object_or_404(Event, slug=slug)
    return _statistics(
        request, event, Event.objects.filter(pk=event.pk), series=False, as_csv=as_csv
    )


@require_safe
@permission_required
def series_statistics(request, slug, as_csv=False):
    series = get_object_or_404(EventSeries, slug=slug)
    return _statistics(request, series, series.events.all(), series=True, as_csv=as_csv)


# Public feeds: published events only, for everyone ----------------------------------------------


def _published_event(slug):
    return get_object_or_404(Event.objects.published(), slug=slug)


def _calendar_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
@cached_public_page("event")
def event_ics(request, slug):
    event = _published_event(slug)
    days = public_programme_for_feeds(event)
    body = feeds.calendar(event, feeds.all_slots(days), base_url_for(request), request.get_host())
    return _calendar_response(body, f"{event.slug}.ics")


@require_safe
@cached_public_page("event")
def slot_ics(request, slug, pk):
    event = _published_event(slug)
    slot = slot_for_feed(event, pk)
    if slot is None:
        raise Http404(_("This event has no such slot."))
    body = feeds.calendar(event, [(slot.day, slot)], base_url_for(request), request.get_host())
    return _calendar_response(body, f"{event.slug}-session-{slot.pk}.ics")


@require_safe
@cached_public_page("event")
def event_frab_json(request, slug):
    event = _published_event(slug)
    schedule = feeds.frab_schedule(event, public_programme_for_feeds(event), base_url_for(request))
    return JsonResponse(schedule, json_dumps_params={"ensure_ascii": False, "indent": 2})


@require_safe
@cached_public_page("event")
def event_frab_xml(request, slug):
    event = _published_event(slug)
    schedule = feeds.frab_schedule(event, public_programme_for_feeds(event), base_url_for(request))
    return HttpResponse(
        feeds.frab_schedule_xml(schedule), content_type="application/xml; charset=utf-8"
    )


@require_safe
@cached_public_page("event")
def event_json(request, slug):
    event = _published_event(slug)
    data = feeds.programme_json(
        event,
        public_programme_for_feeds(event),
        public_event_documents(event),
        base_url_for(request),
    )
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )


@require_safe
@cached_public_page("event")
def event_pdf(request, slug):
    event = _published_event(slug)
    reason = pdf_unavailable_reason()
    if reason is not None:
        return render(
            request,
            "programme/pdf_unavailable.html",
            {"event": event, "reason": reason},
            status=503,
        )
    base = base_url_for(request)
    pdf = render_programme_pdf(
        {
            "event": event,
            "description": rendered_description(event.description),
            "days": public_programme_for_feeds(event),
            "event_documents": public_event_documents(event),
            "base_url": base,
            "event_url": event_url(base, event),
        }
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{event.slug}.pdf"'
    return response
