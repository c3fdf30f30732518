"""Find a phone number or an e-mail address in what a citizen wrote (for callback requests)."""
from __future__ import annotations

import re
from typing import Optional

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9.\-]{1,190}\.[A-Za-z]{2,24}")
# German numbers as people write them: 0261 129-0, +49 (261) 1290, 0151/12345678
_PHONE = re.compile(r"(?<![\w])(?:\+|00)?\d[\d\s/().\-]{4,22}\d(?![\w])")


def find_contact(text: str) -> Optional[tuple[str, str]]:
    """``(kind, value)`` with kind ``email`` or ``phone``; None if neither is found."""
    email = _EMAIL.search(text)
    if email:
        return "email", email.group(0)
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if 6 <= len(digits) <= 15:
            return "phone", match.group(0).strip()
    return None
