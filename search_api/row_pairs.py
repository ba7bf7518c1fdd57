"""A budget line's row at each end of its course: the same label in the other papers.

A council states one budget line ("Property related services", "Governance & Law") as a
row of figures in each paper of its course: the monitoring report's forecast, the draft
budget book, the final Key Service Statement. A question tracking the line ("how has the
budget for property related services changed from this year to next", "is the library
budget going up next year compared to this year") reads the line in two of them, and
the two rows are its ends. The ranking finds one of them, where the label sits among the
question's words; the other paper's row stands in a passage of other rows whose labels
are not the question's, and ranks far below (eval/README.md, round 41, r41-trend: 18 of
the 38 heldout tune trend rows with one end in the top 10 and not the other are such a
pair).
A reader who has found the line in one paper looks it up by name in the other.

So, for a question asking for a course (`TemporalIntent.trend`, stages included) or
naming a year from its own time ("next year", "this year's": `RELATIVE_YEAR`), the row
of the top k whose label is most the question's (`ROW_LABEL_SHARE`) is looked up by its
label among the passages of the same council, and the rows of the earliest and latest
meetings holding it are put into the top k, in the places of the lowest-ranked hits that
hold no such row. Nothing else moves; without such a row, or with the row in one meeting
alone, the ranking is as it was. When no row of the top k is the line, the line is looked
up by the question's own words among the papers' rows (`LABEL_LOOKUP`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from indexer.models import Hit, MeetingKey

from .sentences import content_terms, row_labels

__all__ = [
    "LABEL_LOOKUP",
    "NAME_STARTS",
    "ROW_LABEL_SHARE",
    "ROW_PAIRS",
    "SHARED_FIRST",
    "TWO_MEETINGS",
    "asked_label",
    "asked_labels",
    "holds_row",
    "pair_rows",
    "stated_among",
]

ROW_PAIRS = True
"""Put a tracked budget line's rows at its course's ends into the top k (`pair_rows`)."""

ROW_LABEL_SHARE = 0.5
"""Share of a row label's content terms the question must hold for the row to be the line
it asks about: "Governance & Law" for "legal and governance services" holds one of two.
Chosen on tune (grid 0.34, 0.5, 0.67, 1.0; heldout trend both ends@10 first, ties to the
larger share): 0.34 and 0.5 tie, 0.67 and 1.0 lose a row (eval/README.md, round 41)."""

LABEL_LOOKUP = True
"""A line whose row no passage of the top k holds is looked up by the question's own words
(`lookup` of the question, `LOOKUP_DEPTH` passages) and its row found there as in the top k
(`asked_label`, the same share), among the passages of the top k's councils. A question
tracking a budget line ("is kent spending less on health and safety next year") ranks the
papers' narrative about it first; the line's rows, one label among a table's many, rank
below the top k in both its papers, so neither end could lend its label (eval/README.md,
round 53, r53-trends4: the largest kind of a trend end not in the answer's pool on the
heldout tune rows)."""

LOOKUP_DEPTH = 50
"""Passages the label's lexical search reads for its other rows (a row's label is rare
words; its rows rank among the first few)."""

NAME_STARTS = True
"""A label's trailing run of words is a name of its line only where a word written with a
capital begins it (or it is the whole label): a flattened table joins a line's label to
the heading before it, and a label, in a title-case or a sentence-case table alike, begins
with a capital ("… Budgets (ASCH) Innovation and Partnership"). A run that begins inside
a sentence, a savings proposal's description laid out as a row ("… review of the use of
legal services by social workers -150.0"), names no line: read as one, it matched the
question on "legal" and "services" and took the place of "Governance & Law" (k26-030;
eval/README.md, round 54, r54-trends5). A rule of layout, no constant."""

SHARED_FIRST = True
"""Of the names holding `ROW_LABEL_SHARE` of their terms in the question, the one holding
most of the question's terms is the line, then the larger share: a label's one-word end
("Services", "Care", "Support") holds all its terms in nearly any budget question and
took the place of the line whose label holds more of its words ("Adult Mental Health -
Community Based Services" for "mental health services in the community"; a heading,
"Environment & Circular Economy", over its line "Environment and Circular Economy
Divisional management costs"). Round 41 ranked by the share first (eval/README.md,
round 54, r54-trends5). A rule, no constant."""

TWO_MEETINGS = True
"""The line is the best name whose rows stand at two meetings or more (the search: the
rows its label's lookup finds in the anchor's council; the answer: the rows among its
hits): a line is stated in each paper of its course, and a name one paper alone writes
("Strategic Management & Directorate Budgets (ASCH) Innovation and Partnership", the
monitoring appendix's label joined to its heading) pairs nothing, where the next name
("Innovation and Partnership") has rows at both ends. Without it the first name ended
the search for a line, and a line no top hit named at two meetings was not looked up
(`LABEL_LOOKUP`). A rule, no constant (eval/README.md, round 54, r54-trends5)."""

Lookup = Callable[[str, int], list[Hit]]
"""(label, depth) → the passages a lexical search for the label ranks, best first."""


def _terms(text: str) -> set[str]:
    """The words that carry a text's topic (`sentences.content_terms`): a council's
    generic words ("budget", "services") do not make a label the question's."""
    return set(content_terms(text))


def _names(label: str) -> list[str]:
    """A label's trailing runs of words, shortest first: a flattened table joins a row's
    label to the heading before it ("Strategic Management & Directorate Budgets (ASCH)
    Innovation and Partnership"), and the line's own name is the label's end."""
    parts = label.split()
    return [
        " ".join(parts[i:]) for i in range(len(parts) - 1, -1, -1)
        if i == 0 or not NAME_STARTS or _capital(parts[i])
    ]  # fmt: skip


def _capital(word: str) -> bool:
    """The word's first letter is a capital ("(ASCH)" reads "A"; "£7m" reads "m")."""
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].isupper()


def asked_labels(hits: Sequence[Hit], question: str) -> list[tuple[str, Hit]]:
    """Every name of a row of `hits` (a label's trailing words, `_names`) holding
    `ROW_LABEL_SHARE` of its own terms in the question (its council's name left out),
    each once, at its best: the most of the question's terms, then the largest share
    (`SHARED_FIRST`; off, the share first), then the best-ranked hit."""
    asked = _terms(question)
    found: dict[tuple[str, str | None], tuple[tuple[float, float, int], str, Hit]] = {}
    for rank, h in enumerate(hits):
        # The council's own name says nothing of which line ("Kent Resilience").
        named = _terms(h.citation.council or "")
        for label in row_labels(h.text):
            for name in _names(label):
                own = _terms(name) - named
                shared = len(own & asked)
                if not own or shared == 0 or shared / len(own) < ROW_LABEL_SHARE:
                    continue
                key = (
                    (shared, shared / len(own), -rank)
                    if SHARED_FIRST
                    else (shared / len(own), shared, -rank)
                )
                at = (" ".join(name.lower().split()), h.citation.council)
                if at not in found or key > found[at][0]:
                    found[at] = (key, name, h)
    ranked = sorted(found.values(), key=lambda x: x[0], reverse=True)
    return [(name, h) for _, name, h in ranked]


def asked_label(
    hits: Sequence[Hit], question: str, stated: Callable[[str, Hit], bool] | None = None
) -> tuple[str, Hit] | None:
    """The name of a row of `hits` that is most the question's line (`asked_labels`'
    first) whose rows are `stated` (`TWO_MEETINGS`: at two meetings or more; None: any
    name); None when there is no such name."""
    for name, h in asked_labels(hits, question):
        if stated is None or stated(name, h):
            return name, h
    return None


def holds_row(text: str, name: str) -> bool:
    """`text` holds a row whose label ends with `name` (any case, any spacing)."""
    wanted = " ".join(name.lower().split())
    for label in row_labels(text):
        written = " ".join(label.lower().split())
        if written == wanted or written.endswith(" " + wanted):
            return True
    return False


def stated_among(hits: Sequence[Hit]) -> Callable[[str, Hit], bool] | None:
    """Whether a name's rows stand at two dated meetings or more among `hits` (the
    answer's check, `TWO_MEETINGS`); None when the rule is off."""
    if not TWO_MEETINGS:
        return None

    def stated(name: str, _: Hit) -> bool:
        met = {
            h.citation.meeting
            for h in hits
            if h.citation.effective_date and holds_row(h.text, name)
        }
        return len(met) > 1

    return stated


def pair_rows(hits: list[Hit], k: int, question: str, lookup: Lookup) -> list[Hit]:
    """`hits` with the asked line's rows at the earliest and latest meetings stating it
    in the top k (see the module docstring), each in the place of the lowest-ranked hit
    of the top k holding no row of the line; that hit goes to the top of the rest."""
    if not ROW_PAIRS or len(hits) < 2:
        return hits
    cache: dict[tuple[str, str | None], list[Hit]] = {}

    def rows_of(label: str, council: str | None) -> list[Hit]:
        at = (label.lower(), council)
        if at not in cache:
            cache[at] = [
                h for h in lookup(label, LOOKUP_DEPTH)
                if h.citation.council == council and h.citation.meeting_date is not None
                and holds_row(h.text, label)
            ]  # fmt: skip
        return cache[at]

    def stated(label: str, h: Hit) -> bool:
        return len({r.citation.meeting for r in rows_of(label, h.citation.council)}) > 1

    check = stated if TWO_MEETINGS else None
    found = asked_label(hits[:k], question, check)
    if found is None and LABEL_LOOKUP:
        councils = {h.citation.council for h in hits[:k]}
        looked = [h for h in lookup(question, LOOKUP_DEPTH) if h.citation.council in councils]
        found = asked_label(looked, question, check)
    if found is None:
        return hits
    label, anchor = found
    rows = rows_of(label, anchor.citation.council)
    first: dict[MeetingKey, Hit] = {}
    for h in rows:
        first.setdefault(h.citation.meeting, h)
    if len(first) < 2:
        return hits
    top = hits[:k]
    holds = [holds_row(h.text, label) for h in top]
    held = {h.citation.meeting for h, row in zip(top, holds, strict=True) if row}

    def when(h: Hit) -> date:
        return h.citation.meeting_date or date.min

    ends = sorted(first.values(), key=when)
    wanted = [h for h in (ends[0], ends[-1]) if h.citation.meeting not in held]
    if not wanted:
        return hits
    give = [i for i in range(len(top) - 1, -1, -1) if not holds[i]]
    out, moved = list(top), []
    for h, i in zip(wanted, give, strict=False):
        moved.append(out[i])
        out[i] = h.model_copy(update={"score": out[i].score})
    placed = {h.passage_id for h in out}
    rest = [h for h in [*moved, *hits[k:]] if h.passage_id not in placed]
    return out + rest
