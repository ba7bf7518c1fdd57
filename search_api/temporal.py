"""Dates, years and ranges in a question, and whether it asks about change over time.

Scrutiny questions are often about change ("how did agency staffing change between 2018
and 2022?", "has churn improved since the 2017 inspection?"). `parse_question` finds the
date span a question names and whether it is a trend question; retrieval then uses the
span as a *soft* constraint (a boost, never a filter: a question's year often names the
period a figure is for, while the passage sits in a later meeting) and, for a trend,
spreads the evidence across the meetings of the span.

Relative expressions ("over the last 3 years", "since", "recently") are resolved against
the corpus's latest date, not today's: an archive of 2017-2022 minutes read in 2030 still
means 2019-2022 by "the last three years".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from pydantic import BaseModel, Field

from indexer.attendance import MEMBER_TITLE_FORMS, alternation
from indexer.dates import MONTHS, YEAR_END, DateOrder, day_and_month, full_year
from indexer.text import ANALYZER, STOPWORDS, WRITTEN_WORD

from .dates import (
    day_after,
    day_before,
    financial_year_span,
    month_span,
    season_span,
    year_ending,
    year_span,
)

__all__ = [
    "DAY_IN_FIGURES",
    "FINANCIAL_YEAR",
    "PERIOD",
    "DateSpan",
    "TemporalIntent",
    "day_or_month",
    "named_times",
    "parse_question",
    "periods",
    "strip_temporal",
]

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "a": 1, "a couple of": 2, "a few": 3, "several": 3,
    "couple of": 2, "few": 3,
}  # fmt: skip
"""Counts in "the last three years", "the past few years" ("few" as "a few")."""

_YEAR = r"((?:19|20)\d{2})"
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_SEASON = r"(spring|summer|autumn|fall|winter)"
_PART = r"(early|mid|late|the\s+(?:start|beginning|middle|end)\s+of)"
"""A part of a year or a month ("late 2018", "mid-2021", "the end of 2019", "early January
2025", "since mid-May"): a third of it."""
PARTS = {"early": 0, "start": 0, "beginning": 0, "mid": 1, "middle": 1, "late": 2, "end": 2}
"""Which third of a year or month a part names: January-April, May-August, September-
December of a year; days 1-10, 11-20, 21 to the last of a month."""
_NUM = r"(\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
# A point in time: "21 November 2018", "November 21, 2018", "21.11.2018", "November 2018",
# "summer 2021", "2018-11-21", "2018". A day written in figures is read day first, as
# English papers write it ("5.3.2024", "05/03/2024": 5 March), month first when the
# archive writes it so (`DAY_IN_FIGURES`, round 48) or that is the one reading
# ("3/15/2024"); a two-figure year is not read.
DAY_IN_FIGURES = re.compile(r"\b\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}\b")
"""A day a question writes in figures ("3.12.2019", "03/12/2019"): the one kind of time
whose reading depends on the archive's order of dates (`parse_question`'s `order`)."""
_FISCAL = (
    r"(?:(?i:FY)\s?((?:19|20)?\d{2})|(?i:fiscal)\s+(?:(?i:year)\s+)?((?:19|20)\d{2}))"
    r"(?:[/–-](\d{2}))?(?!\d|[/–-]\d)"
)
"""A financial year labelled as one: "FY2019", "FY19", "FY 2019/20", "fiscal 2019",
"fiscal year 2019-20" (groups: the year, written after "FY" or after "fiscal"; the second
year of a two-year label). A one-year label names the year that ENDS in that year, as
American, Australian and company papers use it ("FY2019" of a year ending 30 June is
July 2018 - June 2019), whatever the archive's year end (`dates.year_ending`)."""
_FULL_SECOND_YEAR = r"/(?:19|20)\d{2}(?!\d|[/–-]\d)"
"""A financial year's second year written in full after a slash ("2019/2020"), as
Australian councils' papers write it; with a hyphen "2019-2020" stays a question's range
of calendar years (`FINANCIAL_YEAR`)."""
FINANCIAL_YEAR = re.compile(
    r"\b(?:19|20)\d{2}(?:[/–-]\d{2}(?!\d|[/–-]\d)|" + _FULL_SECOND_YEAR + r")|\b"
    + re.sub(r"\((?!\?)", "(?:", _FISCAL)
)  # fmt: skip
"""'2024-25', '2018/19', '2024–25': the papers write a financial year the way the question
does; a plan's period ("2025-28", "2013-30") is written so too. A question's "2019-2023" is
not read as one (a time, not what a figure is for), nor is "2019-2020", while "2019/2020" is
(`_FULL_SECOND_YEAR`). An en dash is read as the hyphen is
(round 30): a question typed or pasted with "2023–24" names the same year. A labelled
year ("FY2019", "fiscal year 2019-20", `_FISCAL`) is one too."""
_BUDGET_ASKED = re.compile(
    r"\b(?:budget(?:s|ed|ary|ing)?|financial\s+(?:years?|statements?)|fiscal|outturn"
    r"|(?:annual|statement\s+of)\s+accounts|annual\s+report|operational\s+plan|rating\s+year"
    r"|rates?\s+(?:notices?|rises?|increases?|income|revenue|levied|peg))\b",
    re.IGNORECASE,
)
"""What a question about a budget or a financial year names: then its "2019-2020" is the
year a budget is for, as Australian councils write it ("the 2019-2020 budget"), and is
read as "2019/2020" is (`_as_financial_years`)."""
_DASHED_FULL_YEARS = re.compile(r"\b((?:19|20)\d{2})\s?[-–]\s?((?:19|20)\d{2})\b(?![/–-]\d)")


def _as_financial_years(question: str) -> str:
    """The question with its consecutive years joined by a dash ("2019-2020", "2019 –
    2020") written as a financial year ("2019/2020"), where it asks about a budget or a
    financial year (`_BUDGET_ASKED`); as asked otherwise. A consecutive pair is as often
    two calendar years asked about ("how did exclusions change 2019-2020", round 33), but
    a budget has one year across the two; "2019-2023" is a plan's years either way."""
    if not _BUDGET_ASKED.search(question):
        return question
    return _DASHED_FULL_YEARS.sub(
        lambda m: (
            f"{m.group(1)}/{m.group(2)}" if int(m.group(2)) == int(m.group(1)) + 1 else m.group(0)
        ),
        question,
    )


PERIOD = re.compile(r"\b(?:19|20)\d{2}\s?[/–-]\s?(?:(?:19|20)\d{2}|\d{2})(?!\d|[/–-]\d)")
"""A span of years a sentence names as one period: a financial year (`FINANCIAL_YEAR`, with
an en dash or spaced too: "2024–25", "2024 / 25") or a plan's or programme's years
("2024-39", "2025-2035"); not a day ("2018-11-21"). The one reading of a sentence's year
range: it is no figure (`sentences.figures_in`) and no date a "when" question asks for
(`sentences.states_date`)."""
_SHORT_FINANCIAL_YEAR = re.compile(
    r"(?<![\d.,£$€/–-])(\d{2})\s?[/–-]\s?(\d{2})"
    r"(?!\d|[.,]\d|[/–-]\d|\s?(?:%|per\s?cent\b|percent\b|m\b|bn\b|k\b))",
    re.IGNORECASE,
)
"""A financial year written without its centuries ("24-25", "23/24", "FY24/25"), as
budget tables and templates write it: two two-digit years, the second the year after the
first (`periods`). Not a range of amounts ("24-25%", "£24-25m") nor one of ages or items
whose second number is not the next ("18-25 services")."""


def periods(text: str) -> list[re.Match[str]]:
    """The periods a sentence names, in order: `PERIOD` ("2024-25", "2024–2029") and a
    financial year without its centuries (`_SHORT_FINANCIAL_YEAR`: "24-25"). The one
    reading of a sentence's year range as no figure (`sentences.figures_in`)."""
    found = list(PERIOD.finditer(text))
    for m in _SHORT_FINANCIAL_YEAR.finditer(text):
        if (int(m.group(1)) + 1) % 100 == int(m.group(2)) and not any(
            p.start() <= m.start() < p.end() for p in found
        ):
            found.append(m)
    return sorted(found, key=lambda m: m.start())


_POINT = (
    r"(?:" + _FISCAL
    + r"|(?:\d{1,2}(?:st|nd|rd|th)?\s+)?" + _MONTH + r"\s+" + _YEAR + r"(?![/–-]\d)"
    + r"|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+" + _YEAR + r"(?![/–-]\d)"
    + r"|(?<![\d.])\d{1,2}(?:\.\d{1,2}\.|/\d{1,2}/)" + _YEAR
    + r"|" + _SEASON + r"\s+(?:of\s+)?" + _YEAR
    + r"|" + _PART + r"[\s-]+" + _YEAR
    + r"|" + _PART + r"[\s-]+" + _MONTH + r"\s+" + _YEAR + r"(?![/–-]\d)"
    + r"|" + _YEAR + r"-\d{2}-\d{2}"
    + r"|" + _YEAR + r"(?:[/–-]\d{2}(?!\d|[/–-]\d)|" + _FULL_SECOND_YEAR + r")?)"
)  # fmt: skip

_OTHER_MONTHS = (
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_OTHER_MONTH = r"(?:" + "|".join(_OTHER_MONTHS) + r")"
_TIME_WORDS = (
    "in", "since", "from", "until", "till", "by", "before", "after", "the", "of", "early", "mid",
    "late",
)  # fmt: skip
"""Words that take a time after them ("in May", "the May update", "the end of May", "early
May"); not "end" ("the year end may show")."""
_MAY = (
    r"(?(day)may|(?:(?:"
    + "".join(r"(?<=\b" + w + r"\s)|" for w in _TIME_WORDS)
    + "".join(
        r"(?<=\b" + month + r"\s" + word + r"\s)|(?<=\b" + month + r"\s" + word + r"\sthe\s)|"
        for month in _OTHER_MONTHS
        for word in ("and", "to", "until", "till", "through")
    )
    + "".join(
        r"(?<=\b" + month + dash + r")|"
        for month in _OTHER_MONTHS
        for dash in ("-", "–", r"\s-\s", r"\s–\s")
    )
    + r"(?<=\bmid-))may|may(?=\s+\d{1,2}(?:st|nd|rd|th)?\b|\s*(?:-|–|to|and|until|till"
    r"|through)\s*(?:the\s+)?" + _OTHER_MONTH + r"\b)))"
)
"""A yearless "May" where its context shows the month, not the verb: a day beside it ("5
May", "May 5th"), a word that takes a time before it ("in May", "since May", "the May
update", "mid-May", "the end of May") or another month on its other side ("May to
October", "between April and May", "from April to the May update", "April-May")."""
_BARE_MONTH = (
    r"(?:\b(?P<part>early|mid|late|(?:the\s+)?(?:start|beginning|middle|end)\s+of)[\s-]+)?"
    r"\b(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+)?"
    r"(?P<month>january|february|march|april|june|july|august|september|october|november"
    r"|december|" + _MAY + r")"
    r"(?:\s+(?P<day_after>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d{2}))?"
    r"\b(?!\s+(?:of\s+)?(?:19|20)\d{2})"
    r"(?(day_after)(?!\s*[\d/-])|(?!\s*(?:[\d/]|-(?!\s*" + _MONTH + r"))))"
)
_EVENT = r"(?:" + WRITTEN_WORD + r"\s+){1,3}?"
"""A short event named before the word that dates it: "the budget", "it was agreed"."""
_EVENT_IN = _EVENT + r"in\s+"
_EVENT_AT = _EVENT + r"(?:in|on|at)\s+(?:the\s+)?"
"""A short event and the word that dates it, after "since" or "after" (`SINCE_EVENT`): "it
was agreed on", "the budget meeting in"."""


def _since_or_bare_month(event: str, after: bool) -> re.Pattern[str]:
    """A month named without a year (`_BARE_MONTH`), with the "since" that opens a course
    from it, reached through a short `event` the month dates, and with `after` "after"
    such an event too; both are the pattern's `since` group."""
    since = r"\bsince\s+(?:the\s+)?(?P<event>" + event + r")?"
    if after:
        since += r"|\b(?P<after>after)\s+(?:the\s+)?(?P<event_after>" + event + r")"
    return re.compile(r"(?P<since>" + since + r")?" + _BARE_MONTH, re.IGNORECASE)


_SINCE_OR_BARE_MONTH = _since_or_bare_month(_EVENT_IN, after=False)
"""A month named without a year ("since January", "between the January and February
budget risk registers", "the March update"): residents leave the year out when they mean
the latest one; with a day ("on 5 March", "March 5th") it is that day (`_bare_span`).
"May" is read where its context shows the month (`_MAY`); abbreviations are left out.
"since" reaches the month through a short event named before it ("since the budget in
February") and through a part of it ("since mid-May": from 11 May, `_part_of_month`). A
dash after the month is a range's only when another month follows ("April-May"), never a
year or a day ("March-2020"), nor after a day ("June 24- Nov 24": a two-figure year)."""
_SINCE_EVENT_OR_BARE_MONTH = _since_or_bare_month(_EVENT_AT, after=True)
"""`_SINCE_OR_BARE_MONTH` with an event dated "on" or "at" as well as "in", and "after" an
event (`SINCE_EVENT`)."""
_RANGE_FROM_BARE_MONTH = re.compile(
    r"\b(?:between\s(?P<between>[^?,;]*?)\band|from\s(?P<from>[^?,;]*?)\b(?:to|until|till"
    r"|through))\s+(?:the\s+)?$"
    r"|\b(?P<dashed>" + _OTHER_MONTH + r")\s?[-–]\s?$",
    re.IGNORECASE,
)
"""What comes before a dated point that is a range's last side, its first side holding a
month without a year: "between January and March 2025", "between the February budget and
March 2025", "from the January draft to the March 2025 update", "April-May 2020"."""

DECIDED = (
    r"motion|amendment|recommendation|proposal|resolution|petition|application|report"
    r"|request|appeal|ordinance|by-?law"
)
"""What a council votes on, by the word a question names it with: a motion and its kin
(round 52), and since round 53 the papers other councils' minutes put to a vote by name
("3.b Petition to Close Birch Lane …", "Variance Application V-2019-07", "Annual Report of
the … Library Board", a request, an appeal, an ordinance or by-law). "What happened to /
became of the … <one of them>?" asks for its outcome (`sentences.asks_outcome`), not its
course (`TREND_WORDS`); "what happened to the idea of …", "… to the grant …" stay a
course."""
BECAME_OF = True
""""What became of X?" reads as "what happened to X?" does (`TREND_WORDS`, `FATES`): X's
course over meetings, or its outcome where the minutes title an item by X and record its
vote; of a paper put to a vote (`DECIDED`) its outcome, as before (`sentences.
asks_outcome`). Before round 55 it was neither a course nor an outcome unless X was of
`DECIDED` (round 54's r54-foreign10 Left (f); eval/README.md "…, round 55 (r55-foreign11
…)"). A rule, no constant. Off: "happened to / with" alone. Read once, when the module loads:
`_FATE_ASKED` and `TREND_WORDS` are compiled with it."""
_BECAME_OF = r"|(?<=\bwhat\s)became\s+of" if BECAME_OF else ""
_VOTERS = alternation((*MEMBER_TITLE_FORMS, "parties", "groups"), spaced=True)
"""Whom "which …" asks to have voted: the members by their titles (`indexer.attendance.
MEMBER_TITLE_FORMS`: "which trustees voted against …?", since round 56; "which commissioner
voted against …?", since round 57), parties, groups."""
WHO_VOTED = (
    rf"\b(?:who|which\s+(?:\w+\s+){{0,2}}?(?:{_VOTERS})|anyone"
    r"|anybody)\b[^?.]{0,30}?\b(?:vot(?:ed|es|ing)|abstain(?:ed|s|ing)?)\b"
)
"""A question asking who voted or abstained ("who voted against …?", "which councillors
abstained …?", "did anyone abstain …?"): one of `sentences.asks_mover`'s wordings, here
since round 54 so that the question's reading of time sees it too (`ONE_VOTE`)."""
VOTE_ASKED = (
    r"\bhow did [^?.]{0,60}\bvote\b|\bhow (?:did|was) the vote\b"
    r"|\bwhat\s+(?:was|were)\s+the\s+(?:(?:roll[ -]call|recorded|final)\s+)?votes?\s+"
    r"(?:on|for|over|about)\b"
)
"""A question asking how a vote went ("how did the board vote on …?", "how was the vote
…?", "what was the roll call vote on …?"): one of `sentences.asks_outcome`'s wordings,
here since round 55 so that the question's reading of time sees it too (`VOTE_OBJECTS`)."""
VOTE_OBJECTS = True
"""A course word in what a vote asked about was on ("How did the board vote on reducing the
cannabis cultivation tax?", `VOTE_ASKED`) names the matter voted on, not a course over
meetings, as a course word a purpose takes as its object does (`_aimed_at`): the
question's course is read without that object (`_vote_object`), to the end of its clause;
a course asked besides ("…, and how has it changed since?") or two times named still make
it a trend (round 54's r54-foreign10 Left (a); eval/README.md "…, round 55 (r55-foreign11
…)"). A rule, no constant. Off: the course read in the whole question."""
_VOTE_OBJECT = re.compile(
    rf"(?:{VOTE_ASKED})(?:\s+(?:on|for|against|over|about|to))?\s+(?P<object>[^?.;,]+)",
    re.IGNORECASE,
)


def _vote_object(question: str) -> str:
    """The question with what a vote it asks about was on left out (`VOTE_OBJECTS`): "How
    did the board vote on reducing the tax?" → "How did the board vote on ?"; the question
    as it is when it asks no vote."""
    m = _VOTE_OBJECT.search(question) if VOTE_OBJECTS else None
    if m is None:
        return question
    return question[: m.start("object")] + question[m.end("object") :]


ASKED_SIDES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Against", re.compile(r"(?i)\bvot(?:ed|es|ing)\s+against\b|\bopposed\b")),
    ("Abstain", re.compile(r"(?i)\babstain(?:ed|s|ing)?\b|\babstentions?\b")),
    ("For", re.compile(r"(?i)\bvot(?:ed|es|ing)\s+(?:for|in\s+favour)\b|\bsupported\b")),
)
"""The side of a vote a question asking who voted names, by its words (`sentences.
asked_tally`, `ONE_VOTE`)."""
_WHO_VOTED = re.compile(WHO_VOTED, re.IGNORECASE)
ONE_VOTE = True
"""A question asking who voted on a side of a vote ("Who voted against reducing the
cannabis cultivation tax?", "Which councillors abstained on the planned highway
maintenance programme for 2026/27 at … on 15 January 2026?") asks about one vote, never a
course over meetings, whatever course word ("reducing") or second time ("for 2026/27")
it names: it is no trend, and its answer opens on the side's names (`answering.
SIDE_IN_LEAD`, off for trends; round 53's r53-foreign9 Left (a), eval/README.md "…, round
54 (r54-foreign10 …)"). A rule, no constant. Off: such a question read as any other."""


FATES = True
""""What happened to X?" naming no paper a council votes on (`DECIDED`) reads a course over
meetings (`TREND_WORDS`), whatever X is; since round 54 (r54-foreign10; round 53's
r53-foreign9 Left (e)) where that wording alone makes it a trend (no other course word,
no ends named, no two times), X is kept (`TemporalIntent.fate`) and the archive decides by
its layout: where a top passage of the plain search is an agenda item whose title names
X and which records a vote or its outcome ("4B. Sidewalk Cafe Permit Program" … "Motion
failed by the following roll call vote"), the question asks that decision's outcome
(`TemporalIntent.decided`, `sentences.decided_item`); else it stays a course. A rule, no
constant. Off: every such question a course."""
_FATE_ASKED = re.compile(
    r"\bwhat\s+(?:(?:has\s+|had\s+)?happened\s+(?:to|with)" + _BECAME_OF + r")\s+"
    r"(?P<thing>[^?.,;]+)",
    re.IGNORECASE,
)


def _fate(
    question: str, topic: str, dated: Sequence[_Match], times: Sequence[_Match]
) -> str | None:
    """X of "what happened to X?" where that wording alone reads the question as a trend
    (`FATES`): no other course word outside X ("the water rate increase" names the thing),
    no change, move, comparison of times or stages, ends named, dated trend point or second
    time; X from the topic, its dates left out."""
    asked, named = _FATE_ASKED.search(question), _FATE_ASKED.search(topic)
    if not FATES or asked is None or named is None or len(times) > 1:
        return None
    if any(d.trend for d in dated) or any(
        r.search(question)
        for r in (CHANGE_ASKED, MOVE_ASKED, TIME_COMPARED, STAGE_COMPARED, ENDS_NAMED)
    ):
        return None
    thing = asked.span("thing")
    if any(
        not w.group(0).lower().startswith(("happened", "became"))
        and not thing[0] <= w.start() < thing[1]
        for w in TREND_WORDS.finditer(question)
    ):
        return None
    return named["thing"].strip() or None


def asks_one_vote(question: str) -> bool:
    """The question asks who voted on a side of a vote (`ONE_VOTE`): "who voted against …?",
    "which members abstained …?", "who voted for …?"."""
    return (
        ONE_VOTE
        and bool(_WHO_VOTED.search(question))
        and any(p.search(question) for _, p in ASKED_SIDES)
    )


TREND_WORDS = re.compile(
    # Verb forms only: "the Improvement Board" or "a progress report" is no trend. "change"
    # and "compare" are read apart (`CHANGE_ASKED`, `TIME_COMPARED`): as words they are as
    # often a noun or a comparison of places as a course.
    r"\b(trends?|improv(?:e|ed|es|ing)|worsen(?:ed|ing)?|"
    r"deteriorat(?:e|ed|ing)|declin(?:e|ed|ing)|increas(?:e|ed|es|ing)|decreas(?:e|ed|ing)|"
    r"reduc(?:e|ed|ing)|rose|risen|fell|fallen|grow(?:n|ing)?|grew|evolv(?:e|ed|ing)|"
    r"progressed|over time|over the years|developed|shift(?:ed)?|"
    r"any better|any worse|since(?!\s+when\b)|timeline|trajectory|"
    # What became of something is its course over meetings: "What happened to the idea
    # of postponing …", "How did the rise go from the draft budget to the decision?".
    # Not of a motion, a proposal or another paper put to a vote (`DECIDED`): what happened
    # to it is its outcome, one vote (round 52: "What happened to the downtown parking
    # meter proposal?"; round 53: "… to the petition to close Birch Lane?",
    # `sentences.asks_outcome`).
    rf"(?:happened\s+(?:to|with){_BECAME_OF})(?![^?.]{{0,60}}?\b(?:{DECIDED})s?\b)"
    r"|(?:go|goes|gone|went|going)\s+from|"
    # A course asked as it runs on: "what's been happening to gilt yields", "is the
    # council losing its foster carers", "relying more and more on council tax"; a loss
    # asked with its cause ("losing income because of …") asks for the cause (round 38).
    r"been\s+happening\s+(?:to|with)|more\s+and\s+more|less\s+and\s+less"
    r"|fewer\s+and\s+fewer|ever\s+more|losing(?![^?]*\bbecause\b))\b",
    re.IGNORECASE,
)
_CLAUSE = (
    r"(?:(?!\b(?:what|when|where|why)\b|\b(?:and|or|but)\s+(?:which|who|whom|whose)\b)"
    r"[^?,;])*?"
)
"""The rest of a clause, up to its end or another question ("… and what is …", "… and
which …"); "who" and "which" after a noun open a relative clause inside it ("the number of
children who came here alone … changed")."""
CHANGE_ASKED = re.compile(
    # Change is a course only as the verb of what the question tracks: "how has X changed",
    # "how did X change", "how is X changing", "how X changes over …", "has X changed?".
    # A noun ("what changes", "changes to", "the … changes"), the asked "what" as what
    # changes or is changed ("what is changing") or a transitive verb ("changing how …")
    # asks for the changes themselves: a list or a fact.
    r"\bhow\b" + _CLAUSE + r"\bchang(?:e|ed|ing|es(?=\s+(?:over|from|between|through|"
    r"across|during|since|each|every)\b|\s*(?:[?,;.]|$)))\b"
    # The yes/no form may open any clause: residents ask for a figure and then whether it
    # moved ("How much is going into reserves, and did that change between the draft and
    # the final budget?"). With an object after it ("did the council change its policy")
    # the verb is transitive: a decision, not a course.
    r"|(?:^|[,;]|\b(?:and|but|or)\b)\s*(?:has|have|had|did)\b"
    + _CLAUSE
    + r"\bchang(?:e|ed)\b(?!\s+(?:the|its|their|his|her|our|a|an|how|what|which|who)\b)",
    re.IGNORECASE,
)
_MOVED = (
    r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bwas\s)(?<!\bwere\s)\bmov(?:e|ed)\b(?!\s+(?:and\s+seconded"
    r"|that|by|to|into|onto|through|across|out|over\s+to|the|its|their|his|her|our|a|an|this"
    r"|these|those|it|them)\b)"
)
MOVE_ASKED = re.compile(
    # "move" is a course when a figure or a position moves: as the verb of what the question
    # tracks ("how has the share moved?", "how did the estimate move between the draft and
    # the final budget?", "has the rating moved since 2022?") or with a direction ("moved
    # up", "moved below target"). It is procedure or a transfer otherwise: a motion or an
    # amendment moved ("who moved and seconded …", "was it moved that …", "the
    # recommendation was moved", "moved an amendment": an object, "that", "by" or the
    # passive), a team or a child moving to, into, through or over to a place, and "how
    # many … moved" counts. One reading, `_asks_course`'s, as `CHANGE_ASKED` is for change.
    r"\bhow\b(?!\s+(?:many|often|quickly|soon|long|was|were|is|are)\b)"
    + _CLAUSE
    + _MOVED
    + r"|(?:^|[,;]|\b(?:and|but|or)\b)\s*(?:has|have|had|did)\b"
    + _CLAUSE
    + _MOVED
    + r"|\bmov(?:e|ed|es|ing)\s+(?:up|down|upwards?|downwards?|higher|lower|above|below)\b",
    re.IGNORECASE,
)
TIME_COMPARED = re.compile(
    # A comparison is a course only against a time ("compare with the previous year");
    # two named times are a trend by their span, "compare with Birmingham's" is places.
    r"\b(?:compared?|comparing|comparison)\b[^?;]*?\b(?:previous|last|prior|preceding|"
    r"earlier|before)\b",
    re.IGNORECASE,
)
_EARLIER_STAGE = (
    r"(?:the\s+(?:\w+\s+)?(?:draft|provisional|proposed|original|initial)\b"
    r"|(?:first|originally|initially)\s+(?:announced|thought|planned|proposed|estimated|set)"
    r"|earlier\s+in\s+the\s+year|this\s+year|(?:it|they|we|you)\s+used\s+to)"
)
STAGE_COMPARED = re.compile(
    # A figure set against an earlier stage of the same paper or decision, with no year
    # named: "more or less than in the draft budget", "bigger than first announced",
    # "next year compared with this year's", "than they used to"; or a later stage asked
    # of it: "was that revised in the final budget", "did it go up after the draft
    # budget". A council publishes a budget, a plan or a forecast as a draft (a
    # provisional settlement, a proposal on exhibition) and again as the final: the two
    # stages are the course's ends, one or two meetings apart (eval/README.md, round 35).
    r"\b(?:than|compared\s+(?:with|to)|against)\b[^?;]*?"
    + _EARLIER_STAGE
    + r"|\b(?:revised|changed|cut(?:\s+back)?|go(?:ne)?\s+up|go(?:ne)?\s+down|increased"
    r"|reduced)\s+(?:again\s+)?(?:in|after|since)\s+the\s+(?:\w+\s+)?(?:final|draft)\b"
    r"|\b(?:go|goes|gone|went|put\s+aside)\b[^?;]*?\bafter\s+the\s+(?:\w+\s+)?(?:draft"
    r"|budget\s+was\s+(?:agreed|set|approved))\b"
    # A later stage asked of a month's paper: "did it go up after January" (round 39).
    r"|\b(?:go(?:es|ne)?|went)\s+(?:up|down)\b[^?;]*?\bafter\s+(?:the\s+)?" + _OTHER_MONTH + r"\b"
    r"|\bbetween\s+the\s+draft\b[^?;]*?\band\s+the\s+final\b",
    re.IGNORECASE,
)
"""A course between two stages of one paper that the question names as stages, not
dates (`_asks_course`)."""
_REASON_ASKED = re.compile(r"^\W*(?:why|how\s+come)\b", re.IGNORECASE)
"""A question asking why ("Why are there fewer indicators than earlier in the year?") asks
for the reason of a change between stages, not its course."""
_COUNTED_STATE = re.compile(r"\bhow\s+many\b[^?,;]*\b(?:are|were|is|was)\s+$", re.IGNORECASE)
"""What a trend word's "-ing" describes in "how many KPIs were improving": a state."""
BUDGET_SET = 3
"""Months before a financial year starts in which its budget is set: a month named with
the year ("the 2025-26 budget's January draft") in that quarter is the one before the
year, since the same month at the year's end is when the NEXT year's budget is set; any
other month is inside the year. England's councils set theirs by 11 March for a year
from 1 April (January-March); Australian councils and US cities whose year starts 1
July adopt theirs by 30 June (April-June)."""
REPORTED_WITHIN = 6
"""Months after a financial year ends by which its outcome is reported: a span that ends
with a financial year ("what it had reached by 2021-22") reaches the papers that state
the year's outturn, presented in the half year after it (English councils publish draft
accounts by 31 May and audited ones by 30 September: 31 March's six months on)."""
SEASONS_TOGETHER = True
"""Seasons named together before one year ("in the autumn and winter of 2024") are each of
that year, their span the hull (`_matches`); off: the last season alone, the first left in
the topic (eval/README.md "The gold passage found, its sentence missed, continued, round
47")."""
SINCE_THEN = True
"""A course left open after a time named before it ("Supervision was still a worry in
2019. Has management oversight improved since then?"): "since then" or "since that time"
points back to the last time the question named, so the course runs from that time on to
the latest date, as "since 2019" does (`_since_then`); read as the named time alone, the
later end's meetings fall outside the span. No constant (a rule; eval/README.md, round 51,
r51-trendends). Off: the named time alone."""
SINCE_EVENT = True
"""A course left open from an event the question dates ("gone up since it was agreed on 13
February", "change after the budget meeting in February", "since the meeting on 13
February 2025"): "since" or "after", a short event (at most three words) and "in", "on"
or "at" a time run from that time on to the latest date, as "since the budget in February"
did (`_SINCE_EVENT_OR_BARE_MONTH`, `_matches`); read as the time alone, the later end's
meetings fell outside the span (kt49-005, kt49-012). The time is the course's first end,
so "after" an event keeps it. No constant (a rule; eval/README.md, round 51,
r51-trendends). Off: "since" an event "in" a month without a year alone."""
PURPOSE_OBJECTS = True
"""A course word that is the object of a purpose or a duty ("responsible for improving
people's health", "to improve people's health", "helping businesses grow", "stop the
deficit growing") names the topic, not a course the question asks about (`_aimed_at`):
read as a trend, such a question's evidence was spread over the archive's first and last
meetings on the topic (eval/README.md, round 51, r51-k41read Left (d); round 52,
r52-trends3). No constant (a rule). Off: every course word reads a trend."""
SEASON_TOLD_WITHIN = 4
"""Months after a season named as a time ("which storms hit Kent in the autumn and winter
of 2024") in which its events are told: a quarter's performance report goes to the meeting
a quarter or so after the quarter (Kent's Cabinet of 4 March 2025 reported October-December's
storms), so the answer's meetings (`DateSpan.as_told`) run on past the season's end to the
end of the month this many months later; when none of those meetings speaks to the question
the answer draws on all (`answering._within`). Gridded 0, 1, 2, 3, 4, 6, 9, 12 on the 27
season-named tune rows (objective answer evidence + key figure, heldout + converted): 1, 4,
9 and 12 tie at the top; 2 and 3 reach January's meetings but not an autumn's March report,
6 February's but not a summer's. The written tie rule gives 1, but there an autumn's reach
holds no meeting of the archive and its rows are answered by the fall back to all meetings,
not by the reach; 4 is the smallest tied value that answers them from within it (the lead's
choice, eval/README.md "Seasons named as a time: `SEASON_TOLD_WITHIN` chosen by a grid on
season rows, round 48")."""
_SEASON_PART = re.compile(
    r"(?:(?:in|during|over|for|of|at)\s+)?(?:the\s+)?(?:" + _SEASON + r"\s+and\s+(?:the\s+)?)?"
    + _SEASON + r"\s+(?:of\s+)?" + _YEAR,
    re.IGNORECASE,
)  # fmt: skip
"""A time named by a season of a year alone ("in summer 2024", "the autumn and winter of
2024"), not a course from it ("since summer 2024")."""


class DateSpan(BaseModel):
    """An inclusive date range; an open end is None."""

    start: date | None = None
    end: date | None = None
    text: str = Field(default="", description="The words of the question that named it")

    def contains(self, value: date | None) -> bool:
        """Whether a date falls in the span; an undated passage is never inside."""
        if value is None:
            return False
        if self.start is not None and value < self.start:
            return False
        return not (self.end is not None and value > self.end)

    @property
    def parts(self) -> list[str]:
        """The question's time expressions the span is the hull of, in its order: `text`
        is them joined by "; " (`parse_question`), split here alone."""
        return [p for p in self.text.split("; ") if p]

    def names_financial_years(self) -> bool:
        """The question's dates are only financial years or a plan's period ("for
        2025-26", "the 2025-35 programme"): what a figure is *for*, not when it was said."""
        parts = self.parts
        return bool(parts) and all(FINANCIAL_YEAR.search(p) for p in parts)

    def names_seasons(self) -> bool:
        """The question's dates are only seasons of a year ("in summer 2024", "over the
        autumn of 2024"): when things happened, told in the papers after (`as_told`)."""
        parts = self.parts
        return bool(parts) and all(_SEASON_PART.fullmatch(p.strip()) for p in parts)

    def as_told(self) -> DateSpan:
        """The span as the papers tell it: one named only by seasons runs on
        `SEASON_TOLD_WITHIN` months past its end, to the end of that month; any other is
        itself."""
        if self.end is None or SEASON_TOLD_WITHIN <= 0 or not self.names_seasons():
            return self
        later = _months_before(self.end, -SEASON_TOLD_WITHIN)
        end = month_span(later.year, later.month)[1]
        return DateSpan(start=self.start, end=end, text=self.text)

    def names_ends(self) -> bool:
        """The question dates both ends of the span: two times ("in 2018; in 2022",
        "February; March 2025") or a range whose two sides are dated ("between late 2018
        and spring 2019"). A course left open ("since 2018", "recently", "over the last two
        years") names one end or none: its other end is the archive's."""
        return len(self.parts) > 1 or len(_outer_points(self.text)) > 1

    def distance_days(self, value: date | None) -> int | None:
        """Days from the span to a date (0 inside); None for an undated passage."""
        if value is None:
            return None
        if self.start is not None and value < self.start:
            return (self.start - value).days
        if self.end is not None and value > self.end:
            return (value - self.end).days
        return 0


@dataclass(frozen=True)
class TemporalIntent:
    """What a question says about time, and the words left for retrieval to match."""

    span: DateSpan | None
    trend: bool
    topic: str
    """The question without its date expressions: what retrieval should match on."""
    subject: str | None = None
    """For a trend whose span's ends are named by events after its verb of change ("…
    change between the draft budget in January and the final vote", "… progressed since
    it was called in"), the topic without them: what is tracked, what its dense side embeds.
    None when no such words are named."""
    tracked: str | None = None
    """For a trend that asks for a thing and then, in a clause of its own, whether it
    changed ("How much is going into reserves next year, and did that change between the
    draft and the final budget?"), the first clause: what both retrievers search. The
    follow-up's words are the question's frame ("did that change", "draft", "budget"),
    which BM25 matches in every paper of a budget's process (`FOLLOW_UP`). None otherwise."""
    floating: bool = False
    """The span holds a month named without a year and none the question gives: it was
    placed at the latest such month up to the date it was read against (`parse_question`'s
    `months_to`), which a search may move to the topic's own latest date."""
    weighted: DateSpan | None = None
    """Where the search's span boost goes when that is narrower than `span`: the times the
    question dates itself, without the stretch a range's yearless first side or "since" an
    event adds to the course (`_Match.named`, `_Match.reach`). None: the whole span."""
    year_end: tuple[int, int] = YEAR_END
    """The (month, day) the archive's financial year ends on, that the question was read
    by (`Snapshot.year_end`): the answer reads its passages' times by the same
    (`named_times`)."""
    stages: bool = False
    """A trend read from two stages of one paper alone ("than in the draft budget", "was
    it revised in the final budget", `STAGE_COMPARED`), with no date and no other word of
    a course: its ends are the stages, one or two meetings apart, which the question's own
    ranking holds; the archive's first and last meetings on the topic are not its ends
    (`search.search` does not spread it over the period)."""
    date_order: DateOrder | None = None
    """Which figure of a day in figures the question was read with first: the archive's
    (`Snapshot.date_order`), day first where it is None (round 48). The answer reads its
    passages' days in figures by the same (`named_times`, round 49)."""
    fate: str | None = None
    """For a trend read from "what happened to / with X?" alone (`FATES`), X as the topic
    names it ("the sidewalk cafe permit program"): the search asks the archive whether X is
    a decision it names (`archive.Reader.searched`); None otherwise."""
    decided: bool = False
    """The question asks for the outcome of a decision the archive names ("what happened
    to X?" where X is an item the minutes record a vote on, `FATES`): no trend, answered
    as `sentences.asks_outcome` questions are."""


@dataclass(frozen=True)
class _Match:
    span: DateSpan
    trend: bool
    start: int
    end: int
    point: bool = False
    """A bare point ("in 2018"): any range or relative span it overlaps wins over it."""
    bare: bool = False
    """A month named without a year: kept in the topic, as a financial year is ("the
    January draft", "the March update" name the papers as much as the time)."""
    floating: bool = False
    """A bare month placed by the date it was read against, not by the question's year."""
    named: DateSpan | None = None
    """The time the match names, when its span runs on past it: "since the budget in
    February" names February, the course runs on to the latest date."""
    reach: bool = False
    """A yearless month that is a range's first side, its year taken from the range's dated
    last side ("between January and March 2025"): it sets where the course starts, not
    the time the question dates, unless the question asks for a change between the two
    (`_weighted`)."""
    reached: bool = False
    """A time something is reached by ("by 2022", "until March 2020", "up to 2029"): its
    span is open before it only because it names no start; another time the question
    names is where the course starts ("In 2019 … had it got better by 2022?": 2019 to
    2022, `_hull`). "before 2019" is a span before it, open whatever else is named."""


def _point(
    text: str, year_end: tuple[int, int] = YEAR_END, order: DateOrder | None = None
) -> tuple[date, date] | None:
    """First and last day a point expression stands for (spans from `dates`), a financial
    year the archive's, ending on `year_end` (month, day), a day in figures in the
    archive's `order` (day first where it is None)."""
    text = text.strip().lower()
    m = re.fullmatch(_FISCAL, text)
    if m:
        written = m.group(1) or m.group(2)
        year = int(written) if len(written) == 4 else full_year(written)
        if m.group(3) is None:
            return year_ending(year, year_end)
        if (year + 1) % 100 == int(m.group(3)):
            return financial_year_span(year, year_end)
        return None
    m = re.fullmatch(r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?" + _MONTH + r"\s+" + _YEAR, text)
    if m:
        day = int(m.group(1)) if m.group(1) else None
        return _day(int(m.group(3)), MONTHS[m.group(2)], day)
    m = re.fullmatch(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR, text)
    if m:
        return _day(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2)))
    m = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./]" + _YEAR, text)
    if m:
        read = day_and_month(int(m.group(1)), int(m.group(2)), order)
        return _day(int(m.group(3)), read[1], read[0]) if read else None
    m = re.fullmatch(_SEASON + r"\s+(?:of\s+)?" + _YEAR, text)
    if m:
        return season_span(m.group(1), int(m.group(2)))
    m = re.fullmatch(_PART + r"[\s-]+" + _YEAR, text)
    if m:
        first_month = 1 + 4 * _third(m.group(1))
        year = int(m.group(2))
        return month_span(year, first_month)[0], month_span(year, first_month + 3)[1]
    m = re.fullmatch(_PART + r"[\s-]+" + _MONTH + r"\s+" + _YEAR, text)
    if m:
        return _part_of_month(m.group(1), int(m.group(3)), MONTHS[m.group(2)])
    m = re.fullmatch(_YEAR + r"-(\d{2})-(\d{2})", text)
    if m:
        try:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
        return d, d
    m = re.fullmatch(_YEAR + r"(?:[/–-](\d{2})|/((?:19|20)\d{2}))?", text)
    if m:
        year = int(m.group(1))
        if m.group(2) or m.group(3):
            end_year = int(m.group(3)) if m.group(3) else year // 100 * 100 + int(m.group(2))
            # A financial year "2018/19" or "2018-19" runs April to March; "2025-35"
            # is a plan's ten years.
            if end_year == year + 1:
                return financial_year_span(year, year_end)
            if end_year > year:
                return year_span(year)[0], year_span(end_year)[1]
        return year_span(year)
    return None


def _third(part: str) -> int:
    """Which third of a year or month a part ("early", "the end of") names (`PARTS`)."""
    return next(PARTS[w] for w in part.lower().split() if w in PARTS)


def _part_of_month(part: str, year: int, month: int) -> tuple[date, date]:
    """The days of a month a part names ("early January": 1-10, "mid-May": 11-20, "the end
    of March": 21-31), as a part of a year is its third ("mid-2021": May-August)."""
    first, last = month_span(year, month)
    third = _third(part)
    return first.replace(day=1 + 10 * third), last if third == 2 else first.replace(
        day=10 + 10 * third
    )


def _day(year: int, month: int, day: int | None) -> tuple[date, date]:
    """The day a day and month name in `year`; its month when no day is named or the
    month has no such day ("30 February")."""
    first, last = month_span(year, month)
    if day is not None and 1 <= day <= last.day:
        d = date(year, month, day)
        return d, d
    return first, last


def _years_before(value: date, years: int) -> date:
    try:
        return value.replace(year=value.year - years)
    except ValueError:  # 29 February
        return value.replace(year=value.year - years, day=28)


def _months_before(value: date, months: int) -> date:
    index = value.year * 12 + value.month - 1 - months
    year, month = divmod(index, 12)
    last_day = month_span(year, month + 1)[1].day
    return value.replace(year=year, month=month + 1, day=min(value.day, last_day))


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def _matches(
    question: str,
    latest: date | None,
    months_to: date | None = None,
    year_end: tuple[int, int] = YEAR_END,
    order: DateOrder | None = None,
) -> list[_Match]:
    found: list[_Match] = []
    sides: list[tuple[int, int]] = []
    flags = re.IGNORECASE

    def add(
        m: re.Match[str], start: date | None, end: date | None, trend: bool, point: bool = False,
        bare: bool = False, floating: bool = False, named: tuple[date, date] | None = None,
    ) -> None:  # fmt: skip
        """Record a matched date span (start and end swapped if given backwards)."""
        if start is not None and end is not None and start > end:
            start, end = end, start
        text = m.group(0).strip()
        span = DateSpan(start=start, end=end, text=text)
        where = DateSpan(start=named[0], end=named[1], text=text) if named else None
        found.append(_Match(span, trend, m.start(), m.end(), point, bare, floating, where))

    # "between 2018 and 2022", "from 2018 to 2022", "2018-2022", "2018 to 2022"
    side = r"(" + _POINT + r")"
    between = (
        r"\b(?:between\s+(?:the\s+)?" + side + r"\s+and\s+(?:the\s+)?" + side
        + r"|from\s+(?:the\s+)?" + side + r"\s+(?:to|until|till|through)\s+(?:the\s+)?" + side
        + r"|(?:(?:in|during|over|for)\s+)?(" + _POINT + r")\s*(?:-|–|—|to|until)\s*("
        + _POINT + r"))\b"
    )  # fmt: skip
    for m in re.finditer(between, question, flags):
        ends = _range_ends(m.group(0), year_end, order)
        if ends:
            add(m, ends[0], ends[1], True)

    # "over the last 3 years", "in the past two years", "the last 18 months"
    last = (
        r"\b(?:over|in|during|within)?\s*(?:the\s+)?(?:last|past|previous)\s+"
        + _NUM
        + r"\s+(year|month)s?\b"
    )
    for m in re.finditer(last, question, flags):
        if latest is not None:
            back = _years_before if m.group(2).lower() == "year" else _months_before
            add(m, back(latest, _number(m.group(1))), latest, True)
    decade = r"\b(?:over|in|during|within)?\s*(?:the\s+)?(?:last|past|previous)\s+decade\b"
    for m in re.finditer(decade, question, flags):
        if latest is not None:
            add(m, _years_before(latest, 10), latest, True)
    last_year = r"\b(?:over|in|during)\s+(?:the\s+)?(?:last|past)\s+year\b"
    for m in re.finditer(last_year, question, flags):
        if latest is not None:
            add(m, _years_before(latest, 1), latest, True)
    # "in recent years" is some years, not "recently"'s one: read as "the past few years".
    recent_years = r"\b(?:in|over|during)?\s*(?:the\s+)?recent\s+years\b"
    for m in re.finditer(recent_years, question, flags):
        if latest is not None:
            add(m, _years_before(latest, NUMBER_WORDS["few"]), latest, False)
    recent = r"\brecent(?:ly)?\b|\blatest\b|\bmost recent\b|\bcurrent(?:ly)?\b"
    for m in re.finditer(recent, question, flags):
        if latest is not None:
            add(m, _years_before(latest, 1), latest, False)

    # "since the 2017 inspection", "since 2017", "since September 2018"
    since = r"\b(?:since|after|from)\s+(?:the\s+|their\s+|its\s+)?(" + _POINT + r")"
    for m in re.finditer(since, question, flags):
        point = _point(m.group(1), year_end, order)
        if point:
            word = m.group(0).split()[0].lower()
            # "after January 2020" leaves January out ("since January" keeps it), as
            # "after the 2017 failure" leaves out 2017's papers, the failure's own
            # (eval/README.md, round 32).
            start = point[0] if word in ("since", "from") else day_after(point[1])
            if latest is not None and start > latest:
                # A time after the archive's last paper ("from April 2025" read on 31
                # March 2025): the archive tells of it only in what announced it, its
                # latest papers, read as "recently" is (eval/README.md, round 32).
                add(m, _years_before(latest, 1), latest, False)
                continue
            add(m, start, latest, word == "since")

    # "since it was agreed on 13 February 2025", "after the budget meeting in February
    # 2025": from the event's time on (`SINCE_EVENT`), the time kept.
    event = r"\b(since|after)\s+(?:the\s+|their\s+|its\s+)?" + _EVENT_AT + "(" + _POINT + r")"
    for m in re.finditer(event, question, flags) if SINCE_EVENT else ():
        point = _point(m.group(2), year_end, order)
        if point and latest is not None and point[0] <= latest:
            add(m, point[0], latest, m.group(1).lower() == "since", named=point)

    # "before 2019", "until 2019", "prior to March 2020", "by 2019"
    before = r"\b(?:before|prior\s+to|until|up\s+to|by)\s+(?:the\s+)?(" + _POINT + r")"
    for m in re.finditer(before, question, flags):
        point = _point(m.group(1), year_end, order)
        if point:
            word = m.group(0).split()[0].lower()
            end = (
                _reported(m.group(1), point[1])
                if word in ("until", "up", "by")
                else day_before(point[0])
            )
            add(m, None, end, False)
            if word in ("until", "up", "by"):
                found[-1] = replace(found[-1], reached=True)

    # Seasons of one year named together ("the autumn and winter of 2024"): each names
    # its months of that year, so the span is their hull; read alone, the first season
    # stayed in the topic and the span was the last's (round 47, r47-evid2: k19-025).
    seasons = (
        r"\b(?:(?:in|during|over|for|of)\s+)?(?:the\s+)?" + _SEASON
        + r"\s+and\s+(?:the\s+)?" + _SEASON + r"\s+(?:of\s+)?" + _YEAR + r"\b"
    )  # fmt: skip
    for m in re.finditer(seasons, question, flags) if SEASONS_TOGETHER else ():
        year = int(m.group(3))
        named = season_span(m.group(1).lower(), year)
        then = season_span(m.group(2).lower(), year)
        opens = named[0] if named[0] <= then[0] else then[0]
        closes = named[1] if named[1] >= then[1] else then[1]
        add(m, opens, closes, False, point=True)

    # A bare point: "in September 2018", "in 2022", "summer 2022".
    for m in re.finditer(r"\b(?:in|during|at|of|for|on)?\s*(?:the\s+)?(" + _POINT + r")\b",
                         question, flags):  # fmt: skip
        point = _point(m.group(1), year_end, order)
        # "the Children and Social Work Act 2017" names a law, not a time.
        if point and not re.search(r"\bAct\s*$", question[: m.start(1)]):
            # The last side of a range that starts at a yearless month is a range's side,
            # so a trend as "between 2018 and 2022" is; the month takes this point's year
            # (`_add_bare_months`) and the hull spans both (eval/README.md, round 28).
            opening = _RANGE_FROM_BARE_MONTH.search(question[: m.start(1)])
            side = next((g for g, v in opening.groupdict().items() if v), "") if opening else ""
            if side == "dashed" and not re.match(_MONTH, m.group(1), re.IGNORECASE):
                side = ""  # "March-2020" is a year, no range of months
            ranged = bool(side and opening and _SINCE_OR_BARE_MONTH.search(opening.group(side)))
            add(m, point[0], point[1], ranged, point=True)
            if ranged and opening:
                sides.append((opening.start(side), opening.end(side)))
    if SINCE_THEN and latest is not None:
        _since_then(question, found, latest)
    _add_bare_months(question, found, latest if months_to is None else months_to, add)
    # A yearless month on such a range's first side reaches back to where the course
    # starts; the time the question dates is the range's dated last side (round 29).
    return [
        replace(m, reach=True)
        if m.bare and any(a <= m.start < b for a, b in sides) else m
        for m in found
    ]  # fmt: skip


_SINCE_BACK = re.compile(
    r"\b(?:ever\s+)?since\s+(?:then|that\s+(?:time|date|point|year))\b", re.IGNORECASE
)
"""A "since" that points back to a time named before it (`SINCE_THEN`): "since then",
"ever since that time"."""


def _since_then(question: str, found: list[_Match], latest: date) -> None:
    """Each dated point named before a "since" that points back to it (`_SINCE_BACK`),
    the last such before it, read as the start of a course that runs on to `latest`, as
    "since <time>" is (`SINCE_THEN`). In place in `found`."""
    for back in _SINCE_BACK.finditer(question):
        before = [
            i for i, m in enumerate(found)
            if m.point and not m.bare and not m.trend and m.end <= back.start()
            and m.span.start is not None and m.span.start <= latest
        ]  # fmt: skip
        if not before:
            continue
        i = max(before, key=lambda j: found[j].end)
        m = found[i]
        named = m.named or m.span
        found[i] = replace(
            m, span=DateSpan(start=m.span.start, end=latest, text=m.span.text), trend=True,
            named=named,
        )  # fmt: skip


_RUNS_ON = re.compile(r"(?:since|after|from)\b", re.IGNORECASE)
"""A span that runs on to the archive's latest date ("since 2016"): its end is no year
the question names."""


def _last_bare_month(months: list[int]) -> int:
    """The month that ends the shortest stretch of the year holding all `months`: the one
    after which the longest run of months goes unnamed. Naming order does not choose it
    ("between March and January" is January-March, "from February to November" is
    November-February, not 11 and 10 months); only on a tie does the last-named month end
    the stretch ("between January and July")."""
    named = set(months)
    last, gap = months[-1], 0
    for month in [months[-1], *sorted(named)]:
        after = min((other - month) % 12 or 12 for other in named)
        if after > gap:
            last, gap = month, after
    return last


def _bare_span(m: re.Match[str], year: int) -> tuple[date, date]:
    """A month named without a year (`_SINCE_OR_BARE_MONTH`) in `year`: the day it names
    ("the 9 January meeting", "on March 5"), the part ("mid-May", `_part_of_month`), else
    the whole month."""
    day = m.group("day") or m.group("day_after")
    month = MONTHS[m.group("month").lower()]
    if m.group("part") and not day:
        return _part_of_month(m.group("part"), year, month)
    return _day(year, month, int(day) if day else None)


_BARE_BOUND = re.compile(
    r"\b(?:(?P<after>after)|by|until|till|up\s+to"
    r"|between\s(?:(?!" + _MONTH + r"|\d)[^?,;])*?\band)\s+(?:the\s+|its\s+|their\s+)?$",
    re.IGNORECASE,
)
"""What makes a yearless month a bound of a course rather than a time of its own: "after
January" (the course runs on from it, as "since January" does), "by the March update" or
a range's first side named by an event alone ("between the budget templates and the March
budget update"): the course reaches it from a start the question dates in no month, the
earlier stage (round 39). "from January until March" still starts in January: a time
reached opens the course only where no other bound starts it (`_hull`)."""


def _bound(question: str, m: re.Match[str]) -> str | None:
    """How a yearless month bounds a course (`_BARE_BOUND`): "after", "by" (an end reached
    from an earlier, undated stage) or None."""
    if m.group("since"):
        return None
    bound = _BARE_BOUND.search(question[: m.start()])
    if bound is None:
        return None
    return "after" if bound.group("after") else "by"


def _add_bare_months(
    question: str, found: list[_Match], latest: date | None, add: Callable[..., None]
) -> None:
    """Months named without a year (`_SINCE_OR_BARE_MONTH`), read as the shortest stretch
    that holds them (`_last_bare_month`), its last month the latest such up to the
    question's own latest dated point when it names one ("between January and March
    2025"), else up to `latest`; "since January" runs from it to `latest`. A financial
    year names what a figure is *for*, not when it was said, and "since 2016" runs on to
    `latest`, so neither places a month."""
    named = [
        m.span.end for m in found
        if m.span.end is not None and re.search(_YEAR, m.span.text)
        and not FINANCIAL_YEAR.search(m.span.text) and not _RUNS_ON.match(m.span.text)
    ]  # fmt: skip
    until = max(named, default=None) or latest
    reading = _SINCE_EVENT_OR_BARE_MONTH if SINCE_EVENT else _SINCE_OR_BARE_MONTH
    bare = list(reading.finditer(question))
    if until is None or not bare:
        return
    starts = _subject_years(found)
    months = [MONTHS[m.group("month").lower()] for m in bare]
    where: dict[str, bool] = {}  # months placed by the archive's date float, a course's do not
    if not named and len(starts) == 1:
        # The months of a financial year's course: the twelve from the quarter before it
        # starts (`BUDGET_SET`), in which its budget is agreed, the rest inside it
        # (England's January-December of the year it starts, eval/README.md, rounds 28
        # and 32).
        course = _months_before(starts.pop(), BUDGET_SET)
        years = [course.year + (month < course.month) for month in months]
    else:
        # Each month is the latest such up to the stretch's last month ("between January
        # and February" read in January 2026 is January-February 2025, not February
        # 2025-January 2026).
        last = _last_bare_month(months)
        last_year = until.year if last <= until.month else until.year - 1
        years = [last_year if month <= last else last_year - 1 for month in months]
        where["floating"] = not named
    for m, year in zip(bare, years, strict=True):
        first, end = _bare_span(m, year)
        bound = _bound(question, m)
        if m.group("since") or bound == "after":
            runs = bound is None and not m.groupdict().get("after")
            add(m, first, latest, runs, bare=True, named=_event(m, first, end), **where)
        elif bound == "by":
            add(m, None, end, False, bare=True, **where)
            found[-1] = replace(found[-1], reached=True)
        else:
            add(m, first, end, False, point=True, bare=True, **where)


_RANGE_OPENS = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.IGNORECASE)
_RANGE_JOINS = re.compile(
    r"(?:\s+" + WRITTEN_WORD + r"){0,2}?\s+(?:and|to|until|till|through)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_RANGE_DASH = re.compile(r"\s?[-–]\s?")
"""Two months joined by a dash are one range on their own ("April-May", "October –
December"), as "between April and May" is."""


def _yearless_range(question: str, bare: list[_Match]) -> list[_Match]:
    """The months without a year that are the two sides of one range ("between October
    and December", "from the January draft to the March update", "October-December"), in
    the question's order."""
    sides: list[_Match] = []
    for a, b in zip(bare, bare[1:], strict=False):
        between = question[a.end : b.start]
        if _RANGE_DASH.fullmatch(between) or (
            _RANGE_OPENS.search(question[: a.start]) and _RANGE_JOINS.fullmatch(between)
        ):
            sides += [a, b]
    return sides


def _is_financial_year_point(m: _Match) -> bool:
    """A financial year named as a point ("the 2025-26 budget", "for 2025-26"), not a
    range's side or a bound ("by 2021-22", "since 2013-14")."""
    return m.point and not m.bare and bool(FINANCIAL_YEAR.search(m.span.text))


def _subject_years(found: list[_Match]) -> set[date]:
    """First days of the financial years named as points outside any range."""
    spans = [m for m in found if not m.point]
    return {
        m.span.start for m in found
        if _is_financial_year_point(m) and m.span.start is not None
        and all(m.end <= r.start or m.start >= r.end for r in spans)
    }  # fmt: skip


def _reported(side: str, end: date) -> date:
    """A span's end (the financial year's last day), moved on to the end of the month
    `REPORTED_WITHIN` months later when its last side is a financial year: a year's
    outcome is stated in the papers after it, not in those of its last month."""
    if not FINANCIAL_YEAR.fullmatch(side.strip()):
        return end
    later = _months_before(end, -REPORTED_WITHIN)
    return month_span(later.year, later.month)[1]


def _outer_points(text: str) -> list[str]:
    return [m.group(0) for m in re.finditer(_POINT, text, re.IGNORECASE)]


def _range_ends(
    text: str, year_end: tuple[int, int] = YEAR_END, order: DateOrder | None = None
) -> tuple[date, date] | None:
    """First and last day of a range's two sides, the last moved on to its report when
    that side is a financial year (`_reported`)."""
    texts = _outer_points(text)
    if len(texts) < 2:
        return None
    a, b = _point(texts[0], year_end, order), _point(texts[-1], year_end, order)
    if a is None or b is None:
        return None
    return min(a[0], b[0]), max(a[1], _reported(texts[-1], b[1]))


def _choose(matches: list[_Match]) -> list[_Match]:
    """Keep matches that do not overlap an earlier, longer one (ranges beat their years,
    also when a bare point's preposition makes it longer: "during 2018-2022")."""
    chosen: list[_Match] = []
    for m in sorted(matches, key=lambda m: (m.point, -(m.end - m.start), m.start)):
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def _asks_course(question: str, worded: bool) -> bool:
    """Whether the question's words ask for a course over time, a named span apart:
    `worded` (`_course_worded`, read once by `parse_question`) or stages compared."""
    return worded or bool(STAGE_COMPARED.search(question) and not _REASON_ASKED.search(question))


def _course_worded(question: str) -> bool:
    """Whether the question asks for a course in words of change or time, not of stages.
    A course word that is the object of a purpose or a duty (`_aimed_at`) is no course."""
    if any(r.search(question) for r in (CHANGE_ASKED, MOVE_ASKED, TIME_COMPARED)):
        return True
    return any(
        not _COUNTED_STATE.search(question[: m.start()]) and not _aimed_at(question, m)
        for m in TREND_WORDS.finditer(question)
    )


_AIMED = re.compile(r"(?:improv|worsen|deteriorat|declin|increas|decreas|reduc|grow)", re.I)
"""The course words a purpose or a duty takes as its object ("to improve", "responsible
for improving", "help businesses grow", "stop the deficit growing")."""
_TO_BEFORE = re.compile(r"\b([\w'’]+)\s+to\s+$", re.IGNORECASE)


_RAISING_VERBS = (
    # Aspect: when the course runs ("continued to improve", "started to decline").
    "continue", "start", "begin", "cease",
    # Appearance and chance: how it is seen to run ("seems to be improving").
    "seem", "appear", "tend", "happen",
)  # fmt: skip
_RAISING_TERMS = frozenset(ANALYZER.term(verb) for verb in _RAISING_VERBS)
"""The raising verbs' index terms: every form of them ("continues", "began", "seemed",
"happening") is read by the analyser (`indexer.text.ANALYZER`: Porter's endings and the
irregular forms), one reading of words for the whole system."""
_RAISING_WORDS = (
    frozenset({"used"})  # "used to rise": a course that ran
    # Likelihood and readiness: the adjectives whose subject is the course's ("expected",
    # below, is the participles' kind).
    | frozenset({
        "likely", "unlikely", "certain", "sure", "bound", "due", "set", "about", "going",
        "poised", "apt", "liable",
    })
    # Report and prediction: the passive participles of saying, believing, seeing and
    # foretelling ("is projected to rise", "was reported to have fallen").
    | frozenset({
        "expected", "projected", "forecast", "forecasted", "predicted", "estimated",
        "anticipated", "thought", "said", "believed", "reported", "seen", "shown", "known",
    })
)  # fmt: skip


def _raising(word: str) -> bool:
    """Whether a lower-cased word before "to" states a course, not a purpose (`_aimed_at`):
    a raising predicate, which gives the infinitive no agent and no aim of its own and says
    only when it runs, how it is seen or how likely it is, each kind whole (a form of
    `_RAISING_VERBS`, or one of `_RAISING_WORDS`). Verbs read either way are not among
    them: "promised/threatened/failed to reduce" and "planned/intended to improve" (an
    agent's aim), "considered/found to reduce" (a participle before a purpose: "which
    options were considered to reduce costs")."""
    return word in _RAISING_WORDS or ANALYZER.term(word) in _RAISING_TERMS


_ON_COURSE = re.compile(r"\bon\s+(?:course|track|target|pace)\s+to\s+$", re.IGNORECASE)
"""A course foreseen in a phrase of prospect before "to": "is the deficit on course to
grow", "on track to improve"; "a course to improve skills" is a purpose."""
_DUTY_FOR = re.compile(r"\b(?:for|towards?)\s+$", re.IGNORECASE)
"""A gerund's head that makes it a duty or a purpose: "responsible for improving", "work
towards reducing"."""
_STOPPED = re.compile(
    r"\b(?:stop|stops|stopped|stopping|prevent|prevents|prevented|preventing|halt|halts"
    r"|halted|halting)\s+(?:[\w'’]+\s+){0,4}?(?:from\s+)?$",
    re.IGNORECASE,
)
"""What a course is stopped by: "stop the deficit growing", "prevent costs from
increasing"."""
_HELPED = re.compile(
    r"\bhelp(?:s|ed|ing)?\s+(?:(?!(?:for|of|to|with|in|on|at|by|from)\b)[\w'’]+\s+){1,2}$",
    re.IGNORECASE,
)
"""A course helped by someone, its object between ("helping businesses grow", "help the
economy grow"); "the help for families improved" is the help's own course."""
_BASE_FORMS = frozenset({"improve", "worsen", "decline", "increase", "decrease", "reduce", "grow"})


def _aimed_at(question: str, m: re.Match[str]) -> bool:
    """Whether a course word (`TREND_WORDS`) is the object of a purpose or a duty, not the
    course the question asks about (`PURPOSE_OBJECTS`): "which law made councils
    responsible for improving people's health", "how does kcc plan to use its jobs to
    improve people's health", "on helping businesses grow", "enough to stop the deficit
    growing". An infinitive after a word that states a course ("expected to grow",
    "continued to improve", `_raising`) is the course."""
    word = m.group(0).lower()
    if not PURPOSE_OBJECTS or not _AIMED.match(word):
        return False
    before = question[: m.start()]
    to = _TO_BEFORE.search(before)
    if to:
        return not _raising(to.group(1).lower()) and not _ON_COURSE.search(before)
    if word.endswith("ing"):
        return bool(_DUTY_FOR.search(before) or _STOPPED.search(before))
    return word in _BASE_FORMS and bool(_HELPED.search(before))


ENDS_NAMED = re.compile(
    # "between the draft budget in January and the final vote", "from the January draft to
    # the March update", "since it was called in": the clause runs to the question's end
    # or its next clause.
    r"\s*\b(?:between\s[^?,;]*?\band\b|from\s[^?,;]*?\b(?:to|until|till)\b|since\b)[^?,;]*",
    re.IGNORECASE,
)
"""A clause naming a trend's ends by events rather than dates (`_subject`)."""
_WHEN_WORDS = re.compile(
    r"\b(?:" + _MONTH + r"|q[1-4]|quarters?"
    r"|draft|provisional|final|first|second|third|last|latest|previous|earlier|later"
    r"|initial|original|start|end|beginning|meetings?|reports?|updates?|inspections?"
    r"|visits?|reviews?|votes?|decisions?|consultations?|settlements?)\b",
    re.IGNORECASE,
)
"""Words that make a "between … and …" or "from … to …" clause name times (a month, a
quarter, a draft and a final, a meeting or report): without one, the clause names the
things compared ("changed between adult and children's services") and is the subject's.
A "since" clause always names a time."""
_COURSE_VERB = re.compile(
    r"\bchang(?:e|ed|es|ing)\b|\bmov(?:e|ed)\b|" + TREND_WORDS.pattern, re.IGNORECASE
)
_NOT_VERBS = frozenset({"since", "trend", "trends", "timeline", "trajectory"})
"""Course words that are no verb: a "since" clause with no verb of change before it may
hold the asked thing's own verb ("which announcements since the budget were reported")."""


def _when_clause_cut(m: re.Match[str]) -> str:
    """Nothing for a clause that names times, the clause itself for one naming things."""
    clause = m.group(0)
    names_times = clause.lstrip().lower().startswith("since") or _WHEN_WORDS.search(clause)
    return "" if names_times else clause


FOLLOW_UP = re.compile(
    # "…, and did that change between the draft and the final budget", "…, and has that
    # estimate gone up since January", "and did the estimate change from the draft budget":
    # a clause of its own whose subject points back (that, it, the …) at what the first
    # asked for, its verb of change without an object ("did the council change its
    # policy" is a decision). "or" offers another question ("is it open, or have the
    # hours changed"), not a follow-up.
    r"(?:\s*;\s*|\s*,?\s+(?:and|but)\s+(?:how\s+)?)"
    r"(?:did|does|has|have|had|was|were|is|are)\s+(?:that|it|this|these|those|they|the)\b"
    r"[^?,;]*?(?:(?:"
    + _COURSE_VERB.pattern
    + r")(?!\s+(?:the|its|their|his|her|our|a|an|how|what|which|who)\b)"
    r"|\b(?:gone|go|went)\s+(?:up|down)\b)[^?]*",
    re.IGNORECASE,
)
"""A trend question's follow-up clause asking whether the thing its first clause asks for
has changed (`_subject`): the question's frame, not what is tracked."""
FOLLOW_UPS = True
"""A trend's follow-up clause of change is cut from what is searched (`_tracked`); off: it
is searched with the rest (eval/README.md, round 33, r33-trend)."""


def _tracked(topic: str) -> str | None:
    """The topic without a follow-up clause asking whether the thing its first clause
    asks for changed (`FOLLOW_UP`): "How much is going into the general reserve next
    year?" of "…, and did it change between January and February?". None when there is
    no such clause or fewer than three words are left before it."""
    follow = FOLLOW_UP.search(topic) if FOLLOW_UPS else None
    if follow is None or len(topic[: follow.start()].split()) < 3:
        return None
    head = topic[: follow.start()].strip(" ,;")
    return head + "?" if topic.rstrip().endswith("?") else head


RELATIVE_YEAR = re.compile(
    r"\b(?:between\s+)?(?:this|next|last|the\s+(?:coming|current|previous|following))\s+"
    r"(?:financial\s+)?year(?:'s|s')?"
    r"(?:\s+(?:and|to)\s+(?:the\s+)?(?:next|last|this)(?:\s+(?:one|year(?:'s|s')?))?)?\b"
    r"|\b(?:every|each)\s+year\b|\byear\s+on\s+year\b",
    re.IGNORECASE,
)
"""A year named from the question's own time ("next year", "this year's", "between this
year and next", "every year"): a time the question dates, as "in 2024" is, cut from the
topic as a date is (`strip_temporal`). The papers date a year by its figures ("2025-26"),
and in a budget pack nearly every paragraph says "next year" or "the year": searched, the
words rank the pack's frame above the line that states the asked-for figure, and read as
the topic's terms they ask the answer's passages for them (eval/README.md, round 36,
r36-trend). A financial year written in figures stays in the topic (`strip_temporal`)."""


def _yearless(text: str) -> str | None:
    """`text` without the years it names from its own time (`RELATIVE_YEAR`); None when
    none is named or fewer than three words are left."""
    cut = RELATIVE_YEAR.sub(" ", text)
    if cut == text:
        return None
    cut = re.sub(r"\s+([?.!,;])", r"\1", re.sub(r"\s+", " ", cut)).strip(" ,;")
    return cut if len(cut.split()) >= 3 else None


def _subject(topic: str) -> str | None:
    """The topic without the clauses after its verb of change that name the span's ends
    by events ("between the draft budget in January and the final budget in February"):
    they say *when*, and embedded with the topic they pull the dense side to the papers'
    accounts of the process (a draft "presented to Cabinet at the end of January") above
    what changed (the risk register's total at each end); BM25 keeps them, as they also
    name the documents. A clause before the verb is the subject's own ("the gap between
    income and spending"). A follow-up clause of change goes whole (`_tracked`). None when
    nothing is cut or fewer than three words are left."""
    tracked = _tracked(topic)
    if tracked is not None:
        return tracked
    verbs = (m for m in _COURSE_VERB.finditer(topic) if m.group(0).lower() not in _NOT_VERBS)
    verb = next(verbs, None)
    if verb is None:
        return None
    head, tail = topic[: verb.start()], topic[verb.start() :]
    cut = ENDS_NAMED.sub(_when_clause_cut, tail)
    if cut == tail:
        return None
    subject = re.sub(r"\s+([?.!,;])", r"\1", re.sub(r"\s+", " ", head + cut)).strip(" ,;")
    return subject if len(subject.split()) >= 3 else None


_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|this|that|these|those|our|his|her|your|each|every)\s+$",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"\s+(" + WRITTEN_WORD + r")")


def _event(m: re.Match[str], first: date, end: date) -> tuple[date, date] | None:
    """The month an event named after "since" took place in ("since the budget in
    February"): the time the question dates, where the course it asks about starts."""
    return (first, end) if m.group("event") or m.groupdict().get("event_after") else None


def _names_a_thing(question: str, m: _Match) -> bool:
    """Whether a dated point stands between a determiner and a word that is no stopword:
    "the 2025-26 budget", "after the 2024-25 one-offs", "its January 2025 meeting", "the
    May 2025 county elections". There the date says *which* budget or meeting, not a
    time the question sets against another: two such are no trend (`parse_question`),
    while "in 2018 … in 2022" or "In 2019 … by 2022" are (eval/README.md, round 25)."""
    points = list(re.finditer(_POINT, question[m.start : m.end], re.IGNORECASE))
    if not points:
        return False
    start, end = m.start + points[-1].start(), m.start + points[-1].end()
    after = _WORD_AFTER.match(question, end)
    return bool(
        _DETERMINER_BEFORE.search(question[:start])
        and after
        and after.group(1).lower() not in STOPWORDS
    )


def parse_question(
    question: str,
    latest: date | None = None,
    months_to: date | None = None,
    year_end: tuple[int, int] = YEAR_END,
    order: DateOrder | None = None,
) -> TemporalIntent:
    """The date span a question names (if any), whether it asks about change, its topic.

    Several expressions combine into their hull ("in 2018 and in 2022" → 2018-2022, which
    is then a trend: a question naming two separate times compares them; a date that
    names a thing, "the 2025-26 budget", is no such time, `_names_a_thing`). In a trend, a
    month named without a year is the latest such month up to the question's own dated
    point, else up to `months_to` (default `latest`): a search passes the latest date of
    the passages on the topic (`TemporalIntent.floating`, `search.topic_months`). A
    financial year ("2019-20", "FY2020", a budget's "2019-2020") is the archive's, ending
    on `year_end` (month, day; `indexer.dates.archive_year_end`, England's 31 March by
    default); a day in figures ("3.12.2019") is read in the archive's `order`
    (`indexer.dates.archive_date_order`: month first in an archive whose papers write it
    so, day first where they do not say, round 48).
    """
    question = _as_financial_years(question)
    chosen = _choose(_matches(question, latest, months_to, year_end, order))
    dated = [m for m in chosen if not m.bare]
    times = [m for m in dated if not _names_a_thing(question, m)]
    one_vote = asks_one_vote(question)
    read = _vote_object(question)
    worded = not one_vote and _course_worded(read)
    course = _asks_course(read, worded) and not one_vote
    trend = not one_vote and (course or any(m.trend for m in dated) or len(times) > 1)
    if not trend:
        # A month named without a year is read for a trend alone, where it names an end
        # of the course ("between the January and February budget risk registers"), or
        # as a range's side: "between October and December" is a span however it is
        # asked (eval/README.md, round 33).
        ranged = _yearless_range(question, [m for m in chosen if m.bare])
        chosen = [m for m in chosen if not m.bare or m in ranged]
    bounds = chosen
    if any(m.bare for m in chosen):
        # Months named without a year are the trend's ends: a financial year or a date
        # naming a thing ("the 2025-26 budget … between the January draft and the
        # February vote") says what changed, not when (eval/README.md, round 28); a
        # range's dated side ("from the January draft to the March 2025 update") is an end.
        bounds = [
            m for m in chosen
            if m.bare or m.trend
            or not (_is_financial_year_point(m) or _names_a_thing(question, m))
        ]  # fmt: skip
    span: DateSpan | None = None
    if bounds:
        start, end = _hull(bounds, [m.span for m in bounds])
        span = DateSpan(start=start, end=end, text="; ".join(m.span.text for m in bounds))
    topic = strip_temporal(question, chosen)
    floating = any(m.floating for m in chosen)
    subject = _subject(topic) if trend else None
    tracked = _tracked(topic) if trend else None
    weighted = _weighted(span, bounds, compared=course)
    stages = trend and span is None and not worded and len(times) < 2
    fate = _fate(question, topic, dated, times) if trend and not stages else None
    return TemporalIntent(
        span, trend, topic, subject, tracked, floating, weighted, year_end, stages, order,
        fate,
    )  # fmt: skip


def _hull(bounds: Sequence[_Match], spans: Sequence[DateSpan]) -> tuple[date | None, date | None]:
    """The hull of the bounds' spans (each bound's, in order): open on a side any of them
    leaves open, except a start left open by a time reached "by" (`_Match.reached`) when
    another bound names one."""
    starts = [d.start for m, d in zip(bounds, spans, strict=True) if not m.reached]
    if not starts or any(s is None for s in starts):
        starts = [d.start for d in spans]
    start = None if any(s is None for s in starts) else min(s for s in starts if s)
    ends = [d.end for d in spans]
    end = None if any(e is None for e in ends) else max(e for e in ends if e)
    return start, end


def _weighted(span: DateSpan | None, bounds: list[_Match], compared: bool) -> DateSpan | None:
    """The hull of the times the question dates itself (`TemporalIntent.weighted`): each
    bound's `named` time, a range's reaching first side left out unless the question asks
    for a change (`compared`: its two sides are the states compared, and each weighs, as
    "did the date change between January and March 2025" always read); None when that is
    the whole span. A range read from a yearless month alone ("how did the bid unfold
    between January and March 2025"), or "since" an event, widens the course a trend
    covers, not the boost the point reading gave its dated time (round 29)."""
    reaching = [m.reach and not compared for m in bounds]
    kept = [m for m, r in zip(bounds, reaching, strict=True) if not r]
    if span is None or not kept or not any(reaching) and all(m.named is None for m in bounds):
        return None
    start, end = _hull(kept, [m.named or m.span for m in kept])
    weighted = DateSpan(start=start, end=end, text=span.text)
    return None if (start, end) == (span.start, span.end) else weighted


def day_or_month(span: DateSpan, dated: Iterable[date | None]) -> DateSpan:
    """Where a span of one day is matched to meetings: the day when any of `dated` (the
    dates of the passages or sentences at hand) falls on it, else the day's month. A day
    a question names is a meeting's ("on 5 March 2025", "at its 9 January meeting"), but
    the papers that tell of it may be dated days before (the report to it) or after (its
    minutes, a decision notice): with none on the day itself, those of the month stand
    in for it, as a question naming only the month reads. Any other span as it is."""
    if span.start is None or span.start != span.end or any(map(span.contains, dated)):
        return span
    first, last = month_span(span.start.year, span.start.month)
    return DateSpan(start=first, end=last, text=span.text)


def named_times(
    text: str, on: date, year_end: tuple[int, int] = YEAR_END, order: DateOrder | None = None
) -> list[tuple[date, date]]:
    """The times a sentence of the papers names, each as its first and last day: a day, a
    month, a season, a year or a financial year ("On 5 February 2025", "in 2024", "for
    2025-26"), a month without a year being the latest such up to `on`, the date it was
    said ("a joint letter on 10 January" in a March 2025 report is January 2025). What runs
    on from or up to a time ("since 2016", "by 2019", "recently") and a range are no time
    it names: only points are read, as a question's are (`_matches`). A financial year is
    the archive's, ending on `year_end` (`TemporalIntent.year_end`), and a day in figures
    ("03/12/2019") is read in the archive's `order` (`TemporalIntent.date_order`), as its
    questions' are: day first where it is None (round 49)."""
    return [
        (m.span.start, m.span.end)
        for m in _choose(_matches(text, on, year_end=year_end, order=order))
        if m.point and m.span.start is not None and m.span.end is not None
    ]


def strip_temporal(question: str, matches: list[_Match] | None = None) -> str:
    """The question with its date expressions cut out, for the retrievers to match on.

    A financial year stays ("the 2025-26 budget"): budget papers name the year a figure is
    for in those very words, and they tell one year's figures from the next. A year named
    from the question's own time ("next year", `RELATIVE_YEAR`) goes: the papers do not
    name it so.
    """
    if matches is None:
        matches = _choose(_matches(question, None))
    out, pos = [], 0
    for m in matches:
        if m.bare:
            continue
        out.append(question[pos : m.start])
        kept = FINANCIAL_YEAR.findall(question[m.start : m.end])
        if kept:
            out.append(" " + " ".join(kept) + " ")
        pos = m.end
    out.append(question[pos:])
    topic = re.sub(r"\s+", " ", "".join(out)).strip(" ,;")
    topic = re.sub(r"\s+([?.!,])", r"\1", topic)
    topic = _yearless(topic) or topic
    return topic if len(topic.split()) >= 2 else question.strip()
