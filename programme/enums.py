from django.db import models
from django.utils.translation import gettext_lazy as _


class SlotKind(models.TextChoices):
    OPENING = "opening", _("Opening")
    SCENE_SETTING = "scene-setting", _("Setting the scene")
    PANEL = "panel", _("Panel")
    KEYNOTE = "keynote", _("Keynote")
    SPECIAL = "special", _("Special session")
    BREAK = "break", _("Break")
    CLOSING = "closing", _("Closing")
    OTHER = "other", _("Other")


class LinkState(models.TextChoices):
    NEVER_OPENED = "never-opened", _("Never opened")
    OPENED = "opened", _("Opened")
    USED = "used", _("Used")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class PublishWhen(models.TextChoices):
    DELIVERED = "delivered", _("Publish when delivered (check against delivery)")
    NOW = "now", _("Publish as soon as the secretariat accepts it")


class MessageKind(models.TextChoices):
    LINK = "link", _("Personal link")
    REMINDER = "reminder", _("Reminder")


class ChangeKind(models.TextChoices):
    """What changed in a published programme, as a visitor would notice it."""

    SLOT_ADDED = "slot-added", _("Slot added")
    SLOT_REMOVED = "slot-removed", _("Slot removed")
    SLOT_MOVED = "slot-moved", _("Slot moved")
    SLOT_RETIMED = "slot-retimed", _("Slot retimed")
    SLOT_CANCELLED = "slot-cancelled", _("Slot cancelled")
    SLOT_REINSTATED = "slot-reinstated", _("Slot reinstated")
    SPEAKER_ADDED = "speaker-added", _("Speaker added")
    SPEAKER_REPLACED = "speaker-replaced", _("Speaker replaced")
    SPEAKER_REMOVED = "speaker-removed", _("Speaker removed")
    DESIGNATION_CORRECTED = "designation-corrected", _("Designation corrected")
    DOCUMENT_ADDED = "document-added", _("Document added")
    VIDEO_ADDED = "video-added", _("Video added")
