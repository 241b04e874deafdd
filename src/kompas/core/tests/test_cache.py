# SPDX-License-Identifier: EUPL-1.2
"""The Redis cache of production (core.cache): one client per pool, same behaviour."""

import os
import socket
import uuid

import pytest

from kompas.core.cache import RedisCache

URL = os.environ.get("KOMPAS_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def _cache():
    return RedisCache(URL, {"KEY_PREFIX": f"test-cache-{uuid.uuid4().hex}"})


def test_one_client_per_pool_not_per_call():
    cache = _cache()._cache  # no connection is made by building clients
    assert cache.get_client(write=True) is cache.get_client(write=True)
    assert cache.get_client() is cache.get_client(write=True)  # one server: one pool


def _redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _redis_up(), reason="Redis is not running on 127.0.0.1:6379")
def test_rate_limit_counters_behave_as_before():
    cache = _cache()
    try:
        assert cache.add("hits", 1, timeout=30) is True
        assert cache.add("hits", 1, timeout=30) is False  # a second add keeps the first
        assert cache.incr("hits") == 2
        with pytest.raises(ValueError):
            cache.incr("missing")
    finally:
        cache.delete_many(["hits", "missing"])
