"""Slots of the timetable, the roles people play in them, and their appearances."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from django_countries.fields import CountryField

from conference.enums import EventStatus
from core.choices import message
from core.models import VersionedModel
from core.rows import text
from programme.designations import remembered_line_from_names
from programme.enums import SlotKind
from programme.video import MomentField, format_moment, moment_url
from speakers.enums import Honorific, honorific_label

# A numbered slot's heading, translated where it is printed.
SESSION_HEADING = gettext_noop("Session %(number)s: %(title)s")


def slot_heading(number, title, session_heading=None):
    """“Session 1: Advancing migration governance …” or just the title. ``session_heading``:
    SESSION_HEADING in the active language, when a feed printing many has translated it."""
    if number:
        session_heading = session_heading or message(SESSION_HEADING)
        return session_heading % {"number": number, "title": title}
    return title


def designation_as_printed(
    designation, position, organisation_name, country, acronym="", language=None
):
    """The line after a name: the designation as printed when there is one, else the
    position, the organisation's name and the country's name (of a Country or a code), each
    left out when the position already says it (programme.designations.line_from_names).
    Worked out once per combination and language: feeds and exports print it on every row
    (``language``: the active one, when the caller has read it already)."""
    if designation:
        return designation
    return remembered_line_from_names(position, organisation_name, acronym, country, language)


def video_moment_url(video_url, video_start):
    """The video at the moment (in seconds) a person starts speaking; "" without both
    (Appearance.video_moment_url, and the feeds reading appearances as rows)."""
    if video_start is None or not video_url:
        return ""
    return moment_url(video_url, video_start)


class Role(models.Model):
    """What a person does in a slot: moderator, presenter, speaker …"""

    name = models.CharField(_("name"), max_length=100, unique=True)
    label = models.CharField(
        _("printed label"),
        max_length=150,
        help_text=_("As printed before the name, without the colon: “Moderator”."),
    )
    listed_before_speakers = models.BooleanField(
        _("listed before the speakers"),
        default=True,
        help_text=_("Printed with its label above the list of speakers (moderators, presenters)."),
    )
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        return self.label or self.name


class SlotQuerySet(models.QuerySet):
    def published(self):
        return self.filter(day__event__status=EventStatus.PUBLISHED)


class Slot(VersionedModel):
    """A slot of the timetable: a panel, a keynote, a break …"""

    day = models.ForeignKey(
        "conference.Day", verbose_name=_("day"), on_delete=models.PROTECT, related_name="slots"
    )
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=SlotKind, default=SlotKind.PANEL)
    number = models.CharField(
        _("number"),
        max_length=10,
        blank=True,
        help_text=_("As printed: “4”, “IV” or “4a” prints “Session 4”. Leave blank if none."),
    )
    title = models.CharField(_("title"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    video_url = models.URLField(
        _("video of the session"),
        blank=True,
        help_text=_(
            "The address of the recording, for example https://www.youtube.com/watch?v=… or https://webtv.un.org/en/asset/…."
        ),
    )
    room = models.CharField(_("room"), max_length=200, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_("Stays in the programme, struck through, with the note below."),
    )
    cancellation_note = models.CharField(
        _("cancellation note"),
        max_length=300,
        blank=True,
        help_text=_("Printed under a cancelled slot: “Postponed to the afternoon”."),
    )

    objects = SlotQuerySet.as_manager()

    class Meta:
        ordering = ["order", "start_time"]
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True) | Q(end_time__gt=F("start_time")),
                name="slot_ends_after_start",
                violation_error_message=_("The session must end after it starts."),
            ),
            models.CheckConstraint(condition=Q(kind__in=SlotKind.values), name="slot_kind_valid"),
        ]

    def __str__(self):
        start = self.start_time.strftime("%H:%M") if self.start_time else ""
        return f"{start} {self.heading}".strip()

    def get_absolute_url(self):
        return f"{self.day.event.get_absolute_url()}#{self.anchor}"

    @property
    def heading(self):
        """“Session 1: Advancing migration governance …” or just the title (core.rows.text)."""
        return slot_heading(self.number, text(self, "title"))

    @property
    def anchor(self):
        return f"session-{self.pk}"

    @property
    def starts_at(self):
        """The start as an aware datetime in the event's time zone.

        Reads self.day.event: a list of slots loads them with the slots (select_related
        "day__event", or the slots prefetched from event.days) to avoid a query per slot.
        """
        day = self.day
        return datetime.datetime.combine(day.date, self.start_time, tzinfo=day.event.tzinfo)

    @property
    def ends_at(self):
        """The end as an aware datetime in the event's time zone, None without an end time."""
        if self.end_time is None:
            return None
        day = self.day
        return datetime.datetime.combine(day.date, self.end_time, tzinfo=day.event.tzinfo)

    @property
    def is_break(self):
        return self.kind == SlotKind.BREAK

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("The session must end after it starts.")})


class Appearance(VersionedModel):
    """A person in a role in a slot, with their designation as printed for this appearance."""

    slot = models.ForeignKey(
        "programme.Slot",
        verbose_name=_("slot"),
        on_delete=models.PROTECT,
        related_name="appearances",
    )
    person = models.ForeignKey(
        "speakers.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="appearances",
    )
    role = models.ForeignKey(
        "programme.Role",
        verbose_name=_("role"),
        on_delete=models.PROTECT,
        related_name="appearances",
    )
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    honorific = models.CharField(_("honorific"), max_length=10, choices=Honorific, blank=True)
    position = models.CharField(_("position"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        "speakers.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="appearances",
        null=True,
        blank=True,
    )
    country = CountryField(_("country"), blank=True)
    designation = models.TextField(
        _("designation as printed"),
        blank=True,
        help_text=_(
            "The full line as printed after the name, when it does not split cleanly into "
            "position, organisation and country. Printed instead of them when filled."
        ),
    )
    video_start = MomentField(
        _("starts speaking at"),
        null=True,
        blank=True,
        help_text=_("When the person starts speaking in the slot's video: 1:02:35 or 2:35."),
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("appearance")
        verbose_name_plural = _("appearances")
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "person", "role"],
                name="appearance_unique_person_role",
                violation_error_message=_("This person already has this role in this slot."),
            ),
        ]

    def __str__(self):
        return self.designation or self.position or _("Appearance %(pk)s") % {"pk": self.pk}

    def save(self, *args, **kwargs):
        if self._state.adding and self.person_id:
            self.fill_from_person()
        super().save(*args, **kwargs)

    def get_honorific_display(self):
        """As printed in the reader's language (“M.”, “Sr.”, “S. E. Mme”): pages, the PDF
        and the back office alike print this (speakers.enums.honorific_label)."""
        return honorific_label(self.honorific)

    @property
    def video_moment(self):
        """“1:02:35”: when the person starts speaking in the slot's video; "" if unknown."""
        return format_moment(self.video_start)

    @property
    def video_moment_url(self):
        """The slot's video at the moment the person starts speaking; "" without both.

        Reads self.slot: loaded with the appearance (appearances prefetched from their slot
        set it without a query).
        """
        if self.video_start is None:  # the slot not read
            return ""
        return video_moment_url(self.slot.video_url, self.video_start)

    @property
    def printed_designation(self):
        """The designation as printed on the programme for this appearance."""
        return self.printed_designation_in()

    def printed_designation_in(self, language=None):
        """:attr:`printed_designation`, ``language`` the active one when the caller has read
        it already (a big programme prints 800 of them).

        The translated fields are read with core.rows.text: resolved once when the row was
        read as values, else through their descriptors. The country is read as its code, as
        the row holds it (its descriptor would build a Country for it).
        """
        organisation = self.organisation if self.organisation_id else None
        country = self.__dict__.get("country")
        if country is None:  # deferred: through the descriptor
            country = self.country
        return designation_as_printed(
            text(self, "designation"),
            text(self, "position"),
            text(organisation, "name") if organisation else "",
            country,
            organisation.acronym if organisation else "",
            language,
        )

    def fill_from_person(self):
        """Start a new appearance from the person's current position."""
        if self.position or self.designation:
            return
        person = self.person
        self.honorific = self.honorific or person.honorific
        self.position = person.position
        if self.organisation_id is None:
            self.organisation_id = person.organisation_id
        if not self.country:
            self.country = person.country

    def clean(self):
        super().clean()
        if self.slot_id and self.person_id and self.role_id:
            clash = Appearance.objects.filter(
                slot_id=self.slot_id, person_id=self.person_id, role_id=self.role_id
            ).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError(
                    {"person": _("This person already has this role in this slot.")}
                )


# Links, proposals and uploads of speakers live in their own module; the receivers that keep
# embargo lift moments in step with the timetable, and those that record the changes of
# published programmes (programme.changes), are connected on import.
from programme import changes, embargoes  # noqa: E402, F401
from programme.change_models import ChangeEntry  # noqa: E402
from programme.contribution_models import (  # noqa: E402
    ContributionLink,
    DesignationProposal,
    DocumentSubmission,
    ProfileSubmission,
)
from programme.message_models import (  # noqa: E402
    ContributionMessage,
    ContributionMessageTemplate,
)

__all__ = [
    "Appearance",
    "ChangeEntry",
    "ContributionLink",
    "ContributionMessage",
    "ContributionMessageTemplate",
    "DesignationProposal",
    "DocumentSubmission",
    "ProfileSubmission",
    "Role",
    "Slot",
]
