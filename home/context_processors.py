"""What every template may use."""

from django.utils.functional import SimpleLazyObject

from home.chrome import site_chrome


def chrome(request):
    """``chrome``: the site chrome (home/chrome.py), looked up only when a template uses it."""
    return {"chrome": SimpleLazyObject(lambda: site_chrome(request))}
