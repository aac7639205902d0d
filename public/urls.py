"""The public site's addresses, under the language prefix (/en/, /fr/, /es/)."""

from django.urls import path

from public import change_views, checklist_views, contribute_views, feed_views, live_views, views

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("series/<slug:slug>/", views.series_detail, name="series-detail"),
    path("events/<slug:slug>/", views.event_detail, name="event-detail"),
    path("events/<slug:slug>/speakers/", views.event_speakers, name="event-speakers"),
    path("events/<slug:slug>/photos/", views.event_photos, name="event-photos"),
    path("events/<slug:slug>/sessions/<int:pk>/", views.slot_detail, name="slot-detail"),
    path("events/<slug:slug>/now/", live_views.event_now, name="event-now"),
    path(
        "events/<slug:slug>/now/fragment/",
        live_views.event_now_fragment,
        name="event-now-fragment",
    ),
    path("events/<slug:slug>/changes/", change_views.event_changes, name="event-changes"),
    path(
        "events/<slug:slug>/changes.atom",
        change_views.event_changes_atom,
        name="event-changes-atom",
    ),
    path("search/", views.search, name="search"),
    path("speakers/<slug:slug>/", views.person_detail, name="person-detail"),
    path("documents/<int:pk>/", views.document_download, name="document-download"),
    # Staff: the list of speakers by delegation (before the exports it would look like).
    *(
        path(
            f"events/<slug:slug>/export/list-of-speakers.{extension}",
            feed_views.event_list_of_speakers,
            {"file_format": extension},
            name=f"event-list-of-speakers-{extension}",
        )
        for extension in ("pdf", "docx", "xlsx")
    ),
    # A speaker's personal link (no account): one appearance, nothing public until accepted.
    path("contribute/<str:token>/", contribute_views.contribute, name="contribute"),
    # Staff: CSV and Excel exports and statistics (drafts of a series on request).
    path("events/<slug:slug>/export/<slug:kind>.csv", feed_views.event_export, name="event-export"),
    path(
        "events/<slug:slug>/export/<slug:kind>.xlsx",
        feed_views.event_export,
        {"file_format": "xlsx"},
        name="event-export-xlsx",
    ),
    path(
        "series/<slug:slug>/export/<slug:kind>.csv",
        feed_views.series_export,
        name="series-export",
    ),
    path(
        "series/<slug:slug>/export/<slug:kind>.xlsx",
        feed_views.series_export,
        {"file_format": "xlsx"},
        name="series-export-xlsx",
    ),
    path("events/<slug:slug>/statistics/", feed_views.event_statistics, name="event-statistics"),
    path(
        "events/<slug:slug>/statistics.csv",
        feed_views.event_statistics,
        {"as_csv": True},
        name="event-statistics-csv",
    ),
    path(
        "events/<slug:slug>/statistics.xlsx",
        feed_views.event_statistics,
        {"file_format": "xlsx"},
        name="event-statistics-xlsx",
    ),
    path(
        "events/<slug:slug>/checklist/",
        checklist_views.event_checklist_page,
        name="event-checklist",
    ),
    path(
        "events/<slug:slug>/checklist.csv",
        checklist_views.event_checklist_csv,
        name="event-checklist-csv",
    ),
    path("series/<slug:slug>/statistics/", feed_views.series_statistics, name="series-statistics"),
    path(
        "series/<slug:slug>/statistics.csv",
        feed_views.series_statistics,
        {"as_csv": True},
        name="series-statistics-csv",
    ),
    path(
        "series/<slug:slug>/statistics.xlsx",
        feed_views.series_statistics,
        {"file_format": "xlsx"},
        name="series-statistics-xlsx",
    ),
    # Everyone: feeds of published events.
    path("events/<slug:slug>/programme.ics", feed_views.event_ics, name="event-ics"),
    path("events/<slug:slug>/sessions/<int:pk>.ics", feed_views.slot_ics, name="session-ics"),
    path("events/<slug:slug>/agenda.ics", feed_views.agenda_ics, name="event-agenda-ics"),
    path("events/<slug:slug>/schedule.json", feed_views.event_frab_json, name="event-frab-json"),
    path("events/<slug:slug>/schedule.xml", feed_views.event_frab_xml, name="event-frab-xml"),
    path("events/<slug:slug>/programme.json", feed_views.event_json, name="event-json"),
    path("events/<slug:slug>/programme.pdf", feed_views.event_pdf, name="event-pdf"),
]
