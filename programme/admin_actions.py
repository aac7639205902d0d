"""Admin actions on events: the CSV exports of the selected events, in one file."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from programme.exports import EXPORTS, csv_response
from programme.links import base_url_for


def _export_action(kind, description):
    export = EXPORTS[kind]

    @admin.action(description=description, permissions=["view"])
    def action(modeladmin, request, queryset):
        events = queryset.model.objects.filter(pk__in=queryset.values("pk"))
        slugs = list(events.values_list("slug", flat=True)[:2])
        name = slugs[0] if len(slugs) == 1 else "events"
        header, rows = export.csv_table(events, base_url_for(request))
        return csv_response(header, rows, f"{name}-{kind}.csv", neutralised=True)

    action.__name__ = f"export_{kind}_csv"
    return action


EVENT_EXPORT_ACTIONS = [
    _export_action("participants", _("Export participants (CSV)")),
    _export_action("programme", _("Export programme (CSV)")),
    _export_action("documents", _("Export documents (CSV)")),
    _export_action("people", _("Export people (CSV)")),
]
