from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_groups(sender, **kwargs):
    # post_migrate fires once per app; permissions of an app exist only after its own signal,
    # so the groups are built on the last app's signal.
    last_app = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender is not last_app:
        return
    from home.groups import ensure_groups

    ensure_groups()


def _answer_active_locale_from_memo(locale_model):
    """Wagtail's ``Locale.get_active()`` queries the locale table on every call, and every page
    request calls it (``Page.route_for_request`` through ``root_page.localized``). It answers
    from ``home.localisation.active_locale``'s per-process memo instead, with the same fallback
    to the default locale. Upstream: wagtail/models/i18n.py, ``Locale.get_active``."""
    from home.localisation import active_locale

    locale_model.get_active = classmethod(lambda cls: active_locale())


def _skip_view_restriction_queries_where_none_can_apply(page_model):
    """Wagtail's ``Page.get_view_restrictions()`` asks the database twice on every page request
    (the page's ancestors, then their restrictions), though most sites restrict few pages or
    none. The restricted and alias paths come from the shared cache (a new, changed or removed
    restriction starts a new content generation); where none can apply, no query is made."""
    from wagtail.models import PageViewRestriction

    from home.public_cache import may_have_view_restrictions

    wagtails_own = page_model.get_view_restrictions

    def get_view_restrictions(self):
        if may_have_view_restrictions(self):
            return wagtails_own(self)
        return PageViewRestriction.objects.none()

    page_model.get_view_restrictions = get_view_restrictions


def _find_the_site_of_a_host_in_the_cache(site_model):
    """Wagtail's ``Site.find_for_request`` asks the database on every request that needs the
    site. The answer for a host and port changes only when a site is saved or deleted, which
    starts a new content generation; hosts outside ``ALLOWED_HOSTS`` are left to Wagtail."""
    from django.core.exceptions import DisallowedHost

    from home.public_cache import cached

    wagtails_own = site_model._find_for_request

    def _find_for_request(request):
        try:
            host = request.get_host()
        except DisallowedHost:
            return wagtails_own(request)
        return cached(f"site:{host}:{request.get_port()}", lambda: wagtails_own(request))

    site_model._find_for_request = staticmethod(_find_for_request)


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Startseite und Inhaltsseiten")

    def ready(self):
        post_migrate.connect(_ensure_groups, dispatch_uid="home.ensure_groups")
        from home import renditions, task_retry, translation_slugs

        translation_slugs.connect()
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale

        from home.localisation import forget_locales

        post_save.connect(forget_locales, sender=Locale, dispatch_uid="home.forget_locales")
        post_delete.connect(forget_locales, sender=Locale, dispatch_uid="home.forget_locales")
        _answer_active_locale_from_memo(Locale)
        from wagtail.models import Page, Site

        _skip_view_restriction_queries_where_none_can_apply(Page)
        _find_the_site_of_a_host_in_the_cache(Site)
        renditions.connect()
        task_retry.connect()
