"""Countries as people print them: “Cote D’Ivoire”, “United Kingdom”, “Suisse”."""

from functools import lru_cache

from django.utils import translation
from django_countries import countries

from speakers.names import normalise_name

# Common names that differ from the ones django-countries prints.
COUNTRY_ALIASES = {
    "usa": "US",
    "us": "US",
    "united states": "US",
    "uk": "GB",
    "great britain": "GB",
    "united kingdom of great britain and northern ireland": "GB",
    "republic of moldova": "MD",
    "united republic of tanzania": "TZ",
    "republic of korea": "KR",
    "korea": "KR",
    "russian federation": "RU",
    "iran islamic republic of": "IR",
    "islamic republic of iran": "IR",
    "bolivia plurinational state of": "BO",
    "plurinational state of bolivia": "BO",
    "venezuela bolivarian republic of": "VE",
    "bolivarian republic of venezuela": "VE",
    "viet nam": "VN",
    "lao people s democratic republic": "LA",
    "syrian arab republic": "SY",
    "the netherlands": "NL",
    "netherlands": "NL",
    "turkey": "TR",
    "turkiye": "TR",
    "ivory coast": "CI",
    "cote d ivoire": "CI",
    "the gambia": "GM",
    "democratic republic of the congo": "CD",
    "state of palestine": "PS",
}


@lru_cache(maxsize=1)
def _country_index():
    index = dict(COUNTRY_ALIASES)
    for language in ("en", "fr", "es"):
        with translation.override(language):
            for code, name in countries:
                index.setdefault(normalise_name(name), code)
    return index


def country_code(text):
    """The ISO code of a country printed as text (“Cote D’Ivoire” → “CI”), or “”."""
    return _country_index().get(normalise_name(text), "")
