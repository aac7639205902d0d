"""Exports and statistics (staff) and feeds (public), under the language prefix."""

from django.urls import path

from programme import views

app_name = "programme"

urlpatterns = [
    # Staff: CSV exports and statistics (drafts included).
    path("events/<slug:slug>/export/<slug:kind>.csv", views.event_export, name="event-export"),
    path("series/<slug:slug>/export/<slug:kind>.csv", views.series_export, name="series-export"),
    path("events/<slug:slug>/statistics/", views.event_statistics, name="event-statistics"),
    path(
        "events/<slug:slug>/statistics.csv",
        views.event_statistics,
        {"as_csv": True},
        name="event-statistics-csv",
    ),
    path("series/<slug:slug>/statistics/", views.series_statistics, name="series-statistics"),
    path(
        "series/<slug:slug>/statistics.csv",
        views.series_statistics,
        {"as_csv": True},
        name="series-statistics-csv",
    ),
    # Everyone: feeds of published events.
    path("events/<slug:slug>/programme.ics", views.event_ics, name="event-ics"),
    path("events/<slug:slug>/sessions/<int:pk>.ics", views.session_ics, name="session-ics"),
    path("events/<slug:slug>/schedule.json", views.event_frab_json, name="event-frab-json"),
    path("events/<slug:slug>/schedule.xml", views.event_frab_xml, name="event-frab-xml"),
    path("events/<slug:slug>/programme.json", views.event_json, name="event-json"),
    path("events/<slug:slug>/programme.pdf", views.event_pdf, name="event-pdf"),
]
