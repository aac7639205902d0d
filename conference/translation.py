"""Fields staff enter in English, French and Spanish (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from conference.models import Day, Event, EventSeries


@register(EventSeries)
class EventSeriesTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "subtitle", "edition", "description", "venue", "city")


@register(Day)
class DayTranslationOptions(TranslationOptions):
    fields = ("label",)
