r"""Generate `indexer/derived.py` (an act's noun and the verb it names the act of) from WordNet 3.0.

    python -m eval.derived_forms [--wordnet /usr/share/wordnet] [--check]

Reads only WordNet's own files (Debian's `wordnet-base` 1:3.0-37 in /usr/share/wordnet, as
`eval.irregular_forms` does; the project does not depend on it): the noun and verb synsets
of `data.noun` and `data.verb`. No archive and no question is read, so the same procedure
gives the same list whatever council's papers it serves.

1. Acts: every noun of a synset in the lexicographer file `noun.act` (04, "nouns denoting
   acts or actions": "closure", "extension", "abolition") with a derivationally related
   form pointer (`+`) from that noun to a verb ("closure" → "close"): the lemma-level
   link WordNet keeps between an act's noun and its verb. A fate a council decides is an
   act ("what happened to the library closure?" against "to close the library"); nouns of
   other files (people, artifacts, states) are no motion's act.
2. Pairs: the noun and the verb each one alphabetic word, neither a stopword, and the
   analyser not already joining them (`indexer.text.Stems.held`: neither stem begins the
   other, "reduction" / "reduce" are joined already; "closur" / "close", "extens" /
   "extend" are not).
3. Light and modal verbs (`eval.irregular_forms.LIGHT_VERBS`, `MODAL_VERBS`) are left
   out as the irregular forms' are: they frame a question rather than name its act.
4. Acts named by a gerund (round 58, r58-foreign14): a `noun.act` noun no `noun.act` sense
   of which points to a verb (step 1 gives it none), whose sense's gloss (before its first
   ";") says it is an act, activity, instance or process of a gerund (`ACT_KINDS`; "a particular
   instance of selling", "the general activity of selling") that is a word of the sense's
   hypernym synset (`@`), points (`+`) to a verb and is given that verb's term by the
   analyser ("selling" / "sell"): the noun names that verb's act ("sale" → "sell"; WordNet
   keeps no pointer between "sale" and "sell" either way). Steps 2 and 3 hold for the pair.
   The gloss's own words, the hypernym and the pointer must agree: a gloss naming its
   hypernym alone ("session": "a meeting devoted to …") or a hypernym that is no gerund
   ("war": "a concerted campaign …") gives no pair.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from pathlib import Path

from eval.irregular_forms import LIGHT_VERBS, MODAL_VERBS
from indexer.text import ANALYZER, STOPWORDS, Stems

__all__ = ["generate", "main", "render"]

TARGET = Path(__file__).resolve().parent.parent / "indexer" / "derived.py"
ACT_FILE = "04"
"""`noun.act`'s number among WordNet's lexicographer files (lexnames(5WN))."""

_Synset = tuple[str, list[str], list[tuple[str, str, str, str]], str]

ACT_KINDS = ("act", "activity", "instance", "process")
"""The words a `noun.act` gloss names one act, or the doing of it, by before "of" and a gerund
(step 4). Read off WordNet, no archive or question: every word standing before "of <gerund>" in
the glosses step 4 reads otherwise alike (57 nouns) counted: "act" 38, "piece" 4, "method",
"manner", "practice", "process", "technique" 2 each, "kind", "function", "form", "sport",
"instance", "activity" 1 each. Kept: those naming an act or its doing; not a manner ("method",
"manner", "technique", "kind", "form", "function": "sumo", "a Japanese form of wrestling"), a
thing ("piece") or a pursuit ("practice", "sport")."""


def _synsets(path: Path) -> dict[str, _Synset]:
    """A data file's synsets by offset: lexicographer file, words (lower case), pointers
    (symbol, target offset, part of speech, source/target word numbers), and the gloss up
    to the first ";" (the definition, not the examples)."""
    out: dict[str, _Synset] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue  # the licence
        f = line.split(" ")
        n = int(f[3], 16)
        words = [f[4 + 2 * i].lower() for i in range(n)]
        i = 4 + 2 * n
        count = int(f[i])
        at = [i + 1 + 4 * k for k in range(count)]
        pointers = [(f[a], f[a + 1], f[a + 2], f[a + 3]) for a in at]
        gloss = line.split(" | ", 1)[1].split(";")[0] if " | " in line else ""
        out[f[0]] = (f[1], words, pointers, gloss)
    return out


def _verbs_of(synset: _Synset, word: int, verbs: dict[str, _Synset]) -> list[str]:
    """The verbs the synset's `word`-th word (from 1) points to (`+`)."""
    return [
        verbs[offset][1][int(numbers[2:], 16) - 1]
        for symbol, offset, pos, numbers in synset[2]
        if symbol == "+" and pos == "v" and int(numbers[:2], 16) == word
    ]  # fmt: skip


def _kept(noun: str, verb: str) -> bool:
    """Steps 2 and 3: both one word, no stopword, no light or modal verb, apart to the
    analyser."""
    if not (noun.isalpha() and verb.isalpha()) or verb in LIGHT_VERBS | MODAL_VERBS:
        return False
    if noun in STOPWORDS or verb in STOPWORDS:
        return False
    a, b = ANALYZER.term(noun), ANALYZER.term(verb)
    return a is not None and b is not None and not Stems.of({b}).held(a)


def generate(root: Path) -> dict[str, list[str]]:
    """Act noun → the verbs it names the act of (steps 1-4)."""
    nouns = _synsets(root / "data.noun")
    verbs = _synsets(root / "data.verb")
    acts = [s for s in nouns.values() if s[0] == ACT_FILE]
    pairs: dict[str, set[str]] = {}
    pointing: set[str] = set()  # nouns a `noun.act` sense of which points to a verb
    for synset in acts:
        for i, noun in enumerate(synset[1], 1):
            for verb in _verbs_of(synset, i, verbs):
                pointing.add(noun)
                if _kept(noun, verb):
                    pairs.setdefault(noun, set()).add(verb)
    kinds = "|".join(ACT_KINDS)
    for synset in acts:
        gloss = synset[3]
        for noun in synset[1]:
            if noun in pointing:
                continue
            for symbol, above, pos, _numbers in synset[2]:
                if symbol not in ("@", "@i") or pos != "n":
                    continue
                for j, gerund in enumerate(nouns[above][1], 1):
                    if not gerund.endswith("ing") or not re.search(
                        rf"\b(?:{kinds})s? of {gerund}\b", gloss
                    ):
                        continue
                    for verb in _verbs_of(nouns[above], j, verbs):
                        if ANALYZER.term(gerund) == ANALYZER.term(verb) and _kept(noun, verb):
                            pairs.setdefault(noun, set()).add(verb)
    return {n: sorted(v) for n, v in sorted(pairs.items())}


def render(pairs: dict[str, list[str]]) -> str:
    body = textwrap.fill(
        " ".join(f"{n}:{','.join(v)}" for n, v in pairs.items()),
        92, break_long_words=False, break_on_hyphens=False,
    )  # fmt: skip
    return f'''r"""An act's noun and the verbs it names the act of ("closure" → "close",
"extension" → "extend", "abolition" → "abolish"), where the analyser's stems keep them
apart ("closur" / "close"): a fate asked by its noun ("what happened to the library
closure?") is named by its motion's verb ("to close the library",
`search_api.sentences.MOTION_NOUNS`). Read through the analyser (`indexer.text.act_verbs`:
both words' index terms).

Generated by `python -m eval.derived_forms` (round 57, eval/README.md, r57-foreign13; step 4
round 58, r58-foreign14); do not edit by hand. What is kept and why is that module's
docstring: WordNet 3.0's `noun.act` nouns and the verbs their derivational pointers name,
and those a gloss names the act of by its hypernym's gerund ("sale": "an instance of
selling"), less the pairs the analyser joins already and the light and modal verbs.
"""

from __future__ import annotations

__all__ = ["ACTS"]

_PAIRS = """
{body}
"""

ACTS: dict[str, tuple[str, ...]] = {{
    noun: tuple(verbs.split(",")) for noun, verbs in (p.split(":") for p in _PAIRS.split())
}}
"""An act's noun → the verbs it names the act of, lower case."""
'''


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--check", action="store_true", help="fail if the file differs")
    args = parser.parse_args(argv)
    text = render(generate(args.wordnet))
    if args.check:
        same = TARGET.read_text(encoding="utf-8") == text
        print("indexer/derived.py is up to date" if same else "indexer/derived.py differs")
        return 0 if same else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
