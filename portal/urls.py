from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import login_protection
from home import views as home_views
from portal.api import get_api
from portal.views import healthz, not_found

urlpatterns = [
    # Outside the language prefixes, never cached: the load balancer's probe.
    path("healthz", healthz, name="healthz"),
    # Wagtail's "failwhale" raises on purpose to try the error page: no URL of the portal
    # answers 500 for a request a person can send.
    path("admin/failwhale/", not_found),
    # Wagtail's "Passwort vergessen?", with the mails per address and per e-mail limited.
    path(
        "admin/password_reset/",
        login_protection.ThrottledPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v3/", get_api().urls),
    path("sitemap.xml", home_views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", home_views.sitemap_section, name="sitemap_section"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("", home_views.language_redirect, name="language_redirect"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif getattr(settings, "PORTAL_SERVE_MEDIA", False):
    # `make serve`: uploads from MEDIA_ROOT without a web server in front (production serves
    # media from object storage or the reverse proxy instead).
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += i18n_patterns(
    path(home_views.SEARCH_WORD, home_views.search, name="search"),
    # The other language's word for the search leads to this language's search.
    *[path(word, home_views.search_redirect) for word in home_views.search_words()],
    # Wagtail's password form of private pages, with wrong passwords counted and locked.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        login_protection.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
