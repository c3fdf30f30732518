"""The gateway's token buckets (bot/gateway/limits.py) with an explicit clock."""
from __future__ import annotations

from bot.gateway.limits import RateLimiter


def test_burst_then_refill_per_key() -> None:
    limiter = RateLimiter(per_minute=3)
    assert [limiter.hit("a", now=0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = limiter.hit("a", now=0.0)
    assert 19.0 < wait <= 20.0  # one token every 20 s
    assert limiter.hit("b", now=0.0) == 0.0  # other keys are independent
    assert limiter.hit("a", now=20.5) == 0.0
    assert limiter.hit("a", now=20.6) > 0


def test_zero_switches_the_limit_off_and_keys_are_bounded() -> None:
    assert RateLimiter(0).hit("a") == 0.0 and not RateLimiter(0).enabled
    limiter = RateLimiter(per_minute=1, max_keys=2)
    for key in ("a", "b", "c"):
        limiter.hit(key, now=0.0)
    assert limiter.hit("a", now=0.0) == 0.0  # "a" was forgotten (least recently used), so it starts full
