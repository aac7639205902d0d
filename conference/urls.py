"""Site URLs. Public pages carry a language prefix (/en/, /fr/, /es/)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from core.cache import cached_public_page
from core.views import healthz
from public.embed_views import event_embed
from public.sitemaps import SITEMAPS
from public.views import robots_txt

urlpatterns = [
    # Outside the language prefix: load balancers call it without following redirects.
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path(
        "sitemap.xml", cached_public_page("site")(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"
    ),
    path("robots.txt", robots_txt, name="robots-txt"),
    # The programme for an iframe on another site: the language comes after /embed/.
    path("embed/<str:lang>/events/<slug:slug>/", event_embed, name="event-embed"),
]

urlpatterns += i18n_patterns(
    path("", include("public.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
