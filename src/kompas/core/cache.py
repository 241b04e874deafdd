# SPDX-License-Identifier: EUPL-1.2
"""Django's Redis cache, with one client object per connection pool.

Django's RedisCacheClient builds a new `redis.Redis` for every cache call; redis-py's
constructor fills a table of several hundred response callbacks each time. A meldpunt report
makes six cache calls (rate limit, proof-of-work marker), and building those clients was about
a tenth of its CPU (benchmarks/signals/profile_intake.py). A `redis.Redis` is thread-safe (it
takes a connection from its pool per command) and its pool reconnects after a fork, so one per
pool is enough."""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class _PooledClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _PooledClient
