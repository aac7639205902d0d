"""What changed in a published programme: the changes page and its Atom feed."""

import uuid

from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_safe

from conference.visibility import can_see_unpublished
from core.cache import cached_public_page
from programme.change_wording import describe
from programme.feeds.data import GUID_NAMESPACE
from public import queries
from public.seo import event_summary
from public.views import render_public


def worded(event, entries):
    """Each entry with its sentence and its moment in the event's time zone."""
    for entry in entries:
        entry.sentence = describe(entry)
        moment = entry.publish_at.astimezone(event.tzinfo)
        entry.local_iso, entry.local_date = moment.isoformat(), moment.date()
        entry.local_time = moment.strftime("%H:%M")
        entry.link = f"{event.get_absolute_url()}#session-{entry.slot_id}" if entry.slot_id else ""
    return entries


@require_safe
@cached_public_page("event")
def event_changes(request, slug):
    event, entries = queries.event_changes(slug, request.user)
    context = {
        "event": event,
        "entries": worded(event, entries),
        "description": event_summary(event),
    }
    return render_public(request, "conference/event_changes.html", context)


def change_guid(entry):
    return f"urn:uuid:{uuid.uuid5(GUID_NAMESPACE, f'change/{entry.pk}')}"


@require_safe
@cached_public_page("event")
def event_changes_atom(request, slug):
    event, entries = queries.event_changes(slug, request.user)
    page = request.build_absolute_uri(reverse("public:event-changes", kwargs={"slug": slug}))
    feed = Atom1Feed(
        title=gettext("Changes to the programme of %(event)s") % {"event": event},
        link=page,
        description=event.time_zone_statement,
        language=get_language(),
        feed_url=request.build_absolute_uri(),
        feed_guid=f"urn:uuid:{uuid.uuid5(GUID_NAMESPACE, f'event/{event.pk}/changes')}",
        # Atom wants an author for the feed (RFC 4287, 4.1.1): the series, else the site.
        author_name=str(event.series.name) if event.series else "Plenary",
    )
    for entry in worded(event, entries):
        link = f"{page}#change-{entry.pk}"
        feed.add_item(
            title=entry.sentence,
            link=request.build_absolute_uri(entry.link) if entry.link else link,
            description=entry.sentence,
            unique_id=change_guid(entry),
            unique_id_is_permalink=False,
            pubdate=entry.publish_at,
            updateddate=entry.publish_at,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    if can_see_unpublished(request.user):
        patch_cache_control(response, private=True, no_store=True)
    return response
