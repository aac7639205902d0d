"""WSGI entry point for gunicorn and other servers."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conference.settings")

application = get_wsgi_application()

# What the process made while starting (modules, settings, models, URL patterns) lives as
# long as it does: out of the garbage collector's passes, which otherwise walk those
# objects again at each full collection, in the middle of a page's render.
gc.freeze()
