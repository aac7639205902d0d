from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from public.invalidation import connect_receivers


class PublicConfig(AppConfig):
    name = "public"
    verbose_name = _("Public site")

    def ready(self):
        connect_receivers()
