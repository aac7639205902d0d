"""One named query per page: everything the page needs, in a constant number of queries."""

from django.db.models import Prefetch

from programme.models import Participation, Session

PARTICIPATION_PRINTED_ORDER = ["-role__listed_before_speakers", "order", "pk"]


def participations_in_printed_order():
    """Roles listed before the speakers first, then the speakers, each in their order."""
    return Participation.objects.select_related("person", "role", "organization").order_by(
        *PARTICIPATION_PRINTED_ORDER
    )


def programme_overview_for_admin(event):
    """The event's days with their slots and people, for the read-only admin overview."""
    sessions = Session.objects.order_by("order", "start_time").prefetch_related(
        Prefetch("participations", queryset=participations_in_printed_order())
    )
    return event.days.order_by("date").prefetch_related(Prefetch("sessions", queryset=sessions))
