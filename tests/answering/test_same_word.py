"""When two stems are one word, by kind of ending (round 32).

`same_word` (now in `indexer.text`) joined a stem to a longer one with any of its endings,
so a question's "basement" was held where the archive says "base", "county" where it says
"count" (round 31 made `absent_salience` read a term the index lacks this way,
`archive._shorter_form`). The stemmer strips a derivational ending ("-ment", "-y", "-al",
...) only from a stem measuring more than 1 (`indexer.text.measure`): on a shorter stem
the ending makes another word, and the stemmer keeps it. `same_word` now follows that
condition for derivational endings and joins inflections (plural, past, "-ing", and the
letters "-er", comparative or doer alike) on any stem (eval/README.md, "When two stems are
one word", round 32). The doer's "-or" and "-ist" (`indexer.text.AGENTS`) the stemmer
never strips, on a stem of any measure: "councillor" is not "council" (round 33).
"""

from __future__ import annotations

import pytest

from indexer.text import AGENTS, ANALYZER, ENDINGS
from search_api.abstention import ABSENT, coverage, holds, same_word
from search_api.archive import Archive


def _one_word(a: str, b: str) -> bool:
    x, y = ANALYZER.term(a), ANALYZER.term(b)
    assert x is not None and y is not None
    return same_word(x, y)


@pytest.mark.parametrize(
    ("longer", "shorter"),
    [
        ("basement", "base"),  # "-ment" on a measure-1 stem
        ("statement", "state"),
        ("county", "count"),  # "-y"
        ("party", "part"),
        ("wheelie", "wheel"),
        ("postal", "post"),  # "-al"
    ],
)
def test_a_derivation_of_a_short_stem_is_another_word(longer: str, shorter: str) -> None:
    assert not _one_word(longer, shorter)
    assert not holds(ANALYZER.term(longer) or "", {ANALYZER.term(shorter) or ""})


@pytest.mark.parametrize(
    ("person", "thing"),
    [
        ("councillors", "council"),  # a long stem (measure 2), after a doubled letter
        ("councillor", "councils"),
        ("director", "direct"),
        ("inspectors", "inspection"),
        ("contractor", "contract"),
        ("specialist", "special"),  # "-ist"
        ("journalists", "journal"),
    ],
)
def test_an_agent_noun_is_another_word(person: str, thing: str) -> None:
    """The stemmer keeps "-or" and "-ist" on every stem, so these pairs are not a word cut
    one step short: a person, not the thing (the stems are checked to differ by exactly
    an agent ending, perhaps after a doubled letter)."""
    p, t = ANALYZER.term(person) or "", ANALYZER.term(thing) or ""
    assert p.startswith(t) and p[len(t) :].lstrip(t[-1]) in AGENTS
    assert not _one_word(person, thing)
    assert not holds(p, {t})


# Gloucestershire County Council, Children and Families Overview and Scrutiny Committee,
# "Ofsted Inspection - The Improvement Journey" (2017), a seed paper's sentence.
PARTNER = (
    "It was also explained that support from the council’s Improvement Partner, Essex "
    "County Council, would be valuable in this area."
)


def test_a_passage_on_the_council_does_not_hold_councillors() -> None:
    """A question about councillors finds its word absent from a sentence that names only
    the council (on round 32's rule, "-or" an inflection, it read as held)."""
    councillor, council = ANALYZER.term("councillors"), ANALYZER.term("council")
    assert councillor is not None and council is not None
    assert coverage([councillor], PARTNER) == 0.0
    assert coverage([council], PARTNER) == 1.0


def test_no_agent_ending_is_an_ending_of_one_word() -> None:
    assert not AGENTS & ENDINGS


@pytest.mark.parametrize(
    ("longer", "shorter"),
    [
        ("staffing", "staff"),  # inflections, on any stem
        ("children", "child"),
        ("higher", "high"),  # "-er": the comparative ...
        ("builders", "build"),  # ... and the doer, which the letters do not tell apart
        ("merger", "merge"),
        ("gritters", "gritting"),  # after a doubled letter
        ("environmental", "environment"),  # the stemmer cut one step short
        ("managers", "management"),
        ("operator", "operate"),  # the stemmer's own "-ator" to "-ate"
    ],
)
def test_an_inflection_or_a_long_stems_derivation_is_the_same_word(
    longer: str, shorter: str
) -> None:
    assert _one_word(longer, shorter)


def test_the_archive_does_not_hold_a_short_stems_derivation(seed_engine: Archive) -> None:
    """The seed papers say "base", never "basement": a word they do not hold, absent as a
    word held in no form (on round 31's rule it read as held). They never say
    "environmental" or "builder" either, but "environment" (stem "environ") is that word
    cut one step short, and "build" the builder's verb: held."""
    idf = seed_engine.reader().answers.idf
    assert idf is not None
    assert idf(ANALYZER.term("basement") or "") == idf(ABSENT)
    for word in ("environmental", "builder"):
        assert idf(ANALYZER.term(word) or "") < idf(ABSENT), word
