"""Site URLs. Public pages carry a language prefix (/en/, /fr/, /es/)."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("conference.public_urls")),
    path("speakers/", include("speakers.urls")),
    path("documents/", include("documents.urls")),
    path("", include("programme.urls")),
    prefix_default_language=True,
)
