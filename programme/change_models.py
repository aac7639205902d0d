"""The public record of changes to a published programme (one row per change a visitor
would notice). Imported by ``programme.models``; written by ``programme.changes`` only."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from conference.enums import EventStatus
from programme.enums import ChangeKind


class ChangeEntryQuerySet(models.QuerySet):
    def public(self, now=None):
        """Entries visitors see: of published events, not silent, past their grace period."""
        return self.filter(
            event__status=EventStatus.PUBLISHED,
            silent=False,
            publish_at__lte=now or timezone.now(),
        )

    def pending(self, now=None):
        """Entries still in their grace period: staff may mark them silent."""
        return self.filter(silent=False, publish_at__gt=now or timezone.now())


class ChangeEntry(models.Model):
    """A change to a published programme, worded at display time from ``data``.

    ``data`` holds what the sentence needs as it was at the change (the slot's number and
    title in each language, times as printed in the event's zone, names, designations), so
    the entry still reads right after later edits or once the slot is deleted.
    """

    event = models.ForeignKey(
        "conference.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="change_entries",
    )
    slot = models.ForeignKey(
        "programme.Slot",
        verbose_name=_("slot"),
        on_delete=models.SET_NULL,
        related_name="change_entries",
        null=True,
        blank=True,
    )
    kind = models.CharField(_("kind"), max_length=30, choices=ChangeKind)
    data = models.JSONField(_("data"), default=dict, blank=True)
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now, db_index=True)
    publish_at = models.DateTimeField(
        _("public from"),
        db_index=True,
        help_text=_("Listed publicly from this moment, unless marked silent."),
    )
    silent = models.BooleanField(
        _("silent"),
        default=False,
        help_text=_("A correction visitors need not be told about (a typo): never listed."),
    )

    objects = ChangeEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        verbose_name = _("change")
        verbose_name_plural = _("changes")
        constraints = [
            models.CheckConstraint(
                condition=Q(publish_at__gte=F("created_at")),
                name="change_entry_public_after_recorded",
                violation_error_message=_("A change cannot be public before it was recorded."),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ChangeKind.values), name="change_entry_kind_valid"
            ),
        ]
        indexes = [
            # The feeds' sequence numbers (programme.changes.change_counts): each slot's
            # public changes counted from this index alone, read in slot order (2,400
            # changes of the big conference: 3% of its calendar's render otherwise).
            models.Index(
                fields=["event", "slot", "silent", "publish_at"], name="change_entry_counts"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self):
        url = reverse("public:event-changes", kwargs={"slug": self.event.slug})
        return f"{url}#change-{self.pk}"

    @property
    def is_public(self):
        return not self.silent and self.publish_at <= timezone.now()

    def clean(self):
        super().clean()
        if self.publish_at and self.created_at and self.publish_at < self.created_at:
            raise ValidationError(
                {"publish_at": _("A change cannot be public before it was recorded.")}
            )
