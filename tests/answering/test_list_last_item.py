"""A list is read to its last item (round 28).

A list run on into the next passage (`sentences.continued_list`,
`answering._with_continuations`) stopped while the list went on: at an item's own further
sentence ("- A study … on the public. KCC offered the A25 in Kent as a pilot area for this
study. - A proposal to widen …"), at an item number the splitter glued to the item before
("… in a joined-up way; 2." / "Reducing emissions …"), at what was left of `LIST_ITEMS`,
and at any other list quoted in that passage. The seed documents hold none of these forms
in a continuation. Texts: Kent County Council's Cabinet minutes of 30 January 2025 (item
87), County Council minutes of 13 February 2025 (the Climate and Nature Bill motion, item
281) and the Labour Group's alternative budget of the same meeting, and the Armed Forces
Covenant action plan of 30 January 2025, as the reader gives them (eval/README.md "A list
read to its last item, round 28").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from indexer.models import Hit
from search_api.sentences import continued_list
from search_api.temporal import TemporalIntent
from tests.answering.builders import answering_builder, hit

STREET_WORKS = (  # the passage after "… made several recommendations, as follows: - Amending …"
    "- A study on the economic and societal impact of street works by all parties, including "
    "local and national highways authorities, to determine if changes to working practices "
    "could reduce the impact on the public. KCC offered the A25 in Kent as a pilot area for "
    "this study. - A proposal to widen the lane rental scheme to cover more areas based on "
    "local needs, as each region had different challenges - The promotion of technology to "
    "reduce road closure times and improve communication, as well as recruiting and retaining "
    "trained operatives to minimise delays."
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


def test_an_items_further_sentence_does_not_end_the_list() -> None:
    """The street works recommendations run on from "… as follows: - Amending …" into this
    passage: "KCC offered the A25 …" belongs to the item before it, and the items after it
    are the list's too."""
    run = continued_list(hit(1, date(2025, 1, 30), STREET_WORKS), 0, 7)
    assert run is not None
    assert run.items == 3
    assert "A proposal to widen the lane rental scheme" in run.text
    assert run.text.endswith("trained operatives to minimise delays.")


def test_a_further_sentence_that_is_a_lead_in_opens_its_own_list() -> None:
    """A lead-in, "Maintaining a focus on how …:", is no sentence of the item before it:
    the run ends there."""
    run = continued_list(hit(1, date(2025, 1, 30), COVENANT), 0, 8)
    assert run is not None
    assert run.items == 1
    assert run.text.endswith("the Unit Welfare Officer meetings.")


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
