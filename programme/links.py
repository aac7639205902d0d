"""Absolute addresses of public pages, for exports and feeds read outside the site.

Every export and feed builds its links through these functions, so the public URL
names (owned by the public site: conference:event-detail, speakers:person-detail,
documents:document-download) are looked up in one place.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.urls import NoReverseMatch
from django.utils.translation import get_language


def base_url_for(request):
    """“https://host/” for a request; the SITE_URL setting outside a request."""
    if request is not None:
        return request.build_absolute_uri("/")
    return settings.SITE_URL.rstrip("/") + "/"


def _path(obj, fallback):
    # The public site provides the URL names; until they exist the path is built by hand.
    try:
        return obj.get_absolute_url()
    except NoReverseMatch:
        return f"/{get_language() or settings.LANGUAGE_CODE}/{fallback}"


def event_url(base, event):
    return urljoin(base, _path(event, f"events/{event.slug}/"))


def session_url(base, session, event):
    """The slot's anchor on the programme page (the event is passed to avoid a query)."""
    return f"{event_url(base, event)}#{session.anchor}"


def person_url(base, person):
    return urljoin(base, _path(person, f"speakers/{person.slug}/"))


def document_url(base, document):
    """Where the public downloads the document (the site's download view)."""
    return urljoin(base, _path(document, f"documents/{document.pk}/"))
