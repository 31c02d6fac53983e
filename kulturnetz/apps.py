from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KulturnetzConfig(AppConfig):
    name = "kulturnetz"
    verbose_name = _("Kulturnetz Landau")

    def ready(self):
        # Keep the occurrences table in step with publishing (kulturnetz/signals.py).
        from kulturnetz import signals

        signals.connect()
