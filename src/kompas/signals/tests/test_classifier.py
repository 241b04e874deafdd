# SPDX-License-Identifier: EUPL-1.2
"""The shipped example set and the transparent suggestion model."""

from collections import Counter

from kompas.signals.classifier import load_examples, suggest
from kompas.signals.constants import Phenomenon


def test_example_set_has_at_least_20_per_phenomenon():
    counts = Counter(p for p, _t in load_examples())
    assert set(counts) == set(Phenomenon.values)
    assert min(counts.values()) >= 20


def test_suggestion_is_deterministic_and_explained():
    text = "Vrouwen worden gedwongen te werken in de massagesalon en hebben geen paspoort."
    first, second = suggest(text), suggest(text)
    assert first == second
    assert first.phenomenon == "mensenhandel"
    assert 0 < first.confidence <= 1
    assert any(w in first.top_words for w in ("gedwongen", "paspoort", "massagesalon"))
    assert suggest("") is None
