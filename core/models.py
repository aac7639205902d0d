"""Abstract base models: the bookkeeping columns every app's models share."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimestampedModel(models.Model):
    """When the row was created and last saved (history pages leave both out)."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(TimestampedModel):
    """A row that admin change forms lock optimistically.

    `version` starts at 1 and only ever goes up: core.locking raises it when a change form
    saves, core.history.bump_versions when an inline or an action saves the row. Nothing
    else writes it, and forms never show it.
    """

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta(TimestampedModel.Meta):
        abstract = True
