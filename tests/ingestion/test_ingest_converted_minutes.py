"""Full-council minutes as a PDF-to-text converter gives them, built from the seed
documents (corpus/): wrapped lines as paragraphs, running headers and "Page N of M"
footers with no page break character, figures with footnote digits glued on, lists
under the sentence that introduces them, roll-call lists and tables flattened to lines.
Each defect has its own test; the texts are the seeds' own sentences re-laid out."""

from __future__ import annotations

import textwrap

from indexer.ingest.chunking import chunk_units
from indexer.ingest.cleaning import clean
from indexer.ingest.readers import RawDocument
from indexer.ingest.structure import build_units
from indexer.models import Chunk

from .conftest import CountTokens


def _converted(*paragraphs: str, width: int = 80) -> str:
    """Each paragraph wrapped at `width` columns, every wrapped line its own paragraph."""
    lines = [line for p in paragraphs for line in (textwrap.wrap(p, width) or [p])]
    return "\n\n".join(lines) + "\n"


def _chunks(text: str, count_tokens: CountTokens) -> list[Chunk]:
    raw = RawDocument(format="text", pages=[text], paged=False)
    return chunk_units(build_units(clean(raw)), count_tokens, 240, 40)


def _paras(text: str) -> list[str]:
    return [p.text for p in clean(RawDocument(format="text", pages=[text], paged=False))]


# Seed 000 (Gloucestershire, Children and Families O&S, chair's report), item 5.
_CENTRES = (
    "It was questioned whether the targets had been set too low as they had all been met. "
    "It was explained that in the redesign of the service it had not been known exactly "
    "what the need wold be, and the level of referrals had been higher than expected but "
    "that the service had been able to keep up with demand.",
    "It was agreed that committee members would visit the children\u2019s centre in their "
    "division. The committee would also receive a further broader report on this matter "
    "later in the year following on from the planned review.",
)


def test_running_header_beside_a_page_footer_is_not_read_into_a_sentence(
    count_tokens: CountTokens,
) -> None:
    # A converted file has no form feeds: the "Page N of M" footer is the only sign of a
    # page break, and the running header after it must not land inside the sentence the
    # page break cut ("visit the children's centre in their Minutes division").
    pages = []
    body = _converted(*_CENTRES).split("\n\n")
    for number, start in enumerate(range(0, len(body), 3), start=1):
        lines = [line.strip() for line in body[start : start + 3]]
        pages.append("\n\n".join(["Children and Families O&S Committee", *lines,
                                  f"Page {number} of 4"]))  # fmt: skip
    text = "\n\n".join(pages) + "\n"
    paras = _paras(text)
    joined = " ".join(paras)
    # The first page keeps its copy (often the document's title), no other page does.
    assert joined.count("O&S Committee") <= 1 and not paras[0].startswith("It was")
    assert "higher than expected but that the service" in joined
    assert (
        "It was agreed that committee members would visit the children\u2019s centre in their "
        "division." in joined
    )
    assert all("Page" not in p for p in paras)


def test_footnote_digits_glued_to_figures_are_removed() -> None:
    # Seed 001/003 (21 November 2018) sentences as a converter gives them when the
    # footnote reference was a superscript: the digit lands on the figure.
    text = _converted(
        "It was noted that the council had relied on agency workers to maintain the system "
        "(currently about 40%3 of the workforce was agency staff).",
        "The forecast for children\u2019s social care was an overspend position of "
        "\u00a36.4m2 (6.04%4 of budget), against additional funding of \u00a320m\u00b9.",
        "Of 1,200 cases audited, 20% were rated as inadequate; the 2018/19 budget is "
        "\u00a323.3 million and the new building has 450m2 of floor space (a 900m\u00b2 site).",
    )
    joined = " ".join(_paras(text))
    assert "about 40% of the workforce" in joined
    assert "\u00a36.4m (6.04% of budget)" in joined
    assert "funding of \u00a320m." in joined
    # Figures that are not followed by a glued footnote stay as they are.
    assert "Of 1,200 cases audited, 20% were" in joined and "450m2 of floor space (a 900m\u00b2 site)" in joined
    assert "\u00a323.3 million" in joined
