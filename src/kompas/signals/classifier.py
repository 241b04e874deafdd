# SPDX-License-Identifier: EUPL-1.2
"""A transparent suggestion of the phenomenon from the description: TF-IDF (words and word
pairs) + logistic regression, trained deterministically at first use on the labelled Dutch
examples in data/examples.csv (shipped with the code, readable by anyone). The suggestion
shows its confidence and the words that weighed most; staff decide."""

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .constants import Phenomenon

# Dutch function words carry no meaning for the phenomenon; leaving them out keeps the
# "words that weighed most" readable.
STOP_WORDS = sorted(
    set(
        "de het een en of in op aan bij van voor met naar uit door om te tot is zijn was waren "
        "wordt worden werd er daar hier dat die dit deze ze zij hij ik u je wij we mijn zijn "
        "haar hun ook al nog niet geen wel maar als dan want heeft hebben had steeds elke "
        "iemand mensen veel meer heel zo wat wie hoe waar wanneer".split()
    )
)
EXAMPLES = Path(__file__).resolve().parent / "data" / "examples.csv"


def load_examples(path: Path = EXAMPLES) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as fh:
        rows = [(r["phenomenon"], r["text"]) for r in csv.DictReader(fh, delimiter=";")]
    unknown = {p for p, _t in rows} - set(Phenomenon.values)
    if unknown:
        raise ValueError(f"unknown phenomena in {path.name}: {sorted(unknown)}")
    return rows


@lru_cache(maxsize=1)
def model():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    rows = load_examples()
    pipeline = make_pipeline(
        TfidfVectorizer(
            lowercase=True,
            ngram_range=(1, 2),
            sublinear_tf=True,
            min_df=1,
            stop_words=STOP_WORDS,
        ),
        LogisticRegression(C=10.0, max_iter=2000, random_state=0),
    )
    pipeline.fit([t for _p, t in rows], [p for p, _t in rows])
    return pipeline


@dataclass(frozen=True)
class Suggestion:
    phenomenon: str
    label: str
    confidence: float  # 0..1
    top_words: tuple[str, ...]

    @property
    def percent(self) -> int:
        return round(self.confidence * 100)


def suggest(text: str) -> Suggestion | None:
    if not (text or "").strip():
        return None
    pipeline = model()
    vectorizer, clf = pipeline.steps[0][1], pipeline.steps[1][1]
    probabilities = pipeline.predict_proba([text])[0]
    best = int(probabilities.argmax())
    phenomenon = str(clf.classes_[best])
    x = vectorizer.transform([text])
    contributions = {
        vectorizer.get_feature_names_out()[j]: x[0, j] * clf.coef_[best][j] for j in x.nonzero()[1]
    }
    top = tuple(w for w, c in sorted(contributions.items(), key=lambda kv: -kv[1]) if c > 0)[:5]
    return Suggestion(
        phenomenon=phenomenon,
        label=str(Phenomenon(phenomenon).label),
        confidence=float(probabilities[best]),
        top_words=top,
    )
