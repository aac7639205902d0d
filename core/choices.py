"""Labels of choices and addresses of rows, computed once per language instead of per row.

A programme page prints hundreds of honorifics, document kinds and links. Django's
``get_FOO_display()`` rebuilds a dictionary of every choice (translating each label) at each
call, and ``reverse()`` walks the URL resolver at each call: on the big conference's
programme they were a third of the rendering time.
"""

import functools
import re

from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language, gettext

SAFE_VALUE = re.compile(r"[-\w]+", re.ASCII)
# Values that the slug and the int path converters accept and no address contains.
PLACEHOLDERS = ("plenary0placeholder0value", "987654321987654321")


@functools.lru_cache(maxsize=1024)
def _message(text, language):
    return gettext(text)


def message(text, language=None):
    """Django's ``gettext``, each message looked up once per language (a page prints the same
    few messages for each of its slots); ``language``: the active one, when the caller has
    read it already."""
    return _message(text, language or get_language())


@functools.cache
def _labels(choices, language):
    return {member.value: str(member.label) for member in choices}


def choice_label(choices, value, language=None):
    """The label of a value of a TextChoices class in the active language (like get_FOO_display);
    ``language``: the active one, when the caller has read it already."""
    return _labels(choices, language or get_language()).get(value, value)


@functools.lru_cache(maxsize=2048)
def _country_name(code, language):
    from django_countries import countries

    return str(countries.name(code))


def country_name(country):
    """The name of a django-countries Country (or of a country code) in the active
    language, looked up once."""
    return _country_name(getattr(country, "code", country), get_language()) if country else ""


@functools.lru_cache(maxsize=256)
def _address_pattern(viewname, kwarg, language, prefix, urlconf):
    for placeholder in PLACEHOLDERS:
        try:
            return reverse(viewname, urlconf=urlconf, kwargs={kwarg: placeholder}), placeholder
        except NoReverseMatch:
            continue
    raise NoReverseMatch(f"{viewname} takes no slug or number as {kwarg}")


def row_url(viewname, kwarg, value):
    """``reverse(viewname, kwargs={kwarg: value})`` for a slug or a number, resolved once.

    The address is reversed once per language with a placeholder that any slug or int
    converter accepts, then the value is put in its place. A value with other characters
    goes through ``reverse()``.
    """
    return row_url_function(viewname, kwarg)(value)


def row_url_function(viewname, kwarg):
    """``row_url`` for many rows of one page or export: language, script prefix and URLconf
    looked up once (the active ones when this is called)."""
    pattern, placeholder = _address_pattern(
        viewname, kwarg, get_language(), get_script_prefix(), get_urlconf()
    )
    digits = placeholder.isdigit()

    def url(value):
        if value.__class__ is int and value >= 0:  # a key: digits, which both converters take
            return pattern.replace(placeholder, str(value))
        text = str(value)
        if value is None or not SAFE_VALUE.fullmatch(text) or (digits and not text.isdigit()):
            return reverse(viewname, kwargs={kwarg: value})
        return pattern.replace(placeholder, text)

    return url
