"""The Jinja2 environment of the templates printed most often (``templates/jinja2/``).

A programme page prints hundreds of slots, appearances and documents: Django's template
engine resolves every variable and include at each render, Jinja2 compiles a template to
Python once. The rest of the site stays in Django templates; the Django templates that
print the same pieces call these ones through :func:`render_macro` (one implementation).

The environment speaks as the Django templates do:

- ``_()`` is Django's ``gettext`` (the same catalogues and messages);
- values are escaped as Django's ``conditional_escape`` does (``&#x27;`` for ``'``, as Django
  prints it), so a page is the same byte for byte whichever engine printed a piece;
- a template keeps its last newline, as Django's do.
"""

import functools
import html

from django.template import defaultfilters, engines
from django.templatetags.tz import utc
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from jinja2 import Environment
from markupsafe import Markup

from public.templatetags.languages import fallback_lang
from public.templatetags.plenary import iso_minutes, markdown


def escape_as_django(value):
    """Django's ``conditional_escape`` (``html.escape``), without its lazy-string wrapper."""
    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value)))  # noqa: S704 (escaped here)


def environment(**options):
    options.setdefault("keep_trailing_newline", True)
    options.pop("autoescape", None)  # always on
    env = Environment(autoescape=True, finalize=escape_as_django, **options)
    env.globals.update(_=gettext, ngettext=ngettext, url=reverse, fallback_lang=fallback_lang)
    env.filters.update(
        markdown=markdown,
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


def render_macro(template_name, macro, *args, **kwargs):
    """Call a macro of a Jinja2 template; the HTML it returns, safe for a Django template."""
    module = jinja().get_template(template_name).module
    return mark_safe(str(getattr(module, macro)(*args, **kwargs)))
