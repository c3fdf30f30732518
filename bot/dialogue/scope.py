"""What lies outside Schängel's scope although it sounds like a city service.

Schängel answers for the city of Koblenz only. A question about another
municipality ("Anwohnerparkausweis in Mainz") must not get Koblenz's answer as
if it applied there.
"""
from __future__ import annotations

import re
from typing import Optional

#: other municipalities citizens of Koblenz ask about: neighbours and large German cities
OTHER_PLACES = (
    "Mainz", "Trier", "Neuwied", "Lahnstein", "Andernach", "Bendorf", "Vallendar", "Mayen", "Boppard",
    "Montabaur", "Bad Ems", "Mülheim-Kärlich", "Weißenthurm", "Köln", "Bonn", "Berlin", "Hamburg", "München",
    "Frankfurt", "Stuttgart", "Düsseldorf", "Dortmund", "Essen", "Leipzig", "Dresden", "Hannover", "Nürnberg",
    "Wiesbaden", "Kaiserslautern", "Ludwigshafen", "Saarbrücken", "Siegen", "Limburg", "Wien", "Zürich",
)
_PLACE_NAMES = "|".join(re.escape(p.lower()) for p in OTHER_PLACES)
#: "in Mainz", "bei der Stadt Bonn" — not "nach Berlin" (travel) or "aus Köln" (moving here)
_AT_OTHER_PLACE = re.compile(rf"\b(in|im|bei) (der stadt |dem landkreis |)({_PLACE_NAMES})\b")
_ANY_OTHER_PLACE = re.compile(rf"\b()()({_PLACE_NAMES})\b")


def other_place(text: str, anywhere: bool = False) -> Optional[str]:
    """The other municipality a question is about: "… in Mainz"; with ``anywhere``, any mention."""
    match = (_ANY_OTHER_PLACE if anywhere else _AT_OTHER_PLACE).search(text.lower())
    return next((p for p in OTHER_PLACES if p.lower() == match.group(3)), None) if match else None
