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
"""

import ast
import contextlib
import contextvars
import functools
import gzip
import hashlib
import logging
import os
import secrets
import shlex
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
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
PAGE = "plenary:page:{digest}:{encoding}"
LOCK = "plenary:lock:{digest}"

# The encodings pages are stored in, best first; brotli when its package is installed.
ENCODINGS = ("br", "gzip") if brotli is not None else ("gzip",)
BROTLI_QUALITY = 6  # 611 KB of HTML in 33 KB in about 6 ms; 11 would take a second
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


def bump_event_slugs(slugs, *, stale_ok=True):
    """Invalidate the pages of the events with these slugs, and the site-wide pages.

    ``stale_ok=False`` when no visitor may see the previous pages any more, not even for
    the few seconds in which one process renders the new ones (an event unpublished).
    """
    _bump_now_and_on_commit([SITE, *(event_key(slug) for slug in sorted(slugs))], stale_ok)


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


def _storable(request, response):
    """A page anyone may get: no cookie set, no CSRF token, no session of its own."""
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and (session.modified or session.session_key))
    )


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


def _compressed(content):
    bodies = {"gzip": gzip.compress(content, compresslevel=6, mtime=0)}
    if brotli is not None:
        bodies["br"] = brotli.compress(content, quality=BROTLI_QUALITY)
    return bodies


def _stored_response(entry, encoding):
    """The stored page as the client accepts it (gzip decompressed for the few that don't)."""
    _tokens, status, headers, body = entry
    response = HttpResponse(status=status, headers=headers)
    if encoding == "identity":
        response.content = gzip.decompress(body)
    else:
        response.content = body
        response["Content-Encoding"] = encoding
    response["ETag"] = encoded_etag(response["ETag"], encoding)  # stored: the plain page's
    return response


def _store(page_digest, tokens, response):
    """Write the page once per encoding; the headers include ETag and Last-Modified."""
    headers = {name: response[name] for name in STORED_HEADERS if name in response}
    if settings.PAGE_CACHE_ENABLED:
        bodies = _compressed(response.content)
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


def cached_public_page(scope="site", *, vary_on_date=False):
    """Cache an anonymous public page under its generations; answer conditional GETs.

    ``scope="event"`` for pages of one event (the view takes the event's ``slug``);
    ``scope="site"`` for pages that list many events or people. ``vary_on_date`` for pages
    that change with the date (upcoming and past events).
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if _bypass(request):
                return view(request, *args, **kwargs)
            keys = [ALL, event_key(kwargs["slug"]) if scope == "event" else SITE]
            encoding = accepted_encoding(request, ENCODINGS)
            page_digest = _page_digest(request, vary_on_date)
            page_key = PAGE.format(
                digest=page_digest, encoding="gzip" if encoding == "identity" else encoding
            )
            try:
                stored = cache.get_many([*keys, page_key])
                found = [stored.get(key) for key in keys]
                if None in found:
                    found = generations(keys)
                tokens, etag, last_modified = _validators(page_digest, found)
                entry = stored.get(page_key)
                current = entry is not None and entry[0] == tokens
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
            bodies = _store(page_digest, tokens, response)
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


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _workers_in_arguments(arguments):
    """The worker count and the config file named in gunicorn's command-line arguments."""
    workers = config = None
    for index, argument in enumerate(arguments):
        following = arguments[index + 1] if index + 1 < len(arguments) else None
        if argument in ("-w", "--workers"):
            workers = _int_or_none(following) or workers
        elif argument.startswith("--workers="):
            workers = _int_or_none(argument.partition("=")[2]) or workers
        elif argument.startswith("-w") and argument[2:].isdigit():
            workers = int(argument[2:])
        elif argument in ("-c", "--config"):
            config = following
        elif argument.startswith("--config="):
            config = argument.partition("=")[2]
    return workers, config


def _workers_in_config(path):
    """``workers = N`` in a gunicorn config file; ``UNKNOWN`` when it is computed."""
    if path.startswith("python:"):
        return UNKNOWN  # a module on the path: not read here
    try:
        tree = ast.parse(Path(path).read_text())
    except (OSError, SyntaxError, ValueError):
        return None
    workers = None
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        if any(isinstance(target, ast.Name) and target.id == "workers" for target in targets):
            try:
                workers = int(ast.literal_eval(node.value))
            except (ValueError, TypeError):
                workers = UNKNOWN  # e.g. multiprocessing.cpu_count() * 2 + 1
    return workers


# A worker count given by an expression: counted as more than one.
UNKNOWN = 2


def gunicorn_workers(environ=None, argv=None, cwd=None):
    """The largest number of workers gunicorn would start, from every place it reads it.

    Gunicorn takes its worker count from ``WEB_CONCURRENCY`` (its default, which the
    Dockerfile and docker-compose.yml set), a config file (``gunicorn.conf.py`` in the
    working folder, or ``-c FILE``), ``GUNICORN_CMD_ARGS`` (``--workers N``, ``-w N``) and
    its command line (when this runs inside gunicorn). Any of them above one counts.
    """
    environ = os.environ if environ is None else environ
    argv = sys.argv if argv is None else argv
    cwd = Path.cwd() if cwd is None else Path(cwd)
    found = [_int_or_none(environ.get("WEB_CONCURRENCY")) or 1]
    configs = [str(cwd / "gunicorn.conf.py")]
    try:
        sources = [shlex.split(environ.get("GUNICORN_CMD_ARGS", ""))]
    except ValueError:  # unbalanced quotes: gunicorn would refuse to start anyway
        sources = []
    if argv and Path(argv[0]).name.startswith("gunicorn"):
        sources.append(list(argv[1:]))
    for arguments in sources:
        workers, config = _workers_in_arguments(arguments)
        found.append(workers or 1)
        if config:
            configs.append(config if config.startswith("python:") else str(cwd / config))
    found += [_workers_in_config(path) or 1 for path in configs]
    return max(found)


def check_shared_cache(app_configs=None, **kwargs):
    """manage.py check --deploy: a cache of one process with several processes is an error.

    A change saved in one process bumps the generations in that process's memory only: the
    other gunicorn workers would go on serving the old pages (an unpublished event stays
    public). The default cache (CACHE_URL unset) is file-based and shared; only a
    local-memory cache (CACHE_URL=locmemcache://) is refused, and only with more than one
    worker, however gunicorn is told the number (see :func:`gunicorn_workers`).
    """
    backend = settings.CACHES["default"]["BACKEND"]
    if not backend.endswith("LocMemCache"):
        return []
    workers = gunicorn_workers()
    if workers > 1:
        return [
            checks.Error(
                f"The page cache is in the memory of each process (LocMemCache) but gunicorn "
                f"is set to run {workers} workers: the other workers would serve pages that "
                f"an edit or an unpublish changed.",
                hint="Set CACHE_URL=redis://… or leave CACHE_URL unset (the file-based cache "
                "in .cache/, shared by the workers of one machine), or run one worker.",
                id="plenary.E001",
            )
        ]
    return []
