"""Round 5b (issue #13): a trend's ends are quoted by the sentences that measure its topic,
a figure reported against a target is no aim, and a sentence that points back ("He also
explained …", "This is …") is quoted with the sentence it points to. Fast: no index, the
product's AnswerBuilder over real seed (and Kent archive) text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from search_api.sentences import (
    antecedent,
    aspects_of,
    candidates,
    figure_coverage,
    states_aim,
    term_weights,
)
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit

SEED_MINUTES = Path(__file__).resolve().parents[2] / "corpus" / "000_2725e8365af33fe2.txt"

CHURN_2018 = (
    "In response to questions the DCS informed the committee that the level of churn in the "
    "social worker workforce was a serious issue. The council was very reliant on agency "
    "workers to maintain the system (currently about 40% of the workforce was agency staff). "
    "Until the workforce became more stable it was difficult for there to be consistency in "
    "practice."
)
TURNOVER_2022 = (
    "Recruitment and retention remain a significant challenge with market factors (rates of "
    "pay increasing elsewhere alongside increases in the number and type of social work posts "
    "offered by other employers) resulting in the overall rate of turnover and vacancies "
    "increasing over the period. Positively, there has been slight reduction in the rate of "
    "agency social workers to 33.3% recently, but this compares unfavourably with the circa "
    "20% achieved by the end of summer 2021."
)


def test_each_end_of_a_trend_is_quoted_by_the_sentence_measuring_the_topic() -> None:
    """The sentences on churn ("a serious issue") and on recruitment ("a significant
    challenge") repeat the question's words best, but a trend is read from its figures:
    each meeting is quoted by the sentence whose figure is one *of the workforce* (40% of
    it agency staff in 2018, agency social workers down to 33.3% in 2022)."""
    hits = [hit(1, date(2018, 11, 21), CHURN_2018), hit(2, date(2022, 7, 14), TURNOVER_2022)]
    question = "How has the social work workforce changed?"
    intent = TemporalIntent(span=None, trend=True, topic=question)
    r = answering_builder().answer(intent, hits, {1: 0.6, 2: 0.55}, {}, question=question)
    assert not r.abstained and r.lead
    assert any("about 40%" in c.quote for c in r.citations), r.text
    assert any("33.3%" in c.quote for c in r.citations), r.text
    assert r.lead.index("about 40%") < r.lead.index("33.3%"), r.lead
    for c in r.citations:
        assert c.quote in c.text


MASH_2019 = (
    "The DCS was clear that stabilising the workforce is the key factor, and outlined the "
    "activity in place to improve this position. In response to questions he explained that "
    "the main issue in retaining staff was the level of churn. The next Ofsted monitoring "
    "visit would focus on the areas of weakness identified at the time of the inspection eg. "
    "the MASH (Multi Agency Safeguarding Hub)."
)


def test_a_word_inside_a_named_body_is_not_the_topic() -> None:
    """ "Agency" in "Multi Agency Safeguarding Hub" does not make the March 2019 chair's
    report's MASH sentence speak of agency staffing: the meeting is quoted on retaining
    staff (round 10's opening line put the MASH between 40% and 33.3%); its quote may
    read on into the MASH sentence (round 16: a timeline's quotes read on), never open
    with it."""
    hits = [
        hit(1, date(2018, 11, 21), CHURN_2018),
        hit(2, date(2019, 3, 1), MASH_2019),
        hit(3, date(2022, 7, 14), TURNOVER_2022),
    ]
    question = "How did agency staffing change between 2018 and 2022?"
    intent = TemporalIntent(span=None, trend=True, topic=question)
    rare = {"agenc": 3.0}.get  # the archive's IDF: "agency" is rarer than "staff"
    builder = answering_builder(idf=lambda t: rare(t, 1.0))
    r = builder.answer(intent, hits, {1: 0.6, 2: 0.5, 3: 0.55}, {}, question=question)
    assert not r.abstained and r.lead
    assert "33.3%" in r.lead, r.lead
    assert "Multi Agency" not in r.lead, r.lead
    march = [c.quote for c in r.citations if c.citation.meeting_date == date(2019, 3, 1)]
    assert any("level of churn" in q for q in march), r.text
    assert not any(q.startswith("The next Ofsted monitoring visit") for q in march), r.text


def test_figure_coverage_tells_a_figure_of_the_topic_from_a_figure_nearby() -> None:
    """Kent's No Use Empty report: "119 long-term empty properties" is a count of the topic;
    "£2.5m under the … Fund to convert additional derelict properties" is money of
    something else, the properties named ten words on."""
    aspects = aspects_of(
        "How has the running total of empty properties brought back into use grown?",
        "How has the running total of empty properties brought back into use grown?",
        trend=True,
    )
    weights = term_weights(aspects.terms, [], idf=lambda t: 1.0)
    count = (
        "In Q2 there had been a total of 119 long-term empty properties made fit for "
        "occupation through the scheme"
    )
    grant = (
        "NUE were awarded £2.5m under the SELEP Growing Places Fund (GPF) to convert "
        "additional derelict properties which is fully allocated."
    )
    assert figure_coverage(count, weights) > 0.4
    assert figure_coverage(grant, weights) < figure_coverage(count, weights) / 2
    assert figure_coverage("The scheme was designed to reward those authorities.", weights) == 0


def test_a_figure_reported_against_its_target_is_no_aim() -> None:
    """A count that "16 achieved target (Green)" measures; "The target is to return 18
    empty commercial units" aims (Kent Cabinet papers): only an aim takes the penalty."""
    assert not states_aim(
        "Mr Wagner noted that of the 40 Key Performance Indicators (KPIs) contained within "
        "the QPR, 16 achieved target (Green)"
    )
    assert not states_aim("17 of the 38 indicators are rated as Green, on or ahead of target.")
    assert states_aim("The target is to return 18 empty commercial units back into use.")
    assert states_aim("The council should aim to reduce agency staff to 20%.")
    passage = hit(1, date(2025, 1, 30), "The number of properties remained above target this year.")
    assert not candidates([passage])[0].target


def _seed_paragraph() -> str:
    """The seed minutes' first paragraph on the Ofsted letter, as a passage holds it."""
    lines = SEED_MINUTES.read_text(encoding="utf-8").splitlines()
    return " ".join(" ".join(lines[1:13]).split())


def test_a_back_referring_sentence_finds_its_antecedent() -> None:
    text = _seed_paragraph()
    he = text.index("He also explained")
    assert text[antecedent(text, he) or 0 :].startswith("The Director of Children Services")
    this = text.index("This is in line with concerns")
    assert text[antecedent(text, this) or 0 :].startswith("He drew committee member")
    # "It was …" opens a sentence without pointing back; a plain sentence needs nothing.
    assert antecedent("The DCS spoke. It was explained that we did not partner.", 15) is None
    assert antecedent(text, text.index("The next scheduled monitoring visit")) is None


def test_a_sentence_pointing_back_is_quoted_with_the_sentence_it_points_to() -> None:
    """The sentence "He also explained that … the council could negotiate for an
    additional monitoring visit" does not say who "he" is: the quote starts at "The
    Director of Children Services (DCS) informed …", still a verbatim slice."""
    passage = hit(1, date(2018, 11, 21), _seed_paragraph())
    question = "Could the council negotiate for an additional monitoring visit?"
    intent = TemporalIntent(span=None, trend=False, topic=question)
    r = answering_builder().answer(intent, [passage], {1: 0.6}, {}, question=question)
    assert not r.abstained
    quotes = [c.quote for c in r.citations]
    joined = next(q for q in quotes if "negotiate for an additional monitoring visit" in q)
    assert joined.startswith("The Director of Children Services (DCS) informed"), quotes
    assert joined in passage.text
    assert sum("He also explained" in q for q in quotes) == 1
