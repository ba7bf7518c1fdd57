"""The shared quote-matching rule (see ../shared/eval/README.md).

A passage supports a quote when the passage's normalised text contains the normalised
quote. Normalising folds curly quotes and dashes to ASCII, every run of white space to
one space, and case. The rule ignores chunk boundaries, so every configuration (engine
passages, baseline chunks, cited passages of an answer) is scored the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

__all__ = ["contains_figure", "normalise", "normalise_figures", "supports", "supported_quotes"]

_CHAR_MAP = str.maketrans(
    {
        # single quotes, primes and apostrophes
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        # double quotes
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        # hyphens, dashes and minus
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": None,  # soft hyphen: invisible, so it must not break a match
    }
)
_WS = re.compile(r"\s+")  # \s in str patterns covers NBSP and the other Unicode spaces


def normalise(text: str) -> str:
    """Fold quotes, dashes, white space and case; strip the ends."""
    return _WS.sub(" ", text.translate(_CHAR_MAP)).strip().lower()


def supports(passage_text: str, quote: str) -> bool:
    """True when the passage, normalised, contains the quote, normalised."""
    q = normalise(quote)
    return bool(q) and q in normalise(passage_text)


def supported_quotes(passage_text: str, quotes: Sequence[str]) -> list[int]:
    """Indices of the quotes the passage supports (normalising the passage once)."""
    norm = normalise(passage_text)
    return [i for i, q in enumerate(_normalised(quotes)) if q and q in norm]


def _normalised(quotes: Iterable[str]) -> list[str]:
    return [normalise(q) for q in quotes]


# A figure is matched after folding how it may be typed: "33.3 %" / "33.3 per cent" /
# "33.3%", "£ 23.3 m" / "£23.3 million" / "£23.3m", "1,200" / "1200". Only spelling,
# spacing and separators are folded, never the value, so "33%" does not match "33.3%".
_PER_CENT = re.compile(r"(?<=\d)\s*(?:per ?cent|percent)\b")
_MILLION = re.compile(r"(?<=\d)\s*million\b")
_BILLION = re.compile(r"(?<=\d)\s*billion\b")
_UNIT_SPACE = re.compile(r"(?<=\d)\s+(?=(?:%|m|bn|k)\b|%)")
_POUND_SPACE = re.compile(r"£\s+(?=\d)")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")


def normalise_figures(text: str) -> str:
    """`normalise`, then fold the spacing and separators of numbers, units and currency."""
    t = normalise(text)
    t = _PER_CENT.sub("%", t)
    t = _BILLION.sub("bn", _MILLION.sub("m", t))
    t = _UNIT_SPACE.sub("", t)
    t = _POUND_SPACE.sub("£", t)
    return _THOUSANDS.sub("", t)


# A number joined to another by a hyphen, dash or slash, tight ("0-19", "2018/19",
# "24/00093", "10/11/2020", "6/10") or spaced on both sides ("2019 - 20"), is one figure:
# a range, a period, a reference or a date. A dash spaced on one side only is a sign or a
# clause's dash ("2,370.3 -12,868.7", "57 - a rise"), so it joins nothing.
_JOINED_BEFORE = r"(?<!\d[-/])(?<!\d [-/] )"
_JOINED_AFTER = r"(?![-/]\d| [-/] \d)"


_BARE_END = r"(?!(?!(?:m|bn|k)\b)\w|\.\d)"
"""After a number: no letter, digit or decimal part ("40" is not in "40th" or "40.5"), but
a scale may follow: "32.6" is stated by "£32.6m" (the number of the figure, written with
its unit; a unit in the gold, "£32.6m", still needs the unit in the text)."""


def contains_figure(text: str, figure: str) -> bool:
    """True when `text` states `figure` as a whole figure (eval/README.md, "Answer
    metrics"): "3.3%" is not in "33.3%", "40" not in "140", "40.5" or "40th", "six" not in
    "sixth"; "19" not in "0-19" or "2018/19" (one side of a joined number, `_JOINED_BEFORE`),
    where "3-7%" and "6/10" match only whole; "32.6" is in "£32.6m" (`_BARE_END`). Spacing
    and separators are folded first ("£32.6 m" is "£32.6m", "40 per cent" is "40%")."""
    fig = normalise_figures(figure)
    if not fig:
        return False
    left = r"(?<![\w.])" if fig[0].isalnum() else ""
    right = _BARE_END if fig[-1].isdigit() else r"(?!\w)" if fig[-1].isalnum() else ""
    if fig[0].isdigit():
        left += _JOINED_BEFORE
    if fig[-1].isdigit():
        right += _JOINED_AFTER
    return re.search(left + re.escape(fig) + right, normalise_figures(text)) is not None
