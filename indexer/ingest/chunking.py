"""Chunking: units -> passages the embedding model can take whole.

Lengths are measured with the model's own tokenizer (`count_tokens`), never guessed.
A passage boundary never falls inside a sentence: an over-long paragraph is split only
where a sentence ends (balanced parts, each keeping the paragraph number), and only a
single sentence longer than the whole token budget is cut inside itself, at its clause
punctuation ("; ", ": ", ", ", " - ") or, failing that, between words. Short unnumbered
neighbours (bullets, lead-ins, "Recommendation:" blocks) are merged so passages are not
fragments; a short tail (a note, an "ACTION:" line, bullets) may join the numbered
paragraph before it; two numbered paragraphs are never merged, and nothing is merged
across an item or section boundary.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace

from indexer.ingest.cleaning import LIST_ITEM
from indexer.ingest.structure import Unit
from indexer.models import Chunk
from indexer.text import sentence_spans, sentences

__all__ = ["chunk_units", "is_noise_chunk", "sentences", "split_long_sentence", "split_text"]

CountTokens = Callable[[str], int]

_LETTERS = re.compile(r"[A-Za-z]")
_URL_ONLY = re.compile(r"^(?:\s*(?:https?://|www\.)\S+\s*)+$", re.I)
_CLAUSE_BREAKS = (re.compile(r"(?<=;)\s+"), re.compile(r"(?<=:)\s+"), re.compile(r"(?<=,)\s+"),
                  re.compile(r"\s+(?=[\u2013\u2014-]\s)"), re.compile(r"\s+"))  # fmt: skip

Span = tuple[int, int]


def _cut(
    text: str, span: Span, level: int, count_tokens: CountTokens, max_tokens: int
) -> list[Span]:
    a, b = span
    if level == len(_CLAUSE_BREAKS) or count_tokens(text[a:b]) <= max_tokens:
        return [span]
    pieces: list[Span] = []
    position = a
    for gap in _CLAUSE_BREAKS[level].finditer(text, a, b):
        if gap.start() > position:
            pieces.append((position, gap.start()))
        position = gap.end()
    if position < b:
        pieces.append((position, b))
    if len(pieces) < 2:
        return _cut(text, span, level + 1, count_tokens, max_tokens)
    return [part for p in pieces for part in _cut(text, p, level + 1, count_tokens, max_tokens)]


def split_long_sentence(
    text: str, span: Span, count_tokens: CountTokens, max_tokens: int
) -> list[Span]:
    """The fallback for one sentence over the budget: cut it at its weakest breaks.

    Clause punctuation first ("; ", then ": ", then ", ", then a spaced dash), plain
    spaces only for a clause still too long; the pieces are packed back into as few
    balanced parts as fit. A single word longer than the budget is left whole.
    """
    pieces = _cut(text, span, 0, count_tokens, max_tokens)
    return _pack(text, pieces, count_tokens, max_tokens)


def _partition(sizes: list[int], parts: int) -> list[int]:
    """Cut points (piece indices) splitting `sizes` into `parts` runs, minimising the largest."""
    n = len(sizes)
    prefix = [0]
    for size in sizes:
        prefix.append(prefix[-1] + size)
    inf = float("inf")
    # best[p][i]: the smallest possible largest run covering the first i pieces in p runs
    best = [[inf] * (n + 1) for _ in range(parts + 1)]
    cut = [[0] * (n + 1) for _ in range(parts + 1)]
    best[0][0] = 0
    for p in range(1, parts + 1):
        for i in range(p, n + 1):
            for j in range(p - 1, i):
                value = max(best[p - 1][j], prefix[i] - prefix[j])
                if value < best[p][i]:
                    best[p][i], cut[p][i] = value, j
    bounds = [n]
    for p in range(parts, 0, -1):
        bounds.append(cut[p][bounds[-1]])
    return bounds[::-1]


_EXACT_LIMIT = 120
"""Up to this many pieces the balanced cut is exact; beyond (a table cut word by word) greedy."""


def _greedy(sizes: list[int], parts: int) -> list[int]:
    """Cut points giving runs of about total/parts each, in one pass."""
    target = sum(sizes) / parts
    bounds, run = [0], 0
    for index, size in enumerate(sizes):
        if run and run + size > target and len(bounds) < parts:
            bounds.append(index)
            run = 0
        run += size
    return [*bounds, len(sizes)]


def _pack(text: str, pieces: list[Span], count_tokens: CountTokens, max_tokens: int) -> list[Span]:
    """Join consecutive pieces into the fewest spans of at most `max_tokens`, balanced."""
    sizes = [count_tokens(text[a:b]) for a, b in pieces]
    parts = max(1, math.ceil(sum(sizes) / max_tokens))
    while parts < len(pieces):
        bounds = _partition(sizes, parts) if len(pieces) <= _EXACT_LIMIT else _greedy(sizes, parts)
        spans = [(pieces[i][0], pieces[j - 1][1]) for i, j in zip(bounds, bounds[1:], strict=False)]
        if all(count_tokens(text[a:b]) <= max_tokens for a, b in spans):
            return spans
        parts += 1
    return pieces


def split_text(text: str, count_tokens: CountTokens, max_tokens: int) -> list[str]:
    """Split `text` into parts of at most `max_tokens`, only where a sentence ends.

    Parts are verbatim slices, balanced (two parts of ~150 rather than 240 + 60). A
    sentence longer than `max_tokens` on its own is the one place a cut falls inside a
    sentence (`split_long_sentence`).
    """
    if count_tokens(text) <= max_tokens:
        return [text]
    pieces: list[Span] = []
    for span in sentence_spans(text):
        if count_tokens(text[span[0] : span[1]]) > max_tokens:
            pieces.extend(split_long_sentence(text, span, count_tokens, max_tokens))
        else:
            pieces.append(span)
    return [text[a:b] for a, b in _pack(text, pieces, count_tokens, max_tokens)]


def is_noise_chunk(text: str) -> bool:
    """Nothing worth a passage: too few letters, or only links."""
    return len(_LETTERS.findall(text)) < 3 or _URL_ONLY.match(text) is not None


_INTRO_END = re.compile(r":\s*[-\u2013]?\s*[\"'\u201c\u2018]?$")
"""A lead-in to a list: "This included:-", "The Council is asked to:", "RESOLVED that:"."""


def _is_list_item(unit: Unit) -> bool:
    """A bullet, a lettered or numbered list item ("a) ", "(2) ", "iv. "), or a paragraph
    numbered "(n)" inside an agenda item."""
    return bool(
        unit.text.startswith("- ")
        or LIST_ITEM.match(unit.text)
        or (unit.paragraph and unit.paragraph.endswith(")") and "(" in unit.paragraph)
    )


def _list_runs(units: list[Unit]) -> dict[int, int]:
    """Lead-in index -> end (exclusive) of the list items that follow it in its group."""
    runs: dict[int, int] = {}
    for i, unit in enumerate(units):
        if not _INTRO_END.search(unit.text):
            continue
        end = i + 1
        while end < len(units) and units[end].group == unit.group and _is_list_item(units[end]):
            end += 1
        if end > i + 1:
            runs[i] = end
    return runs


def _list_context(intro: str, count_tokens: CountTokens, max_tokens: int) -> str:
    """What a passage continuing a list repeats of its lead-in: all of it when short,
    else its first and last sentences (the topic, then "This included:-")."""
    if count_tokens(intro) <= max_tokens // 3:
        return intro
    spans = sentence_spans(intro)
    first, last = intro[slice(*spans[0])], intro[slice(*spans[-1])]
    context = last if len(spans) == 1 else f"{first}\n{last}"
    return context if count_tokens(context) <= max_tokens // 3 else last


def _add_list(
    merged: list[list[Unit]],
    sizes: list[int],
    block: list[tuple[Unit, int]],
    count_tokens: CountTokens,
    limits: tuple[int, int],
) -> None:
    """Place a lead-in and its list items so that every passage holding an item also holds
    the lead-in: the whole list with the passage before when it fits, else in a passage
    of its own, else cut between items with the lead-in's context repeated at the head of
    each continuing passage (a list item alone loses the words saying what it lists)."""
    max_tokens, min_tokens = limits
    intro, intro_size = block[0]
    whole = count_tokens("\n".join(u.text for u, _ in block))
    if merged and _can_merge(merged[-1], sizes[-1], intro, intro_size, min_tokens):
        joined = count_tokens("\n".join([*(u.text for u in merged[-1]), intro.text]))
        if joined + whole - intro_size <= max_tokens:
            merged[-1].extend(u for u, _ in block)
            sizes[-1] = count_tokens("\n".join(u.text for u in merged[-1]))
            return
    merged.append([intro])
    sizes.append(intro_size)
    context = _list_context(intro.text, count_tokens, max_tokens)
    for unit, size in block[1:]:
        joined = count_tokens("\n".join([*(u.text for u in merged[-1]), unit.text]))
        if joined <= max_tokens:
            merged[-1].append(unit)
            sizes[-1] = joined
            continue
        lead = replace(intro, text=context, paragraph=None, numbered=False, lead=True)
        group = [lead, unit]
        size_with = count_tokens("\n".join(u.text for u in group))
        if size_with > max_tokens:
            group, size_with = [unit], size
        merged.append(group)
        sizes.append(size_with)


def chunk_units(
    units: list[Unit], count_tokens: CountTokens, max_tokens: int = 240, min_tokens: int = 40
) -> list[Chunk]:
    """Split long units, merge short ones, keep lists with their lead-ins, and number the
    resulting chunks."""
    pieces: list[tuple[Unit, int]] = []
    for unit in units:
        for part in split_text(unit.text, count_tokens, max_tokens):
            pieces.append((replace(unit, text=part), count_tokens(part)))

    runs = _list_runs([unit for unit, _ in pieces])
    merged: list[list[Unit]] = []
    sizes: list[int] = []
    index = 0
    while index < len(pieces):
        unit, size = pieces[index]
        if index in runs:
            block = pieces[index : runs[index]]
            _add_list(merged, sizes, block, count_tokens, (max_tokens, min_tokens))
            index = runs[index]
            continue
        index += 1
        if merged and _can_merge(merged[-1], sizes[-1], unit, size, min_tokens):
            joined = count_tokens("\n".join([*(u.text for u in merged[-1]), unit.text]))
            if joined <= max_tokens:
                merged[-1].append(unit)
                sizes[-1] = joined
                continue
        merged.append([unit])
        sizes.append(size)

    chunks: list[Chunk] = []
    for group in merged:
        text = "\n".join(u.text for u in group)
        if is_noise_chunk(text):
            continue
        first = group[0]
        # A heading or a list's lead-in opens the passage; the paragraph is the first
        # numbered one under it.
        numbered = next((u for u in group if u.paragraph), first)
        chunks.append(
            Chunk(
                text=text,
                item=first.item,
                item_title=first.item_title,
                paragraph=numbered.paragraph,
                page=first.page,
                ordinal=len(chunks),
                stated_date=next((u.stated_date for u in group if u.stated_date), None),
            )
        )
    return chunks


def _can_merge(
    buffer: list[Unit], buffer_size: int, unit: Unit, size: int, min_tokens: int
) -> bool:
    if unit.group != buffer[-1].group:
        return False
    if len(buffer) == 1 and buffer[0].lead:
        return True  # a heading kept as text goes with what it heads
    if unit.numbered:
        return False
    if buffer[0].numbered:
        return size < min_tokens
    return buffer_size < min_tokens or size < min_tokens
