"""The plain site search a chatbot must beat: TF-IDF over service names, no NLU at all.

Word unigrams plus character 3–5-grams (``char_wb``), cosine similarity, top-1 always taken — what a
search box over the catalogue's titles and synonyms would return. Two indexes: the Koblenz catalogue
alone (for questions about catalogued services) and catalogue + every LeiKa object (for questions
about services the catalogue lacks). Used by :mod:`bot.evaluation_openworld`.
"""
from __future__ import annotations

from typing import Optional, Sequence

from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from bot.catalogue import Catalogue


class TfidfSearch:
    """Top-1 search over ``(label, text)`` documents, ``label`` being a LeiKa key or service id."""

    def __init__(self, documents: Sequence[tuple[str, str]]):
        self.labels = [label for label, _ in documents]
        texts = [text for _, text in documents]
        self._word = TfidfVectorizer(analyzer="word", lowercase=True, sublinear_tf=True)
        self._char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=True, sublinear_tf=True)
        self._matrix = self._vectorise(texts, fit=True)

    def _vectorise(self, texts: Sequence[str], fit: bool = False):  # type: ignore[no-untyped-def]
        if fit:
            return normalize(hstack([self._word.fit_transform(texts), self._char.fit_transform(texts)]).tocsr())
        return normalize(hstack([self._word.transform(texts), self._char.transform(texts)]).tocsr())

    def top1(self, text: str) -> Optional[str]:
        scores = (self._matrix @ self._vectorise([text]).T).toarray().ravel()
        return self.labels[int(scores.argmax())] if scores.max() > 0 else None


def catalogue_documents(catalogue: Catalogue) -> list[tuple[str, str]]:
    """One document per catalogue service: its title and synonyms, labelled with its LeiKa key (or id)."""
    return [(s.leika or s.service_id, " ".join((s.title, *s.synonyms))) for s in catalogue.services]


def world_documents(catalogue: Catalogue) -> list[tuple[str, str]]:
    """The catalogue plus every LeiKa object it lacks (official names and OZG-Leistungen)."""
    documents = catalogue_documents(catalogue)
    documents += [(r.leika, " ".join((*r.names[:12], *r.ozg_leistungen))) for r in catalogue.world.references]
    return documents
