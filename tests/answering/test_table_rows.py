"""The gold sentence in the answer when its passage is in the hits (round 35, eval/README.md
"A flattened table's rows, a sentence of place names, an opening phrase that points back,
round 35"):

- a table flattened to running text is cut into its rows, each a candidate
  (`sentences.TABLE_ROWS`): the splitter cut "Older People - Residential Care Services
  97.5 124.9 +27.4" at its dash and glued rows together, so no candidate held the row a
  budget question asks for (k2-098, k23-020, k25-029);
- a sentence made mostly of place names that opens and ends as a sentence is no stray line
  (`sentences.NAMES_IN_SENTENCES`; kg2-205);
- an opening phrase pointing back before its comma ("To address this, …") is a
  back-reference, quoted with its antecedent (`sentences.POINTING_OPENERS`; kg13-01).

Texts: Kent's Q3 2024-25 finance monitoring report (cabinet 30 January 2025) and the
2025-26 revenue budget book's key service tables, and Kingston's Manorgate Road petition
report, as the PDF reader gives them.
"""

from __future__ import annotations

from datetime import date

import pytest

from search_api import sentences
from search_api.sentences import antecedent, candidates, is_stray, table_rows
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit

DAY = date(2025, 1, 30)
# Finance monitoring Q3 2024-25, the key services table (one passage).
KEY_SERVICE = (
    "All figures in £m Key Service Revenue Budget Revenue Forecast Revenue Variance Older "
    "People - Residential Care Services 97.5 124.9 +27.4"
)
OLDER_PEOPLE = "Older People - Residential Care Services 97.5 124.9 +27.4"
# The same report: a table of children's services' budgets, its rows run together.
CHILDREN = (
    "Integrated Services (Children's) Management & Directorate Support 6.5 6.2 -0.3 Looked "
    "After Children - Care & Support 101.8 102.5 0.7 Looked After Children (with Disability) "
    "- Care & Support 22.5 27.1 4.5 Looked After Children (with Disability) - In House "
    "Provision 3.9 3.9 -0.0"
)
# The budget book's key service statement: row number and last year's budget first.
MENTAL_HEALTH = (
    "12 25,659.7 Adult Mental Health - Community Based Services 0.0 40,324.5 40,324.5 "
    "-2,639.0 0.0 37,685.5"
)
# The monitoring report's prose around a forecast (k2-098's other passages).
PROSE = (
    "The latest budget monitoring for 2024-25 as at the end of Quarter 3 showed a forecast "
    "overspend of £23m. The most significant forecast overspend is in adult social care."
)


def _texts(text: str) -> list[str]:
    return [c.text for c in candidates([hit(1, DAY, text)])]


def test_a_flattened_tables_rows_are_cut_at_their_figures() -> None:
    """Each run of figures ends a row; its label runs back to the run before, across the
    dash the splitter reads as a bullet; a row number with last year's figure is a run
    with no label, the head of the row after it (`ROW_HEADS`, round 47: before, the next
    label started after it)."""
    rows = [CHILDREN[a:b] for a, b in table_rows(CHILDREN)]
    assert rows == [
        "Integrated Services (Children's) Management & Directorate Support 6.5 6.2 -0.3",
        "Looked After Children - Care & Support 101.8 102.5 0.7",
        "Looked After Children (with Disability) - Care & Support 22.5 27.1 4.5",
        "Looked After Children (with Disability) - In House Provision 3.9 3.9 -0.0",
    ]
    assert [MENTAL_HEALTH[a:b] for a, b in table_rows(MENTAL_HEALTH)] == [
        "12 25,659.7 Adult Mental Health - Community Based Services 0.0 40,324.5 40,324.5 "
        "-2,639.0 0.0 37,685.5"
    ]
    # A sentence's end bounds a label; a lone figure or whole numbers make no row.
    assert table_rows(PROSE) == []
    assert table_rows("The plan has 3 4 parts. Older People 97.5") == []
    # A meeting's date and time is no row (a year is no value of one).
    heading = (
        "Children and Families Overview and Scrutiny Committee - Wednesday 21 November 2018 10.00"
    )
    assert table_rows(heading) == []


def test_a_row_no_candidate_held_is_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """The row with its whole label is a candidate, and states its figures; a sentence
    that holds a row already gives no second candidate; without the rule no candidate
    holds the variance."""
    rows = [t for t in _texts(CHILDREN) if "22.5 27.1 4.5" in t]
    assert "Looked After Children (with Disability) - Care & Support 22.5 27.1 4.5" in rows
    key = next(c for c in candidates([hit(1, DAY, KEY_SERVICE)]) if c.text.endswith(OLDER_PEOPLE))
    assert "+27.4" in key.figures or "27.4" in key.figures
    sentence = "The forecast for the year stands at 97.5 124.9 against the budget set in February."
    assert _texts(sentence) == [sentence]
    monkeypatch.setattr(sentences, "TABLE_ROWS", False)
    assert not any("+27.4" in t for t in _texts(KEY_SERVICE))
    assert not any("22.5 27.1 4.5" in t for t in _texts(CHILDREN))


def test_the_rows_figure_is_quoted(monkeypatch: pytest.MonkeyPatch) -> None:
    """k2-098's form: asked the forecast overspend on older people's residential care,
    the answer quotes the table's row with its variance, beside the report's prose."""
    question = "What was the forecast overspend on older people's residential care?"

    def quotes() -> list[str]:
        hits = [hit(1, DAY, PROSE), hit(2, DAY, KEY_SERVICE)]
        intent = TemporalIntent(topic=question, span=None, trend=False)
        answer = answering_builder().answer(intent, hits, {1: 0.6, 2: 0.55}, {}, question=question)
        assert all(c.quote in c.text for c in answer.citations)
        return [c.quote for c in answer.citations]

    assert any(q.endswith(OLDER_PEOPLE) for q in quotes()), quotes()
    monkeypatch.setattr(sentences, "TABLE_ROWS", False)
    assert not any("+27.4" in q for q in quotes())


# Kingston, Manorgate Road petition report: the traffic model's findings.
REROUTE = (
    "Drivers reroute primarily via Kingston Hill, Coombe Road EB, Homersham Road, and "
    "Cambridge Road."
)


def test_a_sentence_of_place_names_is_a_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    """A capitalised subject, a running verb and a full stop: a sentence, whatever its
    names; a heading, a list of names and a dated line stay stray."""
    assert not is_stray(REROUTE)
    assert _texts(REROUTE) == [REROUTE]
    assert is_stray("Relevant Portfolio Holder: Councillor Nicola Nardelli, Portfolio Holder.")
    assert is_stray("Cllr Smith, Cllr Jones, Cllr Brown and Cllr Green.")
    assert is_stray("Thursday 4 December 2025 7:30 pm, CANCELLED.")
    assert is_stray("Children's Services Improvement Plan update.")
    monkeypatch.setattr(sentences, "NAMES_IN_SENTENCES", False)
    assert is_stray(REROUTE)


# Kingston, Manorgate Road petition report: the petition's summary.
PETITION = (
    "Residents cite conflict between road users and an unacceptable level of risk to all "
    "road users and pedestrians. To address this, the Manorgate Road residents ask the "
    "Council to implement new measures to reduce through traffic and better reflect the "
    "existing “home zone” designation."
)


def test_an_opening_phrase_pointing_back_joins_its_antecedent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """kg13-01's form: "To address this, …" is quoted with the sentence it answers; a
    connective's comma ("In response, …") points back too; a conjunction's "that" does
    not ("Members agreed that, …"), nor an opening without a comma."""
    start = PETITION.index("To address")
    assert antecedent(PETITION, start) == 0
    before = "Residents raised concerns about speeding on the road. "
    for opener in ("In response, the DCS", "In light of these concerns, the Cabinet"):
        assert antecedent(f"{before}{opener} agreed.", len(before)) == 0
    for opener in ("Members agreed that, subject to", "In response to questions the DCS"):
        assert antecedent(f"{before}{opener} agreed.", len(before)) is None
    monkeypatch.setattr(sentences, "POINTING_OPENERS", False)
    assert antecedent(PETITION, start) is None


# The budget book's key service statement as converted Markdown reads it: the row's
# description runs on after its figures (converted k25-029, round 37).
CONTACT_CENTRE = (
    "116 4,952.3 Resident Experience - Contact Centre; Gateways; Customer care & Complaints "
    "1,578.7 3,524.2 5,102.9 -151.9 -89.0 4,862.0 Leads on ensuring that KCC's reputation is "
    "protected, enhanced, and promoted and that the customer experience is championed and "
    "protected across all contact channels."
)


def test_a_piece_cut_inside_a_rows_label_starts_at_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The splitter began the sentence at the label's dash; the piece begins at the
    label (`sentences.ROW_LABEL_STARTS`) and the row inside it is no second candidate.
    Without the rule the piece lacks "Resident Experience" and the row stands beside it;
    the ranking's candidates (no rows read) are unchanged."""
    row = (
        "116 4,952.3 Resident Experience - Contact Centre; Gateways; Customer care & "
        "Complaints 1,578.7 3,524.2 5,102.9 -151.9 -89.0 4,862.0"
    )  # its head figures are the row's since round 47 (`ROW_HEADS`)
    texts = _texts(CONTACT_CENTRE)
    assert texts == [row + CONTACT_CENTRE.split("4,862.0")[1]]
    bare = [c.text for c in candidates([hit(1, DAY, CONTACT_CENTRE)], rows=False)]
    monkeypatch.setattr(sentences, "ROW_LABEL_STARTS", False)
    off = _texts(CONTACT_CENTRE)
    assert row in off and not off[0].startswith("Resident")
    assert [c.text for c in candidates([hit(1, DAY, CONTACT_CENTRE)], rows=False)] == bare
