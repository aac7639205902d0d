"""Until the public site is merged, the named public URLs the admin links to (“View on
site”) do not exist; these stand-ins let the admin pages render. Used only when
conference:event-detail cannot be reversed (see conftest.py); delete after the merge."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import include, path

from conference.urls import urlpatterns as site_urlpatterns


def stand_in(request, **kwargs):
    return HttpResponse("stand-in for a public page", content_type="text/plain")


conference_patterns = (
    [
        path("events/<slug:slug>/", stand_in, name="event-detail"),
        path("series/<slug:slug>/", stand_in, name="series-detail"),
    ],
    "conference",
)
speakers_patterns = ([path("<slug:slug>/", stand_in, name="person-detail")], "speakers")
documents_patterns = ([path("<int:pk>/", stand_in, name="document-download")], "documents")

urlpatterns = [
    pattern
    for pattern in site_urlpatterns
    if getattr(pattern, "pattern", None) is None
    or "i18n" in str(pattern.pattern)
    or str(pattern.pattern) == "admin/"
]
urlpatterns += i18n_patterns(
    path("", include(conference_patterns)),
    path("speakers/", include(speakers_patterns)),
    path("documents/", include(documents_patterns)),
    prefix_default_language=True,
)
