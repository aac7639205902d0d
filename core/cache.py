"""The public page cache: pages and feeds stored per language, invalidated by generations.

Every cached page depends on one or two *generations* kept in the cache itself:

- ``plenary:gen:event:<slug>``: bumped whenever anything shown on that event's pages
  changes (the event, its days, slots, appearances, the people and organisations in them,
  their roles, documents and photos). The programme, speakers and photo pages and the feeds
  of the event depend on it.
- ``plenary:gen:site``: bumped on every change of any of those objects. Pages that list
  many events (home, series, search, person pages, sitemap) depend on it.
- ``plenary:gen:all``: bumped by :func:`bump_all` only; every page depends on it, so that
  bulk changes (``queryset.update()``, ``bulk_create()``, imports) can invalidate
  everything at once.

A generation is a random token with the time of the change. A page's cache key is made of
its language, full address and the tokens of its generations, so a bump makes every page
that shows the changed object miss, and a page rendered from data read before a change is
stored under the old tokens, which nobody asks for again. The same tokens make the page's
ETag and their times its Last-Modified, so a conditional GET is answered without rendering.

Event generations are keyed by slug, not by primary key: a request is matched to its
event's generation from the address alone, without a database query. An event whose slug
changes bumps the generations of the old and the new slug.

Signal receivers (``public.invalidation``, connected in ``PublicConfig.ready``) bump the
generations on save and delete, immediately and again when the transaction commits: a request
that reads the new token before the commit and renders the old rows stores them under a
token that the commit replaces. Code that changes rows without signals must call
:func:`bump_event` or :func:`bump_all`; wrap such work in :func:`bulk_changes` to skip the
per-object receivers and bump everything once at the end.

Only anonymous GET and HEAD requests read the cache, and only GET requests write it.
Signed-in users (staff see drafts) bypass it entirely; only 200 responses without cookies,
CSRF tokens or session changes are stored.

A page is the same whatever query parameters it does not read: an anonymous request for
``/en/events/idm-2018/?utm_source=newsletter`` (or ``?fbclid=…``, which a social network
adds to every click) is the programme page, and is served from its entry. The view sees the
request without those parameters (``query`` names the ones it reads: ``q`` for search), so
the page it renders for the first such visitor (its language links included) is the one
everybody gets. Otherwise every such address was rendered and stored on its own: a visitor
could make the server render on each request and fill the cache with copies of one page.
"""

import contextlib
import contextvars
import functools
import gzip
import hashlib
import logging
import secrets
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, QueryDict
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag

from core.encodings import accepted_encoding, encoded_etag

try:
    import brotli
except ImportError:  # optional: pages are then stored gzipped only
    brotli = None

logger = logging.getLogger(__name__)

ALL = "plenary:gen:all"
SITE = "plenary:gen:site"
EVENT = "plenary:gen:event:{slug}"
EVENT_FRAGMENTS = "plenary:gen:fragments:{slug}"
EVENT_SHELL = "plenary:gen:shell:{slug}"
STAMP = "plenary:stamp:{kind}:{pk}:{language}"
PAGE = "plenary:page:{digest}:{encoding}"
LOCK = "plenary:lock:{digest}"

# The encodings pages are served in, best first; brotli when its package is installed. A
# page is written in the first when it is rendered; the others are made from it the first
# time a client asks for them (most clients accept brotli).
ENCODINGS = ("br", "gzip") if brotli is not None else ("gzip",)
# 612 KB of HTML in 40 KB in about 2.7 ms; quality 6 makes 34 KB but takes twice as long,
# and a page is written again after every edit of its event.
BROTLI_QUALITY = 4
# After a change, while one process renders a page, the others serve its previous version
# for at most this long (then they render it too); the lock expires after LOCK_SECONDS.
STALE_SECONDS = 5
LOCK_SECONDS = 30

# Fields of the response kept with a cached page; the rest (cookies, Content-Language …) is
# added per request by the middleware.
STORED_HEADERS = (
    "Content-Type",
    "Content-Disposition",
    "X-Content-Type-Options",
    "ETag",
    "Last-Modified",
    "Cache-Control",
    "Vary",
)

_suspended = contextvars.ContextVar("plenary_cache_receivers_suspended", default=False)


def event_key(slug):
    return EVENT.format(slug=slug)


def _new_generation(stale_ok=True):
    """(token, time of the change, whether the previous pages may be served a moment)."""
    return (secrets.token_hex(8), time.time(), stale_ok)


def _bump_keys(keys, stale_ok=True):
    generation = _new_generation(stale_ok)
    cache.set_many(dict.fromkeys(keys, generation), timeout=None)


def _bump_now_and_on_commit(keys, stale_ok=True):
    keys = list(keys)
    _bump_keys(keys, stale_ok)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _bump_keys(keys, stale_ok))


def bump_all():
    """Invalidate every cached page: after bulk changes that send no signals."""
    _bump_now_and_on_commit([ALL, SITE], stale_ok=False)


def bump_event_slugs(slugs, *, stale_ok=True, fragments=True, shell=True):
    """Invalidate the pages of the events with these slugs, and the site-wide pages.

    ``stale_ok=False`` when no visitor may see the previous pages any more, not even for
    the few seconds in which one process renders the new ones (an event unpublished).
    ``fragments=False`` keeps the events' fragments: the caller invalidates those that
    changed with :func:`bump_stamps` (the save and delete receivers do). ``shell=False``
    keeps the programme page around its slots (``public.fragments.ProgrammeShell``): the
    change shows in slot fragments only (a speaker's designation, a slot's title).
    """
    keys = [SITE, *(event_key(slug) for slug in sorted(slugs))]
    if fragments:
        keys += [EVENT_FRAGMENTS.format(slug=slug) for slug in sorted(slugs)]
    if shell:
        keys += [EVENT_SHELL.format(slug=slug) for slug in sorted(slugs)]
    _bump_now_and_on_commit(keys, stale_ok)


def stamp_key(kind, pk, language):
    return STAMP.format(kind=kind, pk=pk, language=language)


def bump_stamps(kind, pks, languages):
    """Invalidate the fragments of these objects (``kind`` "slot" or "speaker", primary
    keys) in these languages, now and when the transaction commits (see ``public.fragments``)."""
    keys = [stamp_key(kind, pk, language) for pk in sorted(pks) for language in languages]
    if keys:
        _bump_now_and_on_commit(keys)


def fragment_generations(slug, kind, pks, language):
    """The tokens a fragment's key is made of: every page's, its event's fragments' and one
    stamp per object, in that order (:func:`generations`). Read before the rows the fragments
    print, so that a fragment rendered from rows read before a change is stored under a
    token that the change replaces."""
    keys = [ALL, EVENT_FRAGMENTS.format(slug=slug)]
    keys += [stamp_key(kind, pk, language) for pk in pks]
    return [generation[0] for generation in generations(keys)]


def shell_generations(slug):
    """The keys of the generations a programme page's shell depends on: every page's, its
    event's fragments' and its event's shell's (:func:`bump_event_slugs`)."""
    return [ALL, EVENT_FRAGMENTS.format(slug=slug), EVENT_SHELL.format(slug=slug)]


def receivers_suspended():
    """True inside :func:`bulk_changes`: per-object receivers do nothing."""
    return _suspended.get()


@contextlib.contextmanager
def bulk_changes(*, invalidate=True):
    """Skip the per-object receivers inside the block, then (if ``invalidate``) bump all once."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)
        if invalidate:
            bump_all()


def generations(keys):
    """The current generation of each key, starting one where the cache has none."""
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            cache.add(key, _new_generation(), timeout=None)
        found.update(cache.get_many(missing))
    return [found.get(key) or _new_generation() for key in keys]


# The view decorator ---------------------------------------------------------------------------


def _bypass(request):
    """Signed-in visitors (staff see drafts and staff marks) never touch the page cache.

    Signing in needs the session cookie: a request without one is anonymous, and its
    session is not even looked at (``Vary: Cookie`` is added to the response instead).
    """
    if request.method not in ("GET", "HEAD"):
        return True
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return request.user.is_authenticated


def for_everyone(request):
    """Nothing of the visitor's own went into the page: no CSRF token, no session."""
    session = getattr(request, "session", None)
    return not request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and not (
        session is not None and (session.modified or session.session_key)
    )


def _storable(request, response):
    """A page anyone may get: no cookie set, no CSRF token, no session of its own."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and for_everyone(request)
    )


def keep_query(request, names=()):
    """Drop from an anonymous request the query parameters its page does not read
    (``names`` are those it does): the view and the page's key see the request without
    them, and those it reads written one way (``?q=a&&`` is ``?q=a``)."""
    if not request.META.get("QUERY_STRING"):
        return
    kept = urlencode(
        [(name, value) for name, values in request.GET.lists() if name in names for value in values]
    )
    request.GET = QueryDict(kept)
    request.META["QUERY_STRING"] = kept


def _page_digest(request, vary_on_date):
    """Which page: its language, full address and (for some pages) the date."""
    parts = [
        translation.get_language() or "",
        request.build_absolute_uri(),
        timezone.localdate().isoformat() if vary_on_date else "",
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _validators(page_digest, found):
    """The ETag (the page and its generations' tokens) and Last-Modified (the last change)."""
    tokens = "|".join(generation[0] for generation in found)
    etag = hashlib.sha256(f"{page_digest}\n{tokens}".encode()).hexdigest()
    last_modified = max(generation[1] for generation in found)
    return tokens, quote_etag(etag[:32]), int(last_modified)


def _finish(response, etag, last_modified):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    # Browsers revalidate every time (a 304 is cheap) instead of guessing a freshness.
    patch_cache_control(response, no_cache=True)
    # Shared caches must not give the anonymous page to a signed-in member of staff, nor
    # the compressed page to a client that cannot read it.
    patch_vary_headers(response, ["Cookie", "Accept-Encoding"])
    return response


def _is_conditional(request):
    return "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META


# Stored pages -----------------------------------------------------------------------------------
#
# A page is stored once per encoding (brotli when the `brotli` package is installed, and
# gzip), compressed when it is written, under a key made of the page alone (language,
# address); the entry carries the generation tokens it was rendered under. One get_many
# reads the generations and the entry together: the entry is current when its tokens are
# the generations' tokens, and otherwise it is the previous version of the page, which
# may be served for a few seconds while one process renders the new one (no stampede).


def _compress(content, encoding):
    if encoding == "br":
        return brotli.compress(content, quality=BROTLI_QUALITY)
    return gzip.compress(content, compresslevel=6, mtime=0)


def _decompress(body, encoding):
    return brotli.decompress(body) if encoding == "br" else gzip.decompress(body)


def _stored_encoding(encoding):
    """The stored encoding a client is served from: gzip for those that accept none."""
    return "gzip" if encoding == "identity" else encoding


def _recoded(page_key, entry, encoding):
    """The entry (stored in ``ENCODINGS[0]``) in another encoding, stored for next time."""
    tokens, status, headers, body = entry
    content = _decompress(body, ENCODINGS[0])
    recoded = (tokens, status, headers, _compress(content, encoding))
    try:
        cache.set(page_key, recoded, timeout=settings.PAGE_CACHE_TIMEOUT)
    except Exception:
        logger.exception("The page cache could not store a page in %s", encoding)
    return recoded


def _stored_response(entry, encoding):
    """The stored page as the client accepts it (gzip decompressed for the few that don't)."""
    _tokens, status, headers, body = entry
    response = HttpResponse(status=status, headers=headers)
    if encoding == "identity":
        response.content = _decompress(body, "gzip")
    else:
        response.content = body
        response["Content-Encoding"] = encoding
    response["ETag"] = encoded_etag(response["ETag"], encoding)  # stored: the plain page's
    return response


def _store(page_digest, tokens, response, encoding):
    """Write the page in the first of ENCODINGS and in the one this client is served from;
    the headers include ETag and Last-Modified."""
    headers = {name: response[name] for name in STORED_HEADERS if name in response}
    if settings.PAGE_CACHE_ENABLED:
        encodings = dict.fromkeys([ENCODINGS[0], _stored_encoding(encoding)])
        bodies = {name: _compress(response.content, name) for name in encodings}
    else:
        # With PLENARY_PAGE_CACHE=0 only the fact that the page exists is kept, so that
        # conditional GETs are still answered without rendering.
        bodies = dict.fromkeys(ENCODINGS)
    entries = {
        PAGE.format(digest=page_digest, encoding=encoding): (
            tokens,
            response.status_code,
            headers,
            body,
        )
        for encoding, body in bodies.items()
    }
    cache.set_many(entries, timeout=settings.PAGE_CACHE_TIMEOUT)
    return bodies


def _within_stale_window(found):
    """True for STALE_SECONDS after a change that lets visitors see the previous version.

    Not after a change that must show at once (an event unpublished or deleted, a bulk
    change): then every process renders.
    """
    if not all(len(generation) < 3 or generation[2] for generation in found):
        return False
    return time.time() - max(generation[1] for generation in found) <= STALE_SECONDS


def cached_public_page(scope="site", *, vary_on_date=False, query=()):
    """Cache an anonymous public page under its generations; answer conditional GETs.

    ``scope="event"`` for pages of one event (the view takes the event's ``slug``);
    ``scope="site"`` for pages that list many events or people. ``vary_on_date`` for pages
    that change with the date (upcoming and past events). ``query``: the query parameters
    the page reads (``("q",)`` for search); anonymous visitors' other parameters are
    dropped before the view sees the request.
    """
    query = frozenset(query)

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if _bypass(request):
                return view(request, *args, **kwargs)
            keep_query(request, query)
            keys = [ALL, event_key(kwargs["slug"]) if scope == "event" else SITE]
            encoding = accepted_encoding(request, ENCODINGS)
            page_digest = _page_digest(request, vary_on_date)
            page_key = PAGE.format(digest=page_digest, encoding=_stored_encoding(encoding))
            # The page as rendered, from which the client's encoding is made if need be.
            source_key = PAGE.format(digest=page_digest, encoding=ENCODINGS[0])
            try:
                stored = cache.get_many(list(dict.fromkeys([*keys, page_key, source_key])))
                found = [stored.get(key) for key in keys]
                if None in found:
                    found = generations(keys)
                tokens, etag, last_modified = _validators(page_digest, found)
                entry = stored.get(page_key)
                current = entry is not None and entry[0] == tokens
                source = stored.get(source_key)
                if (
                    not current
                    and source is not None
                    and source[0] == tokens
                    and source[3] is not None
                    and settings.PAGE_CACHE_ENABLED
                ):
                    entry, current = _recoded(page_key, source, _stored_encoding(encoding)), True
                locked = stale = False
                if (
                    entry is not None
                    and not current
                    and entry[3] is not None
                    and settings.PAGE_CACHE_ENABLED
                    and _within_stale_window(found)
                ):
                    # The first process takes the lock and renders; the others serve the
                    # previous version meanwhile.
                    locked = cache.add(LOCK.format(digest=page_digest), 1, timeout=LOCK_SECONDS)
                    stale = not locked
            except Exception:
                # The cache is down (Redis unreachable): serve the page as if uncached.
                logger.exception("The page cache could not be read; rendering %s", request.path)
                return view(request, *args, **kwargs)
            if current:
                # This page answered 200 under these generations: its validators hold.
                if _is_conditional(request):
                    served = encoded_etag(etag, encoding, settings.PAGE_CACHE_ENABLED)
                    not_modified = get_conditional_response(
                        request, etag=served, last_modified=last_modified
                    )
                    if not_modified is not None:
                        return _finish(not_modified, served, last_modified)
                if entry[3] is not None and settings.PAGE_CACHE_ENABLED:
                    return _stored_response(entry, encoding)
            elif stale:
                # The previous version, with its own validators.
                return _stored_response(entry, encoding)
            try:
                return _render_and_store(
                    view, request, args, kwargs, entry=entry, current=current,
                    page_digest=page_digest, tokens=tokens, etag=etag,
                    last_modified=last_modified, encoding=encoding,
                )  # fmt: skip
            finally:
                if locked:
                    _release_lock(page_digest)

        return wrapper

    return decorator


def _render_and_store(view, request, args, kwargs, *, entry, current, page_digest, tokens,
                      etag, last_modified, encoding):  # fmt: skip
    response = view(request, *args, **kwargs)
    if response.status_code != 200:
        return response
    if getattr(response, "is_rendered", True) is False:
        response.render()  # a TemplateResponse (the sitemap)
    _finish(response, etag, last_modified)
    refill = not current or (entry[3] is None and settings.PAGE_CACHE_ENABLED)
    if refill and request.method == "GET" and _storable(request, response):
        try:
            bodies = _store(page_digest, tokens, response, encoding)
        except Exception:
            logger.exception("The page cache could not store %s", request.path)
        else:
            if bodies.get(encoding) is not None:
                response.content = bodies[encoding]
                response["Content-Encoding"] = encoding
                response["ETag"] = encoded_etag(etag, encoding)
    return get_conditional_response(
        request, etag=response["ETag"], last_modified=last_modified, response=response
    )


def _release_lock(page_digest):
    try:
        cache.delete(LOCK.format(digest=page_digest))
    except Exception:
        logger.exception("The page cache lock could not be released")
