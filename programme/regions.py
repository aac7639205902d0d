"""UN geoscheme (M49) regions of the countries django-countries knows.

The United Nations Statistics Division groups countries and areas into five
regions (Standard country or area codes for statistical use, M49). Antarctica
belongs to none of them and is reported as “No region”.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UNRegion(models.TextChoices):
    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    OCEANIA = "oceania", _("Oceania")


_MEMBERS = {
    UNRegion.AFRICA: (
        # Northern Africa
        "DZ EG LY MA SD TN EH "
        # Eastern Africa
        "IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW "
        # Middle Africa
        "AO CM CF TD CG CD GQ GA ST "
        # Southern Africa
        "BW SZ LS NA ZA "
        # Western Africa
        "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG"
    ),
    UNRegion.AMERICAS: (
        # Caribbean
        "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI "
        # Central America
        "BZ CR SV GT HN MX NI PA "
        # South America
        "AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE "
        # Northern America
        "BM CA GL PM US"
    ),
    UNRegion.ASIA: (
        # Central Asia
        "KZ KG TJ TM UZ "
        # Eastern Asia
        "CN HK MO KP JP MN KR TW "
        # South-eastern Asia
        "BN KH ID LA MY MM PH SG TH TL VN "
        # Southern Asia
        "AF BD BT IN IR MV NP PK LK "
        # Western Asia
        "AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE"
    ),
    UNRegion.EUROPE: (
        # Eastern Europe
        "BY BG CZ HU PL MD RO RU SK UA "
        # Northern Europe
        "AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB "
        # Southern Europe
        "AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES "
        # Western Europe
        "AT BE FR DE LI LU MC NL CH"
    ),
    UNRegion.OCEANIA: (
        # Australia and New Zealand
        "AU NZ CX CC HM NF "
        # Melanesia
        "FJ NC PG SB VU "
        # Micronesia
        "GU KI MH FM NR MP PW UM "
        # Polynesia
        "AS CK PF NU PN WS TK TO TV WF"
    ),
}

REGION_OF_COUNTRY = {code: region for region, codes in _MEMBERS.items() for code in codes.split()}


def un_region(country_code):
    """The UNRegion of an ISO 3166 alpha-2 code, or None (blank code, Antarctica)."""
    return REGION_OF_COUNTRY.get((country_code or "").upper())
