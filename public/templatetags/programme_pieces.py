"""The pieces of the programme printed by Jinja2 (templates/jinja2/) and public.display, for
Django templates."""

from django import template

from public import display
from public.jinja2 import render_macro

register = template.Library()


@register.simple_tag
def document_links(documents, show_title=False):
    """The links of a list of documents labelled by ``public.display.label_documents``."""
    return display.document_links(documents, show_title)


@register.simple_tag
def slot_time(slot):
    """“10:00–11:30” with the datetimes of the slot in its event's zone."""
    return render_macro("includes/slot_time.html", "slot_time", slot)
