"""The Kulturnetz's part of the v3 API, mounted at ``/api/v3/kulturnetz/``: one router per part
(the events; the directory of actors and venues; the map's places), assembled here."""

from ninja import Router

from .directory import router as directory_router
from .events import router as events_router
from .map import router as map_router

router = Router(tags=["kulturnetz"])
router.add_router("", events_router)
router.add_router("", directory_router)
router.add_router("", map_router)
