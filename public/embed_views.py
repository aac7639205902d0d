"""The programme for an iframe on another site: /embed/<lang>/events/<slug>/.

The only pages that may be framed. Their Content-Security-Policy names the sites allowed to
frame them (frame-ancestors from the EMBED_FRAME_ANCESTORS setting, any site by default) and
they send no X-Frame-Options; every other page keeps frame-ancestors 'none' and
X-Frame-Options: DENY. The headers are set outside the page cache, so a page served from the
cache carries them too.
"""

import functools

from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from core.cache import cached_public_page
from public.fragments import programme_with_fragments
from public.views import render_public


def in_language(view):
    """Serve the view in the language named by the address (outside the /<lang>/ prefix)."""

    @functools.wraps(view)
    def wrapper(request, lang, slug):
        if lang not in dict(settings.LANGUAGES):
            raise Http404("No such language.")
        with translation.override(lang):
            request.LANGUAGE_CODE = lang
            response = view(request, slug=slug)
        response["Content-Language"] = lang
        return response

    return wrapper


def framable(view):
    """Let the sites of EMBED_FRAME_ANCESTORS frame the page (read at each request)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response._csp_replace = {"frame-ancestors": list(settings.EMBED_FRAME_ANCESTORS)}
        return response

    return xframe_options_exempt(wrapper)


@require_safe
@in_language
@framable
@cached_public_page("event")
def event_embed(request, slug):
    programme = programme_with_fragments(request, slug)
    context = {"event": programme.event, "days": programme.days}
    return render_public(request, "conference/event_embed.html", context)
