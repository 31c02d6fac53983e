from .actors import ActorOffer, ActorPage, SocialLink
from .events import EventDate, EventPage, EventStatus
from .indexes import ActorIndexPage, EventIndexPage, KulturnetzIndexPage, VenueIndexPage
from .occurrences import Occurrence
from .reports import EntryReport
from .submissions import Submission
from .taxonomies import AccessibilityFeature, ActorKind, Discipline, District, EventCategory
from .venues import OpeningHours, VenuePage, VenueRoom

__all__ = [
    "AccessibilityFeature",
    "ActorIndexPage",
    "ActorKind",
    "ActorOffer",
    "ActorPage",
    "Discipline",
    "District",
    "EntryReport",
    "EventCategory",
    "EventDate",
    "EventIndexPage",
    "EventPage",
    "EventStatus",
    "KulturnetzIndexPage",
    "Occurrence",
    "OpeningHours",
    "SocialLink",
    "Submission",
    "VenueIndexPage",
    "VenuePage",
    "VenueRoom",
]
