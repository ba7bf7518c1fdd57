"""Changed twins in a trend's top 10 (`search_api.search.changed_twins`, `cover_span`'s
`twins`): a council publishes a draft and a final of one paper nearly word for word, a
figure changed; for a trend question that pair is the change asked about, so both
versions stand in the top 10 (eval/README.md, "Trend ends and changed twins, round 24").
On the one search path with the real model, FAISS and SQLite: the seed corpus with
corpus/004 published a month earlier as its draft, one survey count different; and pure
pairing on the seed minutes' own paragraph 41.4."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.settings import Settings
from search_api.archive import Archive
from search_api.search import SearchRequest, changed_twins
from tests.answering.builders import hit

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

FINAL_FIGURE = "completed by 119"
DRAFT_FIGURE = "completed by 104"

QUESTION = "How has the number of children in care changed since 2018?"


def _draft_version(corpus: Path) -> None:
    """corpus/004 again as its draft, at the committee's June meeting: one figure apart."""
    final = (corpus / "004_a3ad42d7930c8b10.txt").read_text()
    assert final.count(FINAL_FIGURE) == 1
    (corpus / "005_draft_improvement_report.txt").write_text(
        final.replace(FINAL_FIGURE, DRAFT_FIGURE)
    )
    with (corpus / "manifest.csv").open("a") as manifest:
        manifest.write(
            "005_draft_improvement_report.txt,Gloucestershire County Council,Children and "
            "Families Overview and Scrutiny Committee,2022-06-16,day,report,Children's "
            "Services Continuous Improvement Plan: progress report (draft),,false,\n"
        )


def test_a_trends_top_10_holds_both_versions_of_a_changed_figure(
    corpus_copy: Path, tmp_path: Path, embedder: Embedder
) -> None:
    _draft_version(corpus_copy)
    settings = Settings(corpus=str(corpus_copy), index_dir=tmp_path / "index")
    assert not Indexer(settings, embedder).build().failed
    found = Archive.open(settings, embedder).reader().ranked(SearchRequest(QUESTION, 10))
    assert found.intent.trend
    versions = [h for h in [*found.hits, *found.below] if "Bright spots survey" in h.text]
    assert {FINAL_FIGURE in h.text for h in versions} == {True, False}
    # Both versions are in the top 10, and the span's two ends are still there.
    top = {h.passage_id for h in found.hits}
    assert {h.passage_id for h in versions} <= top
    dates = [h.citation.effective_date for h in found.hits if h.citation.effective_date]
    assert date(2018, 11, 21) in dates and max(dates) >= date(2022, 7, 14)


def _paragraph(number: str) -> str:
    """The seed minutes' (corpus/003) paragraph `number`, one line."""
    text = (CORPUS / "003_315652f360b52df6.txt").read_text()
    start = text.index(number)
    return text[start : text.index("\n", start)]


def test_an_opening_paragraph_number_is_no_figure() -> None:
    """A final often renumbers its paragraphs: "42.4" for "41.4" changes no figure, while
    the workforce's agency share does."""
    paragraph = _paragraph("41.4")
    assert "about 40%" in paragraph
    original = hit(1, date(2018, 11, 21), paragraph)
    renumbered = hit(2, date(2018, 12, 5), paragraph.replace("41.4", "42.4", 1))
    changed = hit(3, date(2018, 12, 5), paragraph.replace("about 40%", "about 45%"))
    assert changed_twins([original, renumbered]) == []
    assert changed_twins([original, changed]) == [(original, changed)]
    # Not a twin: another paragraph of the same item.
    third = hit(4, date(2018, 11, 21), _paragraph("41.3"))
    assert changed_twins([original, third]) == []

