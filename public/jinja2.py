"""The Jinja2 environment of the templates printed most often (``templates/jinja2/``).

The list of speakers prints hundreds of people: Django's template engine resolves every
variable and include at each render, Jinja2 compiles a template to Python once. The rest of
the site stays in Django templates. (A programme's slots are printed in Python,
``public.printing``: their template took a tenth of a big programme's render.)

The environment speaks as the Django templates do:

- ``_()`` is Django's ``gettext`` (the same catalogues and messages), each message looked
  up once per language (``core.choices.message``);
- ``row|translated("room")`` is a translated field as its descriptor gives it, read from
  what ``core.rows.instances`` resolved when the row was read (``core.rows.text``);
- values are escaped as Django's ``conditional_escape`` does (``&#x27;`` for ``'``, as Django
  prints it), so a page is the same byte for byte whichever engine printed a piece;
- a template keeps its last newline, as Django's do.
"""

import functools
import html

from django.template import defaultfilters, engines
from django.templatetags.tz import utc
from django.urls import reverse
from django.utils.translation import ngettext
from jinja2 import Environment
from markupsafe import Markup

from core.choices import message
from core.rows import text
from public.printing import slot_time
from public.templatetags.languages import fallback_lang
from public.templatetags.plenary import iso_minutes, markdown


def escape_quotes_as_django(value):
    """The environment's ``finalize``: with the autoescape (always on) that follows it, a
    value printed as Django's ``conditional_escape`` (``html.escape``) prints it.

    The autoescape (MarkupSafe) replaces ``&``, ``<`` and ``>`` as Django does, but writes
    quotes otherwise (``&#39;`` where Django prints ``&#x27;``): text with a quote is
    escaped here, as Django does, and other text is left to the autoescape (one escape per
    value printed rather than two).
    """
    if value.__class__ is not str:  # most values printed are plain text
        if hasattr(value, "__html__"):
            return value
        value = str(value)
    if "'" in value or '"' in value:
        return Markup(html.escape(value))  # noqa: S704 (escaped here)
    return value


def environment(**options):
    options.setdefault("keep_trailing_newline", True)
    options.pop("autoescape", None)  # always on
    env = Environment(autoescape=True, finalize=escape_quotes_as_django, **options)
    env.globals.update(
        _=message,
        ngettext=ngettext,
        url=reverse,
        fallback_lang=fallback_lang,
        slot_time=slot_time,
    )
    env.filters.update(
        markdown=markdown,
        translated=text,
        iso_minutes=iso_minutes,
        time=defaultfilters.time,
        date=defaultfilters.date,
        utc=utc,
    )
    return env


@functools.cache
def jinja():
    """The site's Jinja2 environment (the second backend of TEMPLATES)."""
    return engines["jinja2"].env
