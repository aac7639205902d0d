"""The meeting as it happens: the now-and-next page for screens in the venue and phones.

The page depends on the clock as well as on the programme, so it cannot live in the page
cache under the event's generations alone (core.cache.cached_public_page keeps a page until
an edit). It is cached instead per event generation *and per minute*: slot times have minute
resolution, so the choice of the current and next slot made at the start of a minute holds
for the whole minute, and the page is never stale beyond the clock shown. An edit replaces
the event's generation, so it shows at the next refresh as on every other page. A screen
refreshing every 30 seconds thus costs one render per minute, language and event.

The choice is made on the server rather than in the browser so that the page is right
without JavaScript (a meta refresh reloads it every minute); with JavaScript, static/js/now.js
fetches the fragment every 30 seconds and swaps it in without a full reload.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from core.cache import ALL, event_key, generations, keep_query
from documents.queries import can_see_unpublished
from public import queries

LIVE_CACHE_SECONDS = 60
LIVE_PAGE = "plenary:live:{digest}"


def _anonymous(request):
    """The same rule as the page cache: signed-in visitors (staff see drafts) never share."""
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True
    return not request.user.is_authenticated


def _storable(request, response):
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def cached_for_the_minute(view):
    """Cache an anonymous page of one event under its generations and the current minute."""

    @functools.wraps(view)
    def wrapper(request, slug):
        now = timezone.now().replace(second=0, microsecond=0)
        if not (_anonymous(request) and settings.PAGE_CACHE_ENABLED):
            return view(request, slug, now)
        keep_query(request)  # it reads no query parameter: one entry whatever the address adds
        found = generations([ALL, event_key(slug)])
        parts = [
            translation.get_language() or "",
            request.build_absolute_uri(),
            "|".join(generation[0] for generation in found),
            now.isoformat(),
        ]
        key = LIVE_PAGE.format(digest=hashlib.sha256("\n".join(parts).encode()).hexdigest())
        stored = cache.get(key)
        if stored is not None:
            content, content_type = stored
            response = HttpResponse(content, content_type=content_type)
        else:
            response = view(request, slug, now)
            if _storable(request, response):
                entry = (response.content, response["Content-Type"])
                cache.set(key, entry, timeout=LIVE_CACHE_SECONDS)
        patch_cache_control(response, max_age=0, no_cache=True)
        patch_vary_headers(response, ["Cookie"])
        return response

    return wrapper


def _render(request, template, context):
    response = render(request, template, context)
    if can_see_unpublished(request.user):
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
@cached_for_the_minute
def event_now(request, slug, now):
    live = queries.now_and_next(slug, request.user, now)
    return _render(request, "conference/event_now.html", {"event": live.event, "live": live})


@require_safe
@cached_for_the_minute
def event_now_fragment(request, slug, now):
    live = queries.now_and_next(slug, request.user, now)
    return _render(request, "includes/now_next.html", {"event": live.event, "live": live})
