"""The Kulturnetz's part of the v3 API, mounted at ``/api/v3/kulturnetz/``.

One router assembled from one module per part (events; the directory of actors and venues),
so each part is written on its own.
"""

from importlib import import_module

from ninja import Router

router = Router(tags=["kulturnetz"])

for _name in ("events", "directory"):
    try:
        _module = import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as error:
        if error.name != f"{__name__}.{_name}":
            raise
        continue
    router.add_router("", _module.router)
