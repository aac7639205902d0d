"""The current page in each language: for the language switcher and hreflang alternates."""

import functools

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.encoding import iri_to_uri
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info, override
from modeltranslation.utils import build_localized_fieldname

register = template.Library()


def page_in(language, request):
    """The address of the request's page in language, query string kept.

    The view the request was resolved to is reversed under the other language (what
    translate_url() does, without resolving the path again for each language); a path that
    does not resolve (a 404 page) falls back to that language's home page.
    """
    path = request.get_full_path()
    current = get_language()
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name is None:
        translated = translate_url(path, language)
    else:
        with override(language):
            try:
                translated = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                translated = None
        query = request.META.get("QUERY_STRING", "")
        if translated is None:
            translated = path
        elif query:
            translated = f"{translated}?{iri_to_uri(query)}"
    if translated == path and language != current:
        return f"/{language}/"
    return translated


@register.simple_tag(takes_context=True)
def page_languages(context):
    """One entry per language of LANGUAGES: code, own name, relative and absolute address.

    Worked out once per request and language: the hreflang alternates, the language
    switcher and ``x_default_url`` all print them.
    """
    request = context.get("request")
    if request is None:
        return []
    current = get_language()
    found = getattr(request, "_page_languages", None)
    if found is None or found[0] != current:
        found = request._page_languages = (current, _page_languages(request, current))
    return found[1]


def _page_languages(request, current):
    languages = []
    for code, _name in settings.LANGUAGES:
        url = page_in(code, request)
        info = get_language_info(code)
        languages.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "bidi": info["bidi"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "is_current": code == current,
            }
        )
    return languages


@register.simple_tag
def fallback_lang(instance, *fields):
    """` lang="en"` when the text shown for a translated field is English shown in its place.

    django-modeltranslation shows the English text when the active language has none;
    saying so lets screen readers pronounce it as English (WCAG 3.1.2, language of parts).
    With several fields (“designation”, “position”) the first with English text decides,
    as the designation printed is the first of them that is filled. No query: the fields
    are columns of the row already loaded.
    """
    return fallback_lang_in(get_language(), instance, *fields)


def fallback_lang_in(language, instance, *fields):
    """:func:`fallback_lang` in the given language: for code that labels many rows at once
    (public.display), which looks the language up once."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if language == default or instance is None:
        return ""
    for field in fields:
        if getattr(instance, build_localized_fieldname(field, default), None):
            if getattr(instance, build_localized_fieldname(field, language), None):
                return ""
            return _lang_attribute(default)
    return ""


@functools.cache
def _lang_attribute(language):
    return format_html(' lang="{}"', language)


@register.simple_tag(takes_context=True)
def x_default_url(context):
    """The page's address without a language prefix, for hreflang="x-default".

    That address redirects each visitor to their browser's language, as the sitemap's
    x-default does (django.contrib.sitemaps drops the default language's prefix too).
    """
    request = context.get("request")
    if request is None:
        return ""
    path = next(
        language["url"]
        for language in page_languages(context)
        if language["code"] == settings.LANGUAGE_CODE
    )
    prefix = f"/{settings.LANGUAGE_CODE}/"
    if path.startswith(prefix):
        path = "/" + path.removeprefix(prefix)
    return request.build_absolute_uri(path)
