"""What the programme's scripts need from the server: their words and the event's addresses.

The scripts (static/js/agenda.js, share.js, times.js) read them from one
``<script type="application/json">`` element, which the strict Content Security Policy lets
through (it is data, not code), so every word they show is translated like the page's.
"""

from django import template
from django.urls import reverse
from django.utils.html import json_script
from django.utils.translation import gettext, pgettext

register = template.Library()


@register.simple_tag
def programme_script_data(event):
    data = {
        "event": event.slug,
        "timeZone": event.time_zone,
        "agendaIcs": reverse("public:event-agenda-ics", kwargs={"slug": event.slug}),
        "programme": event.get_absolute_url(),
        "star": gettext("Add to my agenda"),
        "ownZone": gettext("Show times in my time zone (%(zone)s)"),
        "eventZone": gettext("Show times in the event's time zone"),
        "ownZoneNote": gettext("Times are shown in your time zone: %(zone)s."),
        "jumpToNow": gettext("Jump to now"),
        "underWay": gettext("Under way"),
    }
    return json_script(data, "programme-script-data")


@register.simple_tag
def share_script_data(event=None):
    """The share buttons' words (and, on a programme, its address for each slot's page)."""
    data = {
        # Not the "share" of the statistics (a proportion): a button that shares an address.
        "share": pgettext("button that shares an address", "Share"),
        "copied": gettext("Address copied"),
        "copyFailed": gettext("Copy this address:"),
    }
    if event is not None:
        data["programme"] = event.get_absolute_url()
    return json_script(data, "share-script-data")
