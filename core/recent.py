"""A bounded copy, in the process, of cached values that never change under their key.

A fragment's key names one version of it (``public.fragments``: the key is a digest of the
stamps it was rendered under), so a copy kept by the process is never stale: an edit gives
the fragment a new key, and the old one is not asked for again. Reading a big programme's
120 slot fragments from Redis moved 600 KB and unpickled 120 values on every assembly of
the page; a worker that assembled it before reads them from its own memory, and Redis
only for the keys it has not seen.

The copy holds at most ``limit`` bytes of text; the values read least recently go first.
"""

import threading
from collections import OrderedDict


def size_of(value):
    """The bytes of text a value holds: a str or bytes, or a tuple of them (None for none)."""
    if isinstance(value, tuple):
        return sum(size_of(part) for part in value)
    return len(value) if isinstance(value, str | bytes) else 0


class RecentValues:
    def __init__(self, limit):
        self.limit = limit
        self.size = 0
        self.values = OrderedDict()
        self.lock = threading.Lock()  # gunicorn's threads share the process

    def get_many(self, keys):
        """The values held of these keys, each marked as read just now."""
        found = {}
        with self.lock:
            for key in keys:
                value = self.values.get(key)
                if value is not None:
                    self.values.move_to_end(key)
                    found[key] = value
        return found

    def set_many(self, values):
        with self.lock:
            for key, value in values.items():
                size = size_of(value)
                if size > self.limit:
                    continue
                if key in self.values:
                    self.size -= size_of(self.values.pop(key))
                self.values[key] = value
                self.size += size
            while self.size > self.limit:
                _key, oldest = self.values.popitem(last=False)
                self.size -= size_of(oldest)

    def clear(self):
        with self.lock:
            self.values.clear()
            self.size = 0
