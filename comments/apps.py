from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    """Reader comments for any page type: rules, moderation admin, privacy, API."""

    name = "comments"
    label = "comments"
    verbose_name = _("Kommentare")

    def ready(self):
        from comments import signals

        signals.connect()
