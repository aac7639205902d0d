"""Django's Redis cache backend, keeping one Redis client per server instead of one per call.

``django.core.cache.backends.redis.RedisCacheClient.get_client()`` keeps the connection
pools but builds a new ``redis.Redis`` object for every cache operation; on a cached page
that is a good part of the cost of a hit. A ``redis.Redis`` client is safe to share between
threads (each command takes a connection from the pool), so one per pool is kept.

Values are read pickle first: Django's serializer tries ``int()`` on every value (integers
are stored as digits, for ``incr()``) and unpickles it when that raises, an exception per
value; the assembly's 242 values took 1.2 ms that way against 0.6 ms reading a pickle as a
pickle (it starts with the PROTO opcode).

Keys are not checked for memcached: Django's check walks every character of every key in
Python, to warn about keys memcached would refuse (spaces, control characters, over 250
characters). Redis takes any key, and the programme page's assembly reads some 240 keys
(the slots' stamps and fragments): the check was about 1.1 ms of it.

Use it as the backend of a Redis CACHE_URL:
``CACHES["default"]["BACKEND"] = "core.redis_cache.RedisCache"``.
"""

import pickle

from django.core.cache.backends import redis

PICKLE_PROTO = b"\x80"  # the first byte of every pickle of protocol 2 or later


class RedisSerializer(redis.RedisSerializer):
    def loads(self, data):
        if data[:1] == PICKLE_PROTO:
            return pickle.loads(data)  # noqa: S301 - what Django's serializer unpickles too
        return super().loads(data)  # an integer (or a pickle of an older protocol)


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, serializer=None, **kwargs):
        super().__init__(*args, serializer=serializer or RedisSerializer, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    def validate_key(self, key):
        """Redis takes any key: no memcached warnings (see the module's docstring)."""
