"""In-memory ranked search over free German text.

Built once from the loaded catalogue (or from the LeiKa index) and queried
without touching the database. Handles:

* spelling variants and inflection — via :mod:`bot.catalogue.text`,
* typos — one edit (two for long words) via a symmetric-deletion index,
* compounds — words are split into known parts on both sides
  ("Hundesteueranmeldung" → "hundesteuer" + "anmeldung"),
* separable verbs — "ich ziehe um" is also read as "umziehen",
* colloquial names — they are ordinary synonyms in the catalogue.

Scores are in 0..1 and comparable between hits of one query:
``coverage × (0.7 + 0.3 × focus)``, where *coverage* is the IDF-weighted share
of the query that the document matched (scaled by field weight and match
quality) and *focus* the best share of one title/synonym phrase that the
query matched. A query that equals a synonym scores 1.0.
"""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import Generic, Iterable, Mapping, Optional, Sequence, TypeVar

from .text import PARTICLES, STOPWORDS, stem, words

T = TypeVar("T")

#: match qualities (multiplied with the field weight)
EXACT, PART_OF_DOC_WORD, QUERY_PART, FUZZY_1, FUZZY_2, PREFIX = 1.0, 0.7, 0.9, 0.8, 0.65, 0.55
#: weight of a query word that matches nothing in the index. Below an indexed word's weight
#: (IDF ≥ 1.1 here) but not zero: the story around a request ("meiner läuft im Juni ab, wir
#: fliegen in vier Wochen …") must not drown the one word that names the service, yet a
#: message that is mostly about something else still scores low.
UNKNOWN_WEIGHT = 0.35
#: how many best candidates get the (more expensive) focus computation
FOCUS_CANDIDATES = 50
MIN_PIECE = 3
#: only the first words of a very long message are searched (bounded latency)
MAX_QUERY_WORDS = 30
#: bound for the compound-split cache, which also sees arbitrary user input
SPLIT_CACHE_SIZE = 100_000


@dataclass(frozen=True)
class Field:
    """One searchable text of a document; ``phrase`` texts count for focus."""

    text: str
    weight: float = 1.0
    phrase: bool = False


@dataclass(frozen=True)
class SearchHit(Generic[T]):
    """A ranked result: the document, its score (0..1) and the query words it matched."""

    item: T
    score: float
    matched: tuple[str, ...]
    #: absolute weight of the matched query words (IDF × match quality × word factor): how much
    #: distinctive evidence the hit rests on, independent of the message's length
    evidence: float = 0.0
    #: the best share of one title/synonym phrase the query matched (0..1)
    focus: float = 0.0

    @property
    def service(self) -> T:
        """Alias used by the catalogue API (``hit.service``)."""
        return self.item


@dataclass
class _QueryTerm:
    word: str
    weight: float
    alternatives: list[tuple[str, float]] = field(default_factory=list)


def damerau_levenshtein(a: str, b: str, limit: int = 2) -> int:
    """Optimal-string-alignment distance, giving up (returning limit+1) beyond ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        row_min = i
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, prev2[j - 2] + 1)
            cur[j] = value
            row_min = min(row_min, value)
        if row_min > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _deletes(term: str) -> set[str]:
    return {term[:i] + term[i + 1:] for i in range(len(term))}


class SearchIndex(Generic[T]):
    """An inverted index over documents made of weighted :class:`Field` texts."""

    def __init__(self, documents: Iterable[tuple[T, Sequence[Field]]]):
        docs = list(documents)
        self._items: list[T] = [item for item, _ in docs]
        word_stems: set[str] = set()
        doc_words: list[list[tuple[str, Field]]] = []
        for _, fields in docs:
            entries = [(w, f) for f in fields for w in words(f.text) if w not in STOPWORDS]
            doc_words.append(entries)
            word_stems.update(stem(w) for w, _ in entries)
        self._word_stems = frozenset(word_stems)
        self._split_cache: dict[str, Optional[tuple[str, ...]]] = {}

        # postings: stem -> {doc: (quality, stem of the doc word it came from)}
        postings: dict[str, dict[int, tuple[float, str]]] = {}
        self._phrases: list[list[frozenset[str]]] = []
        for doc, entries in enumerate(doc_words):
            phrases: dict[str, set[str]] = {}
            for word, fld in entries:
                full = stem(word)
                self._post(postings, full, doc, fld.weight * EXACT, full)
                for part in self.split(word) or ():
                    self._post(postings, part, doc, fld.weight * PART_OF_DOC_WORD, full)
                if fld.phrase:
                    phrases.setdefault(fld.text, set()).add(full)
            self._phrases.append([frozenset(p) for p in phrases.values() if p])
        self._postings = {t: list(d.items()) for t, d in postings.items()}
        n = max(len(self._items), 1)
        self._idf = {t: math.log(1.0 + n / len(p)) for t, p in self._postings.items()}
        self._vocab_sorted = sorted(self._postings)
        self._deletion_index: dict[str, list[str]] = {}
        for term in self._postings:
            if len(term) >= 4:
                for key in _deletes(term) | {term}:
                    self._deletion_index.setdefault(key, []).append(term)

    @staticmethod
    def _post(postings: dict, term: str, doc: int, quality: float, source: str) -> None:
        per_doc = postings.setdefault(term, {})
        if quality > per_doc.get(doc, (0.0, ""))[0]:
            per_doc[doc] = (quality, source)

    def __len__(self) -> int:
        return len(self._items)

    @property
    def items(self) -> list[T]:
        return list(self._items)

    # -- compounds -------------------------------------------------------
    def split(self, word: str) -> Optional[tuple[str, ...]]:
        """Split a folded word into ≥ 2 known word stems (fewest pieces), or ``None``."""
        if word in self._split_cache:
            return self._split_cache[word]
        n = len(word)
        best: list[Optional[tuple[str, ...]]] = [None] * (n + 1)
        best[0] = ()
        for end in range(MIN_PIECE, n + 1):
            for start in range(0, end - MIN_PIECE + 1):
                prefix = best[start]
                if prefix is None or (start == 0 and end == n):
                    continue
                piece = stem(word[start:end])
                if piece in self._word_stems:
                    candidate = prefix + (piece,)
                    current = best[end]
                    if current is None or len(candidate) < len(current):
                        best[end] = candidate
        result = best[n] if best[n] and len(best[n]) >= 2 else None
        if len(self._split_cache) < SPLIT_CACHE_SIZE:
            self._split_cache[word] = result
        return result

    def knows(self, word: str) -> bool:
        """True if the folded ``word`` is indexed as it is (or splits into indexed parts): no typo guess."""
        if stem(word) in self._postings:
            return True
        parts = self.split(word)
        return bool(parts) and all(p in self._postings for p in parts)

    # -- query -----------------------------------------------------------
    def _fuzzy(self, term: str) -> list[tuple[str, float]]:
        if len(term) < 4:
            return []
        limit = 2 if len(term) >= 8 else 1
        found: dict[str, float] = {}
        for key in _deletes(term) | {term}:
            for candidate in self._deletion_index.get(key, ()):
                if candidate in found:
                    continue
                distance = damerau_levenshtein(term, candidate, limit)
                if 0 < distance <= limit:
                    found[candidate] = FUZZY_1 if distance == 1 else FUZZY_2
        return sorted(found.items(), key=lambda kv: -kv[1])[:8]

    def _prefix(self, term: str) -> list[tuple[str, float]]:
        if len(term) < 4:
            return []
        start = bisect.bisect_left(self._vocab_sorted, term)
        out: list[tuple[str, float]] = []
        for candidate in self._vocab_sorted[start:start + 12]:
            if not candidate.startswith(term):
                break
            out.append((candidate, PREFIX))
        return out

    def _query_terms(self, text: str, factors: Optional[Mapping[str, float]] = None) -> list[_QueryTerm]:
        raw = words(text)
        factors = factors or {}
        content = list(dict.fromkeys(w for w in raw if w not in STOPWORDS))[:MAX_QUERY_WORDS]
        particles = [w for w in raw if w in PARTICLES]
        result: list[_QueryTerm] = []
        for word in content:
            term = stem(word)
            alternatives: list[tuple[str, float]] = []
            for particle in particles:  # "ziehe … um" -> "umziehe"
                joined = stem(particle + word)
                if joined in self._postings:
                    alternatives.append((joined, EXACT))
            if term in self._postings:
                alternatives.append((term, EXACT))
            if not alternatives:
                parts = self.split(word)
                if parts and all(p in self._postings for p in parts):
                    weight = factors.get(word, 1.0) * sum(self._idf[p] for p in parts) / len(parts)
                    for part in parts:
                        result.append(_QueryTerm(word, weight / len(parts), [(part, QUERY_PART)]))
                    continue
                alternatives = self._fuzzy(term) or self._prefix(term)
            # a guessed word (typo or prefix match) counts as much as the guess is sure: a rare
            # catalogue word one edit away ("tasche" → "tische") must not outweigh a real match
            weight = max((self._idf[t] * quality for t, quality in alternatives), default=UNKNOWN_WEIGHT)
            result.append(_QueryTerm(word, weight * factors.get(word, 1.0), alternatives))
        return result

    def search(self, text: str, limit: int = 5, min_score: float = 0.0,
               factors: Optional[Mapping[str, float]] = None) -> list[SearchHit[T]]:
        """Rank documents for ``text``; best first, at most ``limit``.

        ``factors`` scales a query word's weight (folded word → factor), e.g. by how common the word
        is in everyday German (:mod:`bot.catalogue.rarity`).
        """
        query = self._query_terms(text, factors)
        total_weight = sum(q.weight for q in query)
        if not query or total_weight <= 0:
            return []
        # per doc: accumulated weighted coverage, matched query words, matched doc stems
        coverage: dict[int, float] = {}
        matched_words: dict[int, set[str]] = {}
        matched_stems: dict[int, dict[str, float]] = {}
        for q in query:
            best: dict[int, tuple[float, str]] = {}
            for alt, alt_quality in q.alternatives:
                for doc, (quality, source) in self._postings.get(alt, ()):
                    value = alt_quality * quality
                    if value > best.get(doc, (0.0, ""))[0]:
                        best[doc] = (value, source)
            for doc, (value, source) in best.items():
                coverage[doc] = coverage.get(doc, 0.0) + q.weight * value
                matched_words.setdefault(doc, set()).add(q.word)
                stems = matched_stems.setdefault(doc, {})
                stems[source] = max(stems.get(source, 0.0), value)
        if not coverage:
            return []
        candidates = sorted(coverage, key=coverage.__getitem__, reverse=True)[:FOCUS_CANDIDATES]
        hits: list[SearchHit[T]] = []
        for doc in candidates:
            cov = min(coverage[doc] / total_weight, 1.0)
            stems = matched_stems[doc]
            focus = max(
                (sum(stems.get(s, 0.0) for s in phrase) / len(phrase) for phrase in self._phrases[doc]),
                default=0.0,
            )
            score = round(cov * (0.7 + 0.3 * min(focus, 1.0)), 4)
            if score > min_score:
                order = [q.word for q in query if q.word in matched_words[doc]]
                hits.append(SearchHit(self._items[doc], score, tuple(dict.fromkeys(order)),
                                      round(coverage[doc], 3), round(min(focus, 1.0), 3)))
        hits.sort(key=lambda h: -h.score)
        return hits[:limit]


#: the best hit is taken only when the runner-up scores below this share of it. Relative, because
#: scores shrink with the length of a message: "Personalausweis" vs. its loss and temporary
#: variants is as clear in a long story as in a two-word question.
AMBIGUITY_RATIO = 0.9
#: a runner-up below this score is no competitor
AMBIGUITY_FLOOR = 0.15


def close_hits(hits: Sequence[SearchHit[T]], ratio: float = AMBIGUITY_RATIO,
               floor: float = AMBIGUITY_FLOOR) -> list[SearchHit[T]]:
    """The best hit and every hit that scores nearly as well (the candidates to ask about)."""
    if not hits:
        return []
    best = hits[0].score
    return [hits[0], *(h for h in hits[1:] if h.score >= floor and h.score >= ratio * best)]


def is_ambiguous(hits: Sequence[SearchHit], ratio: float = AMBIGUITY_RATIO, floor: float = AMBIGUITY_FLOOR) -> bool:
    """True when the best two hits are too close to pick one (the dialogue should ask)."""
    return len(close_hits(hits, ratio, floor)) >= 2
