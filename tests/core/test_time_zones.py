"""Saying in which zone times are, from the IANA zone at the event's dates."""

import datetime

import pytest

from core.time_zones import time_zone_statement, zone_city

OCTOBER = datetime.date(2018, 10, 8)
JANUARY = datetime.date(2019, 1, 15)


@pytest.mark.parametrize(
    ("zone", "date", "place", "statement"),
    [
        ("Europe/Zurich", OCTOBER, "Geneva", "Times are Geneva time, CEST (UTC+2)"),
        ("Europe/Zurich", JANUARY, "Geneva", "Times are Geneva time, CET (UTC+1)"),
        ("Europe/Zurich", OCTOBER, "", "Times are Zurich time, CEST (UTC+2)"),
        ("America/New_York", OCTOBER, "", "Times are New York time, EDT (UTC\u22124)"),
        ("America/New_York", JANUARY, "", "Times are New York time, EST (UTC\u22125)"),
        ("Asia/Kolkata", OCTOBER, "", "Times are Kolkata time, IST (UTC+5:30)"),
        ("Asia/Dubai", OCTOBER, "", "Times are Dubai time (UTC+4)"),
        ("UTC", OCTOBER, "Geneva", "Times are in UTC"),
        ("Etc/GMT+5", OCTOBER, "", "Times are UTC\u22125"),
    ],
)
def test_time_zone_statement(zone, date, place, statement):
    assert time_zone_statement(zone, date, place=place) == statement


def test_zone_city_of_a_three_part_zone():
    assert zone_city("America/Argentina/Buenos_Aires") == "Buenos Aires"
