"""The Kulturnetz's part of the v3 API, assembled from one router per concern."""

from ninja import Router

from .directory import router as directory_router

router = Router(tags=["kulturnetz"])
router.add_router("", directory_router)
