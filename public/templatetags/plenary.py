"""Template filters for the public pages: safe Markdown, document labels, JSON-LD."""

import json
import math
import threading

import markdown as markdown_lib
import nh3
from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from conference.visibility import can_see_unpublished

register = template.Library()


@register.filter
def may_see_unpublished(user):
    """The one rule (conference.visibility) for templates: drafts, staff marks, exports."""
    return can_see_unpublished(user)


MARKDOWN_TAGS = {
    "p", "br", "a", "em", "strong", "ul", "ol", "li", "blockquote", "code", "h3", "h4", "hr",
}  # fmt: skip

JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


_converters = threading.local()


def markdown_to_html(text):
    """Markdown as HTML with one converter per thread: building one costs more than using it."""
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = _converters.markdown = markdown_lib.Markdown(output_format="html")
    return converter.reset().convert(text)


@register.filter
def markdown(text):
    """Markdown written by staff, as HTML stripped to a few harmless tags."""
    if not text:
        return ""
    html = markdown_to_html(str(text))
    return mark_safe(
        nh3.clean(
            html,
            tags=MARKDOWN_TAGS,
            attributes={"a": {"href", "title"}},
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener noreferrer nofollow",
        )
    )


@register.filter
def file_size(size):
    """“1 KB”, “120 KB”, “2.4 MB”: rounded up, never “0 KB”."""
    if size is None:
        return ""
    if size < 1024 * 1024:
        return _("%(size)s KB") % {"size": max(1, math.ceil(size / 1024))}
    return _("%(size)s MB") % {"size": number_format(round(size / (1024 * 1024), 1), decimal_pos=1)}


@register.filter
def document_label(document):
    """“Remarks (PDF, 120 KB)”, “Presentation (Link)”: kind, format and size."""
    kind = document.get_kind_display()
    if document.is_placeholder:
        return kind
    size = file_size(document.file_size) if document.file else ""
    if size:
        return _("%(kind)s (%(format)s, %(size)s)") % {
            "kind": kind,
            "format": document.format_label,
            "size": size,
        }
    return _("%(kind)s (%(format)s)") % {"kind": kind, "format": document.format_label}


@register.filter
def translation_label(document):
    """A translation's link text: its language, format and size (“French (PDF, 2 KB)”)."""
    language = document.get_language_display()
    size = file_size(document.file_size) if document.file else ""
    if size:
        return _("%(language)s (%(format)s, %(size)s)") % {
            "language": language,
            "format": document.format_label,
            "size": size,
        }
    return _("%(language)s (%(format)s)") % {"language": language, "format": document.format_label}


@register.simple_tag
def json_ld(data):
    """A schema.org data block; <, > and & escaped so the data cannot close the element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.filter
def iso_minutes(value):
    """An aware datetime as “2018-10-08T10:00+02:00” for <time datetime>, in its own zone."""
    return value.isoformat(timespec="minutes") if value else ""


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """The full address of a path on this site (for Open Graph and canonical links)."""
    request = context.get("request")
    return request.build_absolute_uri(path) if request else path
