"""Public pages: home, series, programme, speakers, photos, people, search, document downloads."""

import os

from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from conference.visibility import can_see_unpublished
from core.cache import cached_public_page
from core.collection import collection_paused
from core.text import MAX_QUERY_LENGTH
from documents.queries import document_for_download
from public import queries
from public.fragments import ProgrammeShell, programme_with_fragments, speakers_with_fragments
from public.printing import render_slot
from public.queries import person_profile
from public.search_queries import search_published
from public.seo import event_json_text, event_summary, slot_summary, summary


def render_public(request, template, context):
    """Render a public page; a page a staff member sees (drafts included) is never cached."""
    return private_for_staff(request, render(request, template, context))


def private_for_staff(request, response):
    """A page a staff member sees (drafts included) is never cached."""
    if can_see_unpublished(request.user):
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
@cached_public_page("site", vary_on_date=True)
def home(request):
    return render_public(request, "conference/home.html", queries.home_events(request.user))


@require_safe
@cached_public_page("site")
def series_detail(request, slug):
    series, years = queries.series_with_events(slug, request.user)
    context = {"series": series, "years": years, "description": summary(series.description)}
    return render_public(request, "conference/series_detail.html", context)


@require_safe
@cached_public_page("event")
@collection_paused()
def event_detail(request, slug):
    shell = ProgrammeShell(request, slug)
    page = shell.stored_page()
    if page is None:
        programme = programme_with_fragments(request, slug)
        event = programme.event
        event.has_photos = bool(programme.photos)
        context = {
            "event": event,
            "days": programme.days,
            "documents": programme.documents,
            "photos": programme.photos,
            "changes": programme.changes,
            "description": event_summary(event),
            "json_ld": event_json_text(request, event, programme.photos),
        }
        page = shell.render("conference/event_detail.html", context, event, programme.days)
    return private_for_staff(request, HttpResponse(page))


@require_safe
@cached_public_page("event")
def slot_detail(request, slug, pk):
    """One slot on its own page: the address its share button gives, with a link preview."""
    event, slot = queries.slot_page(slug, pk, request.user)
    context = {
        "event": event,
        "slot": slot,
        "slot_html": render_slot(event, slot),
        "description": slot_summary(event, slot),
    }
    return render_public(request, "conference/slot_detail.html", context)


@require_safe
@cached_public_page("event")
@collection_paused()
def event_speakers(request, slug):
    event, letters = speakers_with_fragments(request, slug)
    context = {"event": event, "letters": letters, "description": event_summary(event)}
    return render_public(request, "conference/event_speakers.html", context)


@require_safe
@cached_public_page("event")
def event_photos(request, slug):
    event, photos = queries.event_photos(slug, request.user)
    context = {"event": event, "photos": photos, "description": event_summary(event)}
    return render_public(request, "conference/event_photos.html", context)


@require_safe
@cached_public_page("site", query=("q",))
def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = search_published(query)
    context = {"query": query, "results": results}
    return render(request, "conference/search.html", context)


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@cached_public_page("site")
def person_detail(request, slug):
    person, appearances = person_profile(slug, request.user)
    designation = appearances[0].printed_designation if appearances else ""
    context = {
        "person": person,
        "appearances": appearances,
        "description": summary(person.biography) or designation or person.position,
    }
    return render_public(request, "speakers/person_detail.html", context)


# Images a browser may show in the page; everything else (PDF, Office, SVG …) is downloaded.
INLINE_CONTENT_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp"}


def download_name(document):
    """The document's title as a file name, with the stored file's extension."""
    extension = os.path.splitext(document.file.name)[1].lower()
    title = " ".join(document.title.replace("/", " ").replace("\\", " ").split()) or "document"
    return f"{title[:150]}{extension}"


@require_safe
def document_download(request, pk):
    document = document_for_download(pk, request.user)
    if document.url:
        response = HttpResponseRedirect(document.url)
    else:
        try:
            handle = document.file.open("rb")
        except (FileNotFoundError, OSError) as error:
            raise Http404("The file of this document is missing.") from error
        content_type = document.content_type or "application/octet-stream"
        response = FileResponse(
            handle,
            as_attachment=content_type not in INLINE_CONTENT_TYPES,
            filename=download_name(document),
            content_type=content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if can_see_unpublished(request.user):
        response["Cache-Control"] = "private, no-store"
    return response
