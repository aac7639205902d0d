"""The messages staff send to speakers: an editable text per event, kind and language, and a
log of every message sent, kept on the appearance.

Imported by ``programme.models``.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from programme.enums import MessageKind

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class ContributionMessageTemplate(models.Model):
    """The subject and text of one kind of message, for one event, in one language.

    Placeholders in braces are filled in for each person: {name}, {event}, {slot}, {when},
    {role}, {link}, {valid_until}, {missing}. Without a template, the default text is used.
    """

    event = models.ForeignKey(
        "conference.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="message_templates",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MessageKind)
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(
        _("text"),
        help_text=_(
            "Filled in for each person: {name}, {event}, {slot}, {when}, {role}, {link}, "
            "{valid_until}, {missing}."
        ),
    )

    class Meta:
        ordering = ["event", "kind", "language"]
        verbose_name = _("message text")
        verbose_name_plural = _("message texts")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "kind", "language"], name="messagetemplate_unique_per_language"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=MessageKind.values), name="messagetemplate_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(language__in=LANGUAGE_CODES), name="messagetemplate_language_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.language.upper()})"

    def clean(self):
        super().clean()
        clash = ContributionMessageTemplate.objects.filter(
            event_id=self.event_id, kind=self.kind, language=self.language
        ).exclude(pk=self.pk)
        if self.event_id and clash.exists():
            raise ValidationError(
                {"language": _("This event already has this message in this language.")}
            )
        if "{link}" not in (self.body or ""):
            raise ValidationError(
                {"body": _("Keep {link} in the text: it is where the personal link goes.")}
            )


class ContributionMessage(models.Model):
    """One message sent to the person of an appearance: when, to whom, what, by whom."""

    appearance = models.ForeignKey(
        "programme.Appearance",
        verbose_name=_("appearance"),
        on_delete=models.CASCADE,
        related_name="contribution_messages",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MessageKind)
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    sent_to = models.EmailField(_("sent to"))
    subject = models.CharField(_("subject"), max_length=200)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("message sent")
        verbose_name_plural = _("messages sent")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=MessageKind.values), name="contributionmessage_kind_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.sent_to}"
