"""Protection of the internal services (Rasa's REST channel, the action server webhook).

Both listen on 127.0.0.1 only, but any local process could otherwise post unmasked text to Rasa or
forge action calls. Every request therefore carries the shared secret ``SCHAENGEL_INTERNAL_SECRET``
in the header :data:`SECRET_HEADER`: the gateway sends it to Rasa (``bot/gateway/rasa_client.py``),
Rasa sends it to the action server (``endpoints.yml``: ``action_endpoint.headers``).

    python -m bot.internal.action_server --port 5055   # the action server, with the secret check
    python -m bot.internal.rasa_server --enable-api …  # ``rasa run``, token from the environment
"""
from __future__ import annotations

import hmac
from typing import Optional

#: header with the internal secret (a header, not a query parameter: URLs land in access logs)
SECRET_HEADER = "X-Schaengel-Secret"

#: the German error for a start without the secret (both servers refuse to run unprotected)
MISSING_SECRET = (
    "SCHAENGEL_INTERNAL_SECRET ist nicht gesetzt: ohne das gemeinsame Geheimnis wären Rasa und der "
    "Action-Server für jeden lokalen Prozess offen. Bitte über `python -m bot.stack` starten "
    "(erzeugt eines je Start) oder SCHAENGEL_INTERNAL_SECRET bzw. SCHAENGEL_INTERNAL_SECRET_FILE setzen."
)


def secret_problem(secret: str) -> Optional[str]:
    """Why ``secret`` cannot protect the services (German, for the operator), or None if it can."""
    if not secret:
        return MISSING_SECRET
    if not secret.isascii() or not secret.isprintable():
        # an HTTP header carries ASCII only: the gateway could not send it, every message would fail
        return "SCHAENGEL_INTERNAL_SECRET darf nur druckbare ASCII-Zeichen enthalten (keine Umlaute)."
    return None


def secret_matches(given: Optional[str], expected: str) -> bool:
    """Constant-time comparison; an empty expected secret never matches (fail closed)."""
    if not expected or given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))
