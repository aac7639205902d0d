"""Embargoes that lift by themselves: cached pages expire at the next lift, with no scheduler.

A document "embargoed until delivered" becomes public at ``embargo_lifts_at`` (its slot's
start, in UTC) without any write to the database, so no save signal bumps the cached pages
that omit it. The page cache (``core.cache``) keys pages by generations; the cleanest hook
that leaves it untouched is to bump the generations of an event *lazily*, at the first
request after one of its embargoes lifted:

- the cache holds one value, ``plenary:embargo:next``: the earliest lift still ahead;
- :func:`lift_due_embargoes` runs at the start of every request (``request_started``,
  connected by ``public.invalidation``). It costs one cache read. When that moment has
  passed, it bumps the events whose documents lifted since then and stores the next one;
- a change of an embargo (a document saved, a slot, day or event retimed) forgets the stored
  moment; the next request recomputes it and bumps the events whose embargoes lifted within
  the page-cache lifetime, since a page older than that has expired anyway.

A page rendered before a lift is stored under a generation that the bump replaces, so no
visitor is served it after the lift, whatever ``PAGE_CACHE_TIMEOUT`` is.

Other rows that become public at a stored moment without a write (the programme's change
entries at the end of their grace period) use the same lifts: their app registers where
its moments are (:func:`register_moments`) and announces each new one
(:func:`schedule_moment`).
"""

import datetime
import logging
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http import parse_cookie
from django.utils import timezone

from core.cache import bump_event_slugs, bump_stamps

logger = logging.getLogger(__name__)

NEXT_LIFT = "plenary:embargo:next"
NOTHING_AHEAD = "none"
# Each process remembers the next lift for a few seconds, so that a cached page is still one
# cache round trip: an embargo set meanwhile in another process lifts at most this late.
REMEMBERED_SECONDS = 5
_remembered = {"value": None, "until": 0.0}
PUBLIC_PREFIXES = {code for code, _name in settings.LANGUAGES}
EVENT_SLUG_PATHS = ("event__slug", "slot__day__event__slug", "appearance__slot__day__event__slug")


def _documents():
    # Looked up by label: this module is imported by app configs before models load.
    return apps.get_model("documents", "Document").objects


def held_documents():
    """Documents that wait for a lift moment (not yet marked delivered)."""
    return _documents().filter(
        embargoed_until_delivered=True, delivered_at__isnull=True, embargo_lifts_at__isnull=False
    )


def next_lift_after(moment):
    found = held_documents().filter(embargo_lifts_at__gt=moment).order_by("embargo_lifts_at")
    return found.values_list("embargo_lifts_at", flat=True).first()


def event_slugs_lifted_between(start, end):
    rows = held_documents().filter(embargo_lifts_at__gt=start, embargo_lifts_at__lte=end)
    slugs = set()
    for row in rows.values_list(*EVENT_SLUG_PATHS):
        slugs.update(slug for slug in row if slug)
    return slugs


def slots_lifted_between(start, end):
    """The slots whose documents (or whose appearances' documents) lifted: their fragments
    (``public.fragments``) list them now."""
    rows = held_documents().filter(embargo_lifts_at__gt=start, embargo_lifts_at__lte=end)
    return {pk for row in rows.values_list("slot", "appearance__slot") for pk in row if pk}


# (next moment after a given one, slugs of the events lifted between two moments), per kind.
_SOURCES = [(next_lift_after, event_slugs_lifted_between)]


def register_moments(next_after, event_slugs_between):
    """Lift at the moments of another kind of row too (called once, when its app loads)."""
    if (next_after, event_slugs_between) not in _SOURCES:
        _SOURCES.append((next_after, event_slugs_between))


def _next_moment_after(moment):
    upcoming = [found for next_after, _slugs in _SOURCES if (found := next_after(moment))]
    return min(upcoming, default=None)


def _event_slugs_between(start, end):
    slugs = set()
    for _next_after, event_slugs_between in _SOURCES:
        slugs |= event_slugs_between(start, end)
    return slugs


def schedule_moment(moment):
    """A row becomes public at ``moment``: the first request after it bumps its events.

    Lowers the stored next lift when the new moment comes first (no query). Two processes
    that lower it at once may leave the later of their moments: the earlier lifts then at
    the later one, a few moments late at most when both come from the same grace period.
    """
    try:
        stored = cache.get(NEXT_LIFT)
        if stored is None:
            return  # unknown already: the next request works it out
        if stored == NOTHING_AHEAD or stored > moment:
            cache.set(NEXT_LIFT, moment, timeout=None)
        _remembered.update(value=None, until=0.0)
    except Exception:
        logger.exception("The next lift could not be scheduled")


def nothing_held_ahead():
    """Say that no embargo is ahead (the state of an empty database), without a query."""
    cache.set(NEXT_LIFT, NOTHING_AHEAD, timeout=None)
    _remembered.update(value=None, until=0.0)


def _remember(value):
    _remembered.update(value=value, until=time.monotonic() + REMEMBERED_SECONDS)


def _still_ahead(value, now):
    return value == NOTHING_AHEAD or (isinstance(value, datetime.datetime) and value > now)


def forget_next_lift():
    """An embargo changed: the next request works out the next lift again."""
    _remembered.update(value=None, until=0.0)
    try:
        cache.delete(NEXT_LIFT)
    except Exception:
        logger.exception("The next embargo lift could not be forgotten")


def lift_due_embargoes(now=None):
    """Bump the events whose embargoes lifted since the last look; remember the next lift."""
    now = now or timezone.now()
    if time.monotonic() < _remembered["until"] and _still_ahead(_remembered["value"], now):
        return
    stored = cache.get(NEXT_LIFT)
    if _still_ahead(stored, now):
        _remember(stored)
        return
    if stored is None:
        # Unknown (first request, or an embargo changed): pages older than the cache
        # lifetime have expired; those younger may predate a lift.
        since = now - datetime.timedelta(seconds=settings.PAGE_CACHE_TIMEOUT)
    else:
        since = stored - datetime.timedelta(microseconds=1)
    lifted = _event_slugs_between(since, now)
    if lifted:
        # The other rows that lift (change entries) are on no slot's or person's fragment.
        bump_event_slugs(lifted, fragments=False)
        languages = [code for code, _name in settings.LANGUAGES]
        bump_stamps("slot", slots_lifted_between(since, now), languages)
    upcoming = _next_moment_after(now) or NOTHING_AHEAD
    cache.set(NEXT_LIFT, upcoming, timeout=None)
    _remember(upcoming)


def _public_page_request(environ):
    """A request the page cache may answer: under a language prefix, without a session.

    Signed-in staff (a session cookie) bypass the page cache; the health check and the
    admin's assets never touch the cache.
    """
    if not environ:
        return False
    prefix = environ.get("PATH_INFO", "").lstrip("/").split("/", 1)[0]
    if prefix not in PUBLIC_PREFIXES:
        return False
    return settings.SESSION_COOKIE_NAME not in parse_cookie(environ.get("HTTP_COOKIE", ""))


def on_request_started(sender, environ=None, **kwargs):
    """At the start of a request for a public page: bump the events whose embargoes lifted."""
    if not _public_page_request(environ):
        return
    try:
        lift_due_embargoes()
    except Exception:
        # Never fail a request over this; the pages expire with PAGE_CACHE_TIMEOUT anyway.
        logger.exception("Embargo lifts could not be checked")


def refresh_embargo_lifts(documents):
    """Recompute ``embargo_lifts_at`` of held documents after their slot moved."""
    held = documents.filter(embargoed_until_delivered=True).select_related(
        "slot__day__event", "appearance__slot__day__event"
    )
    changed = []
    for document in held:
        lifts_at = document.slot_start()
        if lifts_at != document.embargo_lifts_at:
            document.embargo_lifts_at = lifts_at
            changed.append(document)
    if changed:
        _documents().bulk_update(changed, ["embargo_lifts_at"])
        forget_next_lift()
    return changed


def documents_of_slot(slot):
    return _documents().filter(Q(slot=slot) | Q(appearance__slot=slot))
