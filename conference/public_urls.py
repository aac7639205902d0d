from django.urls import path

from conference import views

app_name = "conference"

urlpatterns = [
    path("", views.home, name="home"),
    path("series/<slug:slug>/", views.series_detail, name="series-detail"),
    path("events/<slug:slug>/", views.event_detail, name="event-detail"),
    path("events/<slug:slug>/speakers/", views.event_speakers, name="event-speakers"),
    path("events/<slug:slug>/photos/", views.event_photos, name="event-photos"),
    path("search/", views.search, name="search"),
]
