"""The staff checklist of an event: who has sent what, as a page and as CSV."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from conference.models import Event
from programme.checklist import checklist_table, event_checklist
from programme.exports import csv_response
from public.feed_views import permission_required


@require_safe
@permission_required
def event_checklist_page(request, slug):
    event = get_object_or_404(Event, slug=slug)
    only_missing = request.GET.get("missing") == "1"
    slots = event_checklist(event, only_missing=only_missing)
    context = {
        "event": event,
        "slots": slots,
        "only_missing": only_missing,
        "missing": sum(entry.missing for entry in slots),
        # The buttons post to the slot list's actions, which check the same permission.
        "can_act": request.user.has_perm("programme.change_slot"),
    }
    response = render(request, "programme/checklist.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
@permission_required
def event_checklist_csv(request, slug):
    event = get_object_or_404(Event, slug=slug)
    header, rows = checklist_table(event)
    return csv_response(header, rows, f"{event.slug}-checklist.csv")
