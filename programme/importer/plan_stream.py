"""Planning a programme parsed piece by piece: :class:`PlanStream`, the streaming twin of
:func:`programme.importer.planner.build_plan`, for a text too long to hold whole."""

from programme.importer.plan import ImportPlan, PlanCounts
from programme.importer.planner import _Planner


class PlanStream:
    """:func:`build_plan` for a programme parsed piece by piece
    (:func:`programme.parser.stream_programme`), for a text too long to hold whole: each
    day is planned as it comes and handed back with its slots, which the caller reads
    (describes) and forgets; what is kept is a DayPlan without slots per date, the people,
    roles and organisations met, and the counts of :meth:`ImportPlan.summary`.

    The same plan as :func:`build_plan` of the whole text, and the same errors, to be
    described, never written: its new people are placeholders, its days lose their slots.
    Run it in ``translation.override("en")``, as :func:`build_plan` runs.
    """

    def __init__(self, event_slug):
        self._planner = _Planner({}, event_slug, describe_only=True)
        self.event = self._planner._event()
        self.counts = PlanCounts()
        self._intro = self._planner.intro(self.event, [])
        self._first = self._last = None

    def opening(self, paragraphs):
        """The plan so far, without its days: the event and the introduction
        (``paragraphs`` are the parser's, as in the ``intro`` of its dictionary)."""
        self._intro = self._planner.intro(self.event, paragraphs)
        return self._plan([], [], (None, None, []))

    def day(self, day_data):
        """Plan the parser's next day (its dictionary): (the DayPlan, the slots this day
        added to it, whether it is merged into an earlier heading of the same date). The
        DayPlan's slots are emptied: the caller reads them from the list returned."""
        day_plan, added, merged = self._planner.plan_day(self.event, day_data)
        day_plan.slots.clear()
        if not merged:
            self.counts.add_day(day_plan)
            self._first = min(self._first or day_plan.date, day_plan.date)
            self._last = max(self._last or day_plan.date, day_plan.date)
        for slot in added:
            self.counts.add_slot(slot)
        return day_plan, added, merged

    def close(self):
        """The plan once every day is planned: its days (without slots), dates and notes.
        Its unplaced lines are the caller's to count (``counts.summary(unplaced=…)``)."""
        dates = [self._first, self._last] if self._first else []
        closing = self._planner.close(self.event, dates, self._intro)
        return self._plan(list(self._planner._day_plans.values()), [], closing)

    def _plan(self, days, unplaced, closing):
        start_date, end_date, notes = closing
        return ImportPlan(
            event_slug=self._planner.event_slug,
            event=self.event,
            event_title=self._planner.event_title(self.event),
            start_date=start_date,
            end_date=end_date,
            intro=self._intro[0],
            use_intro=self._intro[1],
            days=days,
            unplaced=unplaced,
            notes=notes,
        )
