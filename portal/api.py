"""Assembles the one v3 API (and so one OpenAPI document) from Wagtail and the feature apps."""

from django.conf import settings

from portal.hooks import API_ROUTERS, collect

_assembled = False


def get_api():
    """Return Wagtail's v3 API with every plugin router added (once, before its URLs exist)."""
    global _assembled
    from wagtail.api.v3.urls import api

    if not _assembled:
        _assembled = True
        if "wagtail.locales" not in settings.INSTALLED_APPS:
            # wagtail_localize.locales replaces wagtail.locales, whose ready() adds this route.
            from wagtail.locales.api.v3 import router as locales_router

            api.add_router("/locales/", locales_router)
        for prefix, router in collect(API_ROUTERS):
            api.add_router(prefix, router)
    return api
