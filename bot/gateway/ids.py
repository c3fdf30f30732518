"""Session ids and the secrets derived from them (one place for every gateway entry point).

- :func:`is_session_id`: the exact shape of a session id. ``re.fullmatch`` – a ``^…$`` pattern
  would let ``"abcdefgh\\n"`` through, because Python's ``$`` also matches before a final newline.
- :class:`SessionSigner`: HMAC-SHA256 with the gateway secret (``SCHAENGEL_GATEWAY_SECRET``), binding
  values to one session without storing anything: button payloads the bot offered, message ids it
  sent (feedback) and the token of the session's events stream.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from typing import Optional

#: the documented pattern (OpenAPI); validation uses :data:`_SESSION_ID` with ``fullmatch``
SESSION_ID_PATTERN = r"^[A-Za-z0-9_-]{8,64}$"
_SESSION_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
MESSAGE_ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
_MESSAGE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
#: separates a button payload from its signature (never produced by base64url)
PAYLOAD_SEPARATOR = "|"
_SIG_LENGTH = 22  # 16 bytes of HMAC, base64url without padding


def is_session_id(value: object) -> bool:
    return isinstance(value, str) and _SESSION_ID.fullmatch(value) is not None


def is_message_id(value: object) -> bool:
    return isinstance(value, str) and _MESSAGE_ID.fullmatch(value) is not None


class SessionSigner:
    """Stateless session binding: nothing is remembered per session, so nothing can be evicted."""

    def __init__(self, secret: Optional[str] = None) -> None:
        self._key = (secret or secrets.token_urlsafe(32)).encode("utf-8")

    def _sig(self, purpose: str, session_id: str, value: str) -> str:
        mac = hmac.new(self._key, f"{purpose}\x00{session_id}\x00{value}".encode("utf-8"), hashlib.sha256)
        return base64.urlsafe_b64encode(mac.digest()[:16]).decode("ascii").rstrip("=")

    def _ok(self, purpose: str, session_id: str, value: str, sig: str) -> bool:
        return hmac.compare_digest(self._sig(purpose, session_id, value).encode(), sig.encode("utf-8", "replace"))

    # -- button payloads -----------------------------------------------------
    def bind_payload(self, session_id: str, payload: str) -> str:
        return f"{payload}{PAYLOAD_SEPARATOR}{self._sig('payload', session_id, payload)}"

    def unbind_payload(self, session_id: str, bound: str) -> Optional[str]:
        """The payload the bot offered to this session, or None (forged, other session, plain text)."""
        payload, separator, sig = bound.rpartition(PAYLOAD_SEPARATOR)
        if not separator or len(sig) != _SIG_LENGTH or not self._ok("payload", session_id, payload, sig):
            return None
        return payload

    # -- message ids (feedback) ----------------------------------------------
    def message_id(self, session_id: str) -> str:
        nonce = secrets.token_hex(8)
        return nonce + self._sig("message", session_id, nonce)

    def owns_message(self, session_id: str, message_id: str) -> bool:
        nonce, sig = message_id[:16], message_id[16:]
        return len(sig) == _SIG_LENGTH and self._ok("message", session_id, nonce, sig)

    # -- events stream -------------------------------------------------------
    def events_token(self, session_id: str) -> str:
        return self._sig("events", session_id, "")

    def events_token_ok(self, session_id: str, token: Optional[str]) -> bool:
        return bool(token) and self._ok("events", session_id, "", str(token))
