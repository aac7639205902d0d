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
