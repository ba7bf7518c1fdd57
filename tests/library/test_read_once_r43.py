"""What an answer no longer reads twice (round 43) reads as it did.

Round 43 keeps more of a passage's readings for one answer (`indexer.once`): its candidate
spans, figures and the words around them, and the terms its sentences hold; it tests a
pool for near copies in one matrix product, and passes over a sentence that holds no digit
or none of a decision or housekeeping pattern's words. Each is pinned here against the
reading it replaced, on the seed minutes (corpus/), every sentence and passage of them.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from re._constants import BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN
from re._parser import parse
from typing import Any

import pytest

from indexer.once import reading
from indexer.text import split_sentences, words
from search_api import search, sentences
from search_api.sentences import candidates
from search_api.temporal import PERIOD
from tests.answering.builders import hit

CORPUS = Path(__file__).parents[2] / "corpus"
PASSAGES = [
    p.strip()
    for f in sorted(CORPUS.glob("*.txt"))
    for p in f.read_text().split("\n\n")
    if len(p.strip()) > 40
]
TEXTS = PASSAGES + [s.text for p in PASSAGES for s in split_sentences(p)]


def _is_action(text: str) -> bool:
    s = sentences
    return bool(
        s.ACTION_LINE.search(text)
        or s._RESOLVED.search(text)
        or s._AGREED.search(text)
        or s._UNDERTAKES.search(text)
    )


def _is_procedural(text: str) -> bool:
    s = sentences
    if s._NOTED.search(text) and not s._AGREED.search(text):
        return True
    return bool(s._PROCEDURAL.search(text))


def _states_date(text: str) -> bool:
    return bool(sentences._DATE_WORDS.search(PERIOD.sub(" ", text)))


def test_the_seed_texts_read_as_the_patterns_alone_read_them() -> None:
    assert len(TEXTS) > 500
    for text in TEXTS:
        assert sentences.is_action(text) == _is_action(text), text
        assert sentences.is_procedural(text) == _is_procedural(text), text
        assert sentences.states_date(text) == _states_date(text), text
    # Housekeeping and decisions the word lists must let through, in the seed minutes' form
    # and in capitals, with the letters a case-blind pattern reads as "i" and "s".
    assert sentences.is_procedural("The minutes of the last meeting were APPROVED.")
    assert sentences.is_procedural("Apologıes were received from Cllr Smith.")
    assert sentences.is_action("RESOLVED that the report be noted and agreed.")
    assert sentences.is_action("İt was agreed to defer the item.") == _is_action(
        "İt was agreed to defer the item."
    )
    assert sentences.is_action("The motion was carrıed.") == _is_action("The motion was carrıed.")


def _holds_a_word(parsed: Sequence[tuple[Any, Any]], words: Sequence[str]) -> bool:
    """Every match of a parsed (sub)pattern holds one of `words`: a run of its literals
    holds one, or one of its groups, alternations or repeats of at least one does for every
    match. Sufficient, not necessary: an alternative it cannot show holding a word fails."""
    runs, run = [], ""
    for op, arg in parsed:
        if op is LITERAL:
            run += chr(arg).lower()
            continue
        runs.append(run)
        run = ""
        if (
            (op is SUBPATTERN and _holds_a_word(arg[3], words))
            or (op is BRANCH and all(_holds_a_word(alt, words) for alt in arg[1]))
            or (op in (MAX_REPEAT, MIN_REPEAT) and arg[0] >= 1 and _holds_a_word(arg[2], words))
        ):
            return True
    runs.append(run)
    return any(w in r for r in runs for w in words)


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (sentences._RESOLVED, sentences._RESOLVED_WORDS),
        (sentences._AGREED, sentences._AGREED_WORDS),
        (sentences._UNDERTAKES, sentences._UNDERTAKES_WORDS),
        (sentences._NOTED, sentences._NOTED_WORDS),
        (sentences._PROCEDURAL, sentences._PROCEDURAL_WORDS),
    ],
    ids=["resolved", "agreed", "undertakes", "noted", "procedural"],
)
def test_every_alternative_of_a_decision_pattern_names_a_word_of_its_list(
    pattern: re.Pattern[str], words: tuple[str, ...]
) -> None:
    """Read from the pattern itself, not from the texts it meets: an alternative added
    without its word in the list fails here before it silently stops firing."""
    assert pattern.flags & re.IGNORECASE
    assert _holds_a_word(list(parse(pattern.pattern, pattern.flags)), words)
    assert not _holds_a_word(list(parse(pattern.pattern + "|zzz", pattern.flags)), words)


def test_case_folding_covers_every_letter_a_case_blind_pattern_reads() -> None:
    """Every character `re.IGNORECASE` matches to an ASCII letter folds to that letter, so
    a word list never rules out a pattern's match (sampled: Latin, Greek, the signs)."""
    letters = {c: re.compile("(?i)" + c) for c in string.ascii_lowercase}
    for cp in [*range(0x250), 0x130, 0x131, 0x17F, 0x212A, 0x212B, *range(0x370, 0x400)]:
        ch = chr(cp)
        matched = [c for c, p in letters.items() if p.fullmatch(ch)]
        if matched:
            assert sentences._folded(ch) == matched[0], hex(cp)


def test_a_text_without_a_digit_states_no_figure_or_date() -> None:
    for text in TEXTS:
        if not re.search(r"\d", text):
            assert not list(sentences._FIGURE.finditer(text)), text
            assert sentences.figures_in(text) == [] and not sentences.states_date(text)
            assert sentences.figure_kinds(text) == frozenset()


def _demoted_pairwise(
    hits: list, overlap: float, copies: dict, containment: float
) -> list:  # the round-42 loop: every kept hit above, one pair at a time
    kept: list = []
    above: list[set[str]] = []
    moved: list = []
    for h in hits:
        mine = set(words(h.text))
        twin = next(
            (
                i
                for i, other in enumerate(above)
                if (overlap > 0 and search.near(mine, other, overlap))
                or (
                    containment > 0
                    and search.contained(mine, other, containment)
                    and search.figures_agree(h.text, kept[i].text)
                )
            ),
            None,
        )
        if twin is None:
            kept.append(h)
            above.append(mine)
        else:
            moved.append(h)
            copies.setdefault(kept[twin].passage_id, []).append(h)
    return kept + moved


@pytest.mark.parametrize("block", [4096, 7])
@pytest.mark.parametrize(("overlap", "containment"), [(0.5, 0.0), (0.0, 0.6), (0.3, 0.5)])
def test_near_copies_are_the_pairwise_tests_in_one_product(
    monkeypatch: pytest.MonkeyPatch, block: int, overlap: float, containment: float
) -> None:
    """The seed passages with each one's draft (a figure or a word changed, a row cut) among
    them: the same order and the same copies listed as the pairwise loop gives, whatever
    the vocabulary's block size."""
    monkeypatch.setattr(search, "_WORD_BLOCK", block)
    pool = []
    for i, text in enumerate(PASSAGES[:40]):
        pool.append(hit(2 * i + 1, date(2018, 1, 1), text))
        draft = re.sub(r"\d", "7", text, count=1) if i % 2 else " ".join(text.split()[:-3])
        pool.append(hit(2 * i + 2, date(2018, 1, 1), draft))
    ours: dict = {}
    theirs: dict = {}
    got = search.demote_near_copies(pool, overlap, ours, containment)
    assert [h.passage_id for h in got] == [
        h.passage_id for h in _demoted_pairwise(pool, overlap, theirs, containment)
    ]
    assert ours == theirs and ours  # some drafts are copies


def test_candidates_read_again_in_another_order_are_read_afresh() -> None:
    """A passage's spans are kept for the answer, but which are candidates depends on the
    passages ranked above it: read in another order within one answer, the candidates are
    those a fresh reading gives."""
    hits = [hit(i + 1, date(2018, 11, 21), text) for i, text in enumerate(PASSAGES[:12])]
    hits += [hit(100, date(2018, 11, 21), PASSAGES[3])]  # the same text again, lower
    orders = [hits, hits[::-1], hits[5:] + hits[:5]]
    fresh = [[(c.hit.passage_id, c.start, c.end, c.items) for c in candidates(o)] for o in orders]
    with reading():
        kept = [
            [(c.hit.passage_id, c.start, c.end, c.items) for c in candidates(o)] for o in orders
        ]
        again = [(c.hit.passage_id, c.start, c.end) for c in candidates(hits, rows=False)]
    assert kept == fresh
    assert again == [(c.hit.passage_id, c.start, c.end) for c in candidates(hits, rows=False)]
    assert not any(pid == 100 for pid, *_ in fresh[0])  # a repeated text adds nothing
