from django.apps import AppConfig
from django.core import checks
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _

from core.cache_checks import check_shared_cache
from core.search import register_sqlite_functions


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Plenary core")

    def ready(self):
        checks.register(check_shared_cache, checks.Tags.caches, deploy=True)
        connection_created.connect(register_sqlite_functions, dispatch_uid="plenary_sqlite_fold")
