"""Series, events and their days."""

import zoneinfo

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from conference.enums import EventStatus
from conference.visibility import can_see_unpublished
from core.models import VersionedModel
from core.time_zones import time_zone_statement


class User(AbstractUser):
    """A member of the secretariat (or an administrator)."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        ordering = ["username"]


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as Europe/Zurich."),
            params={"value": value},
        )


class EventSeries(models.Model):
    """A recurring meeting, such as the International Dialogue on Migration."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("Part of the public address, for example /en/series/idm/."),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(
        _("website"), blank=True, help_text=_("For example https://www.iom.int/idm.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("public:series-detail", kwargs={"slug": self.slug})


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=EventStatus.PUBLISHED)

    def visible_to(self, user):
        """Every event for those who may see unpublished content, published ones for others."""
        return self.visible(can_see_unpublished(user))

    def visible(self, unpublished):
        """Every event when ``unpublished`` (``can_see_unpublished`` of the visitor), the
        published ones otherwise."""
        if unpublished:
            return self.all()
        return self.published()


class Event(VersionedModel):
    """One meeting of a series: a programme over one or more days."""

    series = models.ForeignKey(
        "conference.EventSeries",
        verbose_name=_("series"),
        on_delete=models.PROTECT,
        related_name="events",
        null=True,
        blank=True,
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_(
            "Part of the public address, for example /en/events/idm-2019-first-session/. "
            "Do not change once published."
        ),
    )
    subtitle = models.CharField(_("subtitle or theme"), max_length=300, blank=True)
    edition = models.CharField(
        _("edition"), max_length=100, blank=True, help_text=_("For example “Second session”.")
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Paragraphs separated by a blank line. Markdown is allowed."),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Zurich",
        validators=[validate_time_zone],
        help_text=_("Slot times are typed in this zone: New York for an event in New York."),
    )
    website = models.URLField(
        _("website"),
        blank=True,
        help_text=_("The event's own page, for example https://www.iom.int/idm-2019."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus, default=EventStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="event_ends_on_or_after_start",
                violation_error_message=_("The event must end on or after the day it starts."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=EventStatus.values),
                name="event_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.edition})" if self.edition else self.title

    def get_absolute_url(self):
        return reverse("public:event-detail", kwargs={"slug": self.slug})

    @property
    def is_published(self):
        return self.status == EventStatus.PUBLISHED

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def time_zone_statement(self):
        """“Times are Geneva time, CEST (UTC+2)”: the zone of every time shown for the event."""
        return time_zone_statement(self.time_zone, self.start_date, place=str(self.city or ""))

    def publish(self):
        self.status = EventStatus.PUBLISHED
        if self.published_at is None:
            self.published_at = timezone.now()

    def unpublish(self):
        self.status = EventStatus.DRAFT

    def clean(self):
        super().clean()
        if self.start_date and self.end_date:
            if self.end_date < self.start_date:
                raise ValidationError(
                    {"end_date": _("The event must end on or after the day it starts.")}
                )
            if self.pk:
                outside = self.days.exclude(date__range=(self.start_date, self.end_date))
                dates = ", ".join(day.date.isoformat() for day in outside)
                if dates:
                    raise ValidationError(
                        {
                            "start_date": _(
                                "The event has days outside these dates (%(dates)s). "
                                "Move or delete those days first."
                            )
                            % {"dates": dates}
                        }
                    )


class Day(VersionedModel):
    """A day of an event's programme, printed as a heading (“DAY ONE – 8 October 2018”)."""

    event = models.ForeignKey(
        "conference.Event", verbose_name=_("event"), on_delete=models.PROTECT, related_name="days"
    )
    date = models.DateField(_("date"))
    label = models.CharField(
        _("label"), max_length=100, blank=True, help_text=_("For example “DAY ONE”.")
    )

    class Meta:
        ordering = ["event", "date"]
        verbose_name = _("day")
        verbose_name_plural = _("days")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "date"],
                name="day_unique_date_per_event",
                violation_error_message=_("This event already has a day on this date."),
            ),
        ]

    def __str__(self):
        date = self.date.isoformat() if self.date else ""
        return f"{self.label} – {date}" if self.label else date

    def clean(self):
        super().clean()
        if self.date is None or self.event_id is None:
            return
        event = self.event
        if (
            event.start_date
            and event.end_date
            and not event.start_date <= self.date <= event.end_date
        ):
            raise ValidationError(
                {
                    "date": _("The day must fall within the event's dates (%(start)s to %(end)s).")
                    % {"start": event.start_date, "end": event.end_date}
                }
            )
        clash = Day.objects.filter(event_id=self.event_id, date=self.date).exclude(pk=self.pk)
        if clash.exists():
            raise ValidationError({"date": _("This event already has a day on this date.")})
