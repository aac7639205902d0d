from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    OPENING_REMARKS = "opening-remarks", _("Opening remarks")
    REMARKS = "remarks", _("Remarks")
    PRESENTATION = "presentation", _("Presentation")
    STATEMENT = "statement", _("Statement")
    KEYNOTE_ADDRESS = "keynote-address", _("Keynote address")
    CONCEPT_NOTE = "concept-note", _("Concept note")
    AGENDA = "agenda", _("Agenda")
    BACKGROUND_PAPER = "background-paper", _("Background paper")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other")
