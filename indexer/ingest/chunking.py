"""Chunking: units -> passages the embedding model can take whole.

Lengths are measured with the model's own tokenizer (`count_tokens`), never guessed.
A passage boundary never falls inside a sentence: an over-long paragraph is split only
where a sentence ends (balanced parts, each keeping the paragraph number), and only a
single sentence longer than the whole token budget is cut inside itself, at its clause
punctuation ("; ", ": ", ", ", " - ") or, failing that, between words. Short unnumbered
neighbours (bullets, lead-ins, "Recommendation:" blocks) are merged so passages are not
fragments; a short tail (a note, an "ACTION:" line, bullets) may join the numbered
paragraph before it; two numbered paragraphs are never merged, and nothing is merged
across an item boundary, nor across a section boundary but for a fragment that carries no
sentence ("Date: 21/02/2025", "Total"), which joins its neighbour in the same item.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from indexer.ingest.cleaning import is_page_range
from indexer.ingest.metadata import is_own_heading
from indexer.ingest.structure import ATTENDANCE_LABEL, Unit
from indexer.models import Chunk, DocumentMeta
from indexer.text import sentence_spans, sentences

__all__ = [
    "chunk_units",
    "is_noise_chunk",
    "sentences",
    "split_long_sentence",
    "split_text",
    "without_own_headings",
]

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


def chunk_units(
    units: list[Unit], count_tokens: CountTokens, max_tokens: int = 240, min_tokens: int = 40
) -> list[Chunk]:
    """Split long units, merge short ones, and number the resulting chunks."""
    pieces: list[tuple[Unit, int]] = []
    for unit in units:
        for part in split_text(unit.text, count_tokens, max_tokens):
            pieces.append((replace(unit, text=part), count_tokens(part)))

    merged: list[list[Unit]] = []
    sizes: list[int] = []
    for unit, size in pieces:
        if merged and _can_merge(merged[-1], sizes[-1], unit, size, min_tokens):
            joined = count_tokens("\n".join([*(u.text for u in merged[-1]), unit.text]))
            if joined <= max_tokens:
                merged[-1].append(unit)
                sizes[-1] = joined
                continue
        if LABEL_WITH_LIST and _ends_on_label(merged, unit):
            # "PRESENT:" closing the heading block's passage goes with the list under it.
            label = merged[-1].pop()
            sizes[-1] = count_tokens("\n".join(u.text for u in merged[-1]))
            merged.append([label, unit])
            sizes.append(count_tokens(f"{label.text}\n{unit.text}"))
            continue
        merged.append([unit])
        sizes.append(size)

    chunks: list[Chunk] = []
    for group in _join_fragments(merged, count_tokens, max_tokens):
        text = "\n".join(u.text for u in group)
        first = group[0]
        # A heading kept as text opens the passage; the paragraph is the one it heads.
        numbered = next((u for u in group if not u.lead), first)
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
    return _tiny_items_titled(chunks)


def _tiny_items_titled(chunks: list[Chunk]) -> list[Chunk]:
    """An agenda item whose whole text is a word or a few ("2. APOLOGIES" / "Nil.",
    "Background Documents" / "None.") is one passage that says nothing without its title:
    the title opens its text as a heading line does, so its words are what is quoted,
    matched and embedded ("APOLOGIES Nil."), not only the citation's title. An agenda's
    item with its page range alone ("(Pages 1 - 14)") stays as it is: it has no words to
    carry, and its title reaches the ranking as every agenda item's does."""
    counts = Counter(c.item for c in chunks if c.item is not None)
    out: list[Chunk] = []
    for chunk in chunks:
        title = chunk.item_title
        if (
            chunk.item is not None
            and title
            and counts[chunk.item] == 1
            and len(chunk.text.split()) <= FRAGMENT_WORDS
            and not is_page_range(chunk.text)
            and _words(title) - _words(chunk.text)
        ):
            chunk = chunk.model_copy(update={"text": f"{title}\n{chunk.text}"})
        out.append(chunk)
    return out


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


FRAGMENT_WORDS = 4
"""At most this many words and no sentence end: a label and its value ("Date:
21/02/2025"), a form's answer ("Yes"), a lone heading ("External Context")."""


def is_fragment(text: str) -> bool:
    """A passage that carries no sentence of its own."""
    return len(text.split()) <= FRAGMENT_WORDS and not text.rstrip().endswith((".", "!", "?"))


def _join_fragments(
    groups: list[list[Unit]], count_tokens: CountTokens, max_tokens: int
) -> list[list[Unit]]:
    """Join each fragment group to the group after it under the same heading as its lead
    (a title page, a table heading heads what follows), or failing that (the last under
    its heading, or no room) to the one before in its item: alone, a document control
    sheet's "Date: 21/02/2025" was three passages that match every question about dates
    and answer none. A fragment never leads a passage under another heading (`Unit.group`):
    "Cr P White", the one name under "Apologies", opened the "Declarations of Interest"
    passage, titled "Apologies" there. Joined to the passage before it across a heading, its
    heading's words go with it ("Apologies" / "Cr P White"), so the passage still says what
    the words are. Noise is dropped here, the one place it is checked."""
    texts = ["\n".join(u.text for u in group) for group in groups]
    real = [i for i, text in enumerate(texts) if not is_noise_chunk(text)]
    following: dict[int, int | None] = dict(zip(real, [*real[1:], None], strict=False))
    out: list[list[Unit]] = []
    pending: list[Unit] = []
    last: int | None = None  # the last group kept
    for index, group in enumerate(groups):
        if index not in following:
            continue  # noise: no passage (joined groups of real text never are noise)
        group = [*pending, *group]  # fragments carried on stay fragments together
        pending = []
        if is_fragment(texts[index]):
            after = following[index]
            if (
                after is not None
                and groups[after][0].group == group[-1].group
                and _fits([*group, *groups[after]], count_tokens, max_tokens)
            ):
                pending = [replace(u, lead=True) for u in group]
                continue
            if last is not None and out[last][0].item == group[0].item:
                joined = [*_heading_words(out[last][-1], group[0]), *group]
                if _fits([*out[last], *joined], count_tokens, max_tokens):
                    out[last] = [*out[last], *joined]
                    continue
        last = len(out)
        out.append(group)
    return out


def _heading_words(before: Unit, unit: Unit) -> list[Unit]:
    """The heading `unit` stands under, as a line of text, when `before` stands under
    another: what a fragment carries into the passage before it."""
    if unit.group == before.group or unit.lead:
        return []
    if unit.section and unit.section != before.section:
        heading = unit.section
    elif unit.item_title and unit.item_title != before.item_title:
        heading = unit.item_title
    else:
        return []
    return [replace(unit, text=heading, paragraph=None, numbered=False, lead=True)]


def _fits(units: list[Unit], count_tokens: CountTokens, max_tokens: int) -> bool:
    return count_tokens("\n".join(u.text for u in units)) <= max_tokens


LABEL_WITH_LIST = True
"""An attendance label alone on its line ("PRESENT:", "APOLOGIES:") that would close a
passage goes to the next one, with the list under it: a Welsh council's heading block,
opening line and "PRESENT:" filled the first passage, the "Cllr." names opened the second
without their label, and neither read as a roll ("Who attended …?" abstained; eval/README.md
"…, round 50"). No passage of seeds, Kent or Kingston ends on such a label. Off: the
passage closes on it."""


def _ends_on_label(merged: list[list[Unit]], unit: Unit) -> bool:
    """The passage before `unit` ends on an attendance label of `unit`'s section, after
    text of its own."""
    if not merged or len(merged[-1]) < 2:
        return False
    label = merged[-1][-1]
    return bool(ATTENDANCE_LABEL.match(label.text.strip())) and (
        label.group,
        label.item,
        label.item_title,
    ) == (unit.group, unit.item, unit.item_title)


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


def without_own_headings(chunks: list[Chunk], meta: DocumentMeta) -> list[Chunk]:
    """Drop passages that only repeat the document's own heading (`is_own_heading`), and
    number the rest again; a document with nothing else keeps them."""
    kept = [c for c in chunks if not is_own_heading(c.text, meta)]
    if not kept or len(kept) == len(chunks):
        return chunks
    return [c.model_copy(update={"ordinal": n}) for n, c in enumerate(kept)]
