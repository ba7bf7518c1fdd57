"""A budget line tracked over its papers gets its row at each end meeting
(`search_api.row_pairs`): the ranking finds the row where its label is the question's
words, and the other paper's row, in a passage of other lines, is looked up by the label.

Real model, real FAISS, real SQLite: the seed index with two budget papers beside it, a
monitoring appendix at the November 2018 meeting and a Key Service Statement at the March
2019 one, each a page of rows as PDF text flattens a table (labels and figures run on,
the line's label joined to its section heading in the appendix). Written as the Kent
budget packs of the tune rows are (k28-030, k30-030), with a Gloucestershire line.
"""

from __future__ import annotations

from datetime import date

import pytest

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.models import Citation, Hit
from indexer.settings import Settings
from search_api import row_pairs
from search_api.archive import Archive, Reader
from search_api.row_pairs import asked_label, pair_rows
from search_api.search import SearchRequest
from search_api.sentences import row_labels
from tests.conftest import CORPUS
from tests.indexes import beside_seeds

MINUTES = "001_3bf3cecc07ef430f.txt"
CHAIR = "000_2725e8365af33fe2.txt"

APPENDIX = (
    "Revenue budget monitoring: forecast by key service, November 2018. All figures in £m.\n\n"
    "Children in Care Placements 45.2 48.1 2.9 Adoption Support 3.4 3.3 -0.1 "
    "Fostering Allowances 12.6 13.0 0.4 Children's Social Work Services Total 61.2 64.4 3.2 "
    "Home to School Transport 31.5 35.9 4.4 Youth Services 4.8 4.6 -0.2 Libraries, Registration "
    "and Archives 9.1 8.8 -0.3 Highway Maintenance 38.7 40.1 1.4 Waste Disposal 52.6 53.4 0.8 "
    "Public Transport Subsidies 6.2 6.5 0.3 Community Wardens 2.0 1.9 -0.1 "
    "Workforce Development (CFS) Social Work Academy 1.2 1.4 0.2 Agency Social Workers "
    "3.1 2.7 -0.4 Workforce Total 4.3 4.1 -0.2\n"
)
STATEMENT = (
    "Key Service Statement 2019-20: gross expenditure, income and net cost by key service "
    "(£000).\n\n"
    "Adoption Support 3,301.4 120.0 3,421.4 -210.5 0.0 3,210.9 Fostering Allowances "
    "12,950.2 410.7 13,360.9 -1,020.4 0.0 12,340.5 Children in Care Placements 48,105.0 "
    "2,310.2 50,415.2 -3,870.1 0.0 46,545.1 Social Work Academy 1,204.5 210.0 1,414.5 "
    "-95.0 0.0 1,319.5 Leads the recruitment, training and retention of social workers.\n"
)
QUESTION = "has the budget for the social work academy gone up for next year"


@pytest.fixture(scope="module")
def budget_archive(
    tmp_path_factory: pytest.TempPathFactory, seed_settings: Settings, embedder: Embedder
) -> Archive:
    """The seed archive with the two budget papers beside it, under the manifest rows of
    the November 2018 minutes and the March 2019 chair's report (their council, their
    meetings)."""
    root = tmp_path_factory.mktemp("budget")
    papers = root / "papers"
    papers.mkdir()
    rows = {r.split(",", 1)[0]: r for r in (CORPUS / "manifest.csv").read_text().splitlines()}
    manifest = [rows["path"]]
    for seed, name, text in ((MINUTES, "appendix.txt", APPENDIX), (CHAIR, "kss.txt", STATEMENT)):
        (papers / name).write_text(text, encoding="utf-8")
        manifest.append(rows[seed].replace(seed, name, 1))
    (papers / "manifest.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    settings = beside_seeds(seed_settings, root / "index", papers)
    report = Indexer(settings, embedder).build()
    assert not report.failed and len(report.added) == 2
    return Archive.open(settings, embedder)


def _row_meetings(
    archive: Archive, question: str, k: int, prior: float | None = None
) -> set[date | None]:
    reader = archive.reader()
    if prior is not None:
        settings = archive.settings.model_copy(update={"density_prior": prior})
        reader = Reader(archive.snapshot, settings, archive.embedder)
    hits = reader.search(SearchRequest(question, k)).hits
    return {h.citation.meeting_date for h in hits if "Social Work Academy 1" in h.text}


def test_a_tracked_line_has_its_row_at_both_meetings(budget_archive: Archive) -> None:
    assert _row_meetings(budget_archive, QUESTION, 2) == {date(2018, 11, 21), date(2019, 3, 1)}


def test_without_the_lookup_the_top_three_holds_one_row(
    budget_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the rule adds: the ranking alone holds the line's row at one meeting (fusion's
    order of the passages' own cosines: the density prior, off here, happens to lift the
    second row on this small archive)."""
    monkeypatch.setattr(row_pairs, "ROW_PAIRS", False)
    assert len(_row_meetings(budget_archive, QUESTION, 2, prior=0.0)) == 1


def test_a_question_tracking_nothing_is_ranked_as_before(
    budget_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "What is the budget for the social work academy?"
    on = budget_archive.reader().search(SearchRequest(question, 3)).hits
    monkeypatch.setattr(row_pairs, "ROW_PAIRS", False)
    off = budget_archive.reader().search(SearchRequest(question, 3)).hits
    assert [h.passage_id for h in on] == [h.passage_id for h in off]


def test_row_labels_are_read_without_their_figures() -> None:
    assert row_labels(STATEMENT)[:4] == [
        "Adoption Support",
        "Fostering Allowances",
        "Children in Care Placements",
        "Social Work Academy",
    ]


def _hit(pid: int, text: str, day: date, council: str = "Gloucestershire County Council") -> Hit:
    citation = Citation(document_id=f"d{pid}", council=council, meeting_date=day)
    return Hit(passage_id=pid, text=text, score=1.0 / pid, citation=citation)


def test_the_asked_line_is_the_labels_end_most_the_questions() -> None:
    """A label joined to its heading is named by its end; a total that holds more of the
    question's words but is mostly other words is not the line."""
    hits = [_hit(1, APPENDIX, date(2018, 11, 21))]
    found = asked_label(hits, "how much is the social work academy getting next year")
    assert found is not None and found[0] == "Social Work Academy"


def test_the_councils_name_does_not_make_a_label_the_questions() -> None:
    text = "Kent Resilience 0.7 0.7 -0.0 Libraries 9.1 8.8 -0.3"
    hits = [_hit(1, text, date(2025, 1, 30), "Kent County Council")]
    assert asked_label(hits, "is kent spending more on bus routes next year") is None


def test_the_other_row_takes_the_lowest_place_holding_no_row() -> None:
    top = [
        _hit(1, STATEMENT, date(2019, 3, 1)),
        _hit(2, "The academy recruited twelve social workers.", date(2019, 3, 1)),
        _hit(3, "Training sessions were well attended.", date(2018, 11, 21)),
    ]
    other = _hit(9, APPENDIX, date(2018, 11, 21))

    def lookup(label: str, depth: int) -> list[Hit]:
        return [top[0], other]

    out = pair_rows(top, 3, QUESTION, lookup)
    assert [h.passage_id for h in out] == [1, 2, 9, 3]


def test_a_row_at_one_meeting_alone_changes_nothing() -> None:
    top = [_hit(1, STATEMENT, date(2019, 3, 1)), _hit(2, "Other words.", date(2019, 3, 1))]
    assert pair_rows(top, 2, QUESTION, lambda label, depth: [top[0]]) == top


PLACEMENTS = "is more money going on children in care placements next year"
"""A line whose rows the ranking puts below its narrative: the top two are the Schools
Forum minutes and the 2022 report's sufficiency paragraph, no row of either paper."""


def _placement_rows(archive: Archive) -> set[date | None]:
    hits = archive.reader().search(SearchRequest(PLACEMENTS, 2)).hits
    return {h.citation.meeting_date for h in hits if "Children in Care Placements" in h.text}


def test_a_line_no_top_hit_holds_is_looked_up_by_the_questions_words(
    budget_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Round 53 (`LABEL_LOOKUP`): no passage of the top two holds a row, so no label could
    be read there; looked up by the question's own words, the line's rows stand at both its
    meetings, in the places of the two narrative hits. Off, the top two hold neither."""
    assert _placement_rows(budget_archive) == {date(2018, 11, 21), date(2019, 3, 1)}
    monkeypatch.setattr(row_pairs, "LABEL_LOOKUP", False)
    assert _placement_rows(budget_archive) == set()


def test_a_looked_up_line_is_of_the_top_hits_council() -> None:
    """The rows looked up stand in the top k's councils' papers alone: another council's
    table names no line of the question's council."""
    top = [
        _hit(1, "The fostering service recruited twelve carers.", date(2019, 3, 1)),
        _hit(2, "Fostering was discussed.", date(2018, 11, 21)),
    ]
    elsewhere = [
        _hit(8, STATEMENT, date(2019, 3, 1), "Kent County Council"),
        _hit(9, APPENDIX, date(2018, 11, 21), "Kent County Council"),
    ]
    question = "are fostering allowances going up next year"
    assert pair_rows(top, 2, question, lambda label, depth: elsewhere) == top
    ours = [_hit(8, STATEMENT, date(2019, 3, 1)), _hit(9, APPENDIX, date(2018, 11, 21))]
    out = pair_rows(top, 2, question, lambda label, depth: ours)
    assert {h.passage_id for h in out[:2]} == {8, 9}


# Round 54 (r54-trends5): which of a passage's names is the question's line.

LEGAL = (
    "Efficiency CYPE Children's Social Care Review of Legal Services Spend through cost "
    "efficiencies by Invicta Law and review of the use of legal services by social workers "
    "-150.0 -150.0 0.0 Governance & Law 7.5 7.3 -0.2 Strategic Commissioning 4.1 4.0 -0.1"
)
LEGAL_QUESTION = "is the council spending more on its legal and governance services next year"


def test_a_run_begun_inside_a_sentence_names_no_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """`NAME_STARTS` (k26-030): a savings proposal's description laid out as a row ends in
    "legal services by social workers", two of the question's words; a line's name begins
    with a capital, so the line is "Governance & Law". Off, the sentence's run is read."""
    hits = [_hit(1, LEGAL, date(2018, 11, 21))]
    found = asked_label(hits, LEGAL_QUESTION)
    assert found is not None and found[0] == "Governance & Law"
    monkeypatch.setattr(row_pairs, "NAME_STARTS", False)
    found = asked_label(hits, LEGAL_QUESTION)
    assert found is not None and found[0] == "legal services by social workers"


CIRCULAR = (
    "Environment & Circular Economy 45.0 46.1 1.1 Environment and Circular Economy "
    "Divisional management costs 2.3 2.3 0.1 Residual Waste 52.6 53.4 0.8"
)
CIRCULAR_QUESTION = "has the environment and circular economy management budget gone up next year"


def test_the_name_holding_most_of_the_questions_words_is_the_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`SHARED_FIRST` (k32-030): the division's heading holds three of the question's words,
    all its own; its management line holds four of its six. The line holding more of the
    question is the line; off (the share first), the heading."""
    hits = [_hit(1, CIRCULAR, date(2018, 11, 21))]
    found = asked_label(hits, CIRCULAR_QUESTION)
    assert found is not None and found[0].endswith("Divisional management costs")
    monkeypatch.setattr(row_pairs, "SHARED_FIRST", False)
    found = asked_label(hits, CIRCULAR_QUESTION)
    assert found is not None and found[0] == "Environment & Circular Economy"


MONITORING = (
    "Strategic Management & Directorate Budgets (ASCH) Innovation and Partnership 3.4 3.5 0.1 "
    "Adult In House Carer Services 2.4 2.8 0.4"
)
KSS = (
    "Innovation and Partnership 3,412.0 10.0 3,422.0 0.0 0.0 3,422.0 Adult In House Carer "
    "Services 2,401.2 400.0 2,801.2 -10.0 0.0 2,791.2"
)
PARTNERSHIP = "has the innovation and partnership budget in adult social care gone up for next year"


def test_the_line_is_a_name_stated_at_two_meetings(monkeypatch: pytest.MonkeyPatch) -> None:
    """`TWO_MEETINGS` (k29-027): the monitoring appendix joins the line's label to its
    heading, and that name holds the most of the question ("budget" besides the line's two
    words); only that paper writes it, so it pairs nothing. The next name, the line's own,
    has rows at both meetings: the statement's row takes the lowest place. Off, the first
    name ends the search and the ranking is as it was; the answer's check reads the rows
    among its hits the same way (`stated_among`)."""
    top = [
        _hit(1, MONITORING, date(2018, 11, 21)),
        _hit(2, "The partnership board met twice.", date(2018, 11, 21)),
    ]
    statement = _hit(9, KSS, date(2019, 3, 1))

    def lookup(label: str, depth: int) -> list[Hit]:
        return [top[0], statement]

    assert [h.passage_id for h in pair_rows(top, 2, PARTNERSHIP, lookup)][:2] == [1, 9]
    both = [top[0], statement]
    found = asked_label(both, PARTNERSHIP, row_pairs.stated_among(both))
    assert found is not None and found[0] == "Innovation and Partnership"
    monkeypatch.setattr(row_pairs, "TWO_MEETINGS", False)
    assert pair_rows(top, 2, PARTNERSHIP, lookup) == top
    found = asked_label(both, PARTNERSHIP, row_pairs.stated_among(both))
    assert found is not None and found[0] == "Budgets (ASCH) Innovation and Partnership"


def test_with_every_rule_off_the_label_is_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """The three rules off: the share first, every trailing run a name, the first name the
    line (main's reading before round 54): a one-word end, all its one term the question's,
    over the line."""
    for flag in ("NAME_STARTS", "SHARED_FIRST", "TWO_MEETINGS"):
        monkeypatch.setattr(row_pairs, flag, False)
    text = "Governance & Law 7.5 7.3 -0.2 Property Related Services 28.1 29.0 0.9"
    found = asked_label([_hit(1, text, date(2018, 11, 21))], LEGAL_QUESTION)
    assert found is not None and found[0] == "Services"


WORKFORCE = "has the workforce development budget for the social work academy gone up for next year"
"""The appendix's label joins the line to its heading ("Workforce Development (CFS) Social
Work Academy"): that name holds the most of the question and only the November paper
writes it; the March statement's row is "Social Work Academy"."""


def test_a_heading_joined_name_gives_way_to_the_line_at_both_meetings(
    budget_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`TWO_MEETINGS` on the real index: the line's rows at both meetings in the top two;
    off, the heading-joined name (one meeting) ends the search and the top two hold the
    row at fewer meetings."""
    assert _row_meetings(budget_archive, WORKFORCE, 2) == {date(2018, 11, 21), date(2019, 3, 1)}
    monkeypatch.setattr(row_pairs, "TWO_MEETINGS", False)
    assert len(_row_meetings(budget_archive, WORKFORCE, 2)) < 2
