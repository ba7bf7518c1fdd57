"""Full-council minutes as a PDF-to-text converter gives them, built from the seed
documents (corpus/): wrapped lines as paragraphs, running headers and "Page N of M"
footers with no page break character, figures with footnote digits glued on, lists
under the sentence that introduces them, roll-call lists and tables flattened to lines.
Each defect has its own test; the texts are the seeds' own sentences re-laid out."""

from __future__ import annotations

import re
import textwrap

import pytest

from indexer.ingest import discover, ingest_file
from indexer.ingest.chunking import chunk_units, sentences
from indexer.ingest.cleaning import clean
from indexer.ingest.readers import RawDocument
from indexer.ingest.structure import build_units
from indexer.models import Chunk

from .conftest import CORPUS, CountTokens


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
    assert "Of 1,200 cases audited, 20% were" in joined
    assert "450m2 of floor space (a 900m\u00b2 site)" in joined
    assert "\u00a323.3 million" in joined


# Seed 004 (Continuous Improvement Plan progress report), paragraph 14.0.
_NATIONAL = (
    "At a national level, there are several major policy initiatives to which "
    "children\u2019s services and local partners will have to respond including the Early "
    "Years Healthy Development Review Report: Best Start in Life, the Independent Review of "
    "Children\u2019s Social Care, the National Panel Report recommendations into the deaths "
    "of Star Hobson and Arthur Labinjo-Hughes, the Education White Paper and SEND Reforms."
)


def test_a_wrapped_line_ending_in_a_colon_goes_on_with_the_next() -> None:
    text = _converted(
        "Continuous Improvement",
        "Alongside the Improvement Board, which had its inaugural meeting on 28th July, "
        "Children\u2019s Services have adopted Systemic Social Work as its model of practice.",
        _NATIONAL,
        "Recommendation:",
        "That Children and Families Overview and Scrutiny Committee note the report.",
        width=96,
    )
    assert any(line.endswith("Report:") and len(line) > 80 for line in text.split("\n\n"))
    paras = _paras(text)
    assert _NATIONAL in paras
    assert "Recommendation:" in paras  # a short line ending in a colon stays a lead-in


def test_a_running_header_of_a_two_page_text_is_dropped() -> None:
    page_one = _converted(
        "Alongside the Improvement Board, which had its inaugural meeting on 28th July, "
        "Children\u2019s Services have adopted Systemic Social Work as its model of practice "
        "and commenced a transformation programme, to ensure its organisational form and"
    )
    page_two = _converted(
        "working arrangements enable practice to flourish and meet the challenges of 21st "
        "Century social work.",
        _NATIONAL,
    )
    header = "Children and Families Overview and Scrutiny Committee 14 July 2022"
    text = "\n\n".join([header, page_one, "Page 1 of 2", header, page_two, "Page 2 of 2"])
    joined = " ".join(_paras(text))
    assert joined.count(header) == 1
    assert "organisational form and working arrangements enable practice" in joined


def test_chunking_and_answers_find_the_same_sentences() -> None:
    # One sentence finder (indexer.text): a passage is cut only where an answer would
    # start a quote, and neither cuts at "Sept." or at another council's "Cr." (Councillor).
    from indexer.text import split_sentences

    text = (
        "The next scheduled monitoring visit was in Sept. 2019, as Cr. Robinson reported. "
        "It was agreed that committee members would visit the children\u2019s centre in "
        "their division.\nRevenue Monitoring\nThe committee noted the current position."
    )
    expected = [
        "The next scheduled monitoring visit was in Sept. 2019, as Cr. Robinson reported.",
        "It was agreed that committee members would visit the children\u2019s centre in "
        "their division.",
        "Revenue Monitoring",
        "The committee noted the current position.",
    ]
    assert sentences(text) == expected
    assert [s.text for s in split_sentences(text)] == expected


def _as_converted(text: str, title: str) -> str:
    """A seed file as a PDF-to-text converter gives it: paragraphs re-wrapped at 80
    columns, every line its own paragraph, short headings in `**` or `***…**` emphasis,
    and every 45 lines a "Page N of M" footer followed by the running header."""
    out = [title]
    count = 0
    page = 1
    for number, paragraph in enumerate(re.split(r"\n\s*\n", text)):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        if len(paragraph) < 70 and not paragraph.endswith("."):
            lines = [f"**{paragraph}**" if number % 2 else f"***{paragraph}**"]
        else:
            lines = textwrap.wrap(paragraph, 80)
        for line in lines:
            out.append(line)
            count += 1
            if count % 45 == 0:
                out.extend([f"Page {page} of 9", title])
                page += 1
    return "\n\n".join(out) + "\n"


def _prose_sentences(chunks: list[Chunk]) -> list[str]:
    """Whole sentences of running text (six words or more, ending in a stop, few figures)."""
    out = []
    for chunk in chunks:
        for sentence in sentences(chunk.text):
            words = sentence.removeprefix("- ").split()
            figures = sum(any(ch.isdigit() for ch in w) for w in words)
            if len(words) >= 6 and sentence.endswith((".", "?", "!")) and figures <= len(words) / 5:
                out.append(" ".join(words))
    return out


@pytest.mark.parametrize("name", ["000", "001", "002", "003"])
def test_seed_minutes_converted_keep_every_sentence_whole(
    name: str, count_tokens: CountTokens
) -> None:
    # The seed minutes as converted text: every sentence the seed's own passages hold
    # stands whole inside one passage of the converted file, with no markup left in.
    path = next(CORPUS.glob(f"{name}_*.txt"))
    source = next(s for s in discover(CORPUS) if s.path == path)
    original = ingest_file(source, count_tokens).chunks
    converted = _chunks(_as_converted(path.read_text(), "Children and Families O&S"), count_tokens)
    passages = [" ".join(c.text.split()) for c in converted]
    missing = [s for s in _prose_sentences(original) if not any(s in p for p in passages)]
    assert missing == []
    assert not any("**" in p or "Page " in p for p in passages)
