"""Dates are written the way each language writes them."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

OCTOBER_8 = datetime.date(2018, 10, 8)


def render(source, language, **context):
    with translation.override(language):
        return Template(source).render(Context(context))


@pytest.mark.parametrize(
    ("language", "printed"),
    [
        ("en", "8 October 2018"),
        ("fr", "8 octobre 2018"),
        ("es", "8 de octubre de 2018"),
    ],
)
def test_date_format_follows_the_language(language, printed):
    assert render('{{ day|date:"DATE_FORMAT" }}', language, day=OCTOBER_8) == printed


@pytest.mark.parametrize(
    ("language", "printed"),
    [("en", "8 October"), ("fr", "8 octobre"), ("es", "8 de octubre")],
)
def test_day_and_month_follow_the_language(language, printed):
    assert render('{{ day|date:"MONTH_DAY_FORMAT" }}', language, day=OCTOBER_8) == printed


@pytest.mark.parametrize(
    ("language", "printed"),
    [("en", "14:30"), ("fr", "14:30"), ("es", "14:30")],
)
def test_times_use_the_24_hour_clock(language, printed):
    assert render('{{ t|time:"TIME_FORMAT" }}', language, t=datetime.time(14, 30)) == printed


@pytest.mark.parametrize(
    ("language", "printed"),
    [("en", "Monday"), ("fr", "lundi"), ("es", "lunes")],
)
def test_weekday_names_follow_the_language(language, printed):
    assert render('{{ day|date:"l" }}', language, day=OCTOBER_8) == printed
