"""sitemap.xml: the home page, series, published events and the people who appear in them."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, Max, OuterRef, Q
from django.urls import reverse

from conference.enums import EventStatus
from conference.models import Event, EventSeries
from programme.models import Appearance
from speakers.models import Person


class PublicSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class HomeSitemap(PublicSitemap):
    changefreq = "weekly"

    def items(self):
        return ["public:home"]

    def location(self, item):
        return reverse(item)


class SeriesSitemap(PublicSitemap):
    def items(self):
        published = Event.objects.published().filter(series=OuterRef("pk"))
        return EventSeries.objects.filter(Exists(published)).order_by("slug")


class EventSitemap(PublicSitemap):
    def items(self):
        return Event.objects.published().order_by("-start_date", "slug")

    def lastmod(self, event):
        return event.updated_at


class PersonSitemap(PublicSitemap):
    def items(self):
        published = Appearance.objects.filter(
            person=OuterRef("pk"), slot__day__event__status=EventStatus.PUBLISHED
        )
        return (
            Person.objects.filter(Exists(published))
            .annotate(
                last_event_update=Max(
                    "appearances__slot__day__event__updated_at",
                    filter=Q(appearances__slot__day__event__status=EventStatus.PUBLISHED),
                )
            )
            .order_by("slug")
        )

    def lastmod(self, person):
        return max(person.updated_at, person.last_event_update or person.updated_at)


SITEMAPS = {
    "home": HomeSitemap,
    "series": SeriesSitemap,
    "events": EventSitemap,
    "people": PersonSitemap,
}
