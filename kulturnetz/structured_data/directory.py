"""JSON-LD for actors and venues (schema.org), as search engines and calendars read it.

An actor is a ``Person``, a ``PerformingGroup`` or an ``Organization`` by its kind; a venue is
an ``EventVenue``. The e-mail address appears only when its owner chose to publish it.
"""

from home.templatetags.portal_tags import json_script
from kulturnetz.reference import term
from kulturnetz.vocabularies import translation_key

COUNTRY = "DE"

# Kinds of actors (by translation key, so every language agrees) and their schema.org type;
# any other kind, e.g. an association or an institution, is an Organization.
ACTOR_TYPES = {
    translation_key("ActorKind", "kuenstlerin"): "Person",
    translation_key("ActorKind", "gruppe-ensemble"): "PerformingGroup",
}
DEFAULT_ACTOR_TYPE = "Organization"


def actor_type(kind):
    if kind is None:
        return DEFAULT_ACTOR_TYPE
    return ACTOR_TYPES.get(kind.translation_key, DEFAULT_ACTOR_TYPE)


def postal_address(page):
    if not (page.street or page.postcode or page.town):
        return None
    address = {"@type": "PostalAddress", "addressCountry": COUNTRY}
    for key, value in (
        ("streetAddress", page.street),
        ("postalCode", page.postcode),
        ("addressLocality", page.town),
    ):
        if value:
            address[key] = value
    return address


def _image_url(request, image, spec):
    if image is None:
        return None
    return request.build_absolute_uri(image.get_rendition(spec).url)


def _contact(data, page):
    if page.phone:
        data["telephone"] = page.phone
    if page.public_email:
        data["email"] = page.public_email
    address = postal_address(page)
    if address:
        data["address"] = address
    return data


def actor_data(request, page, social_links):
    # The kind from the cached vocabulary: its translation key is the same in every language.
    schema_type = actor_type(
        term(page._meta.get_field("kind").related_model, page.kind_id, page.locale_id)
    )
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": page.title,
        "url": page.get_full_url(request),
        "description": page.intro,
    }
    image = _image_url(request, page.logo, "max-400x400|format-png")
    if image:
        # A person has a picture, not a logo.
        data["image" if schema_type == "Person" else "logo"] = image
    same_as = [page.website] if page.website else []
    same_as += [link.url for link in social_links]
    if same_as:
        data["sameAs"] = same_as
    return _contact(data, page)


def venue_data(request, page, accessibility):
    data = {
        "@context": "https://schema.org",
        "@type": "EventVenue",
        "name": page.title,
        "url": page.get_full_url(request),
        "description": page.intro,
    }
    image = _image_url(request, page.header_image, "fill-1200x630|format-jpeg")
    if image:
        data["image"] = image
    if page.has_coordinates():
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    if page.capacity:
        data["maximumAttendeeCapacity"] = page.capacity
    if page.website:
        data["sameAs"] = [page.website]
    if accessibility:
        data["amenityFeature"] = [
            {"@type": "LocationFeatureSpecification", "name": feature.name, "value": True}
            for feature in accessibility
        ]
    return _contact(data, page)


def actor_jsonld(request, page, social_links):
    return json_script(actor_data(request, page, social_links))


def venue_jsonld(request, page, accessibility):
    return json_script(venue_data(request, page, accessibility))
