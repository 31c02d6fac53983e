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


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Startseite und Inhaltsseiten")

    def ready(self):
        post_migrate.connect(_ensure_groups, dispatch_uid="home.ensure_groups")
        from home import renditions, translation_slugs

        translation_slugs.connect()
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale

        from home.localisation import forget_locales

        post_save.connect(forget_locales, sender=Locale, dispatch_uid="home.forget_locales")
        post_delete.connect(forget_locales, sender=Locale, dispatch_uid="home.forget_locales")
        renditions.connect()
