from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.text import clean_text_on_save


class ConferenceConfig(AppConfig):
    name = "conference"
    verbose_name = _("Conferences")

    def ready(self):
        # Control characters never reach the database, whoever saves (core/text.py).
        clean_text_on_save(self)
