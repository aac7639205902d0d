"""What speakers send through their personal link: links, designation proposals, uploads.

Imported by ``programme.models``; nothing here is public until staff accept it.
"""

import datetime
import hashlib
import os
import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.uploads import replace_with_reencoded, validate_image_upload
from programme.enums import LinkState, PublishWhen, ReviewStatus
from speakers.enums import Honorific

LINK_VALID_DAYS_AFTER_EVENT = 30
BIOGRAPHY_MAX_LENGTH = 3000


def submitted_photo_upload_to(instance, filename):
    """Under ``submissions/`` with a generated name: the web server refuses that folder."""
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"submissions/photos/{uuid.uuid4().hex}{extension}"


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class ContributionLinkQuerySet(models.QuerySet):
    def for_token(self, token):
        return self.filter(token_hash=hash_token(token))


class ContributionLink(models.Model):
    """A personal link that opens one appearance; only the token's hash is stored."""

    appearance = models.ForeignKey(
        "programme.Appearance",
        verbose_name=_("appearance"),
        on_delete=models.CASCADE,
        related_name="contribution_links",
    )
    token_hash = models.CharField(_("token hash"), max_length=64, editable=False)
    valid_until = models.DateField(_("valid until"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    first_opened_at = models.DateTimeField(_("first opened at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = ContributionLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("personal link")
        verbose_name_plural = _("personal links")
        constraints = [
            models.UniqueConstraint(fields=["token_hash"], name="contributionlink_unique_hash"),
        ]

    def __str__(self):
        return _("Personal link valid until %(date)s") % {"date": self.valid_until.isoformat()}

    @classmethod
    def issue(cls, appearance, user=None, valid_until=None):
        """A new link and its plain token, which is never stored and shown only once."""
        token = secrets.token_urlsafe(32)
        event = appearance.slot.day.event
        valid_until = valid_until or (
            event.end_date + datetime.timedelta(days=LINK_VALID_DAYS_AFTER_EVENT)
        )
        link = cls.objects.create(
            appearance=appearance,
            token_hash=hash_token(token),
            valid_until=valid_until,
            created_by=user if user and user.is_authenticated else None,
        )
        return link, token

    @property
    def is_expired(self):
        return timezone.localdate() > self.valid_until

    @property
    def state(self):
        if self.revoked_at:
            return LinkState.REVOKED
        if self.is_expired:
            return LinkState.EXPIRED
        if self.last_used_at:
            return LinkState.USED
        if self.first_opened_at:
            return LinkState.OPENED
        return LinkState.NEVER_OPENED

    @property
    def is_usable(self):
        return self.state not in {LinkState.REVOKED, LinkState.EXPIRED}


class Review(models.Model):
    """What staff decide on something a speaker sent."""

    appearance = models.ForeignKey(
        "programme.Appearance", verbose_name=_("appearance"), on_delete=models.CASCADE
    )
    link = models.ForeignKey(
        "programme.ContributionLink",
        verbose_name=_("personal link"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ReviewStatus, default=ReviewStatus.PENDING
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True

    def mark(self, status, user):
        self.status = status
        self.reviewed_at = timezone.now()
        self.reviewed_by = user
        self.save(update_fields=["status", "reviewed_at", "reviewed_by"])


class DesignationProposal(Review):
    """A correction of the name and designation printed for one appearance, as proposed."""

    honorific = models.CharField(_("honorific"), max_length=10, choices=Honorific, blank=True)
    given_names = models.CharField(_("given names"), max_length=150, blank=True)
    family_names = models.CharField(_("family names"), max_length=150)
    position = models.CharField(_("position"), max_length=300, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    country = CountryField(_("country"), blank=True)

    class Meta:
        ordering = ["-sent_at", "pk"]
        verbose_name = _("proposed designation")
        verbose_name_plural = _("proposed designations")
        default_related_name = "designation_proposals"
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ReviewStatus.values),
                name="designationproposal_status_valid",
            ),
        ]

    def __str__(self):
        return " ".join(part for part in [self.given_names, self.family_names] if part)


class DocumentSubmission(Review):
    """A file a speaker uploaded: a document kept out of public view until accepted."""

    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    publish = models.CharField(
        _("publish"), max_length=20, choices=PublishWhen, default=PublishWhen.DELIVERED
    )
    replaced_placeholder = models.BooleanField(_("replaced a placeholder"), default=False)

    class Meta:
        ordering = ["-sent_at", "pk"]
        verbose_name = _("uploaded document")
        verbose_name_plural = _("uploaded documents")
        default_related_name = "document_submissions"
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ReviewStatus.values),
                name="documentsubmission_status_valid",
            ),
        ]

    def __str__(self):
        return _("Upload %(pk)s") % {"pk": self.pk}


class ProfileSubmission(Review):
    """A short biography and/or a photo a speaker sent, applied to the person once accepted."""

    biography = models.TextField(_("biography"), max_length=BIOGRAPHY_MAX_LENGTH, blank=True)
    photo = models.ImageField(
        _("photo"),
        upload_to=submitted_photo_upload_to,
        blank=True,
        validators=[validate_image_upload],
        help_text=_("JPEG, PNG or WebP. Stored re-encoded, without its metadata."),
    )

    class Meta:
        ordering = ["-sent_at", "pk"]
        verbose_name = _("biography and photo sent")
        verbose_name_plural = _("biographies and photos sent")
        default_related_name = "profile_submissions"
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ReviewStatus.values),
                name="profilesubmission_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(biography="") | ~Q(photo=""),
                name="profilesubmission_not_empty",
            ),
        ]

    def __str__(self):
        return _("Biography and photo %(pk)s") % {"pk": self.pk}

    def save(self, *args, **kwargs):
        replace_with_reencoded(self, "photo")
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not (self.biography or "").strip() and not self.photo:
            raise ValidationError(
                {"biography": _("Write a short biography or choose a photo, or both.")}
            )
