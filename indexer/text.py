r"""One idea of a word for the whole system: what BM25 indexes, what a query asks for,
what a highlight marks and what an answer counts as covering the question.

Words are `[^\W_]+` runs, lower-cased, without diacritics, Porter-stemmed (FTS5's
`porter unicode61 remove_diacritics`, which the ranking was tuned with), an irregular
form ("held", "children") stemmed as its base word ("hold", "child"). Stopwords get
no index term. Highlights mark the words of a passage whose term is a term of the query,
so the page marks exactly what BM25 matched. Sentence splitting lives here too: quotes
in answers and briefings are slices of the sentences it finds.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import threading
import unicodedata
from collections.abc import Callable, Collection, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass

import Stemmer

from .derived import ACTS
from .irregular import IRREGULAR
from .once import once

__all__ = [
    "AGENTS",
    "ANALYZER",
    "ANALYZER_VERSION",
    "DERIVATIONS",
    "ENDINGS",
    "INFLECTIONS",
    "LEADING_NUMBER",
    "LIST_LEAD",
    "LIST_MARK",
    "MIN_STEM",
    "STOPWORDS",
    "WORD",
    "WRITTEN_WORD",
    "Analyzer",
    "Sentence",
    "Stems",
    "act_verbs",
    "held",
    "highlights",
    "is_line_boundary",
    "line_breaks",
    "measure",
    "same_word",
    "sentence_spans",
    "sentence_starts",
    "sentences",
    "split_sentences",
    "stems_of",
    "with_line_breaks",
    "without_line_breaks",
    "words",
]

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "done",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "me",
        "more",
        "most",
        "my",
        "no",
        "nor",
        "not",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "said",
        "same",
        "say",
        "she",
        "should",
        "show",
        "so",
        "some",
        "such",
        "tell",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
    ]
)
"""English function words: no query asks for them, so they get no posting list."""

WORD = re.compile(r"[^\W_]+")
"""A word as the analyser cuts one: letters and digits, no underscore; the one word pattern
the lexical side, abstention and sentence scoring share."""


WRITTEN_WORD = r"[^\W\d_][\w'’-]*"
"""A word as a sentence writes it, for patterns that read phrases around it: a letter, then
letters, digits, apostrophes and hyphens ("council's", "long-term"); `WORD` is how the
analyser cuts words."""


def words(text: str) -> list[str]:
    """The words of `text`, lower-cased, as the analyser cuts them (before stemming)."""
    return WORD.findall(text.lower())


IRREGULAR_FORMS = True
"""An irregular form ("held", "children", "women") is stemmed as the word it is a form of
(`indexer.irregular.IRREGULAR`: "hold", "child", "woman"), so a question and a passage
that use two forms of one word share its term. The list is generated from WordNet
(`python -m eval.irregular_forms`): light verbs' forms ("taken", "made"), modal verbs'
("might") and homographs ("LED", "data", "ground") are left out by rule. Off: analyser
1's terms (Porter alone), which an index built by analyser 3 does not match
(`ANALYZER_VERSION`). Read at import and when a word is first stemmed (`Analyzer` keeps
its terms)."""


ANALYZER_VERSION = 3 if IRREGULAR_FORMS else 1
"""Raised whenever `Analyzer` makes other terms from the same text (stemmer, stopwords,
word pattern, irregular forms): an index records it beside its BM25 constants, and
postings made by another analyser are rebuilt from the passage store instead of served
against queries analysed differently. 2: irregular forms stemmed as their base word
(`IRREGULAR_FORMS`, rounds 52-53; no index of round 52's unmerged list was published).
3: a modal verb's forms left out of them ("might" no longer "may", the month's word;
`eval.irregular_forms` step 4, round 54)."""


class Analyzer:
    """Text to index terms: words, lower-cased, without diacritics, an irregular form read
    as its base word (`IRREGULAR_FORMS`), Porter-stemmed."""

    def __init__(self) -> None:
        self._stemmer = Stemmer.Stemmer("porter")
        self._stemmer_lock = threading.Lock()  # a Stemmer must not be called concurrently
        self._terms: dict[str, str | None] = {}

    def term(self, word: str) -> str | None:
        """The index term of one lower-cased word; None for a stopword."""
        term = self._terms.get(word, "")
        if term == "":
            plain = word if word.isascii() else _strip_diacritics(word)
            if plain in STOPWORDS:
                term = None
            else:
                if IRREGULAR_FORMS:
                    plain = IRREGULAR.get(plain, plain)
                with self._stemmer_lock:
                    term = self._stemmer.stemWord(plain)
            if len(self._terms) < 1_000_000:
                self._terms[word] = term
        return term

    def terms(self, text: str) -> list[str | None]:
        """Index terms of every word in order, None for stopwords (positions kept)."""
        return [self.term(word) for word in words(text)]

    def query_terms(self, query: str) -> list[str]:
        """Distinct content terms of a query, in order."""
        return list(dict.fromkeys(t for t in self.terms(query) if t))

    def weighted_query_terms(self, query: str, known: Container[str]) -> dict[str, float]:
        """Content terms of a query with their weights, compounds spelt both ways added
        (`joined_compounds` at full weight, `split_compound` parts at SPLIT_WEIGHT)."""
        weights = dict.fromkeys(self.query_terms(query), 1.0)
        words = WORD.findall(query.lower())
        for t in joined_compounds(words, self.term, known):
            weights.setdefault(t, 1.0)
        for w in words:
            if len(w) >= 2 * COMPOUND_PART and self.term(w) is not None:
                parts = split_compound(w, self.term, known)
                for t in parts or ():
                    weights.setdefault(t, SPLIT_WEIGHT)
        return weights


COMPOUND_PART = 4
"""Shortest part a query word is split into ("case|loads"); shorter parts ("over|all")
split too many ordinary words."""
SPLIT_WEIGHT = 0.5
"""A split compound's parts count half: "case" and "load" may stand apart in a passage."""


def joined_compounds(words: Sequence[str], term: Callable[[str], str | None],
                     known: Container[str]) -> list[str]:  # fmt: skip
    """Terms of adjacent query words written as one ("case loads" → `caseload`, "call in"
    → `callin`), when the index knows the joined word: papers spell compounds both ways."""
    out = []
    for left, right in itertools.pairwise(words):
        if not (left.isalpha() and right.isalpha()) or term(left) is None or term(right) is None:
            continue  # "2025-26 and" is no compound, nor is "call in" (a stopword)
        joined = term(left + right)
        if joined is not None and joined in known:
            out.append(joined)
    return out


def split_compound(word: str, term: Callable[[str], str | None],
                   known: Container[str]) -> tuple[str, str] | None:  # fmt: skip
    """A query word the index does not know, as two parts it knows ("caseloads" → `case`,
    `load`); the most even cut wins. None for a known word (splitting "integrated" into
    `int` + `grate` only adds noise) or when no cut is known."""
    whole = term(word)
    if whole is None or whole in known or not word.isalpha():
        return None
    best: tuple[str, str] | None = None
    best_short = 0
    for cut in range(COMPOUND_PART, len(word) - COMPOUND_PART + 1):
        left, right = term(word[:cut]), term(word[cut:])
        short = min(cut, len(word) - cut)
        if left in known and right in known and short > best_short:
            best, best_short = (left, right), short  # type: ignore[assignment]
    return best


# -- one word in two forms ----------------------------------------------------------------
# Whether two stems are one word, for the answer signals that ask whether a text (or the
# archive) holds a question's word in some form (`search_api.abstention.holds`,
# `search_api.archive._shorter_form`).


def measure(stem: str) -> int:
    """Porter's measure of a stem: how many vowel-consonant sequences it holds ("tr" 0,
    "walk" 1, "environ" 3; "y" after a consonant is a vowel). The stemmer strips a
    derivational ending ("-er", "-ment", "-al") only from a stem measuring more than 1:
    on a shorter one the ending often makes another word ("base" / "basement")."""
    out, vowel = 0, False
    for i, c in enumerate(stem):
        v = c in "aeiou" or (c == "y" and i > 0 and stem[i - 1] not in "aeiou")
        out += vowel and not v
        vowel = v
    return out


MIN_STEM = 4
"""Stems this long or longer match a longer stem they begin ("staf" of "staffing" and
"staff" of "staff"): the stemmer does not always bring a word's forms together."""

INFLECTIONS = frozenset(("e", "s", "es", "ed", "ing", "ies", "ren", "er", "ers"))
"""Endings of one word's grammatical forms (plural, past, "-ing", the comparative "-er")
and the letters the stemmer leaves of them ("staf" of staffing / "staff", "child" /
"children", "bas" / "base"): the same word whatever the length of its stem. The letters
"-er" also make the doer ("walker", "builder", "merger" of "merge"): they do not tell the
two apart, and on the tune rows the doer read as its verb's word answered more rows
rightly than wrongly (eval/README.md, round 32), so both read as inflections. The doer's
"-or" and "-ist" are not here: see `AGENTS`."""
AGENTS = frozenset(("or", "ors", "ist", "ists"))
"""Endings that make a person from a word ("councillor" of "council", "director" of
"direct", "specialist" of "special"). The stemmer never strips them, on a stem of any
measure (its "-ator" becomes "-ate", so "operator" and "operate" already share a stem):
a pair that still differs by one is never a word the stemmer cut one step short, and a
question about councillors is not answered by a passage about the council. Not in
`ENDINGS`: two words (round 33)."""
DERIVATIONS = frozenset((
    "y", "i", "al", "ally", "ial", "ment", "ments", "ion", "ions", "ation", "ity", "ive",
    "ism", "ic", "ical", "ness", "ary", "ari",
))  # fmt: skip
"""Endings that make another word from a word ("-ment", "-al", "-ity", "-y" of "rainy").
The stemmer strips them itself from a stem measuring more than 1 (`measure`), so a pair
that still differs by one there is the same word the stemmer cut one step short
("environ" / "environment" of "environmental"); on a shorter stem it keeps the ending
because there it often makes another word: "base" / "basement", "state" / "statement",
"count" / "county", "part" / "party" (round 32)."""
ENDINGS = INFLECTIONS | DERIVATIONS
"""What may follow a question's stem in a longer stem of the archive for the abstention
signals to count it as the same word (`search_api.abstention.holds`), perhaps after a
doubled last letter ("plan" / "planner"). Anything else makes another word: "kerb" of
"kerbside", "hous" of "household", "fire" of "fireworks" (round 20), and a person of
`AGENTS` (round 33)."""


def same_word(term: str, stem: str) -> bool:
    """Whether two stems are one word: equal, or the longer is the shorter (`MIN_STEM`
    letters or more) with one of `INFLECTIONS`, or of `DERIVATIONS` when the shorter
    measures more than 1 (`measure`), perhaps after its last letter doubled; never with
    one of `AGENTS` (a person, not the thing)."""
    if term == stem:
        return True
    short, longer = (term, stem) if len(term) < len(stem) else (stem, term)
    if len(short) < MIN_STEM or not longer.startswith(short):
        return False
    rest = longer[len(short) :]
    if rest[0] == short[-1] and rest not in ENDINGS:
        rest = rest[1:]  # a doubled last letter: "staf" / "staff", "plan" / "planner"
    return not rest or rest in INFLECTIONS or (rest in DERIVATIONS and measure(short) > 1)


def held(term: str, stems: Collection[str]) -> bool:
    """Whether a text's stems hold the term, or a form of it the stemmer kept apart: equal,
    or one stem (`MIN_STEM` letters or more) begins the other. The prefix rule answer
    sentences keep (`search_api.sentences`); it also counts a compound the stem begins
    ("kerb" of "kerbside"), which `same_word` does not."""
    return Stems.of(stems).held(term)


class Stems:
    """A text's index terms, read for whether they hold a word in some form (`held`,
    `same_word`). Only a stem that begins the term or that the term begins can be a form
    of it, so the terms are kept sorted and those two kinds are found by lookup (the
    term's prefixes in the set, the stems it begins by bisection) instead of comparing
    the term with every stem: an answer asks this of every sentence of its evidence for
    every question term, again per signal (round 36)."""

    __slots__ = ("_set", "_sorted")

    def __init__(self, stems: Iterable[str]) -> None:
        self._set = frozenset(stems)
        self._sorted = tuple(sorted(self._set))

    @classmethod
    def of(cls, stems: Collection[str]) -> Stems:
        """`stems` as `Stems` (itself when it is one already)."""
        return stems if isinstance(stems, Stems) else cls(stems)

    def __contains__(self, term: object) -> bool:
        return term in self._set

    def __iter__(self) -> Iterator[str]:
        return iter(self._sorted)

    def __len__(self) -> int:
        return len(self._set)

    def __or__(self, other: Stems) -> Stems:
        return self if not other._set - self._set else Stems(self._set | other._set)

    def begun(self, prefix: str) -> list[str]:
        """The stems that begin with `prefix` (`prefix` itself among them when held)."""
        at = bisect.bisect_left(self._sorted, prefix)
        out = []
        while at < len(self._sorted) and self._sorted[at].startswith(prefix):
            out.append(self._sorted[at])
            at += 1
        return out

    def prefixes(self, term: str, shortest: int = MIN_STEM, rest: int = 1) -> list[int]:
        """The lengths of the term's own beginnings held here, from `shortest` letters to
        all but `rest` of them."""
        return [n for n in range(shortest, len(term) - rest + 1) if term[:n] in self._set]

    def held(self, term: str) -> bool:
        """`held`: the term, a stem it begins, or a beginning of it (`MIN_STEM` letters
        or more) is here."""
        if term in self._set:
            return True
        if len(term) < MIN_STEM:
            return False
        return bool(self.begun(term) or self.prefixes(term))

    def forms(self, term: str) -> list[str]:
        """The stems here that are the term's word (`same_word`), each once."""
        out = [term] if term in self._set else []
        if len(term) >= MIN_STEM:
            out += [x for x in self.begun(term) if x != term and same_word(term, x)]
            out += [term[:n] for n in self.prefixes(term) if same_word(term, term[:n])]
        return out


@once
def stems_of(text: str) -> Stems:
    """The content terms (`Analyzer.terms`, stopwords left out) of a text, read once per
    answer (`once`) however many signals and sentence scores ask of the same sentence or
    passage."""
    return Stems(t for t in ANALYZER.terms(text) if t)


def _strip_diacritics(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


ANALYZER = Analyzer()
"""The shared analyser: its cache of stems serves every caller in the process."""


@functools.cache
def _act_verbs() -> dict[str, frozenset[str]]:
    """`indexer.derived.ACTS` read through the analyser: an act noun's term → its verbs'."""
    out: dict[str, set[str]] = {}
    for noun, verbs in ACTS.items():
        term = ANALYZER.term(noun)
        if term is not None:
            out.setdefault(term, set()).update(t for v in verbs if (t := ANALYZER.term(v)))
    return {t: frozenset(v) for t, v in out.items()}


def act_verbs(term: str) -> frozenset[str]:
    """The index terms of the verbs an act's noun names the act of, for the noun's term
    ("closur" → "close", "extens" → "extend": `indexer.derived.ACTS`, WordNet's `noun.act`
    nouns and their derivational pointers, generated by `eval.derived_forms`): the pairs
    the analyser's stems keep apart. Empty for any other term."""
    return _act_verbs().get(term, frozenset())


def highlights(text: str, query_terms: Iterable[str], limit: int = 12) -> list[str]:
    """Words of a passage, as written, whose index term is one of the query's terms.

    The page marks these up: they are the words BM25 matched, so "Agency" is marked for
    "agency" (one stem) but "Agenda" is not, whatever the letters they share.
    """
    wanted = set(query_terms)
    if not wanted:
        return []
    found: dict[str, None] = {}
    for match in WORD.finditer(text):
        word = match.group(0)
        if word not in found and ANALYZER.term(word.lower()) in wanted:
            found[word] = None
            if len(found) >= limit:
                break
    return list(found)


# -- sentences --------------------------------------------------------------------------
# One sentence finder for the whole system: chunking cuts passages only where it finds a
# sentence end, and answers and briefings quote the sentences it finds.

_ABBREVIATION_WORDS = (
    "mr mrs ms miss dr prof cllr cllrs cr crs councillor rev st no nos e.g i.e eg ie etc vs"
    " approx para paras cf fig figs inc ltd co op ref refs tel ext dept govt"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
)
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
"""Words a full stop follows without ending the sentence ("Mr. Smith", "e.g. the")."""
_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"'\u2019\u201d)\]]*(?=\s)")
_NEXT_STARTS = re.compile(r"\s+(?=[\"'\u2018\u201c(\[]?[A-Z0-9\u00a3$\u20ac\u2022-])")


def _is_abbreviation(word: str) -> bool:
    """A word a full stop may follow inside a sentence: "Mr", "e.g", an initial ("J")."""
    word = word.lower().lstrip("(\"'\u2018\u201c")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def sentence_starts(text: str) -> list[int]:
    """Offsets where a sentence of `text` starts (0 first): after ". ", "? ", "! " or a
    line break, when the next word opens a sentence and the stop is not an abbreviation
    ("Mr.", "e.g.") or an initial ("J. Smith")."""
    starts = [0]
    for line in re.finditer(r"\n+", text):
        if line.end() < len(text):
            starts.append(line.end())
    for match in _SENTENCE_END.finditer(text):
        gap = _NEXT_STARTS.match(text, match.end())
        if gap is None or gap.end() >= len(text):
            continue
        word_start = max(text.rfind(" ", 0, match.start()), text.rfind("\n", 0, match.start()))
        if text[match.start()] == "." and _is_abbreviation(text[word_start + 1 : match.start()]):
            continue
        starts.append(gap.end())
    return sorted(set(starts))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, surrounding white space excluded."""
    starts = sentence_starts(text)
    spans = []
    for a, b in zip(starts, [*starts[1:], len(text)], strict=True):
        piece = text[a:b]
        if piece.strip():
            a += len(piece) - len(piece.lstrip())
            b -= len(piece) - len(piece.rstrip())
            spans.append((a, b))
    return spans


def sentences(text: str) -> list[str]:
    """`text` cut at `sentence_starts`, each piece verbatim and stripped."""
    return [text[a:b] for a, b in sentence_spans(text)]


_LIST_BOUNDARY = re.compile(
    r"(?<=:)\s+(?=[\u2022\u25aa\-\u2013]|[A-Z])"  # the start of a list
    r"|\s+(?=[\u2022\u25aa])|\s+(?=[-\u2013]\s+[A-Z])"  # a bullet, or a dash used as one
    r"|\s*;\s+(?=[a-z]\))"  # "; b)" in a lettered list
)
"""Where a quotable piece ends inside a sentence: list items are quoted one at a time."""
LIST_MARK = r"\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]"
"""A list item's number, letter or roman numeral: "2.", "(b)", "iv)"."""
LIST_LEAD = re.compile(rf"(?::|\bfollow(?:ing|s)\b[^.]{{0,20}})(?:\s+{LIST_MARK})?\s*$")
"""A sentence that introduces a list: "… an update on the following:", also when the
splitter left the first item's number on it ("… requesting the following: 1.")."""
LEADING_NUMBER = re.compile(r"^\(?\d+(?:\.\d+)*\)?\.?\s+|^[\u2022\u25aa\-\u2013]\s*|^\(?[a-z]\)\s+")
"""A paragraph's or item's number, or a bullet, opening a sentence or passage ("41.4 ",
"(b) ", "• "): where the text stands in its document, not what it says."""


@dataclass(frozen=True)
class Sentence:
    """A sentence as a (start, end) slice of its passage, so quotes stay verbatim."""

    start: int
    end: int
    text: str


@once
def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences of a passage as (start, end) slices of its text, numbering trimmed off.

    The sentences are `sentence_spans`' (the ones chunking cuts at), each further cut
    where a list starts or a list item begins, so an answer can quote one item. A slice
    is verbatim by construction, so a quote taken from it stands in the passage. Split
    once per answer (`once`): its candidates, each abstention signal and each quote it
    reads on or back from split the same passages.
    """
    out: list[Sentence] = []
    for start, end in sentence_spans(text):
        for m in _LIST_BOUNDARY.finditer(text, start, end):
            _add_sentence(out, text, start, m.start())
            start = m.end()
        _add_sentence(out, text, start, end)
    return tuple(out)


FIGURE_OPENS = re.compile(r"^\d+\s+[a-z]")
"""A sentence opening with a bare whole number before a lower-case word ("164 social homes
had been delivered in 2018 …"): the number is the sentence's figure, not a paragraph's
number (those stand before a capital, "3 The council …", or carry a stop or bracket, "1.",
"(2)"), so the sentence keeps it (round 51: an Irish report's count was quoted without its
figure, "social homes had been delivered …")."""
KEEP_OPENING_FIGURE = True
"""`FIGURE_OPENS` read. Off: every leading number is trimmed as a paragraph's."""


def _add_sentence(out: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    lead = LEADING_NUMBER.match(piece)
    if lead and not (KEEP_OPENING_FIGURE and FIGURE_OPENS.match(piece)):
        start += lead.end()
    while end > start and text[end - 1] in " \t":
        end -= 1
    if end - start < 2:
        return
    out.append(Sentence(start, end, text[start:end]))


# -- line breaks kept for answers (round 44) -------------------------------------------------
# A passage's stored text collapses white space (its id, vector and lexical terms read that
# form), which glues a line that ends unterminated (a heading, a label, a table row, a
# lead-in's list) onto the sentence after it. The offsets of the spaces that were line
# breaks are stored beside the text (`line_breaks`), and the text a reader is given puts
# back those that end a line of another kind than a wrapped sentence (`with_line_breaks`):
# the same length, so every offset into it is an offset into the stored text, and
# `sentence_starts` cuts there.

_BULLET = r"[\u2022\u25aa\-\u2013*]"
"""A bullet a converted or wrapped line opens with: "•", "▪", "-", "–", "*"."""
_LINE_ITEM = re.compile(rf"{_BULLET}|{LIST_MARK}\s|[ivx]{{2,4}}\s+[A-Z]")
"""A line opening a list item: a bullet, "2." / "(b)" / "iv)", or a bare roman numeral
before a capital ("ii Independent review …", a footnote list)."""
_FIGURES_ONLY = re.compile(r"[\d.,%£$€()\[\]+\-\u2013/* ]*\d[\d.,%£$€()\[\]+\-\u2013/* ]*")
"""A line of figures and nothing else: a table row's values wrapped under its label."""
_TERMINATED = re.compile(r"[.!?\u2026][\"'\u2019\u201d)\]]*$")
_GOES_ON = re.compile(r"[,\-\u2013&/(]$")
"""A line ending where a clause goes on: a comma, a joining dash, "&", "/", "("."""
_LEAD_IN = re.compile(r":[-\u2013]?$")
"""A line ending as a lead-in does ("That the Council:", "This included:-")."""
_LABEL = re.compile(r"[A-Z][\w'\u2019&/-]*(?: [\w'\u2019&/-]+){0,2} ?:\s")
"""A line opening with a label of three words at most ("Venue: …", "Key decision: …"):
a field of a form or a heading block, not running prose."""
_SOURCE_LINE = re.compile(r"(?:Sources?|SOURCES?)\s*:\s")
"""A table's source line ("Source: Finance Department, draft 2021 budget"): it closes
its table, printed with no full stop, and the label or motion under it ("Resolution No.
2020-312", "Moved by …") is not its sentence."""
_BULLET_LINE = re.compile(rf"{_BULLET}\s+\S")
"""A bulleted line ("- Build on …", "• …")."""
WRAPPED_WORDS = 8
"""A bulleted line of more than this many words that ends on a capitalised word wrapped
inside a name, in a cell or a column: "- Build on the successful Revalidation of KCC's
Employers Recognition Gold" / "Award which was received in October 2023." A bullet is a
list's item, not a heading over what follows; a short one ("- Our Special Schools'
Review", "- 1-2-1 Family Work") may stand whole over a paragraph. Not for any long line:
a table's cell ("Maximise scope of effective scrutiny by all Members") and a form's
answer ("… Answer: Yes/No") end as such a line does. Gridded in round 46 (4, 6, 8, 10, 12,
none) over the 13,766 stored breaks of Kent, converted Kent, Kingston and the seeds: 6 and 8
decide all alike; 4 joins a short bullet to the paragraph under it (2 breaks), 10, 12 and
none cut 1, 5 and 11 bullets inside a name, every one read wrong; no tune row moves at 4 or
none (heldout, converted). 8 stays (eval/README.md, round 46, r46-foreign)."""
PROSE_WORDS = 4
"""A line read as running prose has at least this many words and ends as a sentence does:
shorter, or unterminated, it is a cell, a label or a row's note ("Amendment lost.",
"Active Kent Mar 2026"), read on with the line above as before."""


def line_breaks(text: str) -> tuple[int, ...]:
    """Offsets, in `text` with its white space collapsed (`" ".join(text.split())`), of
    the spaces that stand for one or more line breaks."""
    out: list[int] = []
    position, last = 0, None
    for m in re.finditer(r"\S+", text):
        if last is not None:
            if "\n" in text[last : m.start()]:
                out.append(position)
            position += 1
        position += m.end() - m.start()
        last = m.end()
    return tuple(out)


def is_line_boundary(line: str, nxt: str) -> bool:
    """Whether a line break between `line` and `nxt` ends a sentence for an answer, by
    the kind of the two lines, never their words. A list item's line (a bullet, "a)",
    "2.") is left to the list rules (`_LIST_BOUNDARY`, `search_api.sentences.list_blocks`:
    a lead-in quoted with its list); a line of figures alone goes on the row above it
    (its values, even after a cell that ends as a sentence); a lead-in's line (ending in
    a colon) opens a sentence; a terminated line ends one; a line opening lower-case goes
    on the line above (a wrapped sentence), as does any line after one ending on a comma
    or a joining dash; a table's source line ends one (`_SOURCE_LINE`); a long bullet's
    line ending inside a name goes on (`WRAPPED_WORDS`); any other unterminated line (a
    heading, a label, a table row) ends where the next line is running prose
    (`PROSE_WORDS`, not a labelled field): a table's cells and rows, and a form's fields,
    stay one piece, as the collapsed text read them."""
    if _LINE_ITEM.match(nxt) or _FIGURES_ONLY.fullmatch(nxt):
        return False
    if _LEAD_IN.search(nxt) or _TERMINATED.search(line):
        return True
    if nxt[:1].islower() or _GOES_ON.search(line):
        return False
    if _SOURCE_LINE.match(line):
        return True
    if _is_wrapped_bullet(line):
        return False
    prose = _TERMINATED.search(nxt) and not _LABEL.match(nxt)
    return bool(prose) and len(nxt.split()) >= PROSE_WORDS


def _is_wrapped_bullet(line: str) -> bool:
    words = line.split()
    return bool(_BULLET_LINE.match(line)) and len(words) > WRAPPED_WORDS and words[-1][:1].isupper()


def with_line_breaks(text: str, breaks: Sequence[int]) -> str:
    """`text` with a line break for each of `breaks` (spaces that were line breaks,
    `line_breaks`) that `is_line_boundary` keeps: the same length, every other character
    the same."""
    if not breaks:
        return text
    chars = list(text)
    edges = [-1, *breaks, len(text)]
    for i, at in enumerate(breaks, start=1):
        if text[at : at + 1] != " ":
            continue  # not this text's break (a text stored before its breaks)
        line, nxt = text[edges[i - 1] + 1 : at], text[at + 1 : edges[i + 1]]
        if is_line_boundary(line, nxt):
            chars[at] = "\n"
    return "".join(chars)


def without_line_breaks(text: str) -> str:
    """A reader's text (`with_line_breaks`) as it is stored: each kept break a space again,
    the same length. What an answer quotes and cites, so every quote stands verbatim in
    the archive's stored text."""
    return text.replace("\n", " ")
