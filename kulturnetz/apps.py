from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KulturnetzConfig(AppConfig):
    name = "kulturnetz"
    verbose_name = _("Kulturnetz Landau")

    def ready(self):
        # Keep the occurrences table in step with publishing (kulturnetz/signals.py).
        from kulturnetz import signals
        from kulturnetz.submissions import notifications

        signals.connect()
        # The review of suggestions: e-mails, and what publishing or declining means for them.
        notifications.connect()
