r"""Generate `indexer/irregular.py` (the analyser's irregular forms) from WordNet 3.0.

    python -m eval.irregular_forms [--wordnet /usr/share/wordnet] [--check]

Reads only WordNet's own files (Debian's `wordnet-base` 1:3.0-37 installs them in
/usr/share/wordnet; the project does not depend on it): the morphological exception
lists `verb.exc` and `noun.exc`, the lemma indexes `index.{noun,verb,adj,adv}`, the
synsets of `data.noun` (how a noun is written) and `cntlist.rev` (how often each sense
was tagged in the SemCor concordance, part of the Brown corpus). No archive is read, so
the same procedure gives the same list whatever council's papers it serves.

1. Pairs: every form of `verb.exc` / `noun.exc`, plus WordNet's "-men" → "-man"
   detachment applied to its noun lemmas "man", "woman" and compounds of a WordNet word
   and either ("chairmen", not "alabamen"). A form is kept when it and its base are
   alphabetic, it has one base, neither is a stopword and Porter does not already give
   them one term (round 52's step 1, unchanged).
2. Light verbs: a form of a light (delexical) verb is left out — take, get, go, make,
   come, give, have, do, put, set: verbs that frame a question ("how much was taken",
   "what was made of") rather than name its topic, so their forms are everywhere in
   papers and joining them adds matches that carry no topic (round 52's measured loss).
3. Homographs, by WordNet alone: the *other readings* of a form are the WordNet lemmas
   other than its base that are spelt as the form, or that the form reduces to by
   WordNet's regular detachment rules (morphy: "lives" → "live", "imagines" → "imagine").
   A form with no other reading is kept: a stem collision is no reading ("indices" is
   never "indicate", "rang" never "range"; joining them to their base parts them). A form
   with other readings is kept only when none of them is a spelling variant of its base
   (shares a synset with it: "programmes" is also the plural of "programme", which Porter
   already joins to it), none is a name (every noun synset writes it capitalised: "Kent",
   "Drew", "SAT", "LED") and its base was tagged in SemCor, in the form's
   part of speech, more often than all its other readings together ("found": find 705
   against found/establish 16, kept; "ground": grind 10 against ground 126, left out).
4. Modal verbs (round 54): a form whose base is a modal auxiliary (`MODAL_VERBS`) is left
   out, as a light verb's is: a modal says how likely or bound something is and never
   names a topic, and the one modal the analyser keeps as a word, "may", is kept for the
   month ("can", "could", "should", "will", "would" are stopwords). WordNet's `verb.exc`
   joins "might" to "may", so "might be cancelled" met "the elections in May" (round 53,
   Left (a)); of the list this leaves out "might" alone ("canned"/"canning" → "can" fall
   to the stopword step).
"""

from __future__ import annotations

import argparse
import collections
import sys
import textwrap
from pathlib import Path

import Stemmer

from indexer.text import STOPWORDS

__all__ = ["LIGHT_VERBS", "MODAL_VERBS", "generate", "main", "render"]

LIGHT_VERBS = frozenset(["take", "get", "go", "make", "come", "give", "have", "do", "put", "set"])
"""Light (delexical) verbs as English grammars name them: Jespersen's light verbs (have,
take, give), COBUILD English Grammar §3.34's verbs "often delexical" (give, have, make,
take first), do and go in teaching grammars, and the general verbs get, come, put, set.
Chosen as a kind, no word for a row."""

MODAL_VERBS = frozenset(
    ["can", "could", "may", "might", "must", "shall", "should", "will", "would", "ought"]
)
"""The modal auxiliaries of English grammar (the central modals of Quirk et al., *A
Comprehensive Grammar of the English Language* §3.40: can/could, may/might, shall/should,
will/would, must; and "ought", their marginal modal): a closed class of function words,
chosen as a kind before any row was read."""

TARGET = Path(__file__).resolve().parent.parent / "indexer" / "irregular.py"

_DETACH = {  # WordNet's morphy(7WN) rules: suffix → ending, by part of speech
    "n": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
          ("shes", "sh"), ("men", "man"), ("ies", "y")],
    "v": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
          ("ing", "e"), ("ing", "")],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
}  # fmt: skip
_POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
_SS_TYPE = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}  # sense key → part of speech


class WordNet:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.lemmas: dict[str, set[str]] = {}  # part of speech → lemmas
        self.offsets: dict[tuple[str, str], list[int]] = {}  # (lemma, pos) → its synsets
        for name, pos in _POS.items():
            found = self.lemmas[pos] = set()
            for line in (root / f"index.{name}").read_text().splitlines():
                if line.startswith(" "):
                    continue
                fields = line.split()
                found.add(fields[0])
                synsets = int(fields[2])
                self.offsets[fields[0], pos] = [int(o) for o in fields[-synsets:]]
        self.counts: collections.Counter[tuple[str, str]] = collections.Counter()
        for line in (root / "cntlist.rev").read_text().splitlines():
            key, _sense, count = line.split()
            lemma, rest = key.split("%")
            self.counts[lemma, _SS_TYPE[rest[0]]] += int(count)
        self._data_noun = (root / "data.noun").read_bytes()

    def count(self, lemma: str, pos: str) -> int:
        return self.counts[lemma, pos]

    def is_name(self, lemma: str) -> bool:
        """Every noun synset of the lemma writes it with a capital ("Kent", "SAT")."""
        spellings = []
        for offset in self.offsets.get((lemma, "n"), []):
            line = self._data_noun[offset : self._data_noun.index(b"\n", offset)].decode()
            fields = line.split()
            n = int(fields[3], 16)
            words = [fields[4 + 2 * i] for i in range(n)]
            spellings += [w for w in words if w.lower() == lemma]
        return bool(spellings) and all(w != w.lower() for w in spellings)

    def synonyms(self, a: str, b: str) -> bool:
        """The two lemmas share a synset (spelling variants: "programme" / "program")."""
        return any(
            set(self.offsets.get((a, pos), [])) & set(self.offsets.get((b, pos), []))
            for pos in _POS.values()
        )

    def readings(self, form: str) -> set[tuple[str, str]]:
        """(lemma, part of speech) the form is spelt as or regularly reduces to."""
        out = {(form, pos) for pos, lemmas in self.lemmas.items() if form in lemmas}
        for pos, rules in _DETACH.items():
            for suffix, ending in rules:
                if form.endswith(suffix):
                    lemma = form[: len(form) - len(suffix)] + ending
                    if lemma in self.lemmas[pos]:
                        out.add((lemma, pos))
        return out


def _exceptions(wn: WordNet) -> dict[str, tuple[set[str], str]]:
    """Form → (its bases, the part of speech of its list)."""
    bases: dict[str, tuple[set[str], str]] = {}
    for name, pos in (("verb", "v"), ("noun", "n")):
        for line in (wn.root / f"{name}.exc").read_text().splitlines():
            form, *base = line.split()
            bases.setdefault(form, (set(), pos))[0].update(base)
    words = wn.lemmas["n"] | wn.lemmas["v"] | wn.lemmas["a"]
    for lemma in sorted(wn.lemmas["n"]):
        head = lemma[:-5] if lemma.endswith("woman") else lemma[:-3]
        if lemma.endswith("man") and (
            lemma in ("man", "woman") or (len(head) >= 2 and head in words)
        ):
            bases.setdefault(lemma[:-3] + "men", ({lemma}, "n"))
    return bases


def generate(root: Path) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The irregular map, and the forms left out by reason."""
    wn = WordNet(root)
    stem = Stemmer.Stemmer("porter").stemWord
    kept: dict[str, str] = {}
    why: dict[str, list[str]] = collections.defaultdict(list)
    for form, (bases, pos) in sorted(_exceptions(wn).items()):
        if not form.isalpha() or not all(b.isalpha() for b in bases):
            why["not a word"].append(form)
            continue
        if len(bases) > 1:
            why["two bases"].append(form)
            continue
        (base,) = bases
        if form in STOPWORDS or base in STOPWORDS:
            why["stopword"].append(form)
            continue
        if stem(form) == stem(base):
            continue  # Porter joins them already
        if base in LIGHT_VERBS:
            why["light verb"].append(f"{form}:{base}")
            continue
        if base in MODAL_VERBS or form in MODAL_VERBS:
            why["modal verb"].append(f"{form}:{base}")
            continue
        other = {(lemma, p) for lemma, p in wn.readings(form) if lemma != base}
        if other:
            variants = sorted(lemma for lemma, _ in other if wn.synonyms(lemma, base))
            if variants:
                why["homograph: a variant"].append(f"{form}:{base} ({'/'.join(variants)})")
                continue
            names = sorted(lemma for lemma, p in other if p == "n" and wn.is_name(lemma))
            others = sum(wn.count(lemma, p) for lemma, p in other)
            if names:
                why["homograph: a name"].append(f"{form}:{base} ({'/'.join(names)})")
                continue
            if wn.count(base, pos) <= others:
                why["homograph: commoner"].append(
                    f"{form}:{base} ({wn.count(base, pos)} <= {others})"
                )
                continue
        kept[form] = base
    return kept, why


def render(kept: dict[str, str], why: dict[str, list[str]]) -> str:
    pairs = " ".join(f"{f}:{b}" for f, b in sorted(kept.items()))
    body = textwrap.fill(pairs, 92, break_long_words=False, break_on_hyphens=False)
    light = textwrap.fill(" ".join(sorted(why["light verb"])), 88, break_on_hyphens=False)
    homographs = textwrap.fill(
        " ".join(
            h.split(" (")[0]
            for h in sorted(
                why["homograph: a variant"] + why["homograph: a name"] + why["homograph: commoner"]
            )
        ),
        88,
        break_on_hyphens=False,
    )
    modal = textwrap.fill(" ".join(sorted(why["modal verb"])), 88, break_on_hyphens=False)
    light_forms = textwrap.fill(
        " ".join(sorted(p.split(":")[0] for p in why["light verb"])), 88, break_on_hyphens=False
    )
    return f'''r"""Irregular word forms, each mapped to the word it is a form of ("held" → "hold",
"children" → "child", "women" → "woman"), so the analyser (`indexer.text.Analyzer`)
gives both one term: Porter's rules strip regular endings only, and a question asking
when a committee will "hold" a meeting otherwise misses the passage saying it "was held".

Generated by `python -m eval.irregular_forms` (round 53, eval/README.md, r53-irregular2;
round 54, r54-words); do not edit by hand. What is kept and what is left out, and why, is
that module's docstring: WordNet 3.0's exception lists, less the light verbs' and the modal
verbs' forms and the homographs below.

Left out as light verbs' forms:
{light}

Left out as modal verbs' forms:
{modal}

Left out as homographs:
{homographs}
"""

from __future__ import annotations

__all__ = ["IRREGULAR", "LIGHT_VERB_FORMS"]

_LIGHT = """
{light_forms}
"""

LIGHT_VERB_FORMS = frozenset(_LIGHT.split())
"""Forms left out because their base is a light verb (the analyser stems them by Porter)."""

_PAIRS = """
{body}
"""

IRREGULAR: dict[str, str] = dict(pair.split(":") for pair in _PAIRS.split())
"""Irregular form → its base word, lower-case: the analyser stems the base in its place."""
'''


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--verbose", action="store_true", help="print the left-out forms")
    args = parser.parse_args(argv)
    kept, why = generate(args.wordnet)
    print(len(kept), "forms;", {k: len(v) for k, v in why.items()}, file=sys.stderr)
    if args.verbose:
        for reason, forms in why.items():
            if reason.startswith(("homograph", "light", "modal")):
                print(reason, *forms, sep="\n    ", file=sys.stderr)
    text = render(kept, why)
    if args.check:
        same = TARGET.read_text() == text
        print("indexer/irregular.py is", "current" if same else "NOT current", file=sys.stderr)
        return 0 if same else 1
    TARGET.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
