"""What lies outside Schängel's scope although it sounds like a city service.

Schängel answers for the city of Koblenz only. A question about another
municipality ("Anwohnerparkausweis in Mainz") must not get Koblenz's answer as
if it applied there.
"""
from __future__ import annotations

import re
from typing import Optional

from bot.places import OTHER_PLACES

_PLACE_NAMES = "|".join(re.escape(p.lower()) for p in OTHER_PLACES)
#: "in Mainz", "bei der Stadt Bonn" — not "nach Berlin" (travel) or "aus Köln" (moving here)
_AT_OTHER_PLACE = re.compile(rf"\b(in|im|bei) (der stadt |dem landkreis |)({_PLACE_NAMES})\b")
_ANY_OTHER_PLACE = re.compile(rf"\b()()({_PLACE_NAMES})\b")
#: the service is wanted in Koblenz ("wohne noch in Neuwied und ziehe nach Koblenz")
_IN_KOBLENZ = re.compile(r"\b(nach|in|zu|bei) (der stadt |)(koblenz|euch|ihnen)\b|\bhier in koblenz\b")


def other_place(text: str, anywhere: bool = False) -> Optional[str]:
    """The other municipality a question is about: "… in Mainz"; with ``anywhere``, any mention.

    None when the question is about Koblenz as well ("von Neuwied nach Koblenz"): moving here is ours.
    """
    if _IN_KOBLENZ.search(text.lower()):
        return None
    match = (_ANY_OTHER_PLACE if anywhere else _AT_OTHER_PLACE).search(text.lower())
    return next((p for p in OTHER_PLACES if p.lower() == match.group(3)), None) if match else None
