"""{% pdf_available as can_print %}: whether this server can make the PDF programme."""

from django import template

from programme import links
from programme.feeds.pdf import pdf_available as _pdf_available

register = template.Library()


@register.simple_tag
def pdf_available():
    return _pdf_available()


@register.filter
def document_url(document, base):
    """{{ document|document_url:base_url }}: the absolute download address."""
    return links.document_url(base, document)
