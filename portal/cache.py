"""The shared cache on Redis, which the portal can do without for a while.

Everything the portal keeps in Redis is a copy (whole pages, pieces of pages, the content
generation) or is written through to the database (sessions). When Redis does not answer, a
page is rendered afresh instead of failing: each operation gives what a cache miss gives, and
the process stops asking Redis for ``RETRY_SECONDS``, so a Redis that does not answer at all
costs one connection timeout per process and interval, not one per cache read. The outage is
logged once per process and interval, as an error of ``portal.cache``.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class ResilientRedisCache(RedisCache):
    """Django's Redis cache that answers as if empty, and logs, while Redis is unreachable."""

    RETRY_SECONDS = 5

    def __init__(self, server, params):
        super().__init__(server, params)
        self._unavailable_until = 0.0

    def _call(self, operation, otherwise, *args, **kwargs):
        if time.monotonic() < self._unavailable_until:
            return otherwise
        try:
            result = operation(*args, **kwargs)
        except RedisError as error:
            self._unavailable_until = time.monotonic() + self.RETRY_SECONDS
            logger.error(
                "Redis does not answer (%s): the portal works without its cache and asks "
                "again in %d seconds.",
                error,
                self.RETRY_SECONDS,
            )
            return otherwise
        return result

    def ping(self):
        """Ask Redis itself, raising if it does not answer (for the health check)."""
        return self._cache.get_client().ping()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().add, False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        value = self._call(super().incr, missing, key, delta, version)
        if value is missing:
            # What Django's caches answer for a key they do not have.
            raise ValueError(f"Key '{key}' not found")
        return value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, None, keys, version)

    def clear(self):
        return self._call(super().clear, False)
