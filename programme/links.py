"""Absolute addresses of public pages, for exports and feeds read outside the site.

Every export and feed builds its links through these functions, so the public URL
names (public:event-detail, public:person-detail, public:document-download)
are looked up in one place.
"""

import functools
from urllib.parse import urljoin, urlsplit

from django.conf import settings

from core.choices import PLACEHOLDERS, row_url_function
from documents.models import Document
from speakers.models import Person


def base_url_for(request):
    """“https://host/” for a request; the SITE_URL setting outside a request."""
    if request is not None:
        return request.build_absolute_uri("/")
    return settings.SITE_URL.rstrip("/") + "/"


@functools.lru_cache(maxsize=64)
def _origin(base):
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def absolute(base, path):
    """``urljoin(base, path)``, without parsing the base again for each of a feed's links."""
    origin = _origin(base)
    if origin is not None and path.startswith("/") and not path.startswith("//"):
        return origin + path
    return urljoin(base, path)


def event_url(base, event):
    return absolute(base, event.get_absolute_url())


def slot_url(base, slot, event):
    """The slot's anchor on the programme page (the event is passed to avoid a query)."""
    return f"{event_url(base, event)}#{slot.anchor}"


def person_url(base, person):
    return absolute(base, person.get_absolute_url())


def document_url(base, document):
    """Where the public downloads the document (the site's download view)."""
    return absolute(base, document.get_absolute_url())


def document_url_function(base):
    """document_url(base, document) for many documents, by primary key: the address is
    resolved and made absolute once, for a number standing for any document's, and each
    document's number is put in its place (an export of 100,000 rows would otherwise
    resolve it for each, and a big feed's 1,500 links made each absolute)."""
    path = row_url_function(*Document.DOWNLOAD_VIEW)
    number = next(placeholder for placeholder in PLACEHOLDERS if placeholder.isdigit())
    before, found, after = absolute(base, path(number)).rpartition(number)
    if not found:  # an address without the number (never seen): resolved for each
        return lambda pk: absolute(base, path(pk))
    return lambda pk: f"{before}{int(pk)}{after}"


def person_url_function(base):
    """person_url(base, person) for many people, by slug: the address is resolved once."""
    path = row_url_function(*Person.PUBLIC_VIEW)
    return lambda slug: absolute(base, path(slug))
