"""A bounded map whose entries expire: for every per-session structure in the gateway.

Memory stays bounded whatever clients send (``max_items``), and idle entries vanish after
``ttl_seconds`` instead of living until the process ends.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Callable, Generic, Optional, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class ExpiringMap(Generic[K, V]):
    def __init__(self, max_items: int, ttl_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_items = max_items
        self.ttl = ttl_seconds
        self._clock = clock
        self._items: OrderedDict[K, tuple[float, V]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def _prune(self, now: float) -> None:
        while self._items:
            key, (expires, _value) = next(iter(self._items.items()))
            if expires > now and len(self._items) <= self.max_items:
                break
            del self._items[key]

    def set(self, key: K, value: V) -> None:
        now = self._clock()
        with self._lock:
            self._items.pop(key, None)
            self._items[key] = (now + self.ttl, value)
            self._prune(now)

    def get(self, key: K, default: Optional[V] = None) -> Optional[V]:
        now = self._clock()
        with self._lock:
            entry = self._items.get(key)
            if entry is None or entry[0] <= now:
                self._items.pop(key, None)
                return default
            return entry[1]
