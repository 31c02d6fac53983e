from .pages import HomePage, SeoFieldsMixin, StandardPage
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
    "HomePage",
    "NavigationItem",
    "NavigationSettings",
    "OrganisationSettings",
    "SeoFieldsMixin",
    "StandardPage",
]
