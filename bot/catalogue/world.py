"""Which administrative service a message is about, out of all German services.

One search index holds the Koblenz catalogue *and* every LeiKa service object it does not cover
(:mod:`bot.catalogue.reference`). A catalogue service is therefore only the answer when it beats every
national service on the citizen's words — a question about a pub licence finds the LeiKa
"Gaststättenerlaubnis", not the catalogue's "Fischereischein" because both say "Erlaubnis". Query words
are weighted by how rare they are in the index (IDF over ~1,900 services) and in everyday German
(:mod:`bot.catalogue.rarity`), and a winner must rest on enough such evidence
(:data:`MIN_EVIDENCE`).

The decision (:func:`ServiceWorld.resolve`):

* one clear winner with enough evidence → that service (catalogue) or reference;
* several close candidates → ask (clarify), catalogue and reference services alike;
* nothing convincing → no service (the dialogue says so honestly).

Thresholds were chosen on development data with uncovered services and one-word traps
(``tests/openworld/dev_*.yml``, ``docs/nlu.md``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Sequence, Union

from .model import Service
from .rarity import rarity, rarity_factors
from .reference import ReferenceService
from .search import Field, SearchHit, SearchIndex
from .text import words

if TYPE_CHECKING:
    from .catalogue import Catalogue

AnyService = Union[Service, ReferenceService]

#: a winner needs at least this score (0..1, length-normalised) …
MIN_SCORE = 0.25
#: … and at least this much absolute evidence (Σ IDF × quality × rarity of its matched words)
MIN_EVIDENCE = 3.0
#: strict resolution (see ServiceWorld.resolve); 0.45 was tried and not kept (docs/nlu.md)
STRICT_SCORE = 0.5
STRICT_EVIDENCE = 4.0
#: a winner resting on a single matched word needs that word to be this rare (bot.catalogue.rarity)
DISTINCTIVE_FACTOR = 0.9
#: a runner-up scoring at least this share of the winner is a real competitor (ask instead)
CLOSE_RATIO = 0.9
CLARIFY_MAX = 4
KEYWORD_WEIGHT = 0.8
#: a catalogue service of the winner's OZG-Leistung takes its place when it scores this share of it
SAME_OZG_RATIO = 0.5


def service_fields(service: Service) -> tuple[Field, ...]:
    """Search texts of a catalogue service (title and synonyms count as phrases)."""
    fields = [Field(service.title, 1.0, phrase=True)]
    fields += [Field(s, 1.0, phrase=True) for s in service.synonyms]
    # citizen keywords count a little less than the names staff chose: "Perso" names the application,
    # the keyword "Perso verlore" the loss
    fields += [Field(k, KEYWORD_WEIGHT, phrase=True) for k in service.keywords]
    fields += [Field(service.leika_name, 0.6), Field(service.ozg_leistung, 0.5), Field(service.summary, 0.3)]
    fields += [Field(d, 0.2) for d in service.documents]  # "Wohnungsgeberbestätigung" → Anmeldung
    return tuple(f for f in fields if f.text)


def reference_fields(reference: ReferenceService) -> tuple[Field, ...]:
    """Search texts of a LeiKa object: citizen words and the general name as phrases, the rest weaker."""
    fields = [Field(reference.title, 1.0, phrase=True)]
    fields += [Field(w, 1.0, phrase=True) for w in reference.words]
    fields += [Field(n, 0.8) for n in reference.names[:12]]
    fields += [Field(o, 0.5) for o in reference.ozg_leistungen]
    return tuple(f for f in fields if f.text)


def background_fields(reference: Optional[ReferenceService]) -> tuple[Field, ...]:
    """What a catalogue service adds from its LeiKa object: the citizen words the authors wrote for it."""
    if reference is None:
        return ()
    return tuple(Field(w, 1.0, phrase=True) for w in reference.words)


@dataclass(frozen=True)
class WorldResolution:
    """The outcome of :meth:`ServiceWorld.resolve`."""

    service: Optional[AnyService] = None
    candidates: tuple[AnyService, ...] = ()
    matched: tuple[str, ...] = ()
    score: Optional[float] = None
    evidence: float = 0.0
    focus: float = 0.0


class ServiceWorld:
    """The Koblenz catalogue plus the national background, searchable together."""

    def __init__(self, catalogue: "Catalogue", references: Sequence[ReferenceService] = ()):
        covered = {s.leika[:8] for s in catalogue.services if s.leika}
        self.references = tuple(r for r in references if r.object_key not in covered)
        self._by_id: dict[str, ReferenceService] = {r.service_id: r for r in self.references}
        self._by_object: dict[str, ReferenceService] = {r.object_key: r for r in self.references}
        # a catalogue service keeps the citizen words the authors wrote for its LeiKa object, so adding
        # a service to the catalogue does not make it harder to find
        background = {r.object_key: r for r in references if r.object_key in covered}
        documents: list[tuple[AnyService, tuple[Field, ...]]] = [
            (s, service_fields(s) + background_fields(background.get((s.leika or "")[:8])))
            for s in catalogue.services]
        documents += [(r, reference_fields(r)) for r in self.references]
        self._index: SearchIndex[AnyService] = SearchIndex(documents)
        rarity("amt")  # loads wordfreq's German list now (~0.3 s), not on a citizen's first question
        #: per document, the folded words that are a whole title, synonym or keyword ("Pass", "Perso")
        self._one_word_names: dict[int, frozenset[str]] = {
            id(item): frozenset(w for f in fields if f.phrase and len(ws := words(f.text)) == 1 for w in ws)
            for item, fields in documents}

    @staticmethod
    def _prefer_catalogue(hits: list[SearchHit[AnyService]]) -> list[SearchHit[AnyService]]:
        """A LeiKa object that wins over a catalogue service of the same OZG-Leistung gives way to it
        ("Wohnungsgeberbestätigung" is part of the city's "Wohnsitz anmelden"): the city's checked answer
        for that OZG service is the better answer, as long as it matched reasonably well too."""
        if not hits or not isinstance(hits[0].item, ReferenceService) or hits[0].item.ozg_id is None:
            return hits
        ozg = hits[0].item.ozg_id
        same = next((h for h in hits[1:] if isinstance(h.item, Service) and h.item.ozg_id == ozg
                     and h.score >= SAME_OZG_RATIO * hits[0].score), None)
        return hits if same is None else [same, *(h for h in hits if h is not same and h is not hits[0])]

    @staticmethod
    def _competes(hit: SearchHit[AnyService], best: SearchHit[AnyService]) -> bool:
        """Whether a runner-up is close enough to ask instead of answering ``best``.

        A LeiKa object of the same OZG-Leistung as a catalogue winner is no competitor: the city's
        checked answer covers that OZG service ("Aufenthaltstitel" vs. another residence-permit object).
        Neither is a service whose name the message matches only in part when it names ``best`` whole
        ("Gewerbe anmelden" vs. the citizen phrase "Kammerjäger Gewerbe anmelden").
        """
        if hit.score < CLOSE_RATIO * best.score:
            return False
        if best.focus >= 1.0 > hit.focus and set(hit.matched) <= set(best.matched):
            return False  # the message names ``best`` exactly and only part of the other's name
        if isinstance(best.item, Service) and isinstance(hit.item, ReferenceService):
            return hit.item.ozg_id is None or hit.item.ozg_id != best.item.ozg_id
        return True

    @staticmethod
    def _distinct_services(hits: list[SearchHit[AnyService]]) -> list[SearchHit[AnyService]]:
        """One reference per OZG-Leistung: LeiKa often has several objects for one service
        ("Adoption" three times); the one the authors gave citizen words is the common one."""
        kept: list[SearchHit[AnyService]] = []
        for hit in hits:
            item = hit.item
            same = next((k for k in kept if isinstance(item, ReferenceService) and isinstance(k.item, ReferenceService)
                         and item.ozg_id is not None and k.item.ozg_id == item.ozg_id), None)
            if same is None:
                kept.append(hit)
            elif item.words and not same.item.words:  # type: ignore[union-attr]
                kept[kept.index(same)] = hit
        return kept

    def reference(self, service_id: str) -> Optional[ReferenceService]:
        """A reference service by its ``leika:<key>`` id (or any key of its object)."""
        found = self._by_id.get(service_id)
        if found is None and service_id.startswith("leika:"):
            found = self._by_object.get(service_id.removeprefix("leika:")[:8])
        return found

    def knows(self, word: str) -> bool:
        """True if a folded word is indexed as it is (not only as a typo guess)."""
        return self._index.knows(word)

    def resolve(self, text: str, strict: bool = False) -> WorldResolution:
        """Which service ``text`` is about. ``strict``: only one service on strong evidence that is not a
        mere typo guess (when the NLU says the message is not a service question, or it is English)."""
        found = self._resolve(text)
        if not strict:
            return found
        strong = (found.service is not None and (found.score or 0.0) >= STRICT_SCORE
                  and found.evidence >= STRICT_EVIDENCE and any(self.knows(w) for w in found.matched))
        return found if strong else WorldResolution(matched=found.matched, score=found.score, evidence=found.evidence)

    def _resolve(self, text: str) -> WorldResolution:
        factors = rarity_factors(text)
        hits = self._prefer_catalogue(self._index.search(text, 8, factors=factors))
        if not hits:
            return WorldResolution()
        best = hits[0]
        # one everyday word ("Brief", "Kind", "Auto") is never enough on its own
        named_whole = bool(set(best.matched) & self._one_word_names.get(id(best.item), frozenset()))
        distinctive = (len(best.matched) >= 2 or any(factors.get(w, 1.0) >= DISTINCTIVE_FACTOR for w in best.matched)
                       or named_whole)
        # a one-word name staff or authors gave the service ("Pass", "Perso") is evidence enough on its own
        enough = best.evidence >= MIN_EVIDENCE or (named_whole and best.focus >= 1.0)
        if best.score < MIN_SCORE or not enough or not distinctive:
            return WorldResolution(matched=best.matched, score=best.score, evidence=best.evidence)
        close = self._distinct_services([best, *(h for h in hits[1:] if self._competes(h, best))])[:CLARIFY_MAX]
        best = close[0]
        if len(close) >= 2:
            return WorldResolution(candidates=tuple(h.item for h in close), matched=best.matched,
                                   score=best.score, evidence=best.evidence)
        return WorldResolution(service=best.item, matched=best.matched, score=best.score, evidence=best.evidence,
                               focus=best.focus)
