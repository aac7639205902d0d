from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class ConferenceConfig(AppConfig):
    name = "conference"
    verbose_name = _("Conferences")

    def ready(self):
        from django.core import checks

        from conference.cache import check_shared_cache, connect_receivers
        from conference.search import register_sqlite_functions

        connect_receivers()
        checks.register(check_shared_cache, checks.Tags.caches, deploy=True)

        connection_created.connect(register_sqlite_functions, dispatch_uid="plenary_sqlite_fold")
