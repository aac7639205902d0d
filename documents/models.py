"""Documents (remarks, presentations, background papers) and photos of events."""

import mimetypes
import os
import uuid
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from conference.enums import EventStatus
from core.choices import choice_label, row_url
from core.models import TimestampedModel
from core.uploads import (
    normalised_document_name,
    replace_with_reencoded,
    validate_document_upload,
    validate_image_upload,
)
from documents.enums import DocumentKind

THUMBNAIL_SIZE = (480, 480)
ONE_TARGET = _("Attach the document to exactly one of: the event, a slot or an appearance.")
FILE_OR_URL = _("Give either an uploaded file or an external address, not both.")
NEEDS_ALT_TEXT = _("Describe the photo for people who cannot see it.")
# The format of a document without a file extension, and of an external address (one
# object each, which public.display translates once per page).
FILE_FORMAT = _("File")
LINK_FORMAT = _("Link")


def document_upload_to(instance, filename):
    """Stored under a generated name: the uploader's file name never reaches the disk."""
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"documents/{uuid.uuid4().hex}{extension}"


def photo_upload_to(instance, filename):
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"photos/{uuid.uuid4().hex}{extension}"


def published_through(prefix=""):
    """Q that is true when the document or photo belongs to a published event."""
    return (
        Q(**{f"{prefix}event__status": EventStatus.PUBLISHED})
        | Q(**{f"{prefix}slot__day__event__status": EventStatus.PUBLISHED})
        | Q(**{f"{prefix}appearance__slot__day__event__status": EventStatus.PUBLISHED})
    )


def embargo_lifted(now=None):
    """Q that is true unless the document is held until its slot is delivered.

    A document "embargoed until delivered" is released when staff mark it delivered or when
    its slot starts (``embargo_lifts_at``, the slot's start in UTC), whichever comes first.
    """
    return (
        Q(embargoed_until_delivered=False)
        | Q(delivered_at__isnull=False)
        | Q(embargo_lifts_at__lte=now or timezone.now())
    )


def released_to_public(now=None):
    """Q that is true for a public document with a file or a link, not under embargo."""
    return Q(is_public=True) & ~(Q(file="") & Q(url="")) & embargo_lifted(now)


class DocumentQuerySet(models.QuerySet):
    def public(self):
        """Public documents with a file or a link, in published events, not under embargo."""
        return self.filter(released_to_public() & published_through())

    def released(self, now=None):
        """Public documents with a file or a link, not under embargo (at ``now``), whatever
        their event: for a query limited to the documents of events the visitor may see
        (``documents.queries.documents_of_visible_event``), which needs no join."""
        return self.filter(released_to_public(now))


class Document(TimestampedModel):
    """A document attached to exactly one event, slot or appearance."""

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=30, choices=DocumentKind, default=DocumentKind.OTHER
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    file = models.FileField(
        _("file"),
        upload_to=document_upload_to,
        blank=True,
        max_length=200,
        validators=[validate_document_upload],
        help_text=_(
            "PDF, Word, Excel, PowerPoint, OpenDocument or plain text; checked by content."
        ),
    )
    url = models.URLField(_("external address"), blank=True, max_length=500)
    file_size = models.PositiveBigIntegerField(
        _("file size in bytes"), null=True, blank=True, editable=False
    )
    content_type = models.CharField(_("content type"), max_length=100, blank=True, editable=False)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    event = models.ForeignKey(
        "conference.Event",
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        related_name="documents",
        null=True,
        blank=True,
    )
    slot = models.ForeignKey(
        "programme.Slot",
        verbose_name=_("slot"),
        on_delete=models.PROTECT,
        related_name="documents",
        null=True,
        blank=True,
    )
    appearance = models.ForeignKey(
        "programme.Appearance",
        verbose_name=_("appearance"),
        on_delete=models.PROTECT,
        related_name="documents",
        null=True,
        blank=True,
    )
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        on_delete=models.CASCADE,
        related_name="translations",
        null=True,
        blank=True,
        help_text=_(
            "The same document in another language: listed as one entry with its languages."
        ),
    )
    is_public = models.BooleanField(_("public"), default=True)
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    embargoed_until_delivered = models.BooleanField(
        _("embargoed until delivered"),
        default=False,
        help_text=_(
            "Hidden from the public until its slot starts or until it is marked delivered."
        ),
    )
    delivered_at = models.DateTimeField(
        _("delivered at"),
        null=True,
        blank=True,
        help_text=_("When the statement was delivered; releases an embargoed document."),
    )
    embargo_lifts_at = models.DateTimeField(
        _("embargo lifts at"), null=True, blank=True, editable=False, db_index=True
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(event__isnull=False, slot__isnull=True, appearance__isnull=True)
                    | Q(event__isnull=True, slot__isnull=False, appearance__isnull=True)
                    | Q(event__isnull=True, slot__isnull=True, appearance__isnull=False)
                ),
                name="document_has_exactly_one_target",
                violation_error_message=ONE_TARGET,
            ),
            models.CheckConstraint(
                condition=Q(file="") | Q(url=""),
                name="document_not_both_file_and_url",
                violation_error_message=FILE_OR_URL,
            ),
            models.CheckConstraint(
                condition=Q(kind__in=DocumentKind.values), name="document_kind_valid"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            # Stored with the extension of what the file really is.
            self.file.name = normalised_document_name(self.file)
        if self.file:
            try:
                self.file_size = self.file.size
            except (FileNotFoundError, ValueError):
                self.file_size = None
            self.content_type = (
                mimetypes.guess_type(self.file.name)[0] or "application/octet-stream"
            )
        else:
            self.file_size = None
            self.content_type = ""
        # Only a held document needs its slot's start (and the queries to read it).
        self.embargo_lifts_at = self.slot_start() if self.embargoed_until_delivered else None
        super().save(*args, **kwargs)

    # Where the public downloads a document: the view and the argument naming the document.
    DOWNLOAD_VIEW = ("public:document-download", "pk")

    def get_absolute_url(self):
        return row_url(*self.DOWNLOAD_VIEW, self.pk)

    def get_kind_display(self):
        return choice_label(DocumentKind, self.kind)

    def slot_start(self):
        """The start of the document's slot (its appearance's slot), or None for an event's."""
        if self.slot_id:
            return self.slot.starts_at
        if self.appearance_id:
            return self.appearance.slot.starts_at
        return None

    @property
    def is_embargoed(self):
        """Held from the public until delivered: staff see it with a badge."""
        if not self.embargoed_until_delivered or self.delivered_at is not None:
            return False
        return self.embargo_lifts_at is None or self.embargo_lifts_at > timezone.now()

    @property
    def file_name(self):
        """The stored file's name, "" without a file.

        Read from the row as loaded (a name) when it is there: the file's descriptor would
        build a FieldFile for it, and a programme page asks this of 1,500 documents.
        """
        value = self.__dict__.get("file")
        if value is None:  # deferred (or none): through the descriptor
            value = self.file
        return getattr(value, "name", value) or ""

    @property
    def is_placeholder(self):
        """A document awaiting its file: shown to staff only."""
        return not self.file_name and not self.url

    @property
    def format_label(self):
        """“PDF”, “PPTX” … from the stored file's name, or “Link” for an external address."""
        name = self.file_name
        if name:
            return os.path.splitext(name)[1].lstrip(".").upper() or FILE_FORMAT
        if self.url:
            return LINK_FORMAT
        return ""

    def clean(self):
        super().clean()
        targets = [self.event_id, self.slot_id, self.appearance_id]
        if sum(target is not None for target in targets) != 1:
            raise ValidationError({"event": ONE_TARGET})
        if self.file and self.url:
            raise ValidationError({"url": FILE_OR_URL})


class PhotoQuerySet(models.QuerySet):
    def public(self):
        return self.filter(event__status=EventStatus.PUBLISHED)


class Photo(models.Model):
    """A photo of an event, optionally of one slot, with a thumbnail made on upload."""

    event = models.ForeignKey(
        "conference.Event", verbose_name=_("event"), on_delete=models.PROTECT, related_name="photos"
    )
    slot = models.ForeignKey(
        "programme.Slot",
        verbose_name=_("slot"),
        on_delete=models.PROTECT,
        related_name="photos",
        null=True,
        blank=True,
    )
    image = models.ImageField(
        _("image"),
        upload_to=photo_upload_to,
        width_field="width",
        height_field="height",
        validators=[validate_image_upload],
        help_text=_("JPEG, PNG or WebP. Stored re-encoded, without its metadata."),
    )
    width = models.PositiveIntegerField(_("width"), null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True, editable=False)
    thumbnail = models.ImageField(
        _("thumbnail"), upload_to="photos/thumbnails/", blank=True, editable=False
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    alt_text = models.CharField(
        _("text alternative"),
        max_length=500,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        constraints = [
            models.CheckConstraint(
                condition=~Q(alt_text=""),
                name="photo_has_alt_text",
                violation_error_message=NEEDS_ALT_TEXT,
            ),
        ]

    def __str__(self):
        return self.caption or self.alt_text

    def save(self, *args, **kwargs):
        if replace_with_reencoded(self, "image"):
            self.thumbnail = ""
        if self.image and not self.thumbnail:
            self.make_thumbnail()
        if self.image and (self.width is None or self.height is None):
            # A file saved onto the field (image.save(…, save=False)) leaves them empty, and
            # a photo without them opens its file each time it is read from the database.
            self.width, self.height = self.image.width, self.image.height
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not (self.alt_text or "").strip():
            raise ValidationError({"alt_text": NEEDS_ALT_TEXT})
        if self.slot_id and self.event_id and self.slot.day.event_id != self.event_id:
            raise ValidationError({"slot": _("This slot belongs to another event.")})

    def make_thumbnail(self):
        """Render a JPEG thumbnail of the image with Pillow."""
        from PIL import Image

        self.image.open("rb")
        self.image.seek(0)
        with Image.open(self.image) as source:
            source.thumbnail(THUMBNAIL_SIZE)
            buffer = BytesIO()
            source.convert("RGB").save(buffer, format="JPEG", quality=82, optimize=True)
        name = f"{uuid.uuid4().hex}.jpg"
        self.thumbnail.save(name, ContentFile(buffer.getvalue()), save=False)
