from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class ConferenceConfig(AppConfig):
    name = "conference"
    verbose_name = _("Conferences")

    def ready(self):
        from conference.cache import connect_receivers
        from conference.search import register_sqlite_functions

        connect_receivers()

        connection_created.connect(register_sqlite_functions, dispatch_uid="plenary_sqlite_fold")
