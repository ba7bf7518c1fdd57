"""A list is read to its last item (round 28).

Three places where the reading of one list stopped while the list went on: an item's own
further sentence ("… in Children's Safeguarding and Care. This will reduce to one in the
forthcoming month. - Development of new workforce strategy."), an item number the
splitter glued to the item before ("… in a joined-up way; 2." / "Reducing emissions …"),
and a list run on into the next passage, which got only what was left of `LIST_ITEMS`.
Texts: the seed report to the Children's and Families committee of 14 July 2022
(corpus/004), Kent County Council's minutes of 13 February 2025 (the Climate and Nature
Bill motion, item 281) and the Labour Group's alternative budget of the same meeting, and
the Armed Forces Covenant action plan of 30 January 2025, as the reader gives them
(eval/README.md "A list read to its last item, round 28").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from indexer.models import Hit
from indexer.text import split_sentences
from search_api.sentences import continued_list, list_blocks
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit

SEED_REPORT = (  # corpus/004, 14 July 2022
    "The Executive Director of People and Digital and the Director for Safeguarding and Care "
    "are currently visiting district offices to discuss IT improvements as part of an update "
    "and engagement piece on Continual Improvement. Key developments over the past month that "
    "will deliver impacts include: - Recruitment, retention and career progression: - 35 newly "
    "qualified social workers start their Assisted Year in Practice July-September 2022 and "
    "will be supernumerary for at least the first six months of their employment. - Permanent "
    "Heads of Service are now in place in all but two posts in Children’s Safeguarding and "
    "Care. This will reduce to one in the forthcoming month. - Development of new workforce "
    "strategy. - Improved induction and check-in programme launched for new starters and new "
    "managers, building on feedback from employees. - Workforce development: - Career "
    "progression pathway and linked Social Work Academy offer under construction."
)
COVENANT = (
    "- Extend an invite to a Headteacher Representative to the Unit Welfare Officer meetings. "
    "Maintaining a focus on how the most vulnerable within the Armed Forces Community can be "
    "supported to access what they need to thrive in their future civilian life: - Improve "
    "identification of those veterans who have greatest needs, via networking across public "
    "services and the voluntary sector and improving signposting to support vulnerable "
    "people. - Increase signposting and support for financial and debt management services – "
    "and again, Kent Together and Refer Kent provides a basis for this. Maintaining a strong "
    "focus on Recruitment, Staffing and Training on ex-service personnel: - Support and "
    "promote the benefits of recruiting of Armed Forces Reservists and Military Spouses."
)
CLIMATE_AIMS = (  # the passage after "… an integrated climate and nature strategy, as part of:"
    "1. Tackling the intertwined crises in climate and nature in a joined-up way; 2. Reducing "
    "emissions fairly and rapidly for the highest chance of meeting the UK’s obligation to "
    "limiting global warming to 1.5°C; 3. Halting and reversing the decline in biodiversity "
    "by setting nature measurably on the path to recovery by 2030; 4. Taking responsibility "
    "for the UK’s overseas emissions and ecological footprints; 5. Prioritising nature in "
    "decision-making, and ending fossil fuel imports and production as rapidly as possible; "
    "6. Ensuring that no-one and no community is left behind in the just transition by "
    "providing retraining for those currently working in fossil fuel industries; and 7. "
    "Involving citizens in finding a fair way forward via an independent, representative and "
    "temporary ‘Climate and Nature Assembly’, in order to bring public opinion along with the "
    "pace of change required. This Council resolves to request that the Cabinet Member for "
    "Environment: 1. Ensures that its policies align with the relevant sections of the Climate "
    "and Nature Bill; 2. Inform local residents, and local press/media, of our motion;"
)
BUDGET = (  # the passage's list, the sentences before it left out
    "So, instead, the alternative budget will: - Reinstate the community warden service to "
    "2022-23 budget levels, removing a total of £1m cuts from the Administration’s current and "
    "previous MTFPs. - Maintain operation of Commissioned Family Hubs (Millmead and "
    "Seashells), or to provide equivalent alternative provision. - Reverse £0.4m cuts to our "
    "children’s respite offer and continue to offer respite every four weeks. - Limit the "
    "full-year effect of the Adults Charging Policy changes to 25% of the Administration's "
    "proposal."
)
BUDGET_ON = (  # the passage after BUDGET: the list's last six items
    "- Reverse Kent 16+ Travel Saver above inflation increase. - Scale back charging increases "
    "in post 16 SEN transport. - Reinstate up to 50% of the Council Tax Reduction schemes - "
    "Reinstate 50% of the Council Tax Incentives schemes - Reinstatement of the Mental Health "
    "Wellbeing Services in the Community (Live Well Kent. - Reverse cuts to Cyclopark sports "
    "and community facility."
)


def _lists(text: str) -> list[tuple[str, int]]:
    spans = [(s.start, s.end) for s in split_sentences(text)]
    return [(text[a:b], items) for a, b, items in list_blocks(text, spans)]


def test_an_items_further_sentence_does_not_end_the_list() -> None:
    """The seed report's developments: "This will reduce to one in the forthcoming month."
    belongs to the item before it; the items after it are the list's too."""
    quote = next(q for q, _ in _lists(SEED_REPORT) if q.startswith("Key developments"))
    assert "This will reduce to one in the forthcoming month. - Development of new" in quote
    assert "Improved induction and check-in programme launched" in quote


def test_a_further_sentence_that_is_a_lead_in_opens_its_own_list() -> None:
    """A lead-in, "Maintaining a strong focus on Recruitment …:", is no sentence of the item
    before it: the list before it ends there, and it leads a list of its own."""
    lists = dict(_lists(COVENANT))
    first = next(q for q in lists if q.startswith("Maintaining a focus on how"))
    assert first.endswith("provides a basis for this.")
    assert any(q.startswith("Maintaining a strong focus on Recruitment") for q in lists)


def test_an_item_number_glued_to_the_item_before_opens_the_next_item() -> None:
    """The Bill's seven aims, each number left by the splitter at the end of the aim
    before it ("… joined-up way; 2."), are one run of seven items, to the last aim's end;
    the resolution after it is not one of them."""
    run = continued_list(hit(1, date(2025, 2, 13), CLIMATE_AIMS), 0, 8)
    assert run is not None
    assert run.items == 7
    assert "4. Taking responsibility for the UK’s overseas emissions" in run.text
    assert run.text.endswith("along with the pace of change required.")


def test_a_list_run_on_into_the_next_passage_is_quoted_to_its_end() -> None:
    """The alternative budget's list gives four items before its passage ends; the next
    passage's six are quoted too, "Reverse cuts to Cyclopark …" the last (what was left of
    `LIST_ITEMS` after the first four cut it at the fourth)."""
    question = (
        "Which of the Administration's cuts did the Labour group's alternative budget "
        "promise to reverse or reinstate?"
    )
    day = date(2025, 2, 13)
    after = {1: hit(2, day, BUDGET_ON)}

    def following(found: Sequence[Hit]) -> dict[int, Hit]:
        return {h.passage_id: after[h.passage_id] for h in found if h.passage_id in after}

    intent = TemporalIntent(topic=question, span=None, trend=False)
    answer = answering_builder().answer(
        intent, [hit(1, day, BUDGET)], {1: 0.6}, {}, question=question, following=following
    )
    quotes = {c.passage_id: c.quote for c in answer.citations}
    assert "So, instead, the alternative budget will" in quotes[1], answer.text
    assert quotes[2].endswith("Reverse cuts to Cyclopark sports and community facility."), (
        answer.text
    )


def test_a_list_further_on_in_the_next_passage_does_not_stop_the_run_on() -> None:
    """The aims' passage is a hit too, and its own later list ("This Council resolves to
    request …: 1. Ensures … 2. Inform …") is quoted: the lead-in's run into that passage,
    the seven aims, is quoted beside it, since the two lists share no text."""
    question = (
        "What aims of the Climate and Nature Bill were listed in the motion debated in "
        "December 2024?"
    )
    lead = (
        "The Bill would require the UK Government to develop and deliver an integrated "
        "climate and nature strategy, as part of:"
    )
    day = date(2025, 2, 13)
    after = {1: hit(2, day, CLIMATE_AIMS)}

    def following(found: Sequence[Hit]) -> dict[int, Hit]:
        return {h.passage_id: after[h.passage_id] for h in found if h.passage_id in after}

    intent = TemporalIntent(topic=question, span=None, trend=False)
    answer = answering_builder().answer(
        intent, [hit(1, day, lead), hit(2, day, CLIMATE_AIMS)], {1: 0.6, 2: 0.6}, {},
        question=question, following=following,
    )  # fmt: skip
    quotes = [c.quote for c in answer.citations if c.passage_id == 2]
    assert any(
        q.startswith("1. Tackling") and q.endswith("pace of change required.") for q in quotes
    ), answer.text
    assert any(q.startswith("This Council resolves to request") for q in quotes), answer.text
