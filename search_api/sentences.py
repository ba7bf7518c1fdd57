"""Answer sentences: what a question asks for, and which sentences of the evidence say it.

An answer is made of sentences that stand in the archive. This module turns the top
passages of a search into candidate sentences and scores each against the question's
*aspects* — its topic words and the kind of thing asked for (a figure, a person, a date,
an action or decision) — by lexical and structural evidence only: no sentence is
embedded at question time (the passage's own dense cosine, computed by the search, is
the semantic signal), so an answer costs little more than the search under it.

Candidates are verbatim slices of a passage, cut so that no quote carries Markdown
emphasis markers (text converted from PDFs often does: ``***Resolved**``), an "ACTION:
<owners>" line travels with the sentence it follows, and stray lines (a list of names, a
table's source line, a heading) are not candidates at all.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from indexer.attendance import (
    ABSENT_LABELS,
    APOLOGY_LABELS,
    MEMBER_HOLDERS,
    MEMBER_TITLE_FORMS,
    OFFICER_HOLDERS,
    OFFICER_NAME_FORMS,
    OFFICERS_LABELS,
    PRESENT_LABELS,
    SCOTS_LABELS,
    SINGULAR_TITLES,
    STAFF_LABELS,
    alternation,
    cased_alternation,
)
from indexer.dates import MONTH_NAMES, MONTHS
from indexer.models import Hit
from indexer.once import once
from indexer.text import (
    ANALYZER,
    LIST_LEAD,
    WORD,
    WRITTEN_WORD,
    Sentence,
    Stems,
    act_verbs,
    held,
    split_sentences,
    stems_of,
    words,
)

from .temporal import ASKED_SIDES, DECIDED, PERIOD, VOTE_ASKED, WHO_VOTED, periods

__all__ = [
    "asks_whether",
    "Aspects",
    "Candidate",
    "Scored",
    "SentenceWeights",
    "WEIGHTS",
    "MOTION_PASSAGE",
    "content_terms",
    "term_weights",
    "continued_list",
    "span_candidate",
    "proposes",
    "outcome_after",
    "outcome_stated",
    "kinds_within",
    "of_a_vote",
    "roll_of",
    "asks_mover",
    "asks_vote",
    "roll_within",
    "asked_tally",
    "asks_attendance",
    "opens_on_roll",
    "asked_roll",
    "kinds_of_roll",
    "of_asked_roll",
    "roll_kinds",
    "opens_on_label",
    "asked_motion_number",
    "asked_minute",
    "motion_label_at",
    "motion_over_movers",
    "of_minute",
    "mover_lines_after",
    "numbered_motion",
    "mover_lines_before",
    "names_mover",
    "records_vote",
    "aspects_of",
    "wants_action",
    "asks_when",
    "asks_where",
    "asked_label_line",
    "asks_label",
    "asked_value",
    "states_value",
    "says_end",
    "gives_asked_value",
    "states_date",
    "wants_who",
    "WHO_READING",
    "asked_actions",
    "lists_asked",
    "candidates",
    "asked_kinds",
    "antecedent",
    "read_on",
    "read_back",
    "BACK_REFERENCE",
    "figure_kinds",
    "wants_figure",
    "figures_in",
    "is_action",
    "is_measure",
    "states_aim",
    "states_reason",
    "figure_coverage",
    "states_money_unit",
    "question_parts",
    "is_procedural",
    "list_blocks",
    "list_noun",
    "LIST_ITEMS",
    "LIST_LEAD",
    "NOTED_DECIDES",
    "noted_only",
    "score_candidates",
    "held_weight",
    "topic_stems",
]

# -- what a question asks for ------------------------------------------------------------

_WANTS_FIGURE = re.compile(
    r"\bhow (?:much|many|big|large|long|far|often|high|low|quickly|fast)\b"
    r"|\bwhat (?:\w+ )?(?:rate|share|proportion|percentage|number|amount|level|figure|cost"
    r"|sum|budget|total|size|value|price|overspend|underspend|deficit|surplus|saving)s?\b"
    r"|\bby how\b|\bper ?cent|\bnumber of\b|\bcost\b|\bspend\b|\bspent\b"
    r"|\b(?:paid|paying|pay) for\b|\bfunded\b|\bfinanced\b",
    re.IGNORECASE,
)
_AMOUNT_NOUN = (
    r"(?:overspend|underspend|overspent|underspent|deficit|surplus|shortfall|saving|cost|budget"
    r"|rate|inflation|margin|score|population|percentage|proportion|share|total|price|fee"
    r"|charge|allowance|amount|sum|figure|level|number|value|size|age|target|forecast|gap)"
)
"""Nouns that are amounts by nature: an overspend, a rate, a population is a figure. Not
a change ("what pay rise was agreed" asks for the decision as much as its 5%)."""
_ASKED_AMOUNT = re.compile(
    r"\b(?:what|which)(?:['’]s|\s+(?:is|was|are|were|will\s+be|would\s+be))?"
    r"(?:\s+(?:the|an?|its|their|[a-z]+['’]s))?"
    r"(?:\s+(?!(?:is|was|are|were|do|does|did|has|have|had)\b)[\w-]+){0,3}?\s+"
    + _AMOUNT_NOUN
    + r"(?:s(?<!ss))?(?=\s*(?:[?,.;:]|$)|\s+(?:on|of|for|in|at|to|from|by|with|does|do|did"
    r"|is|was|are|were|has|have|had|will|would|could|can|should|expected|forecast|left"
    r"|set|given|now|this|next|last)\b)"
    r"|^\s*(?:is|are|was|were|has|have|had|do|does|did|can|could|will|would)\b"
    r"(?:(?!\bto\s)[^?])*?"
    r"\b(?:overspend|underspend|overspent|underspent|overspending|underspending|deficit"
    r"|shortfall)s?\b",
    re.IGNORECASE,
)
"""A question asking for an amount by the noun it asks about: the head of its "what"
phrase is an amount noun ("what's the forecast overspend on …", "what is the in-year
shortfall on …", "what operating margin does …", "what score did …"), not a word before
another noun ("what is the budget strategy"); or a yes-or-no question names a variance from
a budget ("was school transport heading for an overspend", "could the council cover its SEND
deficit"), which minutes answer with the sum, unless it is the aim of a verb ("… dip into
its reserves to cover overspends" asks whether it did) (`AMOUNT_READING`)."""

AMOUNT_READING = True
"""A question reads as asking for a figure also by its amount nouns (`_ASKED_AMOUNT`),
not only by "how much" or "what rate"; off: `_WANTS_FIGURE` alone (a rule, no constant:
eval/README.md "Figure questions by their amount nouns, "should" as a writer's modal, round
38", k27-020)."""


def wants_figure(question: str) -> bool:
    """The question asks for a figure: by its wording (`_WANTS_FIGURE`: "how much", "what
    rate", "number of") or, under `AMOUNT_READING`, by an amount noun (`_ASKED_AMOUNT`)."""
    if _WANTS_FIGURE.search(question):
        return True
    return AMOUNT_READING and bool(_ASKED_AMOUNT.search(question))


_TITLE_WORDS = tuple(t for t in MEMBER_TITLE_FORMS if " " not in t)
"""The members' titles of one word (`indexer.attendance.MEMBER_TITLE_FORMS`: "trustees",
"supervisors", and since round 57 "trustee", "supervisor"), which "which" asks a person by."""
_WANTS_WHO = re.compile(
    r"\bwho\b|\bwhom\b|\bwhose\b|\bwhich (?:councillors?|officers?|members?|director"
    rf"|organisations?|bodies|body|partners?|providers?|company|companies"
    rf"|{alternation(_TITLE_WORDS)})\b",
    re.IGNORECASE,
)
_AUXILIARY = (
    r"(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|shall|should|may"
    r"|might|must)"
)
_ASKS_WHEN = re.compile(
    rf"\bwhen\s+{_AUXILIARY}\b|\bwhen['’]s\b|\b(?:by|since|until|till|from)\s+when\b"
    r"|\bwhen\s*(?:[?,;]|$)",
    re.I,
)
""""When" asking for a date, by its form: a verb follows it ("when does it meet", "when
were … consulted on"), a preposition leads it ("by when", "since when", "until when"), or
it closes the question or a part ("…, and when?"). A subject after it makes it a clause
of the occasion ("what did Cabinet agree when it took the report", "how does the council
pay for extra classrooms when more children need a school place"): no date is asked."""
_WANTS_WHEN = re.compile(r"\bwhat date\b|\bwhich date\b|\bby what date\b|\bdates\b", re.I)
_WANTS_WHY = re.compile(
    r"\bwhy\b|\bhow come\b|\bfor what reasons?\b|\bwhat (?:led|caused)\b"
    r"|\bwhat(?:'s|’s| is| was| are| were)? the (?:main )?(?:reasons?|causes?)\b",
    re.IGNORECASE,
)

WHEN_READING = True
""""When" reads as asking for a date only in the forms that ask one (`_ASKS_WHEN`); off:
any "when" did (a rule, no constant: eval/README.md "The asked aspect read from the
question's form, round 29")."""


_ASKS_WHETHER = re.compile(rf"^\W*(?:{_AUXILIARY}(?:n['’]t)?|whether)\b", re.I)


def asks_whether(question: str) -> bool:
    """The question asks yes or no: it opens on an auxiliary or modal ("Was pay a factor
    …?", "Didn't …") or on "whether". What `eval.pool_losses` sets apart, as r55-evid3
    found a window's far passages give such a question nothing (`_holds_asked`)."""
    return bool(_ASKS_WHETHER.search(question))


def asks_when(question: str) -> bool:
    """The question asks for a date or time ("When were the modifications consulted on?",
    "… and by when?"), not only names an occasion with "when" (`WHEN_READING`)."""
    if _WANTS_WHEN.search(question):
        return True
    if not WHEN_READING:
        return bool(re.search(r"\bwhen\b", question, re.I))
    return bool(_ASKS_WHEN.search(question))


_WHO = frozenset({"who", "whom", "whose"})
_ASKED_BODIES = frozenset({
    "councillor", "councillors", "officer", "officers", "member", "members", "director",
    "organisation", "organisations", "body", "bodies", "partner", "partners", "provider",
    "providers", "company", "companies", *_TITLE_WORDS,
})  # fmt: skip
"""What "which" asks a person or body by ("which councillor", "which company", since round
56 the members' titles: "which trustees")."""
_ASKED_HOLDERS = (["portfolio", "holder"], ["portfolio", "holders"], ["cabinet", "member"])
"""Two words by which "which" asks a person ("which portfolio holder is responsible …"):
the first alone asks a thing ("which portfolio …", "which cabinet meeting …")."""
_ASKS_AFTER = frozenset({
    # A conjunction opens a second question: "… and who will finalise the response?".
    "and", "or", "but", "so",
    # A preposition asks for its object: "by whom", "in consultation with whom".
    "by", "with", "to", "from", "for", "on", "about",
    # A verb that takes a question: "do we know who runs …", "tell me who …".
    "know", "knows", "known", "tell", "say", "said", "ask", "asked", "decide", "decides",
    "decided", "me", "us", "out",
})  # fmt: skip
"""The words after which "who" asks; after any other word (a noun: "young people who have
left care", "a councillor who owes council tax") it opens a relative clause that only says
which people the question is about."""
_CLAUSE_BREAK = re.compile(r"[,;:?!()\n]")
WHO_READING = True
"""A question asks who only where its "who" (or "which councillor") asks (`wants_who`);
off: any "who" did, a relative one too (a rule, no constant: eval/README.md "A relative
who asks no one, round 29", k2-423, k2-427, k10-038)."""


def wants_who(question: str) -> bool:
    """The question asks who: "who", "whom", "whose" or "which <person or body>" opens the
    question or one of its clauses, or follows a word after which a question follows
    (`_ASKS_AFTER`). Words as the analyser cuts them (`indexer.text.words`), per clause."""
    if not WHO_READING:
        return bool(_WANTS_WHO.search(question))
    for clause in _CLAUSE_BREAK.split(question):
        ws = words(clause)
        for i, w in enumerate(ws):
            body = (
                w == "which"
                and i + 1 < len(ws)
                and (ws[i + 1] in _ASKED_BODIES or ws[i + 1 : i + 3] in _ASKED_HOLDERS)
            )
            asking = w in _WHO or body
            if asking and (i == 0 or ws[i - 1] in _ASKS_AFTER):
                return True
    return False


_DECISION_STEMS = {
    "recommend": r"\brecommend",
    "agree": r"\bagree",
    "decide": r"\bdecid",
    "resolve": r"\bresol",
    "approve": r"\bapprov",
    "commit": r"\bcommit(?!tee)",
}
"""The decisions a question may name by their verbs' stems ("recommended", "agreed"):
each asks for an action (`_WANTS_ACTION`) and names what it asks for (`_ASKED_ACTIONS`)."""
_WANTS_ACTION = re.compile(
    "|".join(_DECISION_STEMS.values())
    + r"|\bactions?\b|\bactioned\b|\bundert|\basked for\b|\bask(?:ed)? (?:officers|the)\b"
    r"|\bfollow[- ]up\b|\bbriefing\b|\bresponsible\b",
    re.IGNORECASE,
)
_WANTS_DECISION = re.compile(r"\b(?:what|which)\s+(?:[\w'’-]+\s+){0,2}?decisions?\b", re.I)
"""The noun asks for a decision only when the question asks which one ("what decision
was taken", "which key decisions"); "the decision not to renew", "make their own
decisions", "an executive decision" name a topic (`ACTION_READING`)."""
_WILL_DO = re.compile(r"\bwill do\b", re.I)
_EFFECT = re.compile(r"\bwill do (?:for|to)\b|\bwhat (?:good|difference|harm)\b", re.I)
""""Who will do it" asks for an action; "what … hope slowing the traffic down will do for
them", "what good … will do" ask for an effect (`ACTION_READING`)."""

ACTION_READING = True
"""The noun "decision(s)" and "will do" read as asking for an action only in the forms
that ask for one (`_WANTS_DECISION`, `_EFFECT`); off: any "decision" and "will do" did (a
rule, no constant: eval/README.md "Multi-part questions' second part and over-read action
questions, round 20", kg9-02, s8-007)."""


def wants_action(question: str) -> bool:
    """The question asks what was agreed, decided, resolved or done, or who will do it."""
    if _WANTS_ACTION.search(question):
        return True
    if not ACTION_READING:
        return bool(_WILL_DO.search(question) or re.search(r"\bdecision", question, re.I))
    if _WANTS_DECISION.search(question):
        return True
    return bool(_WILL_DO.search(question)) and not _EFFECT.search(question)


_WANTS_LIST = re.compile(
    r"\bactions\b|\bwhat (?:were|are) the\b|\blist\b|\bwhich\b"
    r"|\bwhat (?:[\w'’-]+ ){0,2}(?!(?:has|was|is|does|this|its|status|plus)\b)"
    r"[a-z-]{2,}s(?<!ss|us|is)\b"  # "what categories of", "what budget amendments"
    r"|\bwhat (?:has|have) (?:\w+ ){0,2}(?:been )?(?:said|told|reported|heard|raised)\b",
    re.I,
)
"""A question asking for several things: a list ("which areas", "what types of"), a
plural ("what concerns have members raised") or everything said on a topic ("what has
been reported about"): its answer gathers lists and draws on every passage."""

_CLAUSE_DID = r"(?:^|[,;:]\s*|\band\s+|\bso\s+)did\b"
_WANTS_OUTCOME = re.compile(
    rf"{_CLAUSE_DID}[^?.]{{0,80}}?\b(?:pass|carry|succeed|fail|get through|go through)\b"
    rf"|{_CLAUSE_DID}\s+(?:the\s+)?(?:(?:full|county|city|borough|district)\s+)?"
    r"(?:council|cabinet|committee|members)\s+(?:agree|approve|adopt|accept|reject|support"
    r"|back|vote)\b"
    r"|(?:^|[,;:]\s*|\band\s+)(?:was|were|has|have|had)\s+(?:the|this|that|it|its|their|an?)\b"
    r"[^?.]{0,80}?\b(?:carried|lost|defeated|rejected|passed|approved|adopted|accepted|agreed)\b"
    r"|\bwhat (?:became|happened) (?:of|to)\b[^?.]{0,60}?"
    rf"\b(?:{DECIDED})s?\b"
    r"|\b(?:outcome|result) of the (?:vote|motion|amendment|ballot)\b"
    rf"|{VOTE_ASKED}",
    re.IGNORECASE,
)
"""A question asking how a motion, amendment or proposal was decided ("… and did it
pass?", "was the amendment carried?", "what became of the … motion?", "did Council agree
to …?"), a yes-or-no question: its answer states the vote's outcome (`outcome_after`).
"What was agreed", "what were the achievements of the plan agreed by …" ask for the
decision itself, not whether a proposal got through. "What was the vote on …?" asks how it
was decided too (round 52: US and Canadian roll-call votes, `ROLL_CALL_TALLIES`); "what
happened to the petition / application / report …?" too (round 53, `temporal.DECIDED`)."""


def asks_outcome(question: str) -> bool:
    """The question asks whether (or how) a motion, amendment or proposal was decided."""
    return bool(_WANTS_OUTCOME.search(question))


_ASKS_VOTE = re.compile(VOTE_ASKED, re.IGNORECASE)


def asks_vote(question: str) -> bool:
    """The question asks how a vote went ("How did the board vote on …?", "How was the vote
    on …?", "What was the roll call vote on …?": `temporal.VOTE_ASKED`, one of
    `asks_outcome`'s wordings): the motion and its sides answer it."""
    return bool(_ASKS_VOTE.search(question))


_WANTS_MOVER = re.compile(
    r"\bwho\b[^?.]{0,30}?\b(?:moved|seconded|proposed)\b(?!\s+(?:to|into|out|from|over)\b)"
    r"|\b(?:moved|seconded|proposed)\s+by\s+(?:whom|which|what)\b"
    r"|\b(?:movers?|seconders?|proposers?)\b"
    rf"|{WHO_VOTED}",
    re.IGNORECASE,
)
"""A question asking who moved or seconded a motion, or who voted on it or abstained
("Who moved the motion on …?", "who seconded it?", "moved by which councillor?", "the
mover and seconder of …", "who voted against …?", "which councillors abstained …?", "did
anyone abstain …?")."""


_PRESENT_OR_ABSENT = alternation((*PRESENT_LABELS, *ABSENT_LABELS))
"""Who came or was away, as a question asks it ("who was present", "which members were in
attendance")."""
_ASKED_PEOPLE = alternation((*MEMBER_TITLE_FORMS, *OFFICER_NAME_FORMS, "people"), spaced=True)
"""Whom "which …" asks for by their title: the members (`MEMBER_TITLE_FORMS`: "which trustees",
"which supervisors", since round 56; "which trustee", since round 57), the officers, people."""
_WAS_OR_WERE = r"(?:was|were)" if SINGULAR_TITLES else "were"
"""The verb "which …" asks with: "which trustee was absent" (`SINGULAR_TITLES`), "which
trustees were"."""
TITLE_ASKED_WHETHER = True
"""A question asking whether a member or officer named by their title came or was away,
without "which" ("Was the trustee for Ward 3 absent?", "Were the supervisors present at the
meeting?", "Was Councillor Sloane absent?"), asks for attendance as "which trustee was
absent" does (`_TITLE_WHETHER`): only "which …" and a capitalised name followed by "from" or
"at" read so, and such a question was answered from the item sentences (round 57's
r57-foreign13 Left (b); eval/README.md "…, round 58 (r58-foreign14 …)"). A rule reading the
one list of titles (`MEMBER_TITLE_FORMS`, `OFFICER_NAME_FORMS`), no constant. Off: as
before."""
NAME_BEFORE_TITLE = True
"""A member or officer asked whether present or absent by their name with the title after it,
set off by commas ("Was Sloane, the councillor, absent?", "Was Helen Sloane, a trustee,
present?"), is asked as one named after the title is (`TITLE_ASKED_WHETHER`): only the
title first read so, and the question was answered from the item sentences (round 58's
r58-foreign14 Left (e); eval/README.md "…, round 59 (r59-foreign15 …)"). One to three
capitalised words and a comma before the title's determiner; a rule, no constant. Off: the
title first only."""
_NAME_THEN_COMMA = (
    r"(?:(?-i:[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2}),\s+)?" if NAME_BEFORE_TITLE else ""
)
"""A name set off by a comma before the title it is asked by (`NAME_BEFORE_TITLE`)."""
_TITLE_WHETHER = (
    rf"|\b(?:was|were)\s+{_NAME_THEN_COMMA}(?:(?:the|a|any|our|all|both|all\s+the)\s+)?"
    rf"(?:\w+\s+){{0,2}}?(?:{_ASKED_PEOPLE})\b[^?.]{{0,40}}?(?<!\bto\s)\b(?:{_PRESENT_OR_ABSENT})\b"
    if TITLE_ASKED_WHETHER
    else ""
)
"""A title asked whether present or absent (`TITLE_ASKED_WHETHER`), up to 40 characters
between ("the trustee for Ward 3", "Councillor Sloane"); not "to present" (a report); the
name before it set off by commas (`NAME_BEFORE_TITLE`: "Sloane, the councillor,")."""
_WANTS_ATTENDANCE = re.compile(
    r"\bwho\b[^?.]{0,30}?\b(?:attended|attending|(?:was|were)\s+(?:(?:also|not)\s+)?"
    rf"(?:{_PRESENT_OR_ABSENT})|(?:sent|gave|offered)\s+(?:their\s+)?"
    rf"(?:{alternation(APOLOGY_LABELS)})"
    r"|apologised)\b"
    rf"|\bwhich\s+(?:\w+\s+){{0,2}}(?:{_ASKED_PEOPLE})\s+"
    rf"(?:attended|(?:{_WAS_OR_WERE}\s+)?(?:{_PRESENT_OR_ABSENT})|sent apologies)\b"
    r"|\b(?:what|whose|any)\s+apologies\b"
    r"|\b(?:give|gave|send|sent|offer|offered|tender|tendered)\s+(?:their\s+|his\s+|her\s+"
    r"|any\s+)?apologies\b"
    r"|\b(?:attend|attended|join|joined|take\s+part|took\s+part)\b[^?.]{0,60}?"
    r"\b(?:meeting|cabinet|committee|council|panel|board)\b[^?.]{0,30}?\b(?:virtually"
    r"|remotely|online|by\s+video)\b"
    r"|\b(?:was|were)\s+(?-i:(?:[A-Z][\w'\u2019-]*\s+){1,3}?)(?:absent|present)\s+(?:from|at)\b"
    r"|\bdid\s+(?:\w+\s+){1,3}?attend\b"
    rf"|\b(?:who|which\s+(?:\w+\s+){{0,2}}(?:{_ASKED_PEOPLE}))"
    r"\s+(?:was|were|went|came|turned\s+up|showed\s+up)\s+(?:to|at)\s+(?:the|a|that|this)\b"
    r"[^?.]{0,60}?\bmeeting\b" + _TITLE_WHETHER,
    re.IGNORECASE,
)
"""A question asking who attended a meeting ("who attended …?", "who was present at …?",
"which officers were in attendance …?", "what apologies were received …?"), or whether
someone did ("did anyone give apologies …?", "did Mrs Game send apologies …?", "was Mr
Simkins absent from …?", "did the Director of Technology attend …?"), or who joined it
remotely ("which officers joined … virtually?"). Since round 48 (r48-roll3) also who was
at a meeting in everyday words ("which cabinet members were at the cabinet meeting on …?",
"who went to / turned up to / came to the … meeting?", u38-007): read as no attendance
question, it was answered from the day's other papers, not refused for want of the day's
roll (`answering.ROLL_OF_THE_DAY_RECORDED`)."""


def asks_attendance(question: str) -> bool:
    """The question asks who attended, was absent or sent apologies: minutes' attendance
    lists ("PRESENT: Cr K Murray (Mayor), Cr D Patel, …") answer it (`candidates`' `rolls`),
    lines no other question quotes."""
    return bool(_WANTS_ATTENDANCE.search(question))


def asks_mover(question: str) -> bool:
    """The question asks who moved, seconded or proposed a motion: its answer reads on to
    the vote, whose line names them where minutes write the mover and seconder there (New
    Zealand's "Pomare/Ellery CARRIED", `outcome_after`)."""
    return bool(_WANTS_MOVER.search(question))


def asked_tally(question: str) -> str:
    """The side of a vote a question asking who voted names ("who voted against …?":
    "Against"; "who abstained …?": "Abstain"; "who voted for …?": "For"), or "": the
    outcome is quoted from that side's count ("Against (6) Mrs Dean, …", `outcome_after`)."""
    if not asks_mover(question):
        return ""
    return next((side for side, pattern in ASKED_SIDES if pattern.search(question)), "")


_ASKED_KINDS: dict[str, re.Pattern[str]] = {
    "percent": re.compile(r"\b(?:rate|share|proportion|percentage|per ?cent|percent)s?\b|%", re.I),
    "money": re.compile(
        r"\bhow much\b|\b(?:cost|spend|spent|budget|overspend|underspend|deficit|surplus"
        r"|saving|price|funding|grant|fund|amount|money|pounds?|income|debt)s?\b|£"
        r"|\b(?:paid|paying|pay) for\b|\bfunded\b|\bfinanced\b",
        re.I,
    ),
    "duration": re.compile(r"\bhow long\b|\bhow many (?:days|weeks|months|years|hours)\b", re.I),
    "count": re.compile(r"\bhow many\b|\bnumber of\b", re.I),
}
"""The kinds of figure a question asks for, by its wording."""


_MONEY_WORDS = re.compile(
    _ASKED_KINDS["money"].pattern.replace(r"\bhow much\b|", "", 1)
    + r"|\b(?:tax|taxes|charges?|fees?|fines?|rents?|wages?|salar(?:y|ies)|compensation|cash"
    r"|loans?|borrowing|reserves?|bills?|revenue|capital|allowances?)\b",
    re.I,
)
"""Money named by a word of its own, not by "how much" ("how much council tax", "how
much compensation")."""
_HOW_MUCH_OF_A_THING = re.compile(
    r"\bhow much (?:(?:more|less|extra|further)\s+)?(?!(?:is|was|are|were|did|does|do|has"
    r"|have|had|will|would|could|can|should|might|may|must|of|to|in|for|on|from|by|that"
    r"|this|these|those|it|its|they|their|we|our|you|your|he|she|the|a|an|more|less|extra"
    r"|further|higher|lower|bigger|smaller|greater|often|sooner|longer|faster|quicker"
    r"|money|cash)\b)[a-z]",
    re.I,
)
""""How much" followed by the thing measured ("how much traffic", "how much sharp sand
and gravel"), not by a verb ("how much did …") or a determiner ("how much the …"). A
capitalised word there is a name, the one who spends or gets ("how much Kent gets from
…"): `asked_kinds` leaves those to the money reading."""
_PART_OR_CHANGE = re.compile(
    r"\bhow much of\b|\bby how much\b|\bhow much (?:more|less|higher|lower|bigger|smaller"
    r"|greater)\b|\bhow (?:big|large) (?:a |an |the )?(?:rise|increase|cut|fall|drop"
    r"|reduction)s?\b",
    re.I,
)
"""A part of a whole ("how much of the new homes bonus goes to …") or a change ("by how
much", "how much higher", "how big a rise"): stated as a share or percentage as often as
an amount."""

HOW_MUCH_READING = True
""""How much" reads as money only when it asks how much of a sum (a verb or a money word
follows, or the question names money elsewhere): "how much traffic" asks for an amount of
traffic (a count); a part or a change may be a percentage as well (`_PART_OR_CHANGE`).
Off: every "how much" read as money (eval/README.md "The asked kind of figure in everyday
words, round 23")."""


def asked_kinds(question: str) -> frozenset[str]:
    """Which kinds of figure ("percent", "money", "duration", "count") a question asks
    for; empty when its wording does not say."""
    kinds = {k for k, pattern in _ASKED_KINDS.items() if pattern.search(question)}
    if HOW_MUCH_READING and "money" in kinds:
        thing = _HOW_MUCH_OF_A_THING.search(question)
        named = thing is not None and question[thing.end() - 1].isupper()
        if thing and not named and not _MONEY_WORDS.search(question):
            kinds.discard("money")
            kinds.add("count")
        if _PART_OR_CHANGE.search(question):
            kinds.add("percent")
    if "duration" in kinds:
        kinds.discard("count")
    return frozenset(kinds)


Spelled = tuple[str, str, tuple[str, ...]]
"""An abbreviation a question's words spell out: its initials, the words (lower case, one
space apart) and their topic terms (`spelled_out`)."""


@dataclass(frozen=True)
class Aspects:
    """What a question asks about (its topic terms) and for (figure, who, when, action)."""

    terms: tuple[str, ...]
    figure: bool = False
    who: bool = False
    when: bool = False
    why: bool = False
    """The question asks for a reason ("why …", "what was the reason …"): a sentence
    stating one (`states_reason`) answers it."""
    action: bool = False
    many: bool = False
    """The question asks for several things ("what actions were agreed", "which areas")."""
    trend: bool = False
    kinds: frozenset[str] = frozenset()
    """The kinds of figure asked for (`asked_kinds`), when a figure is."""
    listed: tuple[str, ...] = ()
    """The terms of the generic noun a list question asks for ("benefits" of "what
    benefits …", `list_noun`): the items answer it without repeating it."""
    aim: bool = False
    """The question asks for an aim or target ("what level … should it aim for", "what
    savings target did the council set"): a sentence stating one is the answer, not a
    lesser one (no `SentenceWeights.target` penalty)."""
    outcome: bool = False
    """The question asks whether a motion or amendment was carried (`asks_outcome`)."""
    mover: bool = False
    """The question asks who moved or seconded a motion (`asks_mover`)."""
    vote: bool = False
    """The question asks how a vote went (`asks_vote`): the motion's sentence, naming its
    mover, opens the answer (`answering.MOTION_IN_VOTE_LEAD`)."""
    where: bool = False
    """The question asks where (`asks_where`): a place label answers it (`ASKED_LABELS`)."""
    value: str = ""
    """The kind of value the question asks for by its form (`asked_value`): "clock",
    "end", "frequency", "threshold", or ""."""
    ends: bool = False
    """The question asks when something ends ("… supposed to finish", "… close"): of a
    sentence's kind of value, one saying an end answers it (`says_end`)."""
    attendance: bool = False
    """The question asks who attended a meeting or sent apologies (`asks_attendance`)."""
    tally: str = ""
    """The side of a vote whose names the question asks for ("Against", "Abstain", "For":
    `asked_tally`), or ""."""
    roll: frozenset[str] = frozenset()
    """The kinds of attendance record a question asking who attended asks for ("apologies",
    "absent", "remote", "officers", "present": `asked_roll`); empty: any."""
    asked: frozenset[str] = frozenset()
    """The decisions an action question names ("recommend", "agree", …: `asked_actions`):
    a list whose lead-in names one is the list of them (`lists_asked`)."""
    spelled: tuple[Spelled, ...] = ()
    """The abbreviations the question's words spell out, each with the words and the topic
    terms it stands for (`spelled_out`): a sentence writing "MASH" holds "Multi Agency
    Safeguarding Hub"'s terms."""
    number: str = ""
    """The number the question names a motion by ("2016-045", `asked_motion_number`);
    empty: none."""
    whether: bool = False
    """The question asks yes or no (`asks_whether`): no figure, name or date answers it, a
    sentence saying so or not does (`answering.BESIDE_ASKED_KIND`)."""


_GENERIC = """committee committees council councils councillor councillors decide decided decision
    decisions report reports reported reporting said say says discuss discussed discussion
    member members meeting meetings minutes happen happened happening tell told know known
    many much number numbers change changed changes changing year years time times month
    months mention mentioned raise raised concern concerns issue issues item items agenda
    scrutiny overview main key kind kinds sort thing things way ways also ever yet get got
    made make makes give given take taken last past recent recently latest current currently
    since between improve improved improvement trend over well new like
    use used uses using give gave given long often did does done
    january february march april may june july august september october november december
    spring summer autumn winter"""
GENERIC_WORDS = frozenset(_GENERIC.split())
"""Words that say little about a question's topic in a scrutiny archive."""


_FRAME_WORD = re.compile(
    rf"{_AUXILIARY}|(?:any|some|every|no)(?:one|body|thing|where)|whether", re.I
)
"""Words of a question's frame by their grammar, not its topic: the auxiliaries and
modals (`_AUXILIARY`; most are stopwords already, not "might", "must", "shall"), the
indefinite pronouns ("anyone", "something": "does anyone check …", "is kent doing
anything about …") and "whether", the question word of an asked yes or no."""

_NEGATED = re.compile(r"\b([a-z]+n)['’]t\b", re.I)
"""An auxiliary negated by its "n't" ("didn't", "wouldn't", "don't", "won't"): the
analyser cuts "didn't" into "didn" and "t", and "didn" is no stopword."""

_SEMI_MODAL = frozenset(("able", "unable"))
"""The adjective of the semi-modal "be able to" (= can), a frame word only before "to"."""


def frame_words(question: str) -> set[int]:
    """The positions (in `words(question)`) of the question's frame words (round 30):
    `_FRAME_WORD`, an auxiliary negated by "n't" (`_NEGATED`) and `_SEMI_MODAL` before
    "to". A yes or no question opens with its auxiliary and asks whether anyone did
    anything; these say how it asks, so no passage need hold them (eval/README.md,
    "Yes/no questions' frame words, round 30")."""
    ws = words(question)
    negated = {m.group(1).lower() for m in _NEGATED.finditer(question)}
    return {
        i for i, w in enumerate(ws)
        if _FRAME_WORD.fullmatch(w) or w in negated
        or (w in _SEMI_MODAL and i + 1 < len(ws) and ws[i + 1] == "to")
    }  # fmt: skip


def content_terms(question: str) -> list[str]:
    """Index terms of the words that carry a question's topic (not years, not generic
    words, not its frame: `frame_words`), stemmed as BM25 stems them, so "covers the
    question" means what BM25 matched."""
    terms: dict[str, None] = {}
    frame = frame_words(question)
    for i, word in enumerate(words(question)):
        if i in frame or word in GENERIC_WORDS or word.isdigit() or len(word) < 3:
            continue
        term = ANALYZER.term(word)
        if term:
            terms[term] = None
    return list(terms)


_PART = re.compile(
    r",?\s+and\s+(?=(?:how|what|which|who|whom|when|where|why|whether|did|does|do|was|were"
    r"|is|are|has|have)\b)",
    re.I,
)


def question_parts(question: str) -> list[str]:
    """The parts of a question that asks two things ("How big was the overspend, and how
    much of it came from undelivered savings?"): each wants its own sentence."""
    parts = [p.strip(" ?,") for p in _PART.split(question)]
    return [p for p in parts if p] if len(parts) > 1 else [question]


_LIST_NOUN = re.compile(
    r"\b(?:what|which)\s+(?:(?:are|were)\s+the\s+)?"
    r"(?:(?!(?:did|does|do|has|have|had|was|were|is|are|will|would|can|could|should|of)\b)"
    r"[\w'’-]+\s+){0,2}?"
    r"(?!(?:has|was|is|does|this|its|status|plus)\b)([a-z-]{3,}s)(?<!ss|us|is)\b",
    re.I,
)


def list_noun(question: str) -> list[str]:
    """The terms of the plural noun a list question asks for: the first plural within
    three words of its "what" or "which" ("which other *councils*", "what are the main
    *risks*", "what *types* of reserves"), not past a verb or "of" ("what did the Greens
    want" asks for no list of Greens). Its items ("Surrey, Essex") answer it without
    repeating the word, so it says what kind of answer is wanted, not what about: the
    abstention signals that weigh a question's topic leave it out (empty: none found)."""
    m = _LIST_NOUN.search(question)
    return content_terms(m.group(1)) if m else []


_ASKED_ACTIONS: dict[str, re.Pattern[str]] = {
    k: re.compile(rf"{stem}|\bdecision" if k == "decide" else stem, re.I)
    for k, stem in _DECISION_STEMS.items()
}
"""The decisions a question may ask for by name, each one pattern read in the question and
in a list's lead-in: "what did KCC recommend" and "made several recommendations, as
follows:". "decide" reads the noun too: it names the decision a list's lead-in gives,
though alone it asks for an action only in `_WANTS_DECISION`'s forms."""

LISTS_ASKED = True
"""To a question asking what was recommended (agreed, decided, resolved, approved,
committed to), a whole list whose lead-in names that decision is one of the answer's
action lines (`lists_asked`; a rule, no constant: eval/README.md "Evidence on fact,
figure and multi-part questions, round 20", k2-201)."""


def asked_actions(question: str) -> frozenset[str]:
    """The decisions a question names ("What changes did KCC recommend …": recommend)."""
    return frozenset(k for k, pattern in _ASKED_ACTIONS.items() if pattern.search(question))


def _lead_in(text: str) -> str:
    """A list candidate's lead-in: its words before the first colon or line break."""
    return re.split(r":|\n", text, maxsplit=1)[0]


def lists_asked(c: Candidate, asked: frozenset[str]) -> bool:
    """A whole list (`items`) whose lead-in names one of the decisions a question asks
    for (`asked_actions`): "The Council had submitted evidence and made several
    recommendations, as follows: - …" is what "what did KCC recommend" asks for."""
    if not LISTS_ASKED or not c.items or not asked:
        return False
    head = _lead_in(c.text)
    return any(_ASKED_ACTIONS[k].search(head) for k in asked)


def aspects_of(question: str, topic: str, trend: bool = False) -> Aspects:
    """The aspects of a question: `topic` is the question without its date words (the
    terms come from it), `question` the whole wording (the asked-for thing may be "when")."""
    return _aspects_of(question, topic, trend)


@once
def _aspects_of(question: str, topic: str, trend: bool) -> Aspects:
    """`aspects_of`, read once per answer (`once`): the search's detail lift reads the
    question on both orders, the abstention signals and the answer read it again (round
    43); `Aspects` is frozen."""
    action = wants_action(question)
    many = bool(_WANTS_LIST.search(question))
    figure = wants_figure(question) or trend
    return Aspects(
        terms=tuple(content_terms(topic)),
        figure=figure,
        who=wants_who(question),
        when=asks_when(question),
        why=bool(_WANTS_WHY.search(question)),
        action=action,
        many=many,
        trend=trend,
        kinds=asked_kinds(question),
        listed=tuple(list_noun(topic)) if many and not figure else (),
        aim=states_aim(question),
        outcome=asks_outcome(question),
        mover=asks_mover(question),
        vote=asks_vote(question),
        where=asks_where(question),
        value=asked_value(question),
        ends=bool(_END_ASKED.search(question)),
        tally=asked_tally(question),
        attendance=asks_attendance(question),
        roll=asked_roll(question),
        asked=asked_actions(question) if action else frozenset(),
        spelled=spelled_out(topic) if SPELLED_OUT else (),
        number=asked_motion_number(question) or "",
        whether=asks_whether(question),
    )


SPELLED_OUT = True
"""A sentence that writes an abbreviation the question spells out ("MASH" for "the multi
agency safeguarding hub", "MMs" for "main modifications") holds the spelled-out words' topic terms:
papers name a thing in full once and by its initials after, and a sentence saying the
answer by the initials otherwise holds none of the question's words (`spelled_out`,
`topic_stems`; no new constant: eval/README.md "An abbreviation the question spells out,
round 30")."""

_INITIALS = re.compile(r"\b([A-Z]{2,})s?\b")
"""An abbreviation as papers write it: capitals, a plural "s" ("MMs")."""
_RUN_WORD = re.compile(WRITTEN_WORD + r"|&")
"""A word of a run an abbreviation may spell out, "&" among them ("Health & Care")."""
_JOINING = frozenset({"and", "of", "the", "for", "to", "in", "on", "&"})
"""Words an abbreviation may leave out ("Minerals and Waste Local Plan": MWLP)."""


SPELLED_WRITTEN = True
"""An abbreviation stands for the question's words only in a passage that writes those
words in full itself or under an item title that does (an item titled "Multi Agency
Safeguarding Hub" for each of its passages writing "MASH"): papers name a thing in full,
then by its initials; "DCS" in minutes that never write "did councillors support" is not
the question's (`spelled_for`)."""


def spelled_out(topic: str) -> tuple[Spelled, ...]:
    """The abbreviations a question's words may be written as: the initials of each run of
    two or more of its words (all of them, or less the joining words "and", "of" …, as
    "MWLP" leaves out "and"), each with the run's words (lower case, one space apart) and
    its topic terms (`content_terms`); a run holding none gives none."""
    run = _RUN_WORD.findall(topic)
    out: dict[str, Spelled] = {}
    for i in range(len(run)):
        for j in range(i + 2, len(run) + 1):
            if run[i].lower() in _JOINING or run[j - 1].lower() in _JOINING:
                continue
            terms = tuple(content_terms(" ".join(run[i:j])))
            if not terms:
                continue
            words = " ".join(run[i:j]).lower()
            for kept in (run[i:j], [w for w in run[i:j] if w.lower() not in _JOINING]):
                if len(kept) > 1:
                    initials = "".join(w[0] for w in kept).upper()
                    out.setdefault(initials, (initials, words, terms))
    return tuple(out.values())


def spelled_for(spelled: Sequence[Spelled], hit: Hit) -> list[tuple[str, tuple[str, ...]]]:
    """The abbreviations of `spelled` (`spelled_out`) that stand for the question's words
    in `hit`'s text, each with its terms: under `SPELLED_WRITTEN` only those whose words
    the passage or its item title writes in full."""
    if not spelled:
        return []
    return list(_spelled_in(tuple(spelled), hit.text, hit.citation.item_title))


@once
def _spelled_in(
    spelled: tuple[Spelled, ...], text: str, item_title: str | None
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`spelled_for` of a passage's text and item title, read once per answer (`once`):
    each scoring of the passage's sentences asks it (round 43)."""
    if not SPELLED_WRITTEN:
        return tuple((a, terms) for a, _, terms in spelled)
    written = f" {_plain(text)} {_plain(item_title or '')} "
    return tuple((a, terms) for a, words, terms in spelled if f" {words} " in written)


@functools.lru_cache(maxsize=256)
def _plain(text: str) -> str:
    """Lower case words one space apart, as `spelled_out` keeps a run's words. Kept for the
    passages at hand: `spelled_for` asks it of a passage once for each of its sentences."""
    return " ".join(_RUN_WORD.findall(text)).lower()


_DEFINED = re.compile(r"((?:" + WRITTEN_WORD + r"\s+){1,8})\(([A-Z]{2,})s?\)")
"""An abbreviation a text spells out itself: words, then its initials in brackets."""


def spelled_stems(text: str, spelled: Sequence[tuple[str, Sequence[str]]]) -> list[str]:
    """The topic terms the abbreviations `text` writes stand for (`spelled_out`); one the
    text spells out itself by other words ("Road Sense (RS)" for "road safety") stands
    for those."""
    if not any(a in text for a, _ in spelled):  # most sentences write none: skip the scans
        return []
    stands = dict(spelled)
    other = {
        m.group(2) for m in _DEFINED.finditer(text)
        if m.group(2) in stands and not set(stands[m.group(2)]) <= set(content_terms(m.group(1)))
    }  # fmt: skip
    return [
        t for m in _INITIALS.finditer(text) if m.group(1) not in other
        for t in stands.get(m.group(1), ())
    ]  # fmt: skip


# -- what a sentence holds ---------------------------------------------------------------

_FIGURE = re.compile(
    r"[£$€]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:m|bn|k|million|billion|thousand)\b)?"
    r"|\b\d[\d,]*(?:\.\d+)?\s?(?:%|per ?cent\b|percent\b)"
    r"|\b\d[\d,]*(?:\.\d+)?\s(?:million|billion|thousand)\b"
    r"|\b(?:(?:mid|high|low|upper|lower)[- ])?\d[\d,]*0s\b"
    r"|(?<![\d.])\b\d[\d,]*(?:\.\d+)?\b(?![.\d])"
)
"""Figures as minutes state them, approximate ones too: "around 870", "over 1,000" and
"nearly 900" hold the bare number after the hedge; a rounded plural ("numbers in care
rising to the mid-870s", "in the 20s") is a figure as a whole (eval/README.md, "Ranking by
the asked-for detail, round 11", third grid)."""
_DIGIT = re.compile(r"\d")
"""A digit as `_FIGURE` and `_DATE_WORDS` read one: every figure and every date they find
holds one, so a sentence without one is not scanned for them (round 43)."""
_NOT_A_FIGURE = re.compile(
    r"(?:item|para(?:graph)?|page|section|minute|appendix|table|annex|no\.?|number)\s*$", re.I
)
_YEAR = re.compile(r"^(?:19|20)\d{2}$|^(?:19|20)\d0s$")
"""A year, or a decade ("the 1990s"): dates, not figures."""

COUNTS_NOT_YEARS = True
"""A number in a year's range written as a count is a figure, not a year: with a
thousands separator ("2,000 homes") or an open "+" ("2000+ care leavers"); no year is
written so (a defect fix: eval/README.md "Evidence on the released everyday questions,
round 21", k11-002)."""


def _written_as_count(value: str, after: str) -> bool:
    """The number `value` (followed by `after`) is written as a count, not a year."""
    return COUNTS_NOT_YEARS and ("," in value or after.startswith("+"))


YEAR_RANGES_NOT_FIGURES = True
"""A financial year or a plan's period ("2024-25", "2025/26", "2025-28") is a date, not a
figure: its first year was passed over as a year, but its two-digit end ("25") was read
as a count, so a "how much" question credited a sentence whose only number is a period
(a defect fix: eval/README.md "A year range is no figure, round 29"); so were both numbers
of a financial year written without its centuries ("24-25", `temporal.periods`: eval/README.md
"Figures inside figures, and years written short or with an en dash, round 30")."""


def figures_in(text: str) -> list[str]:
    """The figures a sentence states (amounts, rates, counts, durations), verbatim; years,
    year ranges (`temporal.periods`: "2024-25", and "24-25" without its centuries), dates
    and item or paragraph numbers are not figures."""
    return list(_figures_in(text))


@once
def _figures_in(text: str) -> tuple[str, ...]:
    """`figures_in`, read once per answer (`once`): a passage's figures are read by its
    candidate sentences' shape (`_read`), by their figure coverage, by the search's near-copy
    test (`search.figures_agree`) and again on the order without the prior (round 43)."""
    if not _DIGIT.search(text):
        return ()  # every figure `_FIGURE` reads holds a digit
    out = []
    named = [m.span() for m in periods(text)] if YEAR_RANGES_NOT_FIGURES else []
    for m in _FIGURE.finditer(text):
        if any(a <= m.start() < b for a, b in named):
            continue
        value = m.group(0).strip()
        plain = value.replace(",", "")
        if _YEAR.match(plain.split("-")[-1].split()[-1]) and not _written_as_count(
            value, text[m.end() : m.end() + 1]
        ):
            continue
        if _NOT_A_FIGURE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        if re.fullmatch(r"\d{1,2}", plain) and _MONTH_NEAR.search(text[m.end() : m.end() + 12]):
            continue  # "15 January": a date
        out.append(value)
    return tuple(out)


_MONTH_NEAR = re.compile(
    r"^\s*(?:and \d{1,2} )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I
)
ACTION_LINE = re.compile(r"\bACTIONS?\s*:")
_RESOLVED = re.compile(
    r"\bRESOLVED\b|\bresolved (?:that|to)\b|\bDECISION\s*:|\bresolves\b(?=\s*(?:[;:]|to\b|that\b))",
    re.I,
)
"""A resolution as minutes record it, and a motion's own "The County Council resolves;",
"This Council resolves to:", whose parts follow (eval/README.md "A motion's parts and
announced next steps as decision lines, round 28")."""
_AGREED = re.compile(
    r"\bit was agreed\b|\bagreed (?:to|that)\b|\bundertook to\b|\b(?:was|were) asked to\b"
    r"|\bwould (?:ask|arrange|provide|circulate|share|bring|invite|write|prepare|report)\b"
    r"|\bwould be (?:arranged|prepared|provided|circulated|shared|brought|presented|sent"
    r"|reported)\b|\bfurther report\b|\breport back\b|\bmoved\b.*\bseconded\b"
    r"|\bcarried\b|\bdecided (?:to|that)\b|\bvoted (?:to|in favour|against)\b"
    r"|\bmotion (?:was )?(?:passed|adopted|approved|lost|defeated|failed)\b"
    r"|\b(?:unanimously|duly) (?:agreed|approved|adopted|resolved|passed)\b"
    r"|\b(?:council|committee|cabinet|board|members) (?:unanimously )?(?:approved|adopted"
    r"|endorsed)\b",
    re.IGNORECASE,
)
"""Decisions as minutes record them beyond "RESOLVED": "the motion passed 5-0", "Council
unanimously approved the plan", "Members voted in favour". Not "proposed ... seconded": in
minutes that line introduces a motion, whose content follows (measured on tune: it took
a list answer's citations from the motion's terms to its proposers)."""
_POINTERS = r"\blink to the\b|https?://|\bwww\.|\bclick here\b"
"""A line pointing elsewhere: a link, an address on the web (`pointer`)."""
_PROCEDURAL = re.compile(
    r"\bcorrect record\b|\bminutes of the (?:previous |last )?meeting\b.*\b(?:approved|agreed"
    r"|signed|confirmed)\b|\bapologies\b|\bdeclar\w* (?:of )?(?:an? )?(?:personal |pecuniary )?"
    r"interests?\b|\bdate of (?:the )?next meeting\b"
    r"|\b(?:extend|adjourn)\w* the meeting\b|\bmeeting (?:was |is |be )?(?:adjourned|closed"
    r"|ended|concluded|finished)\b"
    rf"|{_POINTERS}|\bweb ?page\b",
    re.IGNORECASE,
)
_POINTER = re.compile(_POINTERS, re.IGNORECASE)
_NOTED = re.compile(r"\bnote[sd]? the report\b", re.IGNORECASE)
"""Noting a report is housekeeping when the line decides nothing else."""
_MONTH_NAME = "|".join(MONTH_NAMES)
_DATE_WORDS = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)? (?:" + _MONTH_NAME + r")\b"
    r"|\b(?:" + _MONTH_NAME + r"|spring|summer|autumn|winter) \d{4}\b"
    r"|\b(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
"""A day and its month written out ("4 May"), a month or season and its year ("June
2019"), or a year; a month's name from `indexer.dates.MONTH_NAMES` (dates have one
module), abbreviations not read here."""

PERIODS_NOT_DATES = True
"""A period's label (`temporal.PERIOD`: a financial year "2024-25", "2018/19", or a plan's
period "2024-39", "2025-2035"; the one reading `figures_in` uses too,
`YEAR_RANGES_NOT_FIGURES`) is no date a "when" question asks for: in budget and plan
papers nearly every line names one ("the 2025-26 budget", "the Local Plan 2024-39"), so
as a date each drew `SentenceWeights.when` from the line that states the day or month
(a rule, no constant: eval/README.md "The asked aspect read from the question's form,
round 29", k2-111). Off: any year was a date."""


def states_date(text: str) -> bool:
    """The text states a date or a time: a day and month, a month or season and year, a
    year; not only a period's label ("2024-25": `PERIODS_NOT_DATES`)."""
    if not _DIGIT.search(text):
        return False  # every date `_DATE_WORDS` reads holds a digit
    if PERIODS_NOT_DATES:
        text = PERIOD.sub(" ", text)
    return bool(_DATE_WORDS.search(text))


_NAME = re.compile(
    r"\b(?:Cllr|Councillor|Mr|Mrs|Ms|Dr|Director|Chief|Head|Cabinet Member|Leader|Chair"
    r"|Chairman|Officer|Manager|DCS)\b|\b[A-Z][a-z]+ [A-Z][a-z]+\b"
)
_MODAL_TARGET = re.compile(r"\b(?:aim|aims|target|should|ambition|hope[sd]?|would like)\b", re.I)
_AGAINST_TARGET = re.compile(
    r"\b(?:achiev\w*|met|meets?|meeting|exceed\w*|missed|above|below|against|ahead of|on|off)"
    r"\s+(?:the\s+|its\s+|their\s+)?$",
    re.I,
)
"""What turns "target" into a measured outcome: "16 achieved target", "remained above
target", "on or ahead of target" report where a figure stands, not an aim."""

TARGET_OUTCOMES = True
"""A target reported met, missed or worked towards is a result, not an aim: "The greenhouse
gas emission target for Quarter 2, 2024/25 has been met with a total of 10,323 tonnes …
compared with the target of 10,797" (k8-024) and "£16.3m replenishment of general reserves
towards restoring 5% general reserve target" (k12-043) state what was done against a
target, but `_AGAINST_TARGET` read only the word before "target", so both took
`SentenceWeights.target`'s penalty as aims (a rule, no constant: eval/README.md "A target
met is a result …, round 37"). Off: only the word before "target" is read."""
_COMPARED_TO_TARGET = re.compile(
    r"\b(?:compared (?:with|to)|towards?\s+\w+ing(?:\s+[\w%'’-]+){0,3}?)"
    r"\s+(?:the\s+|its\s+|their\s+)?$",
    re.I,
)
"""Before "target": measured against it ("compared with the target of 10,797") or worked
towards it ("towards restoring 5% general reserve target")."""
_TARGET_MET = re.compile(
    r"[^.;:]{0,60}?\b(?:(?:has|have|had) been|was|were)\s+(?:(?:not|fully|comfortably)\s+)?"
    r"(?:met|achieved|exceeded|surpassed|missed|reached|hit)\b",
    re.I,
)
"""After "target", before its clause ends: it was met, achieved, exceeded or missed (a
past outcome; "is to be met by 2030" is still an aim)."""


def _target_outcome(text: str, start: int, end: int) -> bool:
    """The "target" at `start:end` of `text` is measured against, not aimed for."""
    before = text[max(0, start - 48) : start]
    if _AGAINST_TARGET.search(before[-24:]):
        return True
    return TARGET_OUTCOMES and bool(
        _COMPARED_TO_TARGET.search(before) or _TARGET_MET.match(text, end)
    )


_REASON = re.compile(
    r"\b(?:because|due to|owing to|as a result|as a consequence|result(?:s|ed)? (?:in|from)"
    r"|(?:led|lead|leads|leading) to|caused by|driven by|attributed to|in order to|so that"
    r"|given (?:that|the)|on the grounds|reasons?|cited?|citing"
    r"|as (?:this|that|it|they|there|these|those) (?:would|was|were|is|are|had|has|could|did"
    r"|will|may|might)"
    r"|following (?:a |the )?(?:changes?|decisions?|reviews?|concerns?))\b",
    re.IGNORECASE,
)
"""The words that give a reason ("because", "due to", "as this would not allow …",
"residents cite …", "following changes in …"): what a "why" question asks for."""


def states_reason(text: str) -> bool:
    """The sentence gives a reason for something (`_REASON`)."""
    return bool(_REASON.search(text))


_SPEECH_SHOULD = re.compile(
    r"\s+(?:also\s+)?(?:be\s+)?(?:noted|note|aware|remembered|recognised|recognized"
    r"|emphasised|emphasized|stressed|highlighted|borne\s+in\s+mind|pointed\s+out"
    r"|mentioned|clarified|added|explained|reminded)\b",
    re.I,
)
""""Should" as a writer's modal of speech, not an aim: "it should be noted that …", "members
should be aware that …" say how to read what follows (converted k2-138)."""

SPEECH_SHOULD = True
"""A "should" of speech (`_SPEECH_SHOULD`) states no aim; off: every "should" did (a rule,
no constant: round 38's section as `AMOUNT_READING`'s, converted k2-138)."""


def _aim_word(text: str, m: re.Match[str]) -> bool:
    """The aim word `m` of `text` states an aim: not a target measured against
    (`_target_outcome`), not a "should" of speech (`_SPEECH_SHOULD`)."""
    word = m.group(0).lower()
    if word == "target":
        return not _target_outcome(text, m.start(), m.end())
    if word == "should" and SPEECH_SHOULD:
        return not _SPEECH_SHOULD.match(text, m.end())
    return True


def states_aim(text: str) -> bool:
    """The sentence states an aim or target ("the target is to return 18 units"), not a
    measured outcome against one ("16 achieved target (Green)") nor a "should" of speech
    ("it should be noted that …")."""
    return any(_aim_word(text, m) for m in _MODAL_TARGET.finditer(text))


_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)")


_DURATION_AFTER = re.compile(
    r"^\s*(?:working |calendar )?(?:days?|weeks?|months?|years?|hours?)\b", re.I
)


def figure_kinds(text: str, stated: Sequence[str] | None = None) -> frozenset[str]:
    """The kinds of figure a sentence states: "percent" (33.3%), "money" (£1.2m),
    "duration" (3 months) or "count" (a bare number, 4 million). `stated`: the text's
    `figures_in`, when the caller has read them already (a candidate has)."""
    kinds: set[str] = set()
    read = set(figures_in(text) if stated is None else stated)
    if not read:
        return frozenset()  # a kind is only ever of a figure read
    for m in _FIGURE.finditer(text):
        value = m.group(0)
        if value.strip() not in read:
            continue
        if re.search(r"%|per ?cent", value, re.I):
            kinds.add("percent")
        elif re.search(r"[£$€]", value):
            kinds.add("money")
        elif _DURATION_AFTER.match(text[m.end() : m.end() + 20]):
            kinds.add("duration")
        else:
            kinds.add("count")
    return frozenset(kinds)


def is_measure(figure: str) -> bool:
    """A rate or an amount (33.3%, £1.2m, 4 million) rather than a bare number."""
    return bool(re.search(r"[%£$€]|per ?cent|million|billion|thousand", figure, re.I))


TOPIC_WINDOW = 4
"""Words either side of a figure whose topic terms make it a figure *of the topic*."""


def figure_coverage(text: str, weights: Mapping[str, float], window: int = TOPIC_WINDOW) -> float:
    """How much of the question's topic the sentence's figures are figures *of*: the
    largest weighted share of topic terms standing within `window` words of one figure.
    "a total of 119 long-term empty properties" measures the topic; "NUE were awarded
    £2.5m under the Growing Places Fund" (properties named ten words on) does not, nor
    does "the debt … totalled £16.078m" much ("total" is the topic's commonest word).
    `weights` are the topic terms' weights (`term_weights`)."""
    total = sum(weights.values())
    if not total:
        return 0.0
    best = 0.0
    for near in _figure_neighbours(text, window):
        best = max(best, sum(w for t, w in weights.items() if near.held(t)) / total)
    return best


@once
def _figure_neighbours(text: str, window: int) -> tuple[Stems, ...]:
    """The stems of the `window` words either side of each figure the text states
    (`figure_coverage`), in the text's order: the text's own reading, kept per answer
    (`once`) while the weights vary (each scoring of the sentence asks, round 43)."""
    stated = set(figures_in(text))
    words = list(WORD.finditer(text))
    out = []
    for m in _FIGURE.finditer(text):
        if m.group(0).strip() not in stated:
            continue
        before = [w.group(0) for w in words if w.end() <= m.start()][-window:]
        after = [w.group(0) for w in words if w.start() >= m.end()][:window]
        out.append(stems_of(" ".join(before + after)))
    return tuple(out)


_UNDERTAKES = re.compile(
    r"(?<!\bto )\b(?:commits?|undertakes?) to\b|\bit is (?:therefore )?proposed (?:that|to)\b"
    r"|\b(?:following|next) (?:actions|steps) (?:would|will) be\b"
    r"|\bnext steps (?:are|will be|would be)\b",
    re.IGNORECASE,
)
"""Decisions stated as what someone will do: a commitment in the present tense ("Officers
commit to monitor these channels …", "… and undertake to publish the results"; not the
infinitive "willing to commit to", which states a condition) and a report's proposal ("It
is proposed that progress … remains owned and monitored by each Directorate", "it is
proposed to transfer …"), the recommendation the minutes then resolve. "Who will do it"
is answered by them as by an "ACTION:" line (a kind of line, no constant: eval/README.md
"Decisions stated as a commitment or a proposal, round 27"). Also a lead-in announcing what
will be done ("Should the Committee approve …, the following actions would be undertaken:",
"the next steps are:"): its items, the next passages, are the steps (round 28)."""


def is_action(text: str) -> bool:
    """A sentence that records an action, resolution, agreement, commitment or proposal."""
    folded = _folded(text)
    return bool(
        ACTION_LINE.search(text)
        or _found(_RESOLVED, _RESOLVED_WORDS, text, folded)
        or _found(_AGREED, _AGREED_WORDS, text, folded)
        or _found(_UNDERTAKES, _UNDERTAKES_WORDS, text, folded)
    )


# Words one of which every match of a case-blind pattern holds (each alternative of the
# pattern names one), so a sentence holding none is not scanned by it: a sentence is read
# for these patterns once per answer, and scanning it for dozens of alternatives at every
# position was most of that reading (round 43). The patterns decide as before; a word list
# only rules a pattern out. Kept beside the patterns they read: a new alternative needs
# its word here (tests/library/test_read_once_r43.py reads each alternative's words from
# the pattern and fails if none is listed).
_RESOLVED_WORDS = ("resolve", "decision")
_AGREED_WORDS = (
    "agreed", "undertook", "asked to", "would", "report", "moved", "carried", "decided",
    "voted", "motion", "unanimously", "duly", "approved", "adopted", "endorsed",
)  # fmt: skip
_UNDERTAKES_WORDS = ("commit", "undertake", "proposed", "action", "step")
_NOTED_WORDS = ("note",)
_PROCEDURAL_WORDS = (
    "record", "minutes", "apologies", "declar", "meeting", "link to the", "http", "www.",
    "click here", "web",
)  # fmt: skip
_CASE_BLIND = str.maketrans({"\u0131": "i", "\u017f": "s"})


def _folded(text: str) -> str:
    """The text lower-cased as `re.IGNORECASE` reads an ASCII letter: besides a letter's
    cases it takes "İ" and "ı" for "i" and "ſ" for "s" (and the Kelvin sign, which
    `str.lower` makes "k")."""
    if text.isascii():
        return text.lower()
    return text.replace("\u0130", "i").lower().translate(_CASE_BLIND)


def _found(pattern: re.Pattern[str], words: Sequence[str], text: str, folded: str) -> bool:
    """`pattern` (case-blind) finds a match in `text`; `folded` is `_folded(text)`, and
    `words` those one of which every match holds."""
    return any(w in folded for w in words) and bool(pattern.search(text))


NOTED_DECIDES = True
"""A line noting a report is housekeeping (`is_procedural`), but to a question asking
what was resolved or decided, a resolution noting the report on the question's topic
("RESOLVED that the County Council notes the report and associated Member
responsibilities as corporate parents") is the decision: it is not penalised there and
may be an action line (`noted_only`; a rule, no constant: eval/README.md "Evidence on
list and action questions, round 19")."""


def noted_only(text: str) -> bool:
    """Housekeeping only as a noted report (`_NOTED`, nothing else decided), not the
    meeting's own business (minutes, apologies, interests, its time, web links): for an
    action question holding its topic, such a line answers (`NOTED_DECIDES`)."""
    return NOTED_DECIDES and is_procedural(text) and not _PROCEDURAL.search(text)


def is_procedural(text: str) -> bool:
    """Meeting housekeeping (minutes approved, apologies, interests declared, a report
    noted and nothing else decided, the meeting's own time: extended, adjourned, closed)
    and web boilerplate ("This is the link to the Ofsted webpage"). "RESOLVED that …
    Council noted the report and agreed to have due regard to the contents when making
    decisions" is a decision."""
    folded = _folded(text)
    if _found(_NOTED, _NOTED_WORDS, text, folded) and not _found(
        _AGREED, _AGREED_WORDS, text, folded
    ):
        return True
    return _found(_PROCEDURAL, _PROCEDURAL_WORDS, text, folded)


_FUNCTION_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
     "the", "to", "with", "&", "vs", "per", "via"}
)  # fmt: skip


NAMES_IN_SENTENCES = True
"""A sentence whose words are mostly places or bodies is still a sentence when it opens as
one does (`_names_in_sentence`): "Drivers reroute primarily via Kingston Hill, Coombe
Road EB, Homersham Road, and Cambridge Road." was read as a list of names (two running
words), so no candidate held it and `read_back` stopped at it (eval/README.md "… round
35")."""


def _names_in_sentence(words: Sequence[str]) -> bool:
    """The words open as a sentence does and end it: a capitalised subject, then a running
    word that is no function word (its verb: "Drivers reroute …"), and a full stop, "!" or
    "?" at the end (a heading, a row or a list of names has none of these)."""
    if not NAMES_IN_SENTENCES or len(words) < 2 or words[-1][-1:] not in (".", "!", "?"):
        return False
    first, second = words[0], words[1].strip(",;:")
    return (
        first[:1].isupper() and first[1:2].islower() and second[:1].islower()
        and second.isalpha() and second not in _FUNCTION_WORDS
    )  # fmt: skip


def is_stray(text: str) -> bool:
    """A line that is no sentence: a heading, a list of names, a table's source line.

    Such lines have few words, or hardly any lower-case running text (names and titles
    are capitalised), or no letters to speak of (a row of figures)."""
    words = text.split()
    if len(words) < 5:
        return True
    alpha = [w for w in words if any(c.isalpha() for c in w)]
    if len(alpha) < 0.5 * len(words):
        return True
    lower = [w for w in alpha if w[0].islower()]
    running = [w for w in lower if w.strip(",;:.()") not in _FUNCTION_WORDS]
    if len(lower) < 0.3 * len(alpha) and len(running) < 3 and not _names_in_sentence(words):
        # Mostly capitalised: a heading or a list of names, unless it runs as a sentence
        # does ("Underspends are being reported in Children, Young People & Education …").
        return True
    return bool(re.match(r"^(?:source|sources|note|notes|figure|table|chart)\b\s*[:.]", text, re.I))


# -- votes -----------------------------------------------------------------------------

_COUNT = r"(?:\s+(?:unanimously|UNANIMOUSLY|by \d+ votes? to \d+|\(?\d+\s*[-\u2013/]\s*\d+\)?))?"
_NOUN = r"(?:motion|amendment|recommendations?|proposals?|resolution)"
_DECIDED = (
    r"(?:(?:was|were)\s+)?(?:(?:then|duly|therefore|declared|accordingly)\s+)*"
    r"(?:carried|lost|defeated|agreed|approved|adopted|rejected|fell|passed|not carried"
    r"|failed(?!\s+to\b))\b"
)
_OUTCOME = re.compile(
    rf"(?:\b(?:(?:The|This|That)\s+(?:(?:substantive|original|amended)\s+)?{_NOUN}"
    rf"|(?:Substantive|Original|Amended)\s+{_NOUN}"
    rf"|(?:Motion|Amendment|Recommendations?|Proposals?|Resolution))\s+{_DECIDED}"
    rf"|(?i:\bvot(?:e|ing)\b[^.]{{0,40}}?\b(?:the|this)\s+(?:substantive\s+)?{_NOUN}"
    rf"\s+{_DECIDED})"
    rf"|\bdeclared\s+the\s+(?:(?:substantive|original|amended)\s+)?{_NOUN}\s+"
    r"(?:(?:to\s+be|to\s+have\s+been)\s+)?(?:carried|lost|defeated|passed|adopted)\b"
    r"|(?<![\w/])(?:CARRIED|DEFEATED)(?![\w/])"
    r"|(?:^|(?<=[.:;)]\s)|(?<=\*\*))[ \t]*(?:LOST|Carried|Lost|Defeated)"
    r"(?=[ \t]*(?:[.;*\n]|$|unanimously|UNANIMOUSLY|\d))"
    r"|(?:^|(?<=[.:;)]\s))[ \t]*(?:Agreed|AGREED)(?=[ \t]+(?:unanimously|UNANIMOUSLY)\b))" + _COUNT,
    re.MULTILINE,
)
"""A line stating a vote's result: "Motion lost", "The amendment was defeated", "Motion
carried 5-0", "CARRIED 4/1", "Pomare/Ellery CARRIED", "**DEFEATED**", "Carried
unanimously", "Agreed unanimously." (Kent's line after a proposal put without a division:
"who voted against …?" is answered by it, round 47); an Irish chair's declaration ("The
Cathaoirleach declared the motion lost.") and a US board's "The motion failed by the
following vote" (round 51); not a motion's wording ("the amendment seeks to …", "the motion
failed to …") nor "it was agreed" (an action, quoted as one already)."""
_PROPOSAL = re.compile(
    r"(?i:\bproposed\b[^.]{0,120}?\bseconded\b"
    r"|\bmoved\s+by\b(?:[^.]|\b(?:Cllrs?|Crs?|Mrs?|Ms|Dr|[A-Z])\.){0,80}?\bseconded\b"
    r"|\bseconded by\b|\bmoved by\b)|\bMoved\b"
)
"""A motion or amendment put ("Mr Brady proposed, and Ms Meade seconded the motion",
"Motion by …, seconded by …", "**Moved:** Cr …"): another proposal than the one read. A
mover and seconder on consecutive lines ("Moved by: Councillor Bouchard" / "Seconded by:
Councillor MacLeod", as Canadian minutes print them) put one proposal, not two (round 51:
the second read as another motion's and the vote after it was never reached)."""
TALLY_SIDES = True
""""Who voted against …?" is answered from the "Against" count with its names, not from
the last count before the outcome ("Abstain (2) Mr Stepto, Ms Wright Motion carried"),
which Kent prints after the names asked for (eval/README.md "Attendance and votes as
minutes write them, round 45")."""
_SIDE = r"(?:For|Against|Abstain(?:ed)?|Abstentions?)"
"""A side of a vote as minutes label its count or names ("Against", "Abstentions")."""
_TALLY = re.compile(rf"\b{_SIDE}\s*(?:\(\d+\)|:\s*\d+)")
"""A vote's count heading its names ("Abstain (1) Mr Mallon"): quoted with the outcome."""
SHORTHAND_MOVERS = True
"""New Zealand's minutes write a motion's mover and seconder on its outcome's line
("Pomare/Ellery CARRIED"): the outcome is quoted with their names, the answer to "who
moved …?" (a defect fix, eval/README.md "Minutes from other countries, round 44")."""
_PAIR = r"(?<![\w/])(?:Crs?\.?\s+)?[A-Z][\w'\u2019-]+\s*/\s*(?:Crs?\.?\s+)?[A-Z][\w'\u2019-]+\s+"
"""A mover/seconder pair as New Zealand's minutes print it ("Pomare/Ellery ", "Cr Hira/Cr Ng ")."""
_MOVER_PAIR = re.compile(_PAIR + "$")
"""The pair just before an outcome the reading found (`outcome_after`)."""
_PAIR_OUTCOME = re.compile(_PAIR + r"(?:CARRIED|LOST|DEFEATED|Carried|Lost|Defeated)\b")
"""The pair with the outcome it names its mover and seconder on (`names_mover`)."""
_NAME_WORD = (
    r"(?!(?:The|That|This|These|It|There|A|An|In|On|At|For|Against|Abstain\w*)\b)"
    r"[A-Z][\w'\u2019-]*"
)
_NAMED_TALLY = re.compile(
    rf"\s+{_SIDE}\s*:\s*"
    r"(?:(?:Crs?|Cllrs?|Councillors?|Mr|Mrs|Ms|Dr)\.?\s+)?"
    rf"{_NAME_WORD}(?:\s+{_NAME_WORD})?"
    rf"(?:(?:,\s*|\s+and\s+)(?:(?:Crs?|Cllrs?|Mr|Mrs|Ms|Dr)\.?\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD})?)*"
)
"""A vote's tally by name after its outcome, as Australian minutes print it ("CARRIED 4/1"
/ "For: Crs Murray, Patel, Hughes and Lindqvist" / "Against: Cr Taylor"): quoted with the
outcome (`SHORTHAND_MOVERS`), up to the first word that is no name ("The meeting closed …")."""
ROLL_CALL_TALLIES = True
"""US and Canadian minutes record a vote by name on the sides' own labels, before or after
the outcome: "Motion carried by the following roll call vote:" / "AYES: Whitcomb, Baker,
Chen" / "NAYS: Ortega" / "ABSENT: Kline", "The motion failed by the following vote:" /
"AYES: Supervisors Becker, Moreno" / "NOES: …", "Recorded Vote: Yea: Bouchard, MacLeod
Nay: Tremblay, Fraser" / "DEFEATED". The outcome is quoted with them (`outcome_after`): the
sides after it up to the first word that is no name, and a labelled vote just before it in
its sentence from its label (round 51's r51-foreign7 Left (14); eval/README.md "…, round 52
(r52-foreign8 …)"). Off: the outcome alone."""
_ROLL_SIDE = r"(?:AYES|NOES|NAYS|YEAS?|Ayes|Noes|Nays|Yeas?|Nay|NAY)"
"""A side of a roll-call vote as US and Canadian minutes label it."""
_ROLL_CALL_TITLE = (
    r"(?:(?:Supervisors?|Councilmembers?|Council\s+Members?|Councillors?"
    r"|Deputy\s+Mayor|Mayor|Vice\s+Chair|Chair|Crs?|Cllrs?|Mr|Mrs|Ms|Dr)\.?\s+)"
)
_ROLL_CALL_NAME = rf"(?!(?:{_ROLL_SIDE}|ABSENT|Absent|ABSTAIN\w*)\s*:){_NAME_WORD}"
"""A name of a roll-call side's, not the next side's label ("Ortega NAYS: …")."""
_ROLL_NAMES = (
    rf"{_ROLL_CALL_TITLE}?{_ROLL_CALL_NAME}(?:\s+{_ROLL_CALL_NAME})?"
    rf"(?:(?:,\s*|\s+and\s+){_ROLL_CALL_TITLE}?{_ROLL_CALL_NAME}(?:\s+{_ROLL_CALL_NAME})?)*"
)
_ROLL_CALL_TALLY = re.compile(
    rf"\s+(?:{_ROLL_SIDE}|ABSENT|Absent|ABSTAIN(?:ED|ING)?)\s*:\s*{_ROLL_NAMES}"
)
"""A roll-call side with its names after the outcome ("AYES: Supervisors Becker, Moreno",
"NAYS: None", "ABSENT: Kline"): an absence or abstention only after a side
(`_ROLL_CALL_FIRST`)."""
_ROLL_CALL_FIRST = re.compile(rf"\s+{_ROLL_SIDE}\s*:\s*{_ROLL_NAMES}")
_BY_THE_VOTE = re.compile(
    r"\s+by\s+the\s+following\s+(?:roll[ -]call\s+|recorded\s+)?vote\s*:?(?=\s+"
    + _ROLL_SIDE
    + r"\s*:)",
    re.IGNORECASE,
)
"""The words between an outcome and its roll call ("… carried by the following roll call
vote:"), read on to only where a side follows."""
_VOTE_LABELLED = re.compile(
    r"\b(?:Recorded|Roll[ -][Cc]all|RECORDED|ROLL[ -]CALL)\s+(?:Vote|VOTE)\s*:"
    rf"|\b{_ROLL_SIDE}\s*:"
)
"""A vote by name labelled before its outcome ("Recorded Vote: Yea: …", "AYES: …")."""
MOTION_PASSAGE = re.compile(r"(?i)\bmotions?\b|\bamendments?\b|\bseconded\b|\bmoved\b")
"""A passage about a motion or amendment: where an outcome question's answer reads on."""


_SIDE_LABELS = {
    "Against": r"NAYS?|NOES|Nays?|Noes|AGAINST|Against",
    "For": r"AYES|YEAS?|Ayes|Yeas?|FOR|For",
    "Abstain": r"ABSTAIN(?:ED|ING|S)?|Abstain(?:ed|ing|s)?|ABSTENTIONS?|Abstentions?",
}
"""The labels a side of a vote by name is printed under, by the side a question asks for
(`asked_tally`): a roll call's "NAYS:" / "NOES:" / Canadian "Nay:" for those against, "AYES:"
/ "Yea:" for those for, and an Australian tally's "Against: Cr Taylor" / "For: …"."""
_SIDE_NAMED = {
    side: re.compile(rf"\b(?:{labels})\s*:\s*(?:None\b|{_ROLL_NAMES})")
    for side, labels in _SIDE_LABELS.items()
}


def side_named(text: str, side: str) -> tuple[int, int] | None:
    """The span of the first side of a vote by name that `side` asks for (`asked_tally`:
    "Against") in `text`, its label with its names ("NAYS: Whitcomb, Baker", "NOES:
    Supervisors Liu, Ochoa", "Nay: Tremblay, Fraser", "NAYS: None"), up to the next label
    or the first word that is no name; None when the text names none. A count with no names
    ("Against (6)", "For: 47") is not one."""
    pattern = _SIDE_NAMED.get(side)
    found = pattern.search(text) if pattern is not None else None
    if found is None:
        return None
    end = found.end()
    if outcome := _OUTCOME.search(text, found.start(), end):
        end = outcome.start()  # "Nay: Tremblay, Fraser DEFEATED": the outcome is no name
    return found.start(), len(text[:end].rstrip())


_SIDE_BEFORE = re.compile(rf"\b{_ROLL_SIDE}\s*:\s*(?:None\b|{_ROLL_NAMES})\s*$")
"""A roll-call vote's side with its names ending where a line after it begins ("… NAYS:
Patel" before "ABSENT: Moss")."""


def of_a_vote(c: Candidate) -> bool:
    """The roll is a side of a roll-call vote, not the meeting's roll: it follows a side's
    label and names in its passage ("AYES: Ferris, Ruiz, Brooks NAYS: Patel ABSENT: Moss",
    `ROLL_CALL_TALLIES`), as US and Canadian minutes record who was away for that vote
    (`answering.VOTE_ROLLS_LAST`)."""
    return bool(_SIDE_BEFORE.search(c.hit.text, max(0, c.start - 300), c.start))


def names_mover(text: str) -> bool:
    """The text names a motion's mover or seconder: "Moved: Cr Nguyen", "Motion by …,
    seconded by …", "Mr Brady proposed, and Ms Meade seconded", "Pomare/Ellery CARRIED",
    Irish minutes' "On the proposal of Cllr. Kinsella" and "Cllr. Flanagan moved the following
    motion" (round 51)."""
    return bool(
        _PROPOSAL.search(text)
        or re.search(
            r"(?i)\bseconded\b|\b(?:proposed|motion) by\b|\bon the proposal of\b"
            r"|\b(?:moved|proposed)\s+(?:the\s+(?:following\s+)?(?:motion|amendment)|that)\b",
            text,
        )
        or SHORTHAND_MOVERS and _PAIR_OUTCOME.search(text)
    )  # fmt: skip


_VOTE_RECORD = re.compile(
    rf"\b(?:{_SIDE}|FOR|AGAINST|ABSTAIN(?:ED)?|ABSTENTIONS?|{_ROLL_SIDE})\s*(?:\(\d+\)|:)"
    r"|\b(?:For|Against)\s+the\s+(?:motion|amendment|recommendations?)\s*\(\d+\)"
    r"|(?i:\bunanimous(?:ly)?\b|\bnem(?:ine)?\.?\s+con\b|\bwithout\s+dissent\b"
    r"|\b(?:carried|lost|defeated|agreed|approved|passed)\s+(?:by\s+\d+\s+votes?\s+to\s+\d+"
    r"|\(?\d{1,3}\s*[-\u2013/]\s*\d{1,3}\b)"
    r"|\bvot(?:ed|es)\s+against\b"
    r"|\b(?:his|her|their)\s+(?:votes?\s+(?:for|against|in\s+favour)|abstentions?)\b"
    r"|\babstained\b|\bdeclined\s+to\s+vote\b|\bdid\s+not\s+vote\b)"
)
"""A vote recorded by side: a side's count or names ("Against (6)", "For: Crs Murray, …",
"Ayes: …", "For the motion (5) - …"; Canadian "Yea: … Nay: …" since round 52), a count on
the outcome ("Motion carried 5-0", "CARRIED 4/1", "carried by 7 votes to 2"), a member's
own vote ("Rich Lehmann wished for it to be recorded in the minutes that he voted against",
"Councillors Marsh and Pomare asked that their votes against be recorded", "Cllr Shaw
abstained") or unanimity ("Agreed unanimously", "Voting: unanimous", "nem. con."), which
says who voted against (no one). Not a vote recorded without its sides: "voted on and
carried", "it was agreed", "RESOLVED that"."""


def records_vote(text: str) -> bool:
    """The text records how a vote went by side, count, name or unanimity (`_VOTE_RECORD`):
    what a question asking who voted on a side is answered from (`answering.VOTE_RECORDED`)."""
    return bool(_VOTE_RECORD.search(text))


def decided_item(hits: Sequence[Hit], thing: str) -> bool:
    """One of `hits` is an agenda item the archive titles by `thing` (its title holds every
    content term of it: "Sidewalk Cafe Permit Program" for "the sidewalk cafe permit
    program"; since round 55 its title or its motion's own words, `MOTION_WORDS`) and whose
    passage records a vote or states its outcome (`records_vote`, `outcome_stated`): the
    minutes name `thing` as a decision (`temporal.FATES`)."""
    terms = content_terms(thing)
    if not terms:
        return False
    return any(
        (title := h.citation.item_title)
        and all(_names_act(_named_by(title, h.text), t) for t in terms)
        and (records_vote(h.text) or outcome_stated(h.text) is not None)
        for h in hits
    )


MOTION_WORDS = True
"""An item a question asks the fate of is named by its title and by its motion's own words
(the sentences naming a mover, `names_mover`), each word in any form the analyser joins
(`indexer.text.Stems.held`: "reduction" held by "reduce", one stem beginning the other):
"what happened to the cannabis cultivation tax reduction?" against "CANNABIS CULTIVATION
TAX RATE" and "Motion by Supervisor Becker, seconded by Chair Moreno, to reduce the tax
rate as recommended" stayed a course, no title holding "reduction" (round 54's
r54-foreign10 Left (d); eval/README.md "…, round 55 (r55-foreign11 …)"). A rule, no
constant. Off: the title alone."""


MOTION_NOUNS = True
"""An item a question asks the fate of by an act's noun is named by its motion's verb, where
the analyser's stems keep the two apart ("closur" / "close", "extens" / "extend",
"abolit" / "abolish"; `indexer.text.act_verbs`, WordNet's `noun.act` nouns and the verbs
their derivational pointers name, generated by `eval.derived_forms`): "what happened to the
Birch Lane closure?" against "3.b Petition to Close Birch Lane to Through Traffic" and
"Motion by Councilmember Adeyemi, …, to close Birch Lane" stayed a course, no title or
motion holding "closure" (round 56's r56-foreign12 Left (a); eval/README.md "…, round 57
(r57-foreign13 …)"). A rule and a generated list, no constant, no hand list of endings or
words. Off: the noun's own stem alone (`MOTION_WORDS`' prefix rule)."""


ACT_VERB_TERMS = True
"""An act's verb (`MOTION_NOUNS`) names an item by its own term, as the analyser gives every
form of it ("close", "closed", "closing"; "sell", "sold"), not by the prefix rule
(`Stems.held`) the noun's own stem is read by: through the prefix rule a pair WordNet keeps
("commission" → "commit") met words of other roots the verb's term begins ("committe" of
"Committee", "commitment"), so "what happened to the commission …?" could read an item
titled "… Committee …" as its own (round 57's r57-foreign13 Left (a); eval/README.md "…,
round 58 (r58-foreign14 …)"). A rule, no constant. Off: the prefix rule."""


def _names_act(named: Stems, term: str) -> bool:
    """The terms an item is named by hold `term`, or a verb it is the act's noun of
    (`MOTION_NOUNS`; by the verb's own term, `ACT_VERB_TERMS`)."""
    if named.held(term):
        return True
    if not MOTION_NOUNS:
        return False
    if ACT_VERB_TERMS:
        return any(v in named for v in act_verbs(term))
    return any(named.held(v) for v in act_verbs(term))


def _named_by(title: str, text: str) -> Stems:
    """The terms an item is named by (`decided_item`): its title's and, under
    `MOTION_WORDS`, those of its passage's sentences naming a mover."""
    named = stems_of(title)
    if not MOTION_WORDS:
        return named
    moved = " ".join(s.text for s in split_sentences(text) if _moved(s, text))
    return named | stems_of(moved) if moved else named


MOTION_UNDER_LINES = True
"""A motion whose movers stand on lines of their own, directly before or after it ("THAT
Council … / Moved by: Councillor Nakamura / Seconded by: Councillor Lindgren", "That Council
sell Lot 12 Railway Parade … / Moved Cr Byrne Seconded Cr Madden": `mover_lines_after`,
`mover_lines_before`), names its item by its own words as a sentence naming its mover does
(`MOTION_WORDS`): the motion names no mover itself, so "what happened to the sale of Lot 12
Railway Parade?" against "9.2 Lot 12 Railway Parade - Offer to Purchase" and "That Council
sell Lot 12 …" stayed a course (round 57's r57-foreign13 Left (d) and (a); eval/README.md
"…, round 58 (r58-foreign14 …)"). A rule, no constant. Off: the sentences naming a mover
alone."""


def _moved(s: Sentence, text: str) -> bool:
    """The sentence is a motion's own words (`_named_by`): it names a mover, or its mover
    lines stand directly before or after it (`MOTION_UNDER_LINES`)."""
    if names_mover(s.text):
        return True
    return MOTION_UNDER_LINES and (
        mover_lines_after(text, s.end) is not None or mover_lines_before(text, s.start) is not None
    )


def mover_lines_before(text: str, start: int) -> int | None:
    """Where the motion's mover lines standing directly before `start` begin: the run of
    stray pieces (`_pieces`: lines of names and labels, no sentence) naming a mover or
    seconder (`_MOVER_LINE`, `names_mover`: a Canadian township's "Moved by: Councillor
    Bouchard" / "Seconded by: Councillor MacLeod" before "THAT Council opt out …"), with
    nothing but white space between; None when none stands there
    (`answering.MOVER_LINES_READ_BACK`)."""
    return _mover_run(text, start, forward=False)


def mover_lines_after(text: str, end: int) -> int | None:
    """Where the motion's mover lines standing directly after `end` end: the run of stray
    pieces (`_pieces`) naming a mover or seconder (`_MOVER_LINE`, `names_mover`) with nothing
    but white space between, as North American and Australian minutes print them under the
    motion ("THAT Council award the tender … / Moved by: Councillor Nakamura / Seconded by:
    Councillor Lindgren / CARRIED", "That Council sell Lot 12 … / Moved Cr Byrne Seconded Cr
    Madden / CARRIED 5/0"); None when none stands there. The converse of
    `mover_lines_before` (`answering.MOVER_LINES_READ_ON`)."""
    return _mover_run(text, end, forward=True)


def _mover_run(text: str, at: int, forward: bool) -> int | None:
    """The far edge of the run of mover pieces standing directly after `at` (`forward`) or
    before it, each joined to the last by white space alone; None when the first piece that
    way is none. One walk for `mover_lines_after` and `mover_lines_before`."""
    pieces = _pieces(text, False)[0]
    edge = None
    for x, y, _key, stray in pieces if forward else reversed(pieces):
        near, far = (x, y) if forward else (y, x)
        if (near < at) if forward else (near > at):
            continue
        gap = text[at:near] if forward else text[near:at]
        if gap.strip() or not stray:
            break
        piece = text[x:y]
        if not (_MOVER_LINE.search(piece) or names_mover(piece)):
            break
        edge = at = far
    return edge


NUMBERED_MOTIONS = True
"""A question naming a motion by its own number ("what did resolution 2016-045 decide?",
"Motion No. 12", "Res. #123-18", "council resolution 041/18") is answered by the motion that
number labels in the minutes (`numbered_motion`: "Resolution 2016-045" on a line of its own
over "THAT Council award the tender …", "COUNCIL RESOLUTION 041/18 That Council reduce
…"): the number is no content term and the label's line is stray, so the answer quoted
whichever motion scored best ("THAT the agenda … be adopted as presented"; round 57's
r57-foreign13 Left (e); eval/README.md "…, round 58 (r58-foreign14 …)";
`answering._numbered_first`). A rule, no constant. Off: scored as any sentence."""
_MOTION_NUMBER_LABEL = r"(?:resolution|motion|res\.?)\s*(?:no\.?\s*|number\s+)?#?\s*"
"""A motion's label before its number ("Resolution", "Motion No.", "Res. #")."""
_ASKED_MOTION_NUMBER = re.compile(rf"(?i)\b{_MOTION_NUMBER_LABEL}(\d+(?:[-/.]\d+)*)(?![\w/-])")
"""A motion named by its number in a question ("resolution 2016-045", "Res. #123-18")."""


BARE_MOTION_NUMBERS = True
"""A question naming a motion by its number without its label ("what did 2016-045 decide?",
"what was 041/18 about?") is read as one naming it with its label (`NUMBERED_MOTIONS`): a
number of two or more parts joined by "-" or "/", the shape minutes number their motions
in; the number was no content term and no motion was lifted, so the answer quoted whichever
scored best, or none (round 58's r58-foreign14 Left (b); eval/README.md "…, round 59
(r59-foreign15 …)"). Only a motion its passage labels with that number is lifted
(`numbered_motion`), so a year range ("2024-25") or a planning reference ("25/01234/FUL")
names none where the minutes label no motion so. A rule, no constant. Off: a labelled
number only."""
_BARE_MOTION_NUMBER = re.compile(r"(?<![\w/.$£€-])#?(\d+(?:[-/]\d+)+)(?![\w/-])")
"""A number of a motion's shape standing alone in a question ("2016-045", "#041/18")."""


def asked_motion_number(question: str) -> str | None:
    """The number a question names a motion by (`NUMBERED_MOTIONS`), its label's first
    (`BARE_MOTION_NUMBERS`: else a number of a motion's shape), or None."""
    if not NUMBERED_MOTIONS:
        return None
    m = _ASKED_MOTION_NUMBER.search(question)
    if m is None and BARE_MOTION_NUMBERS:
        m = _BARE_MOTION_NUMBER.search(question)
    return m.group(1) if m else None


MINUTE_NUMBERS = True
"""A question naming a minute by its number ("what did minute 285 decide?", "minute 41.4",
"Minute No. 101/15") is answered from the agenda item or paragraph that number is stored
under (`of_minute`: Kent's "285. English Devolution White Paper" is item 285, a ModernGov
dump's "41.4" paragraph 41.4), as a motion named by its number is (`NUMBERED_MOTIONS`,
`answering._numbered`): the number was no content term, so the answer quoted whichever
sentence scored best, or none (round 58's r58-foreign14 Left (b); eval/README.md "…, round
59 (r59-foreign15 …)"). A rule, no constant. Off: scored as any sentence."""
_ASKED_MINUTE = re.compile(
    r"(?i)\bminute\s+(?:no\.?\s*|number\s+)?#?\s*(\d+(?:[./]\d+)*)(?![\w/-])"
)
"""A minute named by its number in a question ("minute 12", "Minute No. 101/15")."""


def asked_minute(question: str) -> str | None:
    """The number a question names a minute by (`MINUTE_NUMBERS`), or None."""
    m = _ASKED_MINUTE.search(question) if MINUTE_NUMBERS else None
    return m.group(1) if m else None


def of_minute(c: Candidate, number: str) -> bool:
    """The candidate stands in the minute `number` names (`MINUTE_NUMBERS`): its passage's
    agenda item or paragraph is stored under that number."""
    cited = c.hit.citation
    return not c.roll and number in (cited.item, cited.paragraph)


def _motion_label(number: str) -> re.Pattern[str]:
    """A motion's label with `number` ("Resolution 2016-045", "COUNCIL RESOLUTION 041/18")."""
    return re.compile(rf"(?i)\b{_MOTION_NUMBER_LABEL}{re.escape(number)}(?![\w/-])")


def motion_label_at(text: str, number: str) -> int | None:
    """Where the sentence of `text` holding a motion's label with `number` begins
    (`_motion_label`: "… from 1 May 2018. COUNCIL RESOLUTION 041/18 That Council …": at
    "COUNCIL"), or None when it holds none."""
    m = _motion_label(number).search(text)
    if m is None:
        return None
    ends = [e.end() for e in re.finditer(r"[.!?]\s+", text[: m.start()])]
    return ends[-1] if ends else 0


def numbered_motion(c: Candidate, number: str) -> bool:
    """The candidate is the motion `number` labels in its passage (`NUMBERED_MOTIONS`): its
    sentence holds the label and number ("COUNCIL RESOLUTION 041/18 That Council …"), or is
    the first running sentence after a stray line holding them ("Resolution 2016-045" /
    "THAT Council award …"), with nothing but white space between."""
    if c.items or c.roll or is_stray(c.text):
        return False
    text = c.hit.text
    for m in _motion_label(number).finditer(text):
        if c.start <= m.start() < c.end:
            return True
        if m.end() <= c.start:
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end < 0 else line_end
            begin = mover_lines_before(text, c.start) or c.start  # "Moved by: …" between
            if line_end <= begin and not text[line_end:begin].strip():
                return not text[m.end() : line_end].strip()
    return False


def motion_over_movers(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """The last motion within `text[start:end]` whose mover lines stand directly after it
    and end within it (`mover_lines_after`), as (the motion's start, its end, its mover
    lines' end); None when the slice holds none. The motion is the run of running pieces
    of one sentence ending where its mover lines begin: a stray line before it ("Resolution
    2016-045", "COUNCIL RESOLUTION 041/18") or the sentence before ends it
    (`answering.MOTION_OVER_MOVERS`)."""
    pieces = _pieces(text, False)[0]
    found = None
    for i, (x, y, _key, stray) in enumerate(pieces):
        if stray or x < start or y > end:
            continue
        after = mover_lines_after(text, y)
        if after is None or after > end:
            continue
        opening = next(s.start for s in split_sentences(text) if s.start <= x < s.end)
        first = i
        while (
            first > 0 and not pieces[first - 1][3]
            and max(start, opening) <= pieces[first - 1][0]
        ):  # fmt: skip
            first -= 1
        x = pieces[first][0]
        label = _LABEL_BEFORE_MOTION.match(text, x, y)
        found = (label.end() if label else x, y, after)
    return found


_LABEL_BEFORE_MOTION = re.compile(
    rf"(?i:(?:\w+\s+)?{_MOTION_NUMBER_LABEL})\d\S*\s+(?=(?:That|THAT)\s)"
)
"""A motion's label and number in its own sentence, before its "That" ("COUNCIL RESOLUTION
041/18 That Council reduce …"): no words of the motion (`motion_over_movers`)."""


def proposes(text: str) -> bool:
    """The text puts a motion or amendment (`_PROPOSAL`)."""
    return bool(_PROPOSAL.search(text))


def outcome_stated(text: str, sides: int = 0) -> tuple[int, int] | None:
    """The span of the first vote outcome (`_OUTCOME`) a quote states, from the start of
    its sentence when the outcome's words open lower-case ("… For 3, Against 5. The
    Cathaoirleach declared the motion lost": the declaration), else from the outcome itself
    ("… from 1 November 2019. Lost.": "Lost"); None when it states none. The answer's
    opening line states it (`answering.OUTCOME_IN_LEAD`). `sides`: from a vote by name
    labelled just before the outcome in its sentence when the whole stays within `sides`
    words (`SIDES_BEFORE_OUTCOME`: "Recorded Vote: Yea: … Nay: … DEFEATED")."""
    m = _OUTCOME.search(text)
    if m is None:
        return None
    begin = m.start() + len(m.group()) - len(m.group().lstrip())
    if text[begin].islower():
        ends = [e.end() for e in re.finditer(r"[.!?:;]\s", text[: m.start()])]
        begin = ends[-1] if ends else 0
    elif SIDES_BEFORE_OUTCOME and sides:
        ends = [e.end() for e in re.finditer(r"[.!?]\s", text[: m.start()])]
        begin = _sides_before(text, ends[-1] if ends else 0, begin, m.end(), sides)
    return begin, _roll_call_end(text, m.end())


SIDES_BEFORE_OUTCOME = True
"""The outcome an answer's opening line states (`answering.OUTCOME_IN_LEAD`) is read from
the vote by name labelled just before it ("Recorded Vote: Yea: Doyle, Osei Nay: Lavoie,
Lindgren, Nakamura DEFEATED", `_VOTE_LABELLED`), as `outcome_after` quotes it: Canadian
minutes print the recorded vote under the motion's mover lines, and where the chunker put
it in the passage after them the line opened on "DEFEATED" alone, the sides left to the
quotes (round 58's r58-foreign14 Left (c); eval/README.md "…, round 59 (r59-foreign15 …)").
The sides after an outcome were read already (`_roll_call_end`). A rule, no constant (the
words are the line's own). Off: the outcome alone."""


def _sides_before(text: str, low: int, begin: int, end: int, words: int) -> int:
    """Where a vote by name labelled in `text[low:begin]`, before an outcome ending at
    `end`, begins (`_VOTE_LABELLED`: "Recorded Vote: Yea: …", "AYES: …"), when the whole
    stays within `words` words; else `begin` (`ROLL_CALL_TALLIES`)."""
    vote = _VOTE_LABELLED.search(text, low, begin) if ROLL_CALL_TALLIES else None
    if vote is not None and len(WORD.findall(text[vote.start() : end])) <= words:
        return vote.start()  # "Recorded Vote: Yea: … Nay: … DEFEATED"
    return begin


def outcome_after(
    text: str, start: int, skip: bool, words: int, side: str = ""
) -> tuple[int, int] | bool:
    """The span of the first vote outcome (`_OUTCOME`) in `text` from `start`, quoted
    from the last count before it in its sentence ("Abstain (1) Mr Mallon Motion lost")
    when that stays within `words` words; True when another proposal comes first (its
    outcome is not the one asked for: stop reading), False when the text holds neither.
    `skip`: the first proposal is the read motion's own (a heading was quoted, the
    motion's "proposed … seconded" comes after it). `side` ("Against", `asked_tally`): the
    quote opens on that side's count when the sentence gives one ("Against (6) Mrs Dean, …
    Abstain (2) … Motion carried"), not on the last count (round 45)."""
    proposals = [m.start() for m in _PROPOSAL.finditer(text, start)][1 if skip else 0 :]
    m = _OUTCOME.search(text, start)
    if m is None or (proposals and proposals[0] < m.start()):
        return bool(proposals)
    begin = m.start() + len(m.group()) - len(m.group().lstrip())
    ends = [e.end() for e in re.finditer(r"[.!?]\s", text[start : m.start()])]
    low = start + ends[-1] if ends else start
    if text[begin].islower() and len(WORD.findall(text[low : m.end()])) <= words:
        begin = low  # "On being put to the vote, the motion was carried": the sentence
    tallies = list(_TALLY.finditer(text, low, m.start()))
    asked = [t for t in tallies if TALLY_SIDES and side and t.group().startswith(side)]
    if asked and len(WORD.findall(text[asked[-1].start() : m.end()])) <= words:
        tallies = asked
    if tallies and len(WORD.findall(text[tallies[-1].start() : m.end()])) <= words:
        begin = tallies[-1].start()
    elif SHORTHAND_MOVERS and (pair := _MOVER_PAIR.search(text, low, begin)):
        begin = pair.start()  # "Pomare/Ellery CARRIED": the names are the line's
    else:
        begin = _sides_before(text, low, begin, m.end(), words)
    end = m.end() + (text[m.end() : m.end() + 1] in (".", "!"))  # its full stop, as quotes keep
    while SHORTHAND_MOVERS and (named := _NAMED_TALLY.match(text, end)):
        end = named.end()  # "CARRIED 4/1 For: Crs Murray, … Against: Cr Taylor"
    return begin, _roll_call_end(text, end)


def _roll_call_end(text: str, end: int) -> int:
    """Where an outcome ending at `end` ends with the roll call after it ("… by the
    following vote: AYES: … NOES: …", `ROLL_CALL_TALLIES`): `end` when none follows."""
    if not ROLL_CALL_TALLIES:
        return end
    at = by.end() if (by := _BY_THE_VOTE.match(text, end)) else end
    if _ROLL_CALL_FIRST.match(text, at):
        while named := _ROLL_CALL_TALLY.match(text, at):
            end = at = named.end()
    return end


@dataclass(frozen=True)
class Candidate:
    """A sentence of a top passage that an answer may quote: a verbatim slice."""

    hit: Hit
    rank: int
    """Its passage's place among the hits, from 0."""
    start: int
    end: int
    """`text` is `hit.text[start:end]`."""
    text: str
    figures: tuple[str, ...]
    """The figures it states (`figures_in`)."""
    action: bool
    """It records an action, resolution or agreement (`is_action`)."""
    procedural: bool
    """Meeting housekeeping (`is_procedural`)."""
    dated: bool
    """It names a day ("21 November"), a month or season with its year, or a year."""
    named: bool
    """It names someone (a title or post such as "Cllr", "Director", or two capitalised
    words in a row), or carries an "ACTION: <owners>" line."""
    target: bool
    """It states an aim or a target (`states_aim`), not an outcome."""
    kinds: frozenset[str] = frozenset()
    """The kinds of figure the sentence states (`figure_kinds`)."""
    items: int = 0
    """For a whole list (a lead-in with its items, `list_blocks`), how many items it
    quotes; 0 for a sentence."""
    roll: bool = False
    """An attendance list under its label ("Present: Mayor Johnson, Councilmembers …"),
    a candidate only for a question asking who attended (`asks_attendance`)."""


BACK_REFERENCE = re.compile(
    r"^(?:(?:This|These|Those|Such|Its|They|Their|He|She|His|Her)\b"  # not "That the …"
    r"|It\b(?!\s+(?:is|was|has been|had been|would be|will be)\b)"  # not "It was agreed"
    r"|(?:Since|After|Following|Before) (?:this|that|then)\b|However\b|But\b|Therefore\b"
    r"|Thus\b|As a result\b|Consequently\b|Despite this\b|In addition\b|Furthermore\b"
    r"|Moreover\b|Also\b)"
)
"""A sentence that opens by pointing back ("This represents …", "Since this time, birth
numbers have fallen …", "However, …"): read alone it does not say what it is about."""

POINTING_OPENERS = True
"""A sentence whose opening phrase points back before its first comma is a back-reference
too (`_POINTING_OPENER`): "To address this, the Manorgate Road residents ask …" was quoted
without "Residents cite conflict between road users …", the sentence it answers
(eval/README.md "… round 35")."""
_POINTING_OPENER = re.compile(
    r"^(?:(?:In response|As such|In turn|Instead|Similarly|Likewise|Nevertheless|Hence"
    r"|Accordingly|Additionally|Conversely|Otherwise|Meanwhile),"
    r"|[A-Z][a-z]*(?:\s+[a-z]+){0,3}?\s+(?:(?:this|these|those)(?:\s+[a-z]+)?|that\s+[a-z]+),)"
)
"""A connective and its comma ("In response, …", "Instead, …"), or an opening phrase of up
to five words that ends on "this", "these" or "those" (perhaps with its noun) or "that"
with its noun, then a comma: "To address this, …", "In light of these concerns, …", "For
that reason, …"; not "It was agreed that, …" (a conjunction's "that")."""


def points_back(text: str) -> bool:
    """`text` opens by pointing back to the sentence before it (`BACK_REFERENCE`, or
    `_POINTING_OPENER` under `POINTING_OPENERS`)."""
    return bool(BACK_REFERENCE.match(text) or (POINTING_OPENERS and _POINTING_OPENER.match(text)))


def antecedent(text: str, start: int) -> int | None:
    """Where the sentence before the one at `start` begins, when the sentence at `start`
    opens with a back-reference (`BACK_REFERENCE`) and the one before it is a running
    sentence of the same passage (`read_back`): quoting both makes the quote say what
    "this" is. Else None."""
    if not points_back(text[start:]):
        return None
    return read_back(text, start)


def read_back(text: str, start: int) -> int | None:
    """Where the sentence before the one at `start` begins, when it is a running sentence
    of the same passage (not a heading or a stray line, nothing but white space between,
    no emphasis markers, not a list's lead-in, not housekeeping such as the minutes'
    approval). Else None.

    The converse of `read_on`: minutes may state the answer first and name the topic in
    the question's words after it ("… the level of churn in the social worker workforce was
    a serious issue." before "The council was very reliant on agency workers …")."""
    before = [s for s in split_sentences(text) if s.end <= start]
    if not before:
        return None
    prev = before[-1]
    if text[prev.end : start].strip() or is_stray(text[prev.start : prev.end]):
        return None
    if _EMPHASIS.search(text, prev.start, start) or LIST_LEAD.search(text[prev.start : prev.end]):
        return None
    return None if is_procedural(text[prev.start : prev.end]) else prev.start


READ_ON_STOPS_AT_POINTERS = True
"""`read_on` stops before a pointer line (`pointer`: a link, a web address, "click here",
stating no figure): it points to evidence elsewhere and is none, and a quote read on into
it carried it as if it were. Plain "Ofsted" quoted the seeds' "This is the link to the
Ofsted webpage", read on from "The Children's Improvement Plan is included in the agenda …"
whenever `BEST_LIMIT` gave a sentence of that paragraph a place (at 6 or more; issue #13's
defect, pinned by tests/answering/test_answer_shape.py at every cap). Not all of
`is_procedural`, which `read_back` stops at: over both tune indexes its web words take
content ("The posts generated 725 clicks through to the consultation webpage"), and
reading on into the minutes' housekeeping is another kind (eval/README.md "…, round 59
(r59-folds2 …)"). A rule, no constant; off: reading on as before."""


def pointer(text: str) -> bool:
    """A line pointing to evidence elsewhere (a link, a web address, "click here") that
    states no figure of its own (`READ_ON_STOPS_AT_POINTERS`)."""
    return bool(_POINTER.search(text)) and not figures_in(text)


def read_on(text: str, end: int, lists: bool = True) -> int | None:
    """Where the sentence after the one ending at `end` ends, when it follows in the same
    passage with nothing but white space between and is a running sentence (not a
    heading, a list of names or a row of figures, no emphasis markers); when it is a
    list's lead-in, where the list it introduces ends (`list_blocks`), or None unless
    `lists` (an answer that asks for one thing is not answered with a whole list). Else
    None.

    The converse of `read_back`: minutes name the topic first and say what it holds
    next ("… the greatest challenges were in the safeguarding teams." / "It was
    important to note that these teams dealt with the most complex cases …")."""
    sentences = split_sentences(text)
    after = [s for s in sentences if s.start >= end]
    # A lead-in's candidate has lost its closing colon ("RESOLVED that Cabinet agree to"):
    # what it introduces follows the colon, and is read on unless it is a lead-in itself.
    gap = text[end : after[0].start] if after else ""
    if not after or gap.strip(" \t\n:") or (gap.strip() and LIST_LEAD.search(after[0].text)):
        return None
    nxt = after[0]
    if is_stray(nxt.text) or _EMPHASIS.search(text, nxt.start, nxt.end):
        return None
    if READ_ON_STOPS_AT_POINTERS and pointer(nxt.text):
        return None
    if LIST_LEAD.search(nxt.text):
        if not lists:
            return None
        spans = [(s.start, s.end) for s in sentences]
        block = [b for a, b, _ in list_blocks(text, spans) if nxt.start <= a < nxt.end]
        return block[0] if block else nxt.end
    return nxt.end


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The slice [start, end) of `text` cut at Markdown emphasis markers, each piece
    trimmed of spaces and stray punctuation at its ends."""
    pieces: list[tuple[int, int]] = []
    cursor = start
    for m in _EMPHASIS.finditer(text, start, end):
        pieces.append((cursor, m.start()))
        cursor = m.end()
    pieces.append((cursor, end))
    out = []
    for a, b in pieces:
        while a < b and text[a] in " \t\n:;,-–":
            a += 1
        while b > a and text[b - 1] in " \t\n:;,-–":
            b -= 1
        if b > a:
            out.append((a, b))
    return out


_LEAD_START = re.compile(r"[.!?]\s+(?:\(?[a-z0-9]{1,3}\)\s+)?(?=[A-Z])")
_ITEM_MARK = re.compile(r"\(?(?:\d+(?:\.\d+)*|[a-zA-Z]|[ivx]+)[.)]")
"""An item's number, letter or roman numeral: "2.", "(b)", "iv)", also a capital letter
(a recommendation's "A) Note the forecast … b) Note …")."""
_MOTION_LEAD = re.compile(rf"\bresolves\s*;(?:\s+{_ITEM_MARK.pattern})?\s*$", re.I)
"""A motion's resolving clause, its parts after it: "… the motion that “The County Council
resolves; 1. To declare …" (a colon's lead-in is `LIST_LEAD`'s)."""
_ITEM_GAP = re.compile(rf"^[\s\u2022\u25aa\-\u2013]*(?:{_ITEM_MARK.pattern}\s*)?$")
"""What may stand between two items: white space, a bullet or dash, a number or letter."""
_GLUED_MARK = re.compile(rf"\s{_ITEM_MARK.pattern}\s*$")
"""The first item's number left on its lead-in by the sentence splitter."""
_ITEM_SIGN = re.compile(rf"[\u2022\u25aa\-\u2013]|{_ITEM_MARK.pattern}")
"""A bullet, dash or item number: what opens a list's item."""
_INLINE_MARK = re.compile(r"(?:(?<=\s)|^)(\(?)([a-zA-Z]|[ivx]{1,4})\)(?=\s)")
"""A bracketed item letter or roman numeral inside a line ("… to: a) NOTE … b) NOTE …")."""
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


def _mark_run(marks: Sequence[re.Match[str]]) -> list[re.Match[str]]:
    """The longest run among a line's bracketed marks that counts a list's items in order
    from the first: "a)", "b)", "c)" … (the first may be a capital: "A) Note … b) Note
    …") or "(i)", "(ii)" …, one bracket form, one case after the first; marks that break
    the count ("(see Appendix B)") are passed over, and a run from "(i)" is roman
    ("condition (i) and/or (j)" is none)."""
    best: list[re.Match[str]] = []
    for j, first in enumerate(marks):
        label = first.group(2)
        if label.lower() != "a" and label != "i":
            continue
        as_roman = label == "i"
        run, case = [first], None
        for m in marks[j + 1 :]:
            nxt = m.group(2)
            if m.group(1) != first.group(1) or (case is not None and nxt.islower() != case):
                continue
            prev = run[-1].group(2).lower()
            if as_roman:
                ok = prev in _ROMAN[:-1] and nxt == _ROMAN[_ROMAN.index(prev) + 1]
            else:
                ok = len(prev) == 1 and len(nxt) == 1 and ord(nxt.lower()) == ord(prev) + 1
            if ok:
                run.append(m)
                case = nxt.islower()
        if len(run) > len(best):
            best = run
    return best if len(best) >= 2 else []


def cut_items(text: str, sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences with each list whose items run on inside one sentence cut into its
    lead-in and items ("Cabinet is asked to: a) NOTE the forecast … (excluding Schools). b)
    NOTE …": the splitter starts no sentence at a lower-case mark), each item's mark left
    in the gap before it, as `split_sentences` leaves a line's "(a)"; so `list_blocks`
    sees the list (the sentence itself stays one candidate, `candidates`)."""
    out: list[Sentence] = []
    for s in sentences:
        run = _mark_run(list(_INLINE_MARK.finditer(text, s.start, s.end)))
        if not run:
            out.append(s)
            continue
        cuts = [(s.start, run[0].start())]
        cuts += [(m.end(), n.start()) for m, n in zip(run, [*run[1:], None], strict=False) if n]
        cuts.append((run[-1].end(), s.end))
        for a, b in cuts:
            piece = text[a:b]
            a += len(piece) - len(piece.lstrip())
            b -= len(piece) - len(piece.rstrip())
            if b - a >= 2:
                out.append(Sentence(a, b, text[a:b]))
    return out


LIST_ITEMS = 8
"""Items a list's lead-in brings with it (6 → 8 in round 12, jointly with
`answering.MAX_LIST_WORDS`: eval/README.md "List and multi answers, round 12")."""


def list_blocks(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Every list of a passage as (start, end, items): a lead-in sentence ("The main
    risks are as follows:") and the pieces after it that read as its items, at most
    `LIST_ITEMS`, as one verbatim slice.

    A piece is an item when it follows the lead-in, a bullet, a dash or an item number
    ("2.", "(b)"), or when the piece before it had no closing punctuation (a run of short
    lines); a full sentence after a full stop with nothing between ends the list. A
    nested lead-in is an item, its items too, and also a list of its own. Items are often
    too short to be candidates alone ("Parking congestion"): only the whole list quotes
    them."""
    out = []
    # An item's number may stand as a piece of its own ("1."): it is part of the gap.
    spans = [(a, b) for a, b in spans if not _ITEM_MARK.fullmatch(text[a:b])]
    for i, (a, b) in enumerate(spans):
        if not (LIST_LEAD.search(text[a:b]) or _MOTION_LEAD.search(text[a:b])):
            continue
        if _labels_its_line(text, a, b, spans[i + 1] if i + 1 < len(spans) else None):
            continue
        end, items, lettered = b, 0, False
        for x, y in spans[i + 1 :]:
            if items >= LIST_ITEMS or not _ITEM_GAP.match(text[end:x]):
                break
            bulleted = bool(re.search(r"[\u2022\u25aa\-\u2013]|[\w)]", text[end:x]))
            if items and not bulleted and text[end - 1] in ".!?":
                break
            # A lettered list ends at a paragraph's number ("… (b) Agree to request … May
            # 2025. 3. The following comments were put forward …").
            sign = _ITEM_SIGN.search(text[end:x])
            kind = _form(sign.group())[1] if sign else ""
            if items and lettered and kind == "1":
                break
            lettered = lettered or (not items and kind == "a")
            end, items = y, items + 1
        # A numbered or dashed list cut by the passage's end (its other items open the
        # next passage) is a list from its first item; "ACTION: Chris Spencer" is none.
        numbered = items > 0 and bool(
            _GLUED_MARK.search(text[a:b]) or _ITEM_SIGN.search(text[b : spans[i + 1][0]])
        )
        cut = items == 1 and numbered and not text[end:].strip()
        if (items >= 2 or cut) and not _EMPHASIS.search(text, a, end):
            # The lead-in is the last sentence of its piece ("… in Kent. (c) In regard to
            # consultations, Mr Jeffrey advised of the following:").
            inner = list(_LEAD_START.finditer(text, a, b))
            out.append((inner[-1].end() if inner else a, end, items))
    return out


LABELS_NOT_LEADS = True
"""A label and what it labels on one line ("Source: Koorawatha Regional Council, Quarterly
Budget Review Statement, December 2018", "Moved: Cr Smith Seconded: Cr Jones") is no
list's lead-in: `list_blocks` read "Source:" as one and quoted a table's source, the
resolution's number and the motion as one list (`tests/data/ingestion/foreign/`; round 45's
r45-foreign Left (a), eval/README.md "…, round 46"). Off: any span ending on a colon."""
_LABEL_LEAD = re.compile(r"[A-Z][\w'\u2019-]*(?:\s+[A-Za-z][\w'\u2019-]*)?\s*:")
"""A label of a word or two before its colon ("Source:", "Moved by:")."""


def _labels_its_line(text: str, a: int, b: int, nxt: tuple[int, int] | None) -> bool:
    """The span [a, b) is a label whose text runs on after it on the same line
    (`LABELS_NOT_LEADS`): a motion's ("Moved:", "Seconded:"), or a label of a word or two
    (`_LABEL_LEAD`) whose value is the one span after it, to the line's end ("Source: …"),
    and no bullet or item number opens it.
    An attendance label's list runs on in several ("IN ATTENDANCE: Dr A Ghosh (…), …
    Officer – West Kent), …"): a lead-in still."""
    if not LABELS_NOT_LEADS or nxt is None or "\n" in text[b : nxt[0]]:
        return False
    lead = text[a:b].strip()
    if _LINE_LABEL.search(lead):
        return True
    if _ITEM_SIGN.search(text, b, nxt[0]) or _ITEM_MARK.match(text, nxt[0]):
        return False  # "Workforce development: - Career progression …": its first item
    line_end = text.find("\n", nxt[1])
    rest = text[nxt[1] : len(text) if line_end < 0 else line_end]
    return bool(_LABEL_LEAD.fullmatch(lead)) and not rest.strip() and not _ROLL_LABEL.match(lead)


def continued_list(hit: Hit, rank: int, room: int, bare: bool = False) -> Candidate | None:
    """The items a passage opens with, as one quote: a list cut by the end of the passage
    before it (`list_blocks`' cut case: "… requesting the following: 1. Replace …") runs
    on here ("2. Implement … 3. … 4. Scrap the Voter ID requirement."). Only pieces that
    a bullet, dash or item number of the first item's form opens count ("4) Following
    the debate" after "7." is the minutes' own numbering), at most `room`, up to the
    first other piece; an item's own further sentence (`_own_sentence`) and an item
    number the splitter glued to the item before (`_glued_mark`) do not end the run
    (eval/README.md "A list read to its last item, round 28"); None when the passage
    does not open with such an item, unless
    `bare`: after a lead-in that ends the passage before, the passage is then one item,
    whole (PDF text loses a list's bullets, and each item stands in a passage of its own:
    "RESOLVED that the County Council:" / "Endorses the ongoing joint work …")."""
    text = hit.text
    spans = [
        (s.start, s.end) for s in split_sentences(text) if not _ITEM_MARK.fullmatch(s.text)
    ]  # fmt: skip
    first = len(text) - len(text.lstrip())
    end, items, form, last, start = first, 0, None, None, first
    for j, (x, y) in enumerate(spans):
        gap = text[end:x]
        mark = _opening_mark(text, (end, x), (start, end), last)
        if items >= room or not _ITEM_GAP.match(gap):
            break
        if mark is None:
            if items and text[end - 1] in ".!?" and _own_sentence(text, end, spans[j:], last):
                end, start = y, x
                continue
            break
        if form is not None and _form(mark) != form:
            break
        end, items, form, last, start = y, items + 1, _form(mark), mark, x
    if not items and bare and room > 0 and text.strip():
        return _candidate(hit, rank, first, len(text.rstrip()), 1)
    return _candidate(hit, rank, first, end, items) if items else None


def _opening_mark(
    text: str, gap: tuple[int, int], before: tuple[int, int], last: str | None
) -> str | None:
    """The mark opening the piece after `gap`: an item sign in the gap, else an item number
    the splitter glued to the end of the piece `before` (`_glued_mark`)."""
    found = _ITEM_SIGN.search(text[gap[0] : gap[1]])
    return found.group() if found else _glued_mark(text, *before, last)


def _glued_mark(text: str, start: int, end: int, last: str | None) -> str | None:
    """The item number the splitter left at the end of the piece `text[start:end]` ("…
    in a joined-up way; 2." / "Reducing emissions …"), when it counts on by one from the
    list's `last` mark ("1."): it opens the next piece as an item. A number ending a
    sentence ("… by May 2025.") counts on from no item."""
    glued = _GLUED_MARK.search(text, start, end)
    if glued is None or last is None:
        return None
    mark = glued.group().strip()
    before, after = _NUMBER_MARK.fullmatch(last.strip()), _NUMBER_MARK.fullmatch(mark)
    counts_on = (
        before is not None and after is not None and before.group(2) == after.group(2)
        and int(after.group(1)) == int(before.group(1)) + 1
    )  # fmt: skip
    return mark if counts_on else None


_NUMBER_MARK = re.compile(r"\(?(\d+)([.)])")
"""A numbered item's mark, its number and its closing sign ("2.", "(3)"): `_glued_mark`
counts on from one to the next only within one form."""


def _own_sentence(text: str, end: int, rest: Sequence[tuple[int, int]], last: str | None) -> bool:
    """The piece `rest[0]`, a full sentence after an item's full stop, is that item's own
    further sentence ("- A study on … the public." / "KCC offered the A25 in Kent as a pilot
    area for this study." / "- A proposal to widen …"): the piece after it opens with a
    mark of the list's own form (`last`, the item's), so the list goes on past it. A
    piece that is a lead-in itself ("Maintaining a strong focus on Recruitment …:" / "-
    Support …") opens a list of its own."""
    if last is None or len(rest) < 2:
        return False
    (x, y), (nx, _) = rest[0], rest[1]
    piece = text[x:y]
    if text[end:x].strip() or not _ITEM_GAP.match(text[y:nx]) or LIST_LEAD.search(piece):
        return False
    mark = _opening_mark(text, (y, nx), (x, y), last)
    return mark is not None and _form(mark) == _form(last)


def _form(sign: str) -> tuple[str, str, str]:
    """How an item is marked: its bullet, or its number's kind and brackets ("1.", "(a)")."""
    if len(sign) == 1:
        return ("", sign, "")
    kind = "1" if sign.strip("().")[:1].isdigit() else "a"
    return (sign[0] if sign[0] == "(" else "", kind, sign[-1])


def span_candidate(hit: Hit, rank: int, start: int, end: int) -> Candidate:
    """The quotable slice `start:end` of a passage (one `outcome_after` found)."""
    return _candidate(hit, rank, start, end)


def _candidate(
    hit: Hit, rank: int, start: int, end: int, items: int = 0, roll: bool = False
) -> Candidate:
    piece = hit.text[start:end]
    return Candidate(hit, rank, start, end, piece, *_read(piece), items=items, roll=roll)


@once
def _read(piece: str) -> tuple[tuple[str, ...], bool, bool, bool, bool, bool, frozenset[str]]:
    """What a candidate sentence states, by its shape (`Candidate`'s fields from `figures`
    to `kinds`), read once per answer (`once`) however many times it makes it a
    candidate (its evidence, the abstention signals', the passages below and beside)."""
    figures = tuple(figures_in(piece))
    return (
        figures,
        is_action(piece),
        is_procedural(piece),
        states_date(piece),
        bool(_NAME.search(piece)) or bool(ACTION_LINE.search(piece)),
        states_aim(piece),
        figure_kinds(piece, figures),
    )


LABELLED_LINES = True
"""A motion's "Moved:"/"Seconded:" labels and a vote's "For:"/"Against:" stay with the
names after them: minutes flattened to running text ("Resolution 2019/124 Moved: Cr Nguyen
Seconded: Cr Chen That Council accept the tender ...") were cut by the splitter at each
label's colon, so the motion's sentence opened on its seconder's name ("Cr Chen That
Council accept …") and the mover stood in a stray piece no answer quotes (Australian and
New Zealand minutes, `tests/data/ingestion/foreign/`; a defect fix, eval/README.md "Minutes
from other countries, round 44")."""
_LABEL_WORDS = (
    r"(?:Moved|MOVED|Seconded|SECONDED|Proposed|PROPOSED|Mover|MOVER|Seconder|SECONDER"
    r"|For|FOR|Against|AGAINST|Abstained|ABSTAINED|Abstentions?|ABSTENTIONS?)"
    r"(?:\s+(?:by|BY))?\s*:"
)
_LINE_LABEL = re.compile(rf"(?:^|(?<=\s)){_LABEL_WORDS}$")
"""A motion's or a vote's label at the end of a sentence span, where the splitter cut at
its colon: the names after it are its own."""
_LABEL_OPENING = re.compile(rf"^{_LABEL_WORDS}")
_LABELLED_MOTION = re.compile(rf"^{_LABEL_WORDS}.*?\s(?=(?:That|THAT)\s)")
"""A piece opened by its labels and names ("Moved: Cr Lindqvist Seconded: Cr Taylor "),
up to the motion's "That": the names are capitalised, the motion's words tell whether the
piece is a sentence (`is_stray`)."""


def opens_on_label(text: str) -> bool:
    """The piece opens on a motion's label ("Moved: Cr Nguyen Seconded: …",
    `LABELLED_LINES`): it puts its motion itself."""
    return LABELLED_LINES and bool(_LABEL_OPENING.match(text))


def _labelled_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans with each cut after a label (`_LINE_LABEL`) mended: the label opens a
    span that runs on to the end of the next one ("Moved: Cr Nguyen Seconded: Cr Chen That
    Council accept …" one piece); what stood before the label in its span stays a span of
    its own ("Resolution 2019/124")."""
    if not LABELLED_LINES:
        return spans
    out: list[tuple[int, int]] = []
    opened = False  # the last span opens on a label: a label after it runs on in it too
    for x, y in spans:
        if out and (label := _LINE_LABEL.search(text, out[-1][0], out[-1][1])):
            a, _ = out[-1]
            head = text[a : label.start()].rstrip()
            if head and not opened:
                out[-1] = (a, a + len(head))
                out.append((label.start(), y))
            else:
                out[-1] = (a, y)
            opened = True
            continue
        out.append((x, y))
        opened = False
    return [piece for x, y in out for piece in _tally_names_cut(text, x, y)]


_TALLY_OPENING = re.compile(r"(?:For|FOR|Against|AGAINST|Abstained|ABSTAINED|Abstentions?)\s*:")


def _tally_names_cut(text: str, x: int, y: int) -> list[tuple[int, int]]:
    """A span opened by a vote's named tally ("For: Crs Murray, … Against: Cr Taylor")
    ends with its names: what follows with no full stop between ("The meeting closed at
    10.35am.") is a sentence of its own, not the tally's (round 45; round 44's Left (a))."""
    if not (LABELLED_LINES and SHORTHAND_MOVERS) or not _TALLY_OPENING.match(text, x, y):
        return [(x, y)]
    end, pos = x, x - 1 if x and text[x - 1].isspace() else None
    while pos is not None and (m := _NAMED_TALLY.match(text, pos, y)):
        end = pos = m.end()
    rest = len(text[end:y]) - len(text[end:y].lstrip())
    if end == x or end + rest >= y or not text[end + rest].isupper():
        return [(x, y)]
    return [(x, end), (end + rest, y)]


DIVISION_LINES = True
"""Scottish minutes print a division's sides on a line each, count then names after a dash
("On a division, there voted:-" / "For the motion (5) - Provost Munro and Councillors
Baird, Fraser, Grant and Wallace." / "For the amendment (2) - Councillors Cowie and
Lennox." / "Declined to vote (1) - Councillor Shaw."): the splitter cut each at its dash,
and both halves were stray pieces no answer quoted, so "who voted for the amendment?" was
answered with its mover (`tests/data/ingestion/foreign/sc_council_2017-09-28.txt`; round
45's r45-foreign Left (d), eval/README.md "…, round 46"). The side and its names are one
candidate. Off: as the splitter cut them."""
_DIVISION_SIDE = (
    r"(?:(?:For|Against)\s+the\s+(?:motion|amendment|recommendations?)|Declined\s+to\s+vote"
    r"|Abstentions?|Abstain(?:ed)?|Against|For)\s*\(\d+\)"
)
_DIVISION_LABEL = re.compile(rf"{_DIVISION_SIDE}\s*[-\u2013:]?")
_DIVISION_LINE = re.compile(rf"{_DIVISION_SIDE}\s*[-\u2013:]\s*\S")
"""A division's side with its count and, after a dash, its names (`DIVISION_LINES`)."""


def _division_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans with a division's side (`_DIVISION_LABEL`, a span of its own) joined to
    the names after it on the same line (`DIVISION_LINES`); a count on a line of its own
    over its names (Kent's "Against (6)" / "Mrs Dean, …") is left as it was."""
    if not DIVISION_LINES:
        return spans
    out: list[tuple[int, int]] = []
    for x, y in spans:
        if out:
            a, b = out[-1]
            if _DIVISION_LABEL.fullmatch(text[a:b].strip()) and "\n" not in text[b:x]:
                out[-1] = (a, y)
                continue
        out.append((x, y))
    return out


def _run_on_colons(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans with a colon inside a running line mended: the splitter ends a
    sentence at ": " before a capital, which cuts a title off its resolution ("RESOLVED
    that the County Council approves and adopts Local Transport Plan 5:" / "Striking the
    Balance."). A piece after a colon on the same line that is too short to be a sentence
    (`is_stray`) and ends one joins the sentence before it; a list's items stand on lines
    of their own, or run on with more short pieces, and are left to `list_blocks`."""
    out: list[tuple[int, int]] = []
    for i, (x, y) in enumerate(spans):
        if out:
            a, b = out[-1]
            nxt = spans[i + 1] if i + 1 < len(spans) else None
            if (
                text[a:b].rstrip().endswith(":") and "\n" not in text[b:x]
                and is_stray(text[x:y]) and text[x:y].rstrip()[-1:] in (".", "!", "?")
                and (nxt is None or not is_stray(text[nxt[0] : nxt[1]]))
            ):  # fmt: skip
                out[-1] = (a, y)
                continue
        out.append((x, y))
    return out


ROW_FIGURES = True
"""A table row's figures after its label's full stop belong to the label's sentence:
the splitter ends a sentence at "… increasing price." and the row's figures after it on
the same line ("4 28.4", "-14,526.6 -488.7 0.0 Adults and Older People Core") were a
piece `is_stray` drops, so no candidate held the label with its figures (a defect fix:
eval/README.md "Budget-table rows whose figures are cut off, round 21")."""

_FIGURE_TOKEN = r"[-\u2013(]?[£$€]?\d[\d,]*(?:\.\d+)?%?\)?"
_ROW_FIGURES = re.compile(rf"[ \t]+((?:{_FIGURE_TOKEN}(?:[ \t]+|(?=\n)|$))+)")
"""The run of figures (signed, decimal, grouped, bracketed) a row's label is followed by
on its line; a token with letters or an item's number ("2.") ends it."""
_TABLE_FIGURE = re.compile(r"\d,\d{3}|\d\.\d")
"""A table's value: decimal or grouped; a lone whole number may be a paragraph's ("3")."""


ROW_LABELS = True
"""A table row that is mostly figures is a candidate when its label reads as text ("TOTAL
Savings for delivery in 2025-26 -94,351.4 -28,637.6 …"): `is_stray` drops a piece whose
words are mostly without letters (eval/README.md "Budget-table rows whose figures are cut
off, round 21", R2)."""

_TRAILING_FIGURES = re.compile(rf"(?:[ \t]+{_FIGURE_TOKEN})+\s*$")


def labelled_row(text: str) -> bool:
    """`text` is a table row: a label that is no stray piece, then a run of figures that
    holds a table's value (`ROW_LABELS`)."""
    if not ROW_LABELS:
        return False
    run = _TRAILING_FIGURES.search(text)
    return bool(
        run is not None and run.start() > 0 and _TABLE_FIGURE.search(run.group(0))
        and not is_stray(text[: run.start()])
    )  # fmt: skip


def _row_figures(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans with each row's figures joined to its label (`ROW_FIGURES`): after
    a sentence ending in a full stop, a run of figures on the same line that holds a
    table's value ("28.4", "-14,526.6"), where the next piece is no sentence (`is_stray`),
    joins the sentence; the rest of that piece, if any, stays a piece of its own."""
    if not ROW_FIGURES:
        return spans
    out: list[tuple[int, int]] = []
    for x, y in spans:
        if out:
            a, b = out[-1]
            run = _ROW_FIGURES.match(text, b) if text[b - 1 : b] in (".", "!", "?") else None
            if (
                run is not None and run.end(1) > x and _TABLE_FIGURE.search(run.group(1))
                and is_stray(text[x:y])
            ):  # fmt: skip
                end = min(run.start(1) + len(run.group(1).rstrip()), y)
                out[-1] = (a, end)
                rest = text[end:y]
                if rest.strip():
                    out.append((end + len(rest) - len(rest.lstrip()), y))
                continue
        out.append((x, y))
    return out


TABLE_ROWS = True
"""A table flattened to running text is cut into its rows, and each row that no candidate
holds is one: a label, then the run of figures that ends it (two values or more, one a
table value). The splitter cuts such text where it should not and not where it should:
at a dash inside a label ("Older People" / "Residential Care Services 97.5 124.9 +27.4",
read as a bullet), and never between rows ("… 101.8 102.5 0.7 Looked After Children (with
Disability)"), so a row's label was a stray piece or glued to the row before, and no
candidate held the row a budget question asks for (eval/README.md "A table's rows …,
round 35")."""

_ROW_TOKEN = r"[-+\u2013(]?[£$€]?\d[\d,]*(?:\.\d+)?%?\)?"
_ROW_RUN = re.compile(rf"(?<!\S){_ROW_TOKEN}(?:[ \t]+{_ROW_TOKEN})+(?!\S)")
"""A row's run of figures: two tokens or more (signed, as a variance's "+27.4"), nothing
but spaces between them."""
ROW_HEADS = True
"""A budget table's rows may begin with figures before their label: a row number and last
year's budget ("83 12,973.5 English National Concessionary Travel Scheme (ENCTS) 0.0
16,675.5 …"), or last year's figure alone ("2,058.5 New Homes Bonus 1,926.7 0.0 0.0"). Read
flat, those figures were no row's (a run with no label) or ended the row before ("…
55,268.7 2,058.5"), and the quote of the asked row lacked the year it is asked against
(k3-043, k25-022; eval/README.md "The gold passage found, its sentence missed, continued,
round 47"). Where a passage's first row has such a head at a break (`ROW_HEAD_FIGURES` figures
at most), the row starts with it, and each later row straight after another takes as many
figures from the end of the run before it when that run is as long as the first row's (its
values and the next row's head); a sentence
piece begun after a row's head begins at the row (`_label_start`). Off: as before."""
ROW_HEAD_FIGURES = 2
"""The most figures a row's head holds: a row number and last year's figure."""
_ROW_BREAK = re.compile(r"[.!?][\"'\u2019\u201d)]*\s+|\n")
"""Where a row's label cannot begin before: a sentence's end or a line break."""


def table_rows(text: str) -> list[tuple[int, int]]:
    """The rows of the tables flattened into `text` (`TABLE_ROWS`): each run of figures
    holding a table value, with the label before it back to the previous run, a sentence
    end or a line break; a label needs a word of letters (a row number and last year's
    figure before a label, "12 25,659.7", are a run with no label: the next label's
    start), and the run two values besides a year ("… Committee - Wednesday 21 November
    2018 10.00" is a meeting's date and time). Where a table's first row begins with such
    head figures at a break, the row holds them, and each later row directly after
    another as many of the run before it (`ROW_HEADS`)."""
    out: list[tuple[int, int]] = []
    floor = 0
    head: int | None = None
    heads = width = 0
    last: list[tuple[int, int]] = []
    for run in _ROW_RUN.finditer(text):
        start = floor
        for brk in _ROW_BREAK.finditer(text, floor, run.start()):
            start = brk.end()
        joined = start == floor and floor > 0
        floor = run.end()
        label = text[start : run.start()]
        values = [v for v in run.group().split() if not _YEAR.match(v)]
        tokens = [
            (run.start() + t.start(), run.start() + t.end())
            for t in re.finditer(r"\S+", run.group())
        ]
        if ROW_HEADS and not label.strip():
            # figures alone at a break: a row's head (its number, last year's figure)
            small = len(tokens) <= ROW_HEAD_FIGURES
            head, heads, last = (run.start() if small else None), (len(tokens) if small else 0), []
            continue
        if (
            len(values) < 2 or not _TABLE_FIGURE.search(" ".join(values))
            or not re.search(r"[^\W\d_]{2}", label)
        ):  # fmt: skip
            head, last = None, []
            continue
        start += len(label) - len(label.lstrip())
        lead = _HEAD_LEAD.match(label.lstrip()) if ROW_HEADS and not joined else None
        if lead:
            heads, width = len(lead.group().split()), len(tokens)
        if head is not None and joined:
            start = head
        elif heads and joined and len(last) == width > heads + 1:
            # the run before ends with this row's head figures: they move to this row
            out[-1] = (out[-1][0], last[-heads - 1][1])
            start = last[-heads][0]
        head = None
        out.append((start, run.end()))
        last = tokens
    return out


_ROW_LABEL_FIGURES = re.compile(rf"(?:[ \t]+{_ROW_TOKEN})+\s*$")
"""A row's run of figures at the end of its span (`row_labels`)."""


def row_labels(text: str) -> list[str]:
    """The labels of the table rows flattened into `text` (`table_rows`), as written,
    without their figures; the rows read once per answer (`_rows_of`): a budget line's
    check reads every hit's labels for each name it tries (`row_pairs.stated_among`)."""
    out = []
    for start, end in _rows_of(text):
        label = _ROW_LABEL_FIGURES.sub("", text[start:end]).strip(" -\u2013:|")
        if label:
            out.append(label)
    return out


@once
def _rows_of(text: str) -> tuple[tuple[int, int], ...]:
    """A passage's table rows (`table_rows`), read once per answer: an answer reads its
    passages' candidates (`candidates`) and scores them (`_running_topic`) more than once."""
    return tuple(table_rows(text))


ROW_LABEL_STARTS = True
"""A sentence piece the splitter began inside a table row's label, at the dash it reads as
a bullet ("Resident Experience - " / "Contact Centre; Gateways; Customer care & Complaints
1,578.7 … 4,862.0 Leads on ensuring …"), begins at the label's start: the piece and the
row (`table_rows`) tied, and reading order quoted the piece without the label's head
(converted k25-028, k25-029). Then the row lies inside the piece and is no second
candidate. A rule, no constant (eval/README.md "A target met is a result …, round 37");
only where rows are read (`candidates(rows=True)`)."""
_DASH_CUT = re.compile(r"\s[-\u2013]\s*$")
_HEAD_ONLY = re.compile(rf"(?:{_ROW_TOKEN}[ \t]+)+")
"""A row's head figures before where a piece begins (`ROW_HEADS`)."""
_HEAD_LEAD = re.compile(rf"(?:{_ROW_TOKEN}[ \t]+){{1,2}}(?=[^\W\d_])")
"""A row's head figures at its label's start, a table's first row read at a break."""


def _label_start(text: str, start: int, table: Sequence[tuple[int, int]]) -> int:
    """Where a piece beginning at `start` begins: a row's label start when the splitter cut
    the label at a dash before `start` (`ROW_LABEL_STARTS`), else `start`."""
    if ROW_LABEL_STARTS:
        for x, y in table:
            if x < start < y and _DASH_CUT.search(text, x, start):
                return x
    if ROW_HEADS:
        for x, y in table:
            if x < start < y and _HEAD_ONLY.fullmatch(text, x, start):
                return x
    return start


LABEL_LEAVES_PIECE = True
"""A row's label begun again at its start (`ROW_LABEL_STARTS`, `ROW_HEADS`) leaves the
piece before it: that piece ends where the label starts. The splitter cut "… Key Service
Description 59 9,856.5 Disabled Children & Young People Service (0-25 LD & Complex PD) -
Assessment Service 9,332.5 …" at the label's dash, so the piece before the row held the
row's label too and, scored on the label's words, was its passage's one quote in place of
the row (k38-029, round 48). A rule, no constant; only where rows are read."""


def _label_left(text: str, cuts: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """`cuts` with each piece that runs into a later piece's start ended there, trimmed
    as `_segments` trims (a piece left empty is dropped)."""
    out = list(cuts)
    for i in range(1, len(out)):
        x = out[i][0]
        for j in range(i):
            a, b = out[j]
            if a < x < b:
                b = x
                while b > a and text[b - 1] in " \t\n:;,-\u2013":
                    b -= 1
                out[j] = (a, b)
    return [(a, b) for a, b in out if b > a]


def candidates(
    hits: Sequence[Hit], rows: bool = True, rolls: bool = False, who: bool = False
) -> list[Candidate]:
    """Every candidate sentence of the hits, in rank then reading order, and after a
    passage's sentences its table rows (`TABLE_ROWS`, unless not `rows`) and its whole
    lists (`list_blocks`: `items` > 0); with `rolls` (a question asking who attended),
    its attendance lists under their labels too (`_rolls`: `roll`); with `who` (a
    question asking who), the lines naming someone by their post (`POST_LINES`)."""
    out: list[Candidate] = []
    seen: set[str] = set()
    for rank, hit in enumerate(hits):
        text = hit.text
        pieces, table, lists = _pieces(text, rows)
        if rolls and ROLLS:
            # A passage under an attendance label ("Officials Present:") is its list whole.
            title = hit.citation.item_title or ""
            whole = [(0, len(text.rstrip()))] if _ROLL_TITLE.match(title) else []
            for x, y in whole or _rolls(text, pieces):
                key = "roll: " + " ".join(text[x:y].lower().split())
                if key not in seen:
                    seen.add(key)
                    out.append(dataclasses.replace(_candidate(hit, rank, x, y), roll=True))
        held: list[tuple[int, int]] = []
        for x, y, key, stray in pieces:
            # A sentence naming who sent apologies is a names list (stray) as often as not.
            said = rolls and ROLL_SENTENCES and bool(_ROLL_SENTENCE.search(text, x, y))
            posted = stray and who and POST_LINES and names_post(text[x:y])
            moved = stray and who and MOVER_LINES and bool(_MOVER_LINE.search(text, x, y))
            if key in seen or stray and not said and not posted and not moved:
                continue
            seen.add(key)
            held.append((x, y))
            if posted and POST_LABELS:
                x = _post_label_start(text, x)
            out.append(_candidate(hit, rank, x, y, roll=said))
        for x, y, key, emphasis in table:
            if key in seen or emphasis or any(a <= x and y <= b for a, b in held):
                continue
            seen.add(key)
            out.append(_candidate(hit, rank, x, y))
        for a, b, items, key in lists:
            if key not in seen:
                seen.add(key)
                out.append(_candidate(hit, rank, a, b, items))
    return out


_Piece = tuple[int, int, str, bool]

MOVER_LINES = True
"""A question asking who (moved, seconded, …) reads a motion's mover line written as
Welsh, Irish and Australian minutes print it on a line of its own, "Moved Cllr. Lloyd /
Seconded Cllr. Rees." or "Moved Cr Nguyen / Seconded Cr Walsh": names and labels only, so
it read as no sentence (`is_stray`) and "Who moved the car parking motion?" quoted
"Carried." alone (eval/README.md "…, round 50"). Only a who-question's candidates; off:
such a line is stray."""
_MOVER_LINE = re.compile(
    r"\b(?:Moved|MOVED|Proposed|PROPOSED)(?:\s+by)?\s*:?\s+"
    r"(?:Crs?|Cllrs?|Councillors?|Councilmembers?|Council\s+Members?|Mr|Mrs|Ms|Dr"
    r"|(?:Deputy\s+)?(?:Mayor|Reeve)|Supervisors?)\.?\s+[A-Z]"
)
"""A motion's mover by a member's title and name, on a line of names and labels
(`MOVER_LINES`; "RESOLUTION 2019/041 Moved Cr Nguyen / Seconded Cr Walsh"; a Canadian
township's "Moved by: Deputy Mayor Fraser", round 51)."""

POST_LINES = True
"""A question asking who holds a post ("who is the council's interim director of finance",
"who wrote the report", "which portfolio holder is responsible") is answered by a line that
is no sentence: a report's heading block or contact details ("Relevant Portfolio Holder:
Councillor Nicola Nardelli, Portfolio Holder for …", "Report Authors: David Whittle,
Director of …", "- John Betts (Interim Corporate Director, Finance) - 03000 410066"), a stray
piece (`is_stray`) no answer quoted, so such a question was answered from a sentence that
only named the report. For a question asking who (`Aspects.who`) a stray piece naming
someone by their post (`names_post`) is a candidate (a rule, no constant: eval/README.md
"The gold passage found, its sentence missed, round 47"). Off: strays never."""
_NAME_WORD = r"[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?"
_PERSON = rf"(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+)?{_NAME_WORD}\s+{_NAME_WORD}"
_POST_WORD = (
    r"(?:Director|Officer|Manager|Head\s+of|Portfolio\s+Holder|Cabinet\s+Member|Counsel"
    r"|Chief\s+Executive|Leader|Clerk|Lead|Advisor|Adviser|Commissioner)"
)
_NAMES_POST = re.compile(
    rf"\b{_PERSON}\s*[,(]\s*(?:[\w&'’-]+\s+){{0,5}}?{_POST_WORD}\b"
    rf"|\b{_POST_WORD}(?:\s+[A-Z][a-z]+)?\s*:?\s+{_PERSON}\b"
)
"""Someone named with their post: a name, then after a comma or bracket within a few words a
post ("Anna Taylor, Scrutiny Research Officer", "John Betts (Interim Corporate Director,
Finance)"), or a post then the name ("Responsible Head of Service Nicholas Abrahams")."""


def names_post(text: str) -> bool:
    """`text` names someone by their post (`_NAMES_POST`)."""
    return bool(_NAMES_POST.search(text))


POST_LABELS = True
"""A post line's label and its value are one sentence for quoting: the splitter cuts a
heading block's "Relevant Portfolio Holder:" from "Councillor Nicola Nardelli, Portfolio
Holder for …" at the colon, so the line quoted (`POST_LINES`) lacked the label that says
which post the report's holder is (kg3-002; eval/README.md "The gold passage found, its
sentence missed, continued, round 47"). A post line that follows such a label starts at the
label (`_POST_LABEL`). Off: the line alone."""
_POST_LABEL = re.compile(
    rf"(?<![\w-])(?:[A-Z][a-z]+\s+){{0,3}}?(?:{_POST_WORD}|Authors?|Contacts?)"
    r"s?\s*:\s*$"
)
"""A post's label ending on its colon ("Relevant Portfolio Holder:", "Report Author:",
"Lead Officer:"): at most three capitalised words before the post word."""


def _post_label_start(text: str, x: int) -> int:
    """Where a post line at `x` starts with the label before it on its line
    (`_POST_LABEL`): the label's start, else `x`."""
    m = _POST_LABEL.search(text, max(0, x - 80), x)
    return m.start() if m and "\n" not in text[m.start() : x] else x


ASKED_LABELS = True
"""A labelled line answers a question asking for its label's kind: a report's or a form's
heading block says who, where and when in "Label: value" lines that are no sentence of
the text ("Relevant Portfolio Holder: Councillor Nicola Nardelli, …", "Proposer: Mr
Antony Hook Seconder: Mr Richard Streatfeild, MBE", "Venue: Council Chamber - Shire Hall,
Gloucester", "Responsible Officer Mike Gogarty"). Such a line holds few of the question's
topic words (they stand in the document's title or the block around it), so sentences of
the same paper that repeat the topic outscored it and "which portfolio holder is
responsible for …" was answered with the report's resolution (kg3-002, s25-002; eval/README.md
"Labelled lines answering who, where and when, round 52"). A line is the asked label
(`asked_label_line`) when the question asks who and the label's head noun is a word of
the question naming the person asked for ("which *portfolio holder*", "who *proposed*":
"Proposer:", "the responsible *officer*": "Responsible Officer …") and a person's name
follows it; when it asks where (`asks_where`) and the label names a place (`PLACE_LABELS`);
when it asks when (`asks_when`) and the label names a date or time (`TIME_LABELS`) with a
figure after it. The answer quotes the best such line of its pool whose passage speaks to
the topic beyond the label (`answering._with_asked_label`). A rule of layout and question
kind, no constant. Off: such lines are scored as any sentence."""
PLACE_LABELS = frozenset({"venue", "location", "place", "address"})
"""A label's words that say it gives a place ("Venue:", "Meeting location:")."""
TIME_LABELS = frozenset({"date", "time", "day"})
"""A label's words that say it gives a date or time ("Date:", "Time of meeting:")."""
_LABEL_VALUE = re.compile(
    r"(?:^|(?<=[\s.;|]))([A-Z][\w'\u2019-]*(?:[ \t]+[A-Za-z][\w'\u2019-]*){0,3}?)"
    r"[ \t]*:[ \t]*(?=\S)"
)
"""A label of one to four words, the first written with a capital, ending on its colon
with its value after it on the line ("Venue: …", "Relevant Portfolio Holder: …")."""
_POST_BEFORE_NAME = re.compile(
    rf"(?<![\w-])((?:[A-Z][a-z]+[ \t]+)?{_POST_WORD})[ \t]+(?={_PERSON}\b)"
)
"""A post written as a label without its colon, a person's name after it ("Responsible
Officer Mike Gogarty" in a form's heading block): the post word and one word before it
(more would take in the heading's words before the label, "… delivery Plan Responsible
Officer")."""
_PERSON_OPENS = re.compile(rf"(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z]|{_PERSON}\b)")
"""A value naming a person: a member's title or a forename and surname."""
_WHERE_ASKED = re.compile(r"\b(?:what|which)\s+(?:venue|location|place|address)\b", re.I)


def asks_where(question: str) -> bool:
    """The question asks where: "where" opens the question or a clause, or follows a word
    after which a question follows (`_ASKS_AFTER`, as `wants_who` reads "who": "the cases
    where children wait" names cases), or it asks "which venue" or "what location"."""
    if _WHERE_ASKED.search(question):
        return True
    for clause in _CLAUSE_BREAK.split(question):
        ws = words(clause)
        for i, w in enumerate(ws):
            if w == "where" and (i == 0 or ws[i - 1] in _ASKS_AFTER):
                return True
    return False


def _label_terms(label: str) -> list[str]:
    return [t for t in (ANALYZER.term(w) for w in words(label)) if t]


def asks_label(aspects: Aspects) -> bool:
    """The question asks for a kind a labelled line may give (`ASKED_LABELS`): who, where
    or when. Else `asked_label_line` finds no line."""
    return ASKED_LABELS and (aspects.who or aspects.where or aspects.when)


def asked_label_line(text: str, aspects: Aspects) -> tuple[str, ...] | None:
    """The question's terms a labelled line of the asked kind echoes (its label's, empty
    for a place or time label), or None when `text` holds no label the question asks for
    (`ASKED_LABELS`): for a question asking who, a label whose head noun (its last word)
    is one of the question's terms with a person named after it; asking where, a label
    naming a place (`PLACE_LABELS`); asking when, one naming a date or time
    (`TIME_LABELS`) with a figure after it."""
    if not asks_label(aspects):
        return None
    found = [(m.group(1), m.end()) for m in _LABEL_VALUE.finditer(text)]
    if aspects.who:
        found += [(m.group(1), m.end()) for m in _POST_BEFORE_NAME.finditer(text)]
    terms = set(aspects.terms)
    for label, end in found:
        lowered = set(words(label))
        value = text[end : end + 80]
        if aspects.who and _PERSON_OPENS.match(value):
            head = _label_terms(label.split()[-1])
            if head and head[0] in terms:
                return tuple(t for t in _label_terms(label) if t in terms)
        if aspects.where and lowered & PLACE_LABELS:
            return ()
        if aspects.when and lowered & TIME_LABELS and _DIGIT.search(value):
            return ()
    return None


ASKED_VALUES = True
"""A question asking a time, an end date, a frequency or a threshold is answered by the
sentence holding that kind of value (`asked_value`, `states_value`): "what time was the
budget meeting supposed to finish" by "The meeting is scheduled to end by 5.00 pm." (an
agenda's notice), "how often is the plan reviewed" by "… at least once every five years",
"until when can councils use capital receipts flexibly" by "… ends on 31 March 2030",
"how much does a decision have to cost before it is a key decision" by "… (currently defined
by the Council as in excess of £1,000,000)". Such a sentence holds little of the topic
(its passage or paper does: a meeting's summons, a decision form's criteria), so sentences
that repeat the topic outscore it (k9-033, k2-205; eval/README.md "Asked times,
end dates, frequencies and thresholds, round 53"). The answer quotes the best such sentence
of its pool, or of the passages the pool's item windows show beside them, whose passage
speaks to the topic (its own words' topic weight first, then its passage's) when it is not
quoted yet, and its opening line states it (`answering._with_asked_value`, `_lead_line`,
`key_clause`). A trend's timeline gets no added quote (its opening line's clause of a quote
prefers the value, as any answer's does). A rule of question kind and layout: the kinds
are the forms the question's words ask by, no constant. Off: such sentences are scored as
any other."""

_VALUE_ASKED: dict[str, re.Pattern[str]] = {
    "clock": re.compile(
        r"\b(?:at\s+)?(?:what|which)\s+time\b(?!\s*(?:frame|scale|line|limit|period|span)s?\b)"
        r"|\bwhat\s+hour\b",
        re.I,
    ),
    "end": re.compile(
        r"\b(?:until|till|by)\s+(?:when|what\s+(?:date|day|month|year|time))\b|\bdeadline\b"
        r"|\bclosing\s+date\b|\bcut-?off\s+date\b"
        r"|\bwhen\b[^?]{0,80}?\b(?:close|closes|closed|closing|expire|expires|expired|end|ends"
        r"|ended|run\s+out|runs\s+out|lapse|lapses)\b"
        r"|\bhow\s+long\b[^?]{0,80}?\b(?:open|out\s+for\s+consultation|out\s+to\s+consultation)\b",
        re.I,
    ),
    "frequency": re.compile(
        r"\bhow\s+(?:often|frequently|regularly)\b|\bat\s+what\s+intervals?\b"
        r"|\bwhat\s+(?:is\s+the\s+)?frequency\b|\bhow\s+many\s+times\s+(?:a|an|each|every|per)\b",
        re.I,
    ),
    "threshold": re.compile(
        r"\b(?:what|which)(?:['’]s|\s+(?:is|was|are|were|will\s+be))?\s+(?:the\s+)?"
        r"(?:[\w-]+\s+){0,2}?thresholds?\b"
        r"|\bhow\s+(?:much|big|large|many)\b[^?]{0,80}?\b(?:has|have|need|needs|must)\s+to\s+"
        r"(?:cost|be|exceed|reach|spend|total)\b[^?]{0,80}?\bbefore\b"
        r"|\b(?:above|over|below|under|beyond)\s+what\s+(?:amount|figure|sum|level|value|cost)\b",
        re.I,
    ),
}
"""The kind of value a question asks by its form: a clock time ("what time", "at what time",
not "what timescale"); an end date ("until when", "by what date", "deadline", "when does
the consultation close", "how long is the strategy out for consultation"); a frequency
("how often", "how frequently", "how many times a year"); a threshold ("what is the
threshold …", "how much does a decision have to cost before …", "above what amount"; not
"what did the announcement do to the earnings threshold", which asks a change)."""

_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
"""A month's name or abbreviation (`indexer.dates.MONTHS`; the patterns below read it
case-blind)."""
_CLOCK = re.compile(
    r"(?<![\d.:])(?:[01]?\d|2[0-3])[.:][0-5]\d\s*(?:am|pm|a\.m\.|p\.m\.|hrs|hours)(?!\w)"
    r"|(?<![\d.:])(?:1[0-2]|0?[1-9])\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)|\b(?:noon|midday)\b",
    re.I,
)
"""A clock time: "5.00 pm", "9.30am", "10:00 hrs", "2pm", "noon"."""
_END_DATE = re.compile(
    r"\b(?:until|till|by|before|no\s+later\s+than|deadline(?:\s+(?:of|is|for))?"
    r"|clos(?:e|es|ed|ing)(?:\s+(?:on|date|at))?|ends?\s+(?:on|in)|ended\s+(?:on|in)"
    r"|expir(?:e|es|ed|y)\s+(?:on|in)|due\s+(?:by|on|in)|runs?\s+(?:to|until))\s+"
    r"(?:the\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    r"(?:(?:early|mid|late|the\s+end\s+of|end\s+of)[\s-]+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b|{_MONTH}\b|(?:19|20)\d{{2}}\b"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
    rf"|\bbetween\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH}\s+)?(?:and|-|–|to)\s*\d{{1,2}}"
    rf"(?:st|nd|rd|th)?\s+{_MONTH}\b"
    rf"|\bfrom\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH}\s+)?(?:to|until|-|–)\s*\d{{1,2}}"
    rf"(?:st|nd|rd|th)?\s+{_MONTH}\b",
    re.I,
)
"""An end date: a date after "until", "by", "deadline", "closes on", "ends on", "expires
in", "due by" ("until mid-March", "by Friday 10 January", "ends on 31 March 2030"), or a span
of days whose end it states ("between 17 October - 28 November 2024", "ran from 13th June to
7th August")."""
_FREQUENCY = re.compile(
    r"\b(?:every|each)\s+(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve"
    r"|other|calendar|financial|municipal)\s+)?(?:year|month|week|quarter|fortnight|term"
    r"|meeting|cycle)s?\b"
    r"|\b(?:once|twice|\w+\s+times)\s+(?:a|an|per|each|every)\s+\w+"
    r"|\b(?:annually|quarterly|monthly|weekly|fortnightly|yearly|biannually|bi-annually"
    r"|six-monthly|half-yearly)\b|\bper\s+annum\b|\bon\s+an?\s+(?:annual|quarterly|monthly"
    r"|weekly|regular|rolling)\s+basis\b",
    re.I,
)
"""A frequency: "every five years", "each year", "twice a year", "quarterly", "annually",
"on an annual basis"; not the adjective "annual" ("the annual budget") nor "every day", an
idiom of always more than a schedule in papers ("Making a difference every day", a
strategy's strapline, k38-026)."""
_THRESHOLD = re.compile(
    r"\b(?:in\s+excess\s+of|more\s+than|less\s+than|greater\s+than|fewer\s+than|over|above"
    r"|below|under|exceed(?:s|ed|ing)?|not\s+exceed|at\s+least|at\s+most|up\s+to"
    r"|a\s+minimum\s+of|a\s+maximum\s+of)\s+"
    r"(?:[£$€]\s?\d[\d,.]*(?:\s*(?:m|k|bn|million|billion)\b)?"
    r"|\d[\d,.]*\s*(?:%|per\s*cent\b|million\b|billion\b|(?:m|k|bn)\b))",
    re.I,
)
"""A bound on an amount: a bound's words right before a sum or a share ("in excess of
£1,000,000", "over £500k", "should not exceed 10%", "more than 5 million"); not "under
schedule 12a", "over the last 3 years"."""
_VALUE_STATED: dict[str, re.Pattern[str]] = {
    "clock": _CLOCK,
    "end": _END_DATE,
    "frequency": _FREQUENCY,
    "threshold": _THRESHOLD,
}
_END_ASKED = re.compile(
    r"\b(?:finish|finishes|finished|end|ends|ended|close|closes|closed|conclude\w*)\b", re.I
)
_END_SAID = re.compile(
    r"\b(?:finish\w*|end|ends|ended|ending|close|closes|closed|closing|conclude\w*|until|by)\b",
    re.I,
)
"""A question asking when something ends ("what time … supposed to finish") and a sentence
saying when it ends ("… scheduled to end by 5.00 pm"): of a meeting's start and end times,
the end is the asked one."""


def asked_value(question: str) -> str:
    """The kind of value the question asks for by its form (`_VALUE_ASKED`: "clock", "end",
    "frequency", "threshold"), or "" (`ASKED_VALUES`)."""
    if not ASKED_VALUES:
        return ""
    return next((k for k, p in _VALUE_ASKED.items() if p.search(question)), "")


def states_value(text: str, kind: str) -> bool:
    """`text` states a value of the asked `kind` (`_VALUE_STATED`)."""
    pattern = _VALUE_STATED.get(kind)
    return pattern is not None and bool(pattern.search(text))


def gives_asked_value(text: str, aspects: Aspects) -> bool:
    """`text` states the kind of value the question asks for (`Aspects.value`,
    `states_value`); a clock time asked as an end ("what time … finish") only where the
    text says an end (`says_end`): a meeting's notice gives its start and its end."""
    if not aspects.value or not states_value(text, aspects.value):
        return False
    return aspects.value != "clock" or not aspects.ends or says_end(text)


def says_end(text: str) -> bool:
    """`text` says when something ends ("… scheduled to end by 5.00 pm", `_END_SAID`)."""
    return bool(_END_SAID.search(text))


ROLLS = True
"""Minutes' attendance lists answer "who attended …?": a list of names is a stray piece
(`is_stray`), which no answer quoted, so such a question was answered from whatever
sentence named the meeting (US, Australian, New Zealand and Canadian minutes,
`tests/data/ingestion/foreign/`; eval/README.md "Minutes from other countries, round
44"). Only a question asking for attendance reads them (`asks_attendance`)."""
_HOLDERS_CAPITALISED = "|".join(
    " ".join(w.capitalize() for w in h.split(" ")) for h in (*MEMBER_HOLDERS, *OFFICER_HOLDERS)
)
"""The holders before a label, capitalised as minutes print them ("Members", "Supervisors",
"Trustees", "Council Members", "Officials", "Also")."""
_ROLL_LABEL = re.compile(
    rf"(?:\b(?:{_HOLDERS_CAPITALISED})\s+)?"
    rf"(?<![\w-])(?:{cased_alternation(PRESENT_LABELS, lower=True)}"
    rf"|{cased_alternation((*ABSENT_LABELS, *APOLOGY_LABELS, *SCOTS_LABELS))}"
    rf"|(?:{cased_alternation(STAFF_LABELS)})(?=\s*:))\b"
    r"(?:\s+(?:VIRTUALLY|[Vv]irtually|REMOTELY|[Rr]emotely|ONLINE|[Oo]nline)\b)?"
)
"""An attendance label ("PRESENT", "Council Present", "In attendance", "Absent",
"Apologies", Scottish minutes' "Sederunt"; since round 53 a US roll call's "Staff:", with
its colon only) in a stray piece, with how they attended when it says ("IN ATTENDANCE
VIRTUALLY:", "Present remotely:", round 45: without it the label was quoted alone, its list
not)."""
ROLL_SENTENCES = True
"""Minutes write attendance as a sentence as often as a list ("Apologies were received from
Mrs C Bell.", "The Democratic Services Manager reported apologies from Mr Beaney, …", "No
apologies were received.", "Ms Grehan had given her formal apologies but was attending the
meeting virtually."): for a question asking who attended (`asks_attendance`) such a
sentence is a `roll` candidate as the lists are (eval/README.md "Attendance and votes as
minutes write them, round 45"). Off: only the lists under their labels."""
_ROLL_SENTENCE = re.compile(
    r"(?i:\bapologies\b[^.]{0,40}?\b(?:received|from|reported|given|tendered|submitted)\b"
    r"|\bno\s+apologies\b|\bapologies\s+for\s+absence\s+(?:were|was)\b"
    r"|\b(?:attend(?:ed|ing)?|present|joined|participat\w*)\b[^.]{0,40}?\b(?:virtually"
    r"|remotely|online|by\s+video(?:\s+link)?)\b"
    r"|\b(?:was|were)\s+(?:also\s+)?(?:absent|in\s+attendance)\b)"
)
"""A sentence stating who attended, joined remotely or sent apologies (`ROLL_SENTENCES`)."""
_ROLL_TITLE = re.compile(rf"^{_ROLL_LABEL.pattern}\s*:?$", re.IGNORECASE)
"""A section titled by its attendance label alone ("Members Present", "Officials
Present:")."""


def _rolls(text: str, pieces: Sequence[_Piece]) -> list[tuple[int, int]]:
    """The attendance lists of a passage as spans: from the first label in a stray piece
    to the piece's end, on through the next pieces while the span ends on a label (the
    splitter cut at its colon: "Present" / "Mayor Johnson, Councilmembers …")."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(pieces):
        x, y, _, stray = pieces[i]
        label = _ROLL_LABEL.search(text, x, y) if stray else None
        if label is None:
            i += 1
            continue
        start, end = label.start(), y
        while i + 1 < len(pieces) and _ends_on_label(text, start, end):
            i += 1
            end = pieces[i][1]
        if _ends_on_label(text, start, end):
            i += 1
            continue  # a label with no list after it
        out.extend(_whole_and_apart(text, start, end))
        i += 1
    return out


ROLLS_APART = True
"""An attendance list whose wrapped lines the converter joined with the next labels'
("Members Present: Cllr. S. Byrne, … Cllr. F. Quinn Apologies: Cllr. D. Keane Officials
Present: Mr. J. Walsh, …", an Irish county council's heading block) is read whole and, from
each later label followed by its colon, as a roll of that label's own, so "who gave
apologies …?" is answered by the apologies, not the members present before them, while
"who attended …?" still has the whole list (read only apart, it was answered by "In
Attendance:", the officers) (eval/README.md "…, round 51 (r51-foreign7"). Off: one roll
from the first label on."""
_LABEL_AT = re.compile(rf"(?<=\s){_ROLL_LABEL.pattern}\s*:")


def roll_within(text: str) -> int | None:
    """Where a quote's attendance list begins: 0 when the quote opens on one
    (`opens_on_roll`), else at its first later label with its colon (`_LABEL_AT`: a
    heading block's "… 7:00 p.m., Council Chambers Members Present: …"), else None."""
    if opens_on_roll(text):
        return 0
    m = _LABEL_AT.search(text) if ROLLS else None
    return m.start() if m else None


def roll_of(text: str, asked: frozenset[str] = frozenset()) -> str:
    """A quote opening on a roll, from the first label of a kind asked (`asked_roll`) to the
    next label with its colon, else from its own label (`ROLLS_APART`): the answer's
    opening line states the roll asked for, not the others run on around it ("Members
    Present: … Apologies: Cllr. D. Keane Officials Present: …" asked who gave apologies:
    "Apologies: Cllr. D. Keane")."""
    rolls = _rolls_at_labels(text)
    if not rolls:
        return text
    a, b, _ = next((r for r in rolls if r[2] & asked), rolls[0])
    return text[a:b]


def kinds_within(text: str) -> frozenset[str]:
    """The kinds of every roll a quote opening on one holds, read at each label
    (`ROLLS_APART`)."""
    return frozenset(k for _, _, kinds in _rolls_at_labels(text) for k in kinds)


def _rolls_at_labels(text: str) -> list[tuple[int, int, frozenset[str]]]:
    """Each roll of a quote opening on one, cut at each label (`_each_label`), with its
    kinds (`roll_kinds`); none when the quote opens on no roll."""
    if not opens_on_roll(text):
        return []
    return [(a, b, roll_kinds(text[a:b])) for a, b in _each_label(text, 0, len(text))]


def _each_label(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The roll `start`-`end` cut before each later label with its colon (`ROLLS_APART`)."""
    if not ROLLS_APART:
        return [(start, end)]
    first = _ROLL_LABEL.match(text, start)
    cuts = [m.start() for m in _LABEL_AT.finditer(text, first.end() if first else start, end)]
    bounds = [start, *cuts, end]
    spans = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        while b > a and text[b - 1] in " \t\n;,":
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans


def _whole_and_apart(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The roll whole and each later label's own (`ROLLS_APART`)."""
    return [(start, end), *_each_label(text, start, end)[1:]]


def _ends_on_label(text: str, start: int, end: int) -> bool:
    labels = list(_ROLL_LABEL.finditer(text, start, end))
    return bool(labels) and not text[labels[-1].end() : end].strip(" :")


ROLL_KINDS = True
"""A question asking who attended asks for one kind of attendance record as often as for
any: "what apologies were received …?" is answered by "APOLOGIES Nil.", not by the PRESENT
list above it, "which officers were in attendance …?" by the IN ATTENDANCE list, not by the
members PRESENT (round 46's r46-roll Left (d); eval/README.md "…, round 47"). Only a roll
of the asked kind (`asked_roll`, `roll_kinds`) gets `SentenceWeights.roll`, and an answer
quoting one leaves out its rolls of other kinds (`answering._of_the_asked_roll`); the others
remain attendance (`ROLL_RECORDED` reads them as before). Off: every roll alike."""
_APOLOGIES = re.compile(rf"(?i)\bapolog|\b(?:{alternation(APOLOGY_LABELS)})\b")
_REMOTE = re.compile(r"(?i)\b(?:virtually|remotely|online|by\s+video)\b")
"""Apologies and remote attendance, named alike by a question and by a roll."""
_ASKED_ROLL = (
    ("apologies", _APOLOGIES),
    ("absent", re.compile(r"(?i)\babsent\b")),
    ("remote", _REMOTE),
    ("officers", re.compile(rf"(?i)\b(?:{alternation(OFFICER_NAME_FORMS)})\b")),
    (
        "present",
        re.compile(
            rf"(?i)\b(?:{alternation((*MEMBER_TITLE_FORMS, 'mayor'), spaced=True)})\b[^?.]{{0,40}}"
            r"\bpresent\b"
            r"|\bwho\s+(?:was|were)\s+present\b"
        ),
    ),
)
"""The kinds of attendance record a question's words ask for, by what it names."""
_ABSENT = alternation(ABSENT_LABELS)
_MEMBERS_PRESENT = alternation([w for w in PRESENT_LABELS if w not in OFFICERS_LABELS])
"""The presence labels of the members' list ("PRESENT"), not the officers' (`OFFICERS_LABELS`)."""
_OFFICERS_PRESENT = alternation(OFFICERS_LABELS, spaced=True)
_ROLL_KINDS = (
    ("apologies", _APOLOGIES),
    (
        "absent",
        re.compile(
            rf"(?i)^\W*(?:(?:{alternation(MEMBER_HOLDERS)})\s+)?(?:{_ABSENT})\b"
            rf"|\b(?:was|were)\s+(?:also\s+)?(?:{_ABSENT})\b"
        ),
    ),
    ("remote", _REMOTE),
    (
        "officers",
        re.compile(
            rf"(?i)^\W*(?:(?:{alternation(OFFICER_HOLDERS)})\s+(?:{_MEMBERS_PRESENT})"
            rf"|(?:also\s+)?(?:{_OFFICERS_PRESENT}))\b"
            rf"|^\W*(?:{alternation(STAFF_LABELS)})\s*:"
            rf"|\b(?:was|were)\s+(?:also\s+)?(?:{_OFFICERS_PRESENT})\b"
        ),
    ),
    (
        "present",
        re.compile(
            rf"(?i)^\W*(?:(?:{alternation(MEMBER_HOLDERS)})\s+)?(?:{_MEMBERS_PRESENT})\b"
            rf"|^\W*(?:{alternation(SCOTS_LABELS)})\b"
        ),
    ),
)
"""The kinds of attendance record a roll is, by its label or wording: its words from
`indexer.attendance` (the members' presence labels and holders, the officers' ("IN
ATTENDANCE", "Officials Present"), the absent and Scottish labels; round 53, behaviour
unchanged: identical match spans on every stored passage, eval/README.md "…, round 53
(r53-foreign9 …)")."""
_ROLL_FITS = {"apologies": {"absent"}, "absent": {"apologies"}}
"""Kinds that answer each other: who was absent is who sent apologies, and the reverse."""


def asked_roll(question: str) -> frozenset[str]:
    """The kinds of attendance record a question asking who attended asks for (`ROLL_KINDS`):
    empty when it asks for none in particular ("who attended …?")."""
    if not (ROLL_KINDS and asks_attendance(question)):
        return frozenset()
    kinds = {kind for kind, pattern in _ASKED_ROLL if pattern.search(question)}
    return frozenset(kinds | {f for k in kinds for f in _ROLL_FITS.get(k, ())})


_KIND_WORDS: dict[str, tuple[str, ...]] = {
    "absent": ABSENT_LABELS,
    "apologies": APOLOGY_LABELS,
    "officers": (*OFFICER_HOLDERS, *STAFF_LABELS),
}
"""The words that name a kind of attendance record (`_ROLL_KINDS`), from `indexer.
attendance`: the absent's and the apologies' labels, the officers' holders and "Staff"."""


def kind_terms(kinds: frozenset[str]) -> frozenset[str]:
    """The index terms of the words naming the given kinds of attendance record
    (`_KIND_WORDS`): what a question asking for one ("who was absent", "which officials")
    names it by."""
    return frozenset(t for k in kinds for w in _KIND_WORDS.get(k, ()) for t in content_terms(w))


def label_terms(text: str) -> tuple[str, ...]:
    """The index terms of the attendance label a roll opens on ("Staff Present:": staff,
    present; "Regrets:": regret), or none."""
    label = _ROLL_LABEL.search(text, 0, min(len(text), 60))
    if label is None or text[: label.start()].strip(" \t\n*_-\u2022"):
        return ()
    return tuple(content_terms(label.group(0)))


def roll_kinds(text: str) -> frozenset[str]:
    """The kinds of attendance record a roll's text is ("APOLOGIES Nil.": apologies;
    "IN ATTENDANCE VIRTUALLY: …": officers and remote)."""
    return frozenset(kind for kind, pattern in _ROLL_KINDS if pattern.search(text))


def kinds_of_roll(c: Candidate) -> frozenset[str]:
    """The kinds of attendance record a roll is, by its text, else by its agenda item's
    title ("Mr Baker, Mr Beaney" under "Apologies for absence": apologies) (`ROLL_KINDS`)."""
    return roll_kinds(c.text) or roll_kinds(c.hit.citation.item_title or "")


def of_asked_roll(c: Candidate, asked: frozenset[str]) -> bool:
    """The roll is of a kind asked for, or of no kind its text or item title tells
    (`kinds_of_roll`), or the question asks for none in particular (`ROLL_KINDS`): what
    the roll's weight and the answer's choice of rolls (`answering._of_the_asked_roll`)
    both read, one rule since round 48 (r48-roll3; the answer's read the text only)."""
    if not asked:
        return True
    kinds = kinds_of_roll(c)
    return not kinds or bool(kinds & asked)


def opens_on_roll(text: str) -> bool:
    """The quote is an attendance list under its label (`_rolls`)."""
    return ROLLS and bool(_ROLL_LABEL.match(text))


@once
def _pieces(
    text: str, rows: bool
) -> tuple[tuple[_Piece, ...], tuple[_Piece, ...], tuple[tuple[int, int, int, str], ...]]:
    """A passage's candidate spans as `candidates` reads them, each with the key it is
    known by (its words, lower-cased): its sentence pieces, each marked when it is a stray
    line that is no candidate; its table rows (`TABLE_ROWS`, when `rows`), each marked
    when it holds emphasis; its whole lists (start, end, items). What stands in the
    passage alone, read once per answer (`once`): an answer takes the candidates of the
    same passages for its abstention signals, its quotes, the search's detail lift (on
    both orders) and the passages below and beside its hits (round 43). Which of them
    are candidates depends on the passages ranked above (`candidates`' `seen`)."""
    sentences = split_sentences(text)
    spans: list[tuple[int, int]] = []
    absorb = False
    for s in sentences:
        if spans and (absorb or ACTION_LINE.match(s.text)):
            # "ACTION: <owners>" belongs to the sentence before it (the splitter may
            # cut after the colon: the owners come along too).
            absorb = not absorb and s.text.rstrip().endswith(":")
            spans[-1] = (spans[-1][0], s.end)
            continue
        absorb = False
        spans.append((s.start, s.end))
    table = _rows_of(text) if TABLE_ROWS and rows else ()
    pieces: list[_Piece] = []
    mended = _division_lines(text, _labelled_lines(text, spans))
    cuts = [
        (_label_start(text, x, table), y)
        for a, b in _row_figures(text, _run_on_colons(text, mended))
        for x, y in _segments(text, a, b)
    ]
    if LABEL_LEAVES_PIECE:
        cuts = _label_left(text, cuts)
    for x, y in cuts:
        piece = text[x:y]
        labels = _LABELLED_MOTION.match(piece) if LABELLED_LINES else None
        read = piece[labels.end() :] if labels else piece
        stray = (
            is_stray(read) and not ACTION_LINE.search(piece) and not labelled_row(piece)
            and not (DIVISION_LINES and _DIVISION_LINE.match(piece))
        )  # fmt: skip
        pieces.append((x, y, " ".join(piece.lower().split()), stray))
    rows_read = tuple(
        (x, y, " ".join(text[x:y].lower().split()), bool(_EMPHASIS.search(text, x, y)))
        for x, y in table
    )
    # A list whose items run on inside one sentence is cut for its items (`cut_items`);
    # the sentence stays one candidate, as the splitter gave it.
    items_cut = [(s.start, s.end) for s in cut_items(text, sentences)]
    lists = tuple(
        # A list is a candidate of its own also when one sentence holds it whole.
        (a, b, items, "list: " + " ".join(text[a:b].lower().split()))
        for a, b, items in list_blocks(text, items_cut)
    )
    return tuple(pieces), rows_read, lists


# -- scoring -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SentenceWeights:
    """How much each piece of evidence counts in a sentence's score (`cosine`, `figure`,
    `phrase` and `roll` chosen on `tune` by `eval.fit_answers`, eval/README.md "Answer
    constants"; the others are set by hand and not yet tuned)."""

    coverage: float = 1.0
    """IDF-weighted share of the question's topic terms in the sentence."""
    phrase: float = 0.0
    """Per adjacent pair of topic terms standing adjacent (at most two count). Tune chose
    0 over 0.1 and 0.2: adjacency mostly rewards common pairs ("social workers")."""
    cosine: float = 1.0
    """The passage's dense cosine, relative to the best passage's."""
    prior: float = 0.1
    """The passage's fused retrieval score, relative to the best."""
    figure: float = 0.3
    """The sentence states a rate or amount and the question asks for a figure (half for
    a bare number)."""
    action: float = 0.35
    """The sentence records an action or resolution and the question asks what was done."""
    procedural: float = 0.6
    """Penalty: meeting housekeeping (minutes approved, apologies, interests)."""
    who: float = 0.15
    when: float = 0.15
    roll: float = 0.35
    """An attendance list under its label when the question asks who attended. Chosen on
    `tune` by `eval.fit_answers` (grid 0, 0.2, 0.35, 0.5; round 44's 16 `ka44-` attendance
    and mover rows among 987 answerable tune questions): flat, objective 0.5979 at every
    value, so the current value stands (`MIN_GAIN`). One tune answer turns on it: at 0 a
    "which councillors were present" answer (ka44-008) opens on the meeting's heading
    sentence with the list second, above 0 on the list alone (evidence equal); eval/README.md
    "The attendance weight chosen on tune, round 44"."""
    target: float = 0.3
    """Penalty, figure questions: an aim or target rather than the measured figure (not
    when the question asks for the aim)."""
    items: float = 0.4
    """A whole list (lead-in and items) when the question asks for several things, as a
    stated figure counts when one is asked (tune: eval/README.md "Answer selection,
    round 5: lists and parts")."""


WEIGHTS = SentenceWeights()

OWN_WORDS_TIES = True
"""Sentences of equal score under an item title are ordered by the share of the topic their
own words hold, the title left out (`_own_words_first`): under a title that names the topic
every sentence of the item holds the title's terms, so coverage tied the sentence that says
the topic ("Each year an updated MRP statement will be presented.") with those around it
that do not, and reading order chose (k25-024, kg9-02). Ties only: as a weight (0.1, 0.01)
the own share raised the question's echo above the sentence that answers in other words,
and the answer's floor with it (eval/README.md "Ties under a title, round 36")."""
_TIE_BREAK = 1e-6
"""What a tied sentence's own share of the topic adds to its score (`OWN_WORDS_TIES`):
below any difference the score's parts make, so it orders the tie and nothing else."""


@dataclass
class Scored:
    """A candidate with its score for one question."""

    candidate: Candidate
    score: float
    coverage: float = 0.0
    """The IDF-weighted share of the question's topic terms the sentence holds."""
    figure_coverage: float = 0.0
    """For a question asking for a figure, the share of its topic the sentence's figures
    are figures of (`figure_coverage`): a measure of the topic, not of something else."""

    @property
    def hit(self) -> Hit:
        return self.candidate.hit


DocumentFrequency = Callable[[str], float]
"""A term's inverse document frequency over the whole archive (the lexical index's)."""


def term_weights(
    terms: Sequence[str], texts: Sequence[str], idf: DocumentFrequency | None = None
) -> dict[str, float]:
    """How much each topic term counts: its inverse document frequency over the archive
    when known (else over the evidence passages), so "exit interviews" counts for more
    than "social workers" when every paper speaks of social workers."""
    if idf is not None:
        return {t: max(idf(t), 0.05) for t in terms}
    stems = [set(ANALYZER.terms(t)) for t in texts]
    n = len(texts)
    return {t: math.log(1 + (n + 1) / (1 + sum(1 for s in stems if t in s))) for t in terms}


_BODY_NAME = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:(?:and|of|for|the|&)\s+)?[A-Z][\w'’-]*){2,}")
"""Three or more capitalised words (joined by "and", "of", "for", "the"): a named body,
scheme or document ("Multi Agency Safeguarding Hub", "Local Government and Social Care
Ombudsman")."""


def topic_stems(
    text: str, terms: Sequence[str], spelled: Sequence[tuple[str, Sequence[str]]] = ()
) -> tuple[str | None, ...]:
    """The text's index terms, less a name's modifier that is the only topic term the
    name holds: "Multi Agency Safeguarding Hub" is about a hub, not about agency staff,
    so it does not make a sentence speak of "agency staffing". A name's last word (the
    thing named: "… Ombudsman") and a name holding two topic terms ("Agency Staff Review
    Group") still count. An abbreviation the question spells out (`spelled`:
    `Aspects.spelled`) holds the terms it stands for, after the text's own."""
    return _topic_stems(text, tuple(terms), tuple((a, tuple(ts)) for a, ts in spelled))


@once
def _topic_stems(
    text: str, terms: tuple[str, ...], spelled: tuple[tuple[str, tuple[str, ...]], ...]
) -> tuple[str | None, ...]:
    """`topic_stems`, read once per answer (`once`): an answer scores its candidates more
    than once (for the abstention signals, for its quotes, for the passages below and
    beside them)."""
    out: list[str | None] = []
    at = 0
    for m in _BODY_NAME.finditer(text):
        name = ANALYZER.terms(m.group())
        stems = [t for t in name if t]
        named = Stems(stems)
        shared = [t for t in terms if named.held(t)]
        if len(shared) != 1 or held(shared[0], {stems[-1]}):
            continue
        out += ANALYZER.terms(text[at : m.start()])
        out += [t if t is None or not held(shared[0], {t}) else None for t in name]
        at = m.end()
    out += ANALYZER.terms(text[at:])
    stood = spelled_stems(text, spelled)
    return (*out, None, *stood) if stood else tuple(out)


def _phrase_matches(terms: Sequence[str], stems: Sequence[str | None]) -> int:
    pairs = set(zip(stems, stems[1:], strict=False))
    return sum(1 for pair in zip(terms, terms[1:], strict=False) if pair in pairs)


def held_weight(
    stems: Sequence[str | None] | Stems, item_title: str | None, weights: Mapping[str, float]
) -> float:
    """The weight of the topic terms a text (its `stems`) and its item title hold: a
    candidate's coverage before it is divided by the terms' total."""
    return sum(weights[t] for t in held_terms_of(stems, item_title, weights))


def held_terms_of(
    stems: Sequence[str | None] | Stems, item_title: str | None, weights: Mapping[str, float]
) -> tuple[str, ...]:
    """The topic terms (`weights`' keys, in their order) a text's `stems` and its item
    title hold: the terms `held_weight` sums."""
    terms = tuple(weights)
    if isinstance(stems, (tuple, Stems)):
        return _held_terms(stems, item_title, terms)
    return _terms_held(stems, item_title, terms)


def _terms_held(
    stems: Sequence[str | None] | Stems, item_title: str | None, terms: tuple[str, ...]
) -> tuple[str, ...]:
    present = stems if isinstance(stems, Stems) else Stems(t for t in stems if t)
    if item_title:
        present |= stems_of(item_title)
    return tuple(t for t in terms if present.held(t))


_held_terms = once(_terms_held)
"""`held_terms_of` kept per answer (`once`) for stems that are read once (`topic_stems`'
tuples, `stems_of`'s `Stems`): each scoring of a sentence asks it again (the abstention
signals, the quotes, the passages below and beside them, round 43)."""


PASSAGE_UNIT = True
"""A passage that heads its table with a money unit ("£'000", "£000s", "£m", "£k" standing
alone as a column's unit, `_MONEY_UNIT`) states its rows' bare amounts in that unit: to a
question asking for money such a row states money, not a bare count ("Increase 1,048.9
4,160.6 3,111.7" under "£'000 £'000 £'000", k5-018). A rule, no constant (eval/README.md
"Figure questions by their amount nouns, "should" as a writer's modal, round 38"); round 37
read every one-decimal row as money and lifted rows whose unit the passage does not state.
Off: a bare amount is a count only."""
_MONEY_UNIT = re.compile(
    r"(?<![\w£])[(\[]?£\s?(?:['’]?000s?|k|m|bn|million|thousands?|millions?)[)\]]?(?![\w.,])",
    re.I,
)
"""A money unit standing alone, as a table's header writes it ("£'000", "£000s", "(£m)"),
not an amount ("£1.2m", "£000s of savings" is prose too rare to matter)."""


def states_money_unit(text: str) -> bool:
    """The passage heads a table's amounts with a money unit (`PASSAGE_UNIT`)."""
    return PASSAGE_UNIT and bool(_MONEY_UNIT.search(text))


RUNNING_TOPIC = 0.25
"""What a sentence gains, as a share of `SentenceWeights.coverage`, for each topic term an
earlier sentence of its passage holds and it does not (`_running_topic`): minutes name the
topic first and say what it holds next in other words ("… proposed several changes to
children's social care." / "The bill also sought to amend the Children Act 2004 …",
k2-202), so the echo of the question outscored the sentence that answers it by the words
the echo repeats. Plain answers only (not a trend's timeline); the score only, not
`Scored.coverage`, so the abstention signals cannot move. Tune (heldout, grid 0, 0.25,
0.5): 0.25 gains k2-134, k2-137, k2-202 and loses none; 0.5 loses k17-026, k22-021 and
kg2-405 to their passages' later sentences. 0: off (eval/README.md "The answer in other
words, round 39")."""


RUNNING_BACK = 0.25
"""What a sentence gains, as a share of `SentenceWeights.coverage`, for each topic term a
*later* sentence of its passage holds and neither it nor an earlier one does
(`_running_topic`): a cause or a subject told before the sentence that names the question's
words ("The collapse of Galley Hill continues to have a severe operational impact on
Fastrack." before "Fastrack has … frozen fares at £2 …", k7-026). Tune (every answerable
row, heldout and converted, grid 0, 0.25, 0.5): 0.25 gains k7-026 and kg12-07 on both and
k30-024 on converted, loses k14-024 on heldout (the OBR's 38.2% quoted from another
passage in place of the gold's 38%); 0.5 loses k7-025 and k22-021 too. 0: off
(eval/README.md "A table's rows are not prose, round 40")."""

ROWS_APART = True
"""A table row takes no running topic from another row of its table (`_running_topic`,
`table_rows`, `labelled_row`): a table's rows are independent entries, not sentences that
go on about what the row above named (converted k6-025, round 39: a row inherited
"children", "school" from the rows above it and outscored the gold row). Prose before a
row still passes it the topic. A rule, no constant. Off: rows inherit as sentences do."""


def _is_row(c: Candidate, rows: Sequence[tuple[int, int]]) -> bool:
    """`c` is a table row: a span of its passage's flattened table (`table_rows`) lies
    inside it or holds it, or it is a label followed by a row's figures (`labelled_row`)."""
    return labelled_row(c.text) or any(
        (a <= c.start and c.end <= b) or (c.start <= a and b <= c.end) for a, b in rows
    )


def _running_topic(
    found: Sequence[Candidate], held_terms: Sequence[frozenset[str]],
    weights: Mapping[str, float],
) -> list[float]:  # fmt: skip
    """For each candidate (`held_terms`: the topic terms each holds, in `found`'s order),
    the lift (a share of the topic weight) of the topic terms the sentences before it in
    its passage hold and it does not (`RUNNING_TOPIC`) and of those only the sentences
    after it hold (`RUNNING_BACK`); under `ROWS_APART` a row's terms reach no other row."""
    by_hit: dict[int, list[int]] = {}
    for i, c in enumerate(found):
        by_hit.setdefault(id(c.hit), []).append(i)
    out = [0.0] * len(found)
    for members in by_hit.values():
        table = _rows_of(found[members[0]].hit.text) if ROWS_APART else ()
        row = [ROWS_APART and _is_row(found[i], table) for i in members]
        for n, i in enumerate(members):
            c = found[i]
            before: set[str] = set()
            after: set[str] = set()
            for m, j in enumerate(members):
                if found[j].items or (row[n] and row[m]):
                    continue
                if found[j].end <= c.start:
                    before |= held_terms[j]
                elif RUNNING_BACK and found[j].start >= c.end:
                    after |= held_terms[j]
            out[i] = RUNNING_TOPIC * sum(weights[t] for t in before - held_terms[i])
            out[i] += RUNNING_BACK * sum(weights[t] for t in after - before - held_terms[i])
    return out


def score_candidates(
    found: Sequence[Candidate],
    aspects: Aspects,
    cosines: Mapping[int, float],
    weights: SentenceWeights = WEIGHTS,
    idf: DocumentFrequency | None = None,
) -> list[Scored]:
    """Each candidate scored for the question's aspects (higher is better)."""
    if not found:
        return []
    hits = {c.hit.passage_id: c.hit for c in found}
    idf_of = term_weights(aspects.terms, [h.text for h in hits.values()], idf)
    total = sum(idf_of.values())
    top_score = max((h.score for h in hits.values()), default=1.0) or 1.0
    best_cos = max((cosines.get(pid, 0.0) for pid in hits), default=0.0)
    # What the abbreviations stand for is the passage's, not the sentence's: read once a
    # passage (by its object: a window's hit shares its passage's id, not its text).
    stood: dict[int, list[tuple[str, tuple[str, ...]]]] = {}
    unit: dict[int, bool] = {}  # the passage states its amounts' money unit
    money = aspects.figure and "money" in aspects.kinds
    own: list[Sequence[str | None]] = []  # each scored sentence's topic stems, for ties
    for c in found:
        if id(c.hit) not in stood:
            stood[id(c.hit)] = spelled_for(aspects.spelled, c.hit)
            unit[id(c.hit)] = money and states_money_unit(c.hit.text)
        own.append(topic_stems(c.text, aspects.terms, stood[id(c.hit)]))
    # The topic terms each sentence holds, read once for its coverage and its running topic.
    held = [
        held_terms_of(stems, c.hit.citation.item_title, idf_of)
        for c, stems in zip(found, own, strict=True)
    ]
    running = [0.0] * len(found)  # each candidate's running-topic lift, a share of coverage
    if (RUNNING_TOPIC or RUNNING_BACK) and total and not aspects.trend:
        sets = [frozenset(terms) for terms in held]
        running = [w / total for w in _running_topic(found, sets, idf_of)]
    out = []
    for c, stems, terms, lift in zip(found, own, held, running, strict=True):
        cov = sum(idf_of[t] for t in terms) / total if total else 0.0
        score = weights.coverage * (cov + lift)
        score += weights.phrase * min(_phrase_matches(aspects.terms, stems), 2)
        score += weights.cosine * (cosines.get(c.hit.passage_id, best_cos - 0.2) - best_cos)
        score += weights.prior * max(c.hit.score, 0.0) / top_score
        if aspects.figure and c.figures:
            # The kind of figure asked for counts in full ("how long": "(3 months)"); else
            # a rate or an amount states more than a bare count.
            kinds = c.kinds | {"money"} if "count" in c.kinds and unit[id(c.hit)] else c.kinds
            if aspects.kinds and aspects.kinds & kinds:
                score += weights.figure
            else:
                measure = any(map(is_measure, c.figures))
                score += weights.figure * (1.0 if measure and not aspects.kinds else 0.5)
            if c.target and not aspects.aim:
                score -= weights.target
        if aspects.action and c.action:
            score += weights.action
        if aspects.many and c.items:
            score += weights.items
        # A noted report is the decision an action question on its topic asks for.
        noted = c.procedural and aspects.action and cov > 0 and noted_only(c.text)
        if (
            c.procedural
            and not noted
            and not (set(aspects.terms) & {"minut", "apolog", "declar", "interest"})
            and not (aspects.attendance and c.roll)  # "was Mr Simkins absent …?"
        ):
            score -= weights.procedural
        if aspects.who and c.named:
            score += weights.who
        if aspects.attendance and c.roll and of_asked_roll(c, aspects.roll):
            score += weights.roll
        if aspects.when and c.dated:
            score += weights.when
        fcov = figure_coverage(c.text, idf_of) if aspects.figure and c.figures else 0.0
        out.append(Scored(c, score, cov, fcov))
    if OWN_WORDS_TIES and total:
        _own_words_first(out, own, idf_of, total)
    return out


def _own_words_first(
    scored: Sequence[Scored], stems: Sequence[Sequence[str | None]],
    weights: Mapping[str, float], total: float,
) -> None:  # fmt: skip
    """Break the ties of sentences under an item title by the topic their own words hold
    (`OWN_WORDS_TIES`; `stems`: each one's topic stems, in `scored`'s order); only tied
    sentences are read again."""
    tied: dict[float, list[tuple[Scored, Sequence[str | None]]]] = {}
    for s, own in zip(scored, stems, strict=True):
        if s.hit.citation.item_title:
            tied.setdefault(s.score, []).append((s, own))
    for group in tied.values():
        if len(group) > 1:
            for s, own in group:
                s.score += _TIE_BREAK * held_weight(own, None, weights) / total
