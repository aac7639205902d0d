"""The pieces of the programme printed by public.display and public.printing, for Django
templates."""

from django import template

from public import display, printing

register = template.Library()


@register.simple_tag
def document_links(documents, show_title=False):
    """The links of a list of documents labelled by ``public.display.label_documents``."""
    return display.document_links(documents, show_title)


@register.simple_tag
def slot_time(slot):
    """“10:00–11:30” with the datetimes of the slot in its event's zone."""
    return printing.slot_time(slot)
