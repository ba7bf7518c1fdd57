"""The words minutes label their attendance records with, and name the members by, written once.

Six patterns read them: on the ingestion side `indexer.ingest.structure.ATTENDANCE_LABEL`
(a label alone on its line heads its list) and `indexer.ingest.cleaning.LABEL_LINE` (a
labelled line starts a paragraph, never a title); on the answer side
`search_api.sentences._ROLL_LABEL` (a roll's label in a piece of a passage),
`_APOLOGIES` (a question or a roll naming apologies), `_WANTS_ATTENDANCE` (a question
asking who attended or sent apologies) and, since round 53, `_ROLL_KINDS` (the kind of
record a roll is: the members', the officers', the absent). Each carried its own copy of
the words until round 52, and round 51's Canadian "Regrets" had to be added to all five by
hand (eval/README.md "…, round 51 (r51-foreign7 …)" kind (6)). A word added here reaches
every pattern that reads its kind; each pattern keeps its own frame (which holders, whether
a colon, which letter cases).
"""

from __future__ import annotations

from collections.abc import Sequence

from .irregular import IRREGULAR

APOLOGY_LABELS: tuple[str, ...] = ("apologies", "regrets")
"""The words a list of the members who could not come is headed with, and a question asks
for them by ("Apologies:", Canadian "Regrets:"; "who sent regrets …?")."""

PRESENT_LABELS: tuple[str, ...] = ("present", "in attendance")
"""The words a list of who came is headed with ("PRESENT", "In attendance:"); a holder may
stand before them ("Members Present:", "Members present:": lower case too)."""

OFFICERS_LABELS: tuple[str, ...] = ("in attendance",)
"""The presence labels that head the officers' list, not the members' (Kent's "IN
ATTENDANCE:" under its "PRESENT:"): a roll under one is of the officers' kind
(`search_api.sentences._ROLL_KINDS`); each is one of `PRESENT_LABELS`."""

STAFF_LABELS: tuple[str, ...] = ("staff",)
"""A holder alone heading the officers' list, read as a label only with its colon ("Staff:
City Manager Tom Reyes, City Attorney Jill Park, …", US and Canadian minutes' roll call):
without it the word opens a sentence ("Staff presented a proposal …"). Since round 53
(r53-foreign9) in `LABEL_LINE`, `ATTENDANCE_LABEL` and `_ROLL_LABEL`, of the officers' kind
(`_ROLL_KINDS`)."""

BOARD_TITLES: tuple[str, ...] = (
    "supervisors", "commissioners", "directors", "trustees", "selectmen", "aldermen",
)  # fmt: skip
"""The members of a board by the title its name gives them ("BOARD OF SUPERVISORS, COUNTY
OF ALDER", a US village's "Board of Trustees", "Board of Aldermen"): the boards
`indexer.ingest.metadata._BOARD_OF` reads (its pattern byte-identical since round 56)."""

OFFICER_TITLES: tuple[str, ...] = ("directors",)
"""Board titles that name officers where British and Irish minutes use them (the Director
of Children's Services, "the finance director": 25 tune questions name a director, none a
board's): a question asking "which directors …" is not read as asking for the members."""

MEMBER_TITLES: tuple[str, ...] = (
    "councillors", "councilors", "council members", "councilmembers", "members",
    "elected members", "legislators", *(t for t in BOARD_TITLES if t not in OFFICER_TITLES),
)  # fmt: skip
"""A council's or a board's members by the titles minutes and questions give them: British,
Irish and Canadian "councillors", US "councilors" / "council members" / "councilmembers",
a county legislature's "legislators", and a board's titles (`BOARD_TITLES`: a US village's
"trustees", a county's "supervisors" or "commissioners", a town's "selectmen", a city's
"aldermen"). Written once (round 56, r56-foreign12; round 55's Left (a): "which trustees
were absent …?" was no attendance question, `asks_attendance` listing councillors and
members only); read by every pattern that names the members: the presence and absence
labels' holders (`MEMBER_HOLDERS`: `structure.ATTENDANCE_LABEL`, `cleaning.LABEL_LINE`,
`sentences._ROLL_LABEL`, `_ROLL_KINDS`), a question asking who attended or which members
were present (`sentences._WANTS_ATTENDANCE`, `_ASKED_ROLL`) and who voted
(`temporal.WHO_VOTED`)."""


_PLURAL_ENDINGS = (
    ("sses", "ss"),
    ("xes", "x"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("ies", "y"),
    ("s", ""),
)
"""A regular plural's ending and its singular's, the first that ends the word: WordNet's noun
detachment rules (morphy(7WN), as `eval.irregular_forms` reads them) for the plurals a title
takes ("burgesses" → "burgess", "deputies" → "deputy", "trustees" → "trustee")."""


def singular(title: str) -> str:
    """A title's singular, as a question names one person by it ("which trustee was absent
    …?", "which commissioner voted against …?"): its last word as the analyser's irregular
    forms read it (`indexer.irregular.IRREGULAR`, WordNet's: "selectmen" → "selectman",
    "aldermen" → "alderman"), else its regular plural's ending detached (`_PLURAL_ENDINGS`:
    "council members" → "council member"); a word with no plural ending as it stands
    ("staff")."""
    *head, last = title.split(" ")
    one = IRREGULAR.get(last)
    if one is None:
        plural = next(((p, s) for p, s in _PLURAL_ENDINGS if last.endswith(p)), None)
        one = last[: len(last) - len(plural[0])] + plural[1] if plural else last
    return " ".join([*head, one])


SINGULAR_TITLES = True
"""A question asking for one member or officer by their title ("which trustee was absent
…?", "which supervisor voted against …?", "which official was present?") is read as the
plural is (`MEMBER_TITLE_FORMS`, `OFFICER_NAME_FORMS`): only the plurals were read, and
"which trustee was absent from the board meeting on May 11, 2021?" was no attendance
question (round 56's r56-foreign12 Left (b); eval/README.md "…, round 57 (r57-foreign13
…)"). The singular is read off the one list (`singular`), no second list. A rule, no
constant. Read when the modules load (their patterns are compiled with it). Off: plurals
alone."""

MEMBER_TITLE_FORMS: tuple[str, ...] = (
    *MEMBER_TITLES, *(singular(t) for t in MEMBER_TITLES if SINGULAR_TITLES)
)  # fmt: skip
"""The members' titles as a question names them, plural and singular (`SINGULAR_TITLES`):
what "which …" asks for by a member's title (`sentences._WANTS_ATTENDANCE`, `_ASKED_ROLL`,
`_WANTS_WHO`, `temporal.WHO_VOTED`, `empty.CONTACT_ASKED`). Labels keep the plurals
(`MEMBER_HOLDERS`: "Trustees Present:")."""

MEMBER_HOLDERS: tuple[str, ...] = ("council", *MEMBER_TITLES)
"""The holders a presence or absence label names the members by ("Members Present:",
"Supervisors Present:", "Trustees Absent:", "Council Members Present:"): a roll of the
members' kind."""

OFFICER_NAMES: tuple[str, ...] = ("officers", "officials", "staff")
"""The officers as a question or a label names them ("which officials were present",
"Officials Present:"): a roll of the officers' kind."""

OFFICER_NAME_FORMS: tuple[str, ...] = tuple(
    dict.fromkeys((*OFFICER_NAMES, *(singular(t) for t in OFFICER_NAMES if SINGULAR_TITLES)))
)
"""The officers as a question names them, plural and singular (`SINGULAR_TITLES`: "which
official was present?"); "staff" is both."""

OFFICER_HOLDERS: tuple[str, ...] = (*OFFICER_NAMES, "also")
"""The holders a presence label names the officers and others by ("Officials Present:",
"Staff Present:", "Also Present:"): a roll of the officers' kind."""

ABSENT_LABELS: tuple[str, ...] = ("absent",)
"""The words a list of who was away (without apologies) is headed with ("Absent:",
"Supervisors Absent:")."""

SCOTS_LABELS: tuple[str, ...] = ("sederunt",)
"""Scottish minutes' "Sederunt" (those present): a roll's label in `ATTENDANCE_LABEL` and
`_ROLL_LABEL`, not in `LABEL_LINE` (which never had it)."""


def alternation(words: Sequence[str], spaced: bool = False) -> str:
    """The words as one regex alternation ("apologies|regrets"), for a pattern read with
    `re.IGNORECASE` (or inside `(?i:…)`); a space between words stays a single space, or
    with `spaced` any run of white space ("in\\s+attendance")."""
    if spaced:
        return "|".join(r"\s+".join(w.split(" ")) for w in words)
    return "|".join(words)


def cased_alternation(words: Sequence[str], lower: bool = False) -> str:
    """The words as a case-sensitive alternation in the cases minutes print a label in:
    all capitals or capitalised ("ABSENT|Absent"), and with `lower` each word lower case
    too ("PRESENT|[Pp]resent", "IN ATTENDANCE|[Ii]n [Aa]ttendance"): never "pReSeNt"."""

    def capitalised(word: str) -> str:
        if lower:
            return " ".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in word.split(" "))
        return " ".join(w[0].upper() + w[1:] for w in word.split(" "))

    return "|".join(f"{w.upper()}|{capitalised(w)}" for w in words)
