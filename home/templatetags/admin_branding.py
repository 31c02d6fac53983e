"""The house's name in the admin's title bar and on its login page."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def admin_site_name():
    return settings.WAGTAIL_SITE_NAME
