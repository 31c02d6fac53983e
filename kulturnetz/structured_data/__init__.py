"""JSON-LD (schema.org) for the Kulturnetz's pages: events, and the actors and venues of the
directory."""

from .directory import actor_jsonld, actor_type, venue_jsonld
from .events import event_jsonld

__all__ = ["actor_jsonld", "actor_type", "event_jsonld", "venue_jsonld"]
