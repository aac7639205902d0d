"""Site URLs. Public pages carry a language prefix (/en/, /fr/, /es/)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from conference.forms import StaffPasswordResetForm
from core.admin_labels import LabelledAutocompleteJsonView
from core.cache import cached_public_page
from core.views import healthz
from public.embed_views import event_embed
from public.sitemaps import SITEMAPS
from public.views import robots_txt

urlpatterns = [
    # Outside the language prefix: load balancers call it without following redirects.
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    # The staff's password reset by e-mail (Django's views and the admin's templates); the
    # admin's log-in page links to it because a URL named admin_password_reset exists.
    path(
        "admin/password_reset/",
        auth_views.PasswordResetView.as_view(
            form_class=StaffPasswordResetForm, extra_context={"site_header": admin.site.site_header}
        ),
        name="admin_password_reset",
    ),
    path(
        "admin/password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(
            extra_context={"site_header": admin.site.site_header}
        ),
        name="password_reset_done",
    ),
    path(
        "admin/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            extra_context={"site_header": admin.site.site_header}
        ),
        name="password_reset_confirm",
    ),
    path(
        "admin/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            extra_context={"site_header": admin.site.site_header}
        ),
        name="password_reset_complete",
    ),
    # The admin's autocomplete, with rows labelled by their ModelAdmin (core.admin_labels);
    # the admin still reverses "admin:autocomplete" to this same address.
    path(
        "admin/autocomplete/",
        admin.site.admin_view(LabelledAutocompleteJsonView.as_view(admin_site=admin.site)),
    ),
    path("admin/", admin.site.urls),
    path(
        "sitemap.xml",
        cached_public_page("site", query=("p",))(sitemap),  # p: the page of a long sitemap
        {"sitemaps": SITEMAPS},
        name="sitemap",
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
