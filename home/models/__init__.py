from .forms import FormThrottle, SpentFormToken
from .pages import HeaderImageMixin, HomePage, SeoFieldsMixin, StandardPage
from .settings import (
    FooterLegalLink,
    FooterSettings,
    FooterSocialLink,
    NavigationItem,
    NavigationSettings,
    OrganisationSettings,
)

__all__ = [
    "FooterLegalLink",
    "FooterSettings",
    "FooterSocialLink",
    "FormThrottle",
    "HeaderImageMixin",
    "HomePage",
    "NavigationItem",
    "NavigationSettings",
    "OrganisationSettings",
    "SeoFieldsMixin",
    "SpentFormToken",
    "StandardPage",
]
