from django.apps import AppConfig


class LateConfig(AppConfig):
    """Installed last (``INSTALLED_APPS``), so its ``ready`` sees every app's models and hooks."""

    name = "portal.late"
    label = "portal_late"

    def ready(self):
        from home import cache_generation

        cache_generation.connect()
