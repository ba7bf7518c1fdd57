"""An answer reads each text once (round 36): word forms by lookup, readings per answer.

`indexer.text.Stems` finds the forms of a term among a text's stems by lookup (the
term's own beginnings in the set, the stems it begins by bisection) where `held`,
`same_word` and `abstention.holds` compared the term with every stem; the answers must
be the same, so each lookup is checked against the rule read stem by stem. `indexer.once`
keeps a text's readings (`split_sentences`, `stems_of`, a candidate's shape) for one
answer (`reading`), and reads afresh in the next: a switch flipped between answers is seen.

Text: the seed minutes of Gloucestershire's Children and Families Overview and Scrutiny
Committee (corpus/000), and a sentence with a compound written apart ("front line").
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from indexer.once import once, reading
from indexer.text import ANALYZER, MIN_STEM, Stems, held, same_word, split_sentences, stems_of
from search_api import sentences
from search_api.abstention import holds
from search_api.sentences import candidates
from tests.answering.builders import figure_reads, hit

SEED = (Path(__file__).parents[2] / "corpus" / "000_2725e8365af33fe2.txt").read_text()[:4000]
APART = "Our front line staff and the frontline managers met the social workers' team."


def _held_by_rule(term: str, stems: set[str]) -> bool:
    """`held` as it read before round 36: every stem compared with the term."""
    if term in stems:
        return True
    if len(term) < MIN_STEM:
        return False
    return any(len(x) >= MIN_STEM and (x.startswith(term) or term.startswith(x)) for x in stems)


def _holds_by_rule(term: str, stems: set[str]) -> bool:
    """`abstention.holds` as it read before round 36 (with its compound written apart)."""

    def apart(part: str) -> bool:
        if len(part) < MIN_STEM or len(part) >= len(term) or not term.startswith(part):
            return False
        rest = term[len(part) :]
        return len(rest) >= 3 and any(y.startswith(rest) for y in stems)

    if term in stems:
        return True
    if len(term) < MIN_STEM:
        return False
    return any(same_word(term, x) or apart(x) for x in stems)


def _terms_asked() -> list[str]:
    """Stems of the texts, every beginning of them, and each with an ending added: terms
    held exactly, by a form, as a compound's part, and not at all."""
    stems = {t for t in ANALYZER.terms(SEED + " " + APART) if t}
    out = set(stems) | {"frontlin", "frontlinestaff", "workforc", "zzzz"}
    out |= {s[:n] for s in stems for n in range(1, len(s))}
    out |= {s + e for s in stems for e in ("s", "ing", "ment", "al", "or", "side")}
    return sorted(out)


@pytest.mark.parametrize("text", [SEED, APART])
def test_lookups_agree_with_the_rules_read_stem_by_stem(text: str) -> None:
    plain = {t for t in ANALYZER.terms(text) if t}
    found = stems_of(text)
    assert set(found) == plain
    for term in _terms_asked():
        assert found.held(term) == held(term, plain) == _held_by_rule(term, plain), term
        assert set(found.forms(term)) == {x for x in plain if same_word(term, x)}, term
        assert holds(term, found) == holds(term, plain) == _holds_by_rule(term, plain), term
    assert holds("frontlin", stems_of("the front line")) and not same_word("frontlin", "front")


def test_a_union_holds_both_texts_stems() -> None:
    title, text = stems_of("Improvement Board Update"), stems_of(APART)
    both = title | text
    assert set(both) == set(title) | set(text)
    assert both.held("board") and both.held("frontlin") and not text.held("board")
    assert (text | stems_of("front line")) is text  # nothing new: the same stems


def test_a_reading_is_kept_for_one_answer_only(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    @once
    def count(text: str) -> int:
        calls.append(text)
        return len(text)

    count("a"), count("a")
    assert calls == ["a", "a"]  # outside an answer, a plain call
    with reading():
        count("a"), count("a"), count("b")
        with reading():  # an answer's features inside it share its readings
            count("a")
    assert calls == ["a", "a", "a", "b"]
    with reading():
        count("a")
    assert calls[-1] == "a" and len(calls) == 5  # the next answer reads afresh

    # A candidate's shape: read once per answer, and read again in the next one, where a
    # switch flipped between the two answers is seen (a financial year read as a figure).
    reads = figure_reads(monkeypatch)
    budget = "The savings are largely due to be delivered in 2025-26 and later years."
    hits = [hit(1, date(2025, 1, 30), budget)]
    with reading():
        first = candidates(hits)
        assert candidates(hits) == first and len(reads) == len(first) == 1
        assert split_sentences(budget) is split_sentences(budget)
    assert first[0].figures == ()
    monkeypatch.setattr(sentences, "YEAR_RANGES_NOT_FIGURES", False)
    with reading():
        assert candidates(hits)[0].figures != () and len(reads) == 2


def test_a_stems_of_the_same_text_is_one_object_per_answer() -> None:
    with reading():
        assert stems_of(APART) is stems_of(APART)
    assert stems_of(APART) is not stems_of(APART)
    assert isinstance(stems_of(APART), Stems)
