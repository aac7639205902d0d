"""Template filters for the public pages: safe Markdown, document labels, JSON-LD."""

import functools
import threading

import markdown as markdown_lib
import nh3
from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from conference.visibility import can_see_unpublished
from core.choices import row_url
from public.display import document_label, file_size, translation_label
from public.seo import script_json

register = template.Library()


@register.filter
def may_see_unpublished(user):
    """The one rule (conference.visibility) for templates: drafts, staff marks, exports."""
    return can_see_unpublished(user)


MARKDOWN_TAGS = {
    "p", "br", "a", "em", "strong", "ul", "ol", "li", "blockquote", "code", "h3", "h4", "hr",
}  # fmt: skip

_converters = threading.local()


def markdown_to_html(text):
    """Markdown as HTML with one converter per thread: building one costs more than using it."""
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = _converters.markdown = markdown_lib.Markdown(output_format="html")
    return converter.reset().convert(text)


@functools.lru_cache(maxsize=1024)
def _clean_html(text):
    """The same text always gives the same HTML: kept for the next render of the page."""
    return nh3.clean(
        markdown_to_html(text),
        tags=MARKDOWN_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


@register.filter
def markdown(text):
    """Markdown written by staff, as HTML stripped to a few harmless tags."""
    if not text:
        return ""
    return mark_safe(_clean_html(str(text)))


register.filter("file_size", file_size)
register.filter("document_label", document_label)
register.filter("translation_label", translation_label)


@register.simple_tag
def json_ld(text):
    """A schema.org data block from its JSON text (``public.seo.json_text``); <, > and &
    escaped so the data cannot close the element."""
    return format_html('<script type="application/ld+json">{}</script>', script_json(text))


@register.filter
def iso_minutes(value):
    """An aware datetime as “2018-10-08T10:00+02:00” for <time datetime>, in its own zone."""
    return value.isoformat(timespec="minutes") if value else ""


@register.simple_tag
def event_url(viewname, event):
    """``{% url viewname slug=event.slug %}`` for the pages and feeds of an event, the
    address reversed once per language (core.choices.row_url)."""
    return row_url(viewname, "slug", event.slug)


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """The full address of a path on this site (for Open Graph and canonical links)."""
    request = context.get("request")
    return request.build_absolute_uri(path) if request else path
