"""Exports and statistics for staff; calendar, frab, JSON and PDF feeds for everyone."""

import functools
import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from conference.models import Event, EventSeries
from core.cache import cached_public_page
from programme import feeds
from programme.exports import EXPORTS, csv_response
from programme.links import base_url_for, event_url
from programme.pdf import pdf_unavailable_reason, render_programme_pdf, rendered_description
from programme.queries import public_event_documents, public_programme_for_feeds, slot_for_feed
from programme.statistics import STATISTICS_COLUMNS, compute_statistics


def staff_required(view):
    """Log-in first (to the admin login page), then staff only: anyone else gets 403."""

    @functools.wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not request.user.is_staff:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _export(request, owner, events, kind):
    export = EXPORTS.get(kind)
    if export is None:
        raise Http404(_("There is no export called “%(kind)s”.") % {"kind": kind})
    header, rows = export.table(events, base_url_for(request))
    return csv_response(header, rows, export.filename(owner))


@require_safe
@staff_required
def event_export(request, slug, kind):
    event = get_object_or_404(Event, slug=slug)
    return _export(request, event, Event.objects.filter(pk=event.pk), kind)


@require_safe
@staff_required
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
@staff_required
def event_statistics(request, slug, as_csv=False):
    event = get_object_or_404(Event, slug=slug)
    return _statistics(
        request, event, Event.objects.filter(pk=event.pk), series=False, as_csv=as_csv
    )


@require_safe
@staff_required
def series_statistics(request, slug, as_csv=False):
    series = get_object_or_404(EventSeries, slug=slug)
    return _statistics(request, series, series.events.all(), series=True, as_csv=as_csv)


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


@require_safe
@cached_public_page("event")
def event_ics(request, slug):
    event = _visible_event(request, slug)
    days = public_programme_for_feeds(event)
    body = feeds.calendar(event, feeds.all_slots(days), base_url_for(request), request.get_host())
    return _private_for_drafts(event, _calendar_response(body, f"{event.slug}.ics"))


@require_safe
@cached_public_page("event")
def slot_ics(request, slug, pk):
    event = _visible_event(request, slug)
    slot = slot_for_feed(event, pk)
    if slot is None:
        raise Http404(_("This event has no such slot."))
    body = feeds.calendar(event, [(slot.day, slot)], base_url_for(request), request.get_host())
    return _private_for_drafts(
        event, _calendar_response(body, f"{event.slug}-session-{slot.pk}.ics")
    )


@require_safe
@cached_public_page("event")
def event_frab_json(request, slug):
    event = _visible_event(request, slug)
    schedule = feeds.frab_schedule(event, public_programme_for_feeds(event), base_url_for(request))
    return _private_for_drafts(
        event, JsonResponse(schedule, json_dumps_params={"ensure_ascii": False, "indent": 2})
    )


@require_safe
@cached_public_page("event")
def event_frab_xml(request, slug):
    event = _visible_event(request, slug)
    schedule = feeds.frab_schedule(event, public_programme_for_feeds(event), base_url_for(request))
    return _private_for_drafts(
        event,
        HttpResponse(
            feeds.frab_schedule_xml(schedule), content_type="application/xml; charset=utf-8"
        ),
    )


@require_safe
@cached_public_page("event")
def event_json(request, slug):
    event = _visible_event(request, slug)
    data = feeds.programme_json(
        event,
        public_programme_for_feeds(event),
        public_event_documents(event),
        base_url_for(request),
    )
    return _private_for_drafts(
        event,
        HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        ),
    )


@require_safe
@cached_public_page("event")
def event_pdf(request, slug):
    event = _visible_event(request, slug)
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
    return _private_for_drafts(event, response)
