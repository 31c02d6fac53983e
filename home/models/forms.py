"""What the shared form protections (home/form_protection.py) remember between requests."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SpentFormToken(models.Model):
    """A form start token that was used once: the same form cannot be sent twice."""

    token = models.CharField(max_length=120, unique=True)
    spent_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("Verbrauchtes Formular-Token")
        verbose_name_plural = _("Verbrauchte Formular-Tokens")


class FormThrottle(models.Model):
    """When a sender (a keyed hash of an address or e-mail) last sent a public form."""

    key = models.CharField(max_length=80, unique=True)
    last_post_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("Formular-Sperre")
        verbose_name_plural = _("Formular-Sperren")
