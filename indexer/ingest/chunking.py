"""Chunking: units -> passages the embedding model can take whole.

Lengths are measured with the model's own tokenizer (`count_tokens`), never guessed.
An over-long paragraph is split at sentence boundaries, each part keeping the
paragraph number. Short unnumbered neighbours (bullets, lead-ins, "Recommendation:"
blocks) are merged so passages are not fragments; a short tail (a note, an "ACTION:"
line, bullets) may join the numbered paragraph before it; two numbered paragraphs are
never merged, and nothing is merged across an item or section boundary.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace

from langchain_text_splitters import RecursiveCharacterTextSplitter

from indexer.ingest.structure import Unit
from indexer.models import Chunk

CountTokens = Callable[[str], int]

_SEPARATORS = ["\n", ". ", "? ", "! ", "; ", ": ", ", ", " ", ""]
_LETTERS = re.compile(r"[A-Za-z]")
_URL_ONLY = re.compile(r"^(?:\s*(?:https?://|www\.)\S+\s*)+$", re.I)


def split_text(text: str, count_tokens: CountTokens, max_tokens: int) -> list[str]:
    """Split `text` into parts of at most `max_tokens`, preferring sentence ends.

    The target size is balanced (two parts of ~150 rather than 240 + 60) and each part
    is checked; a part still too long is split again at the hard limit.
    """
    total = count_tokens(text)
    if total <= max_tokens:
        return [text]
    parts_needed = math.ceil(total / max_tokens)
    target = min(max_tokens, math.ceil(total / parts_needed) + max_tokens // 10)
    parts = _splitter(target, count_tokens).split_text(text)
    out: list[str] = []
    for part in parts:
        if count_tokens(part) <= max_tokens:
            out.append(part)
        else:
            out.extend(_splitter(max_tokens, count_tokens).split_text(part))
    return [p.strip() for p in out if p.strip()]


def _splitter(size: int, count_tokens: CountTokens) -> RecursiveCharacterTextSplitter:
    return RecursiveCharacterTextSplitter(
        separators=_SEPARATORS,
        keep_separator="end",
        chunk_size=size,
        chunk_overlap=0,
        length_function=count_tokens,
        strip_whitespace=True,
    )


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
        merged.append([unit])
        sizes.append(size)

    chunks: list[Chunk] = []
    for group in merged:
        text = "\n".join(u.text for u in group)
        if is_noise_chunk(text):
            continue
        first = group[0]
        chunks.append(
            Chunk(
                text=text,
                item=first.item,
                item_title=first.item_title,
                paragraph=first.paragraph,
                page=first.page,
                ordinal=len(chunks),
                stated_date=next((u.stated_date for u in group if u.stated_date), None),
            )
        )
    return chunks


def _can_merge(
    buffer: list[Unit], buffer_size: int, unit: Unit, size: int, min_tokens: int
) -> bool:
    if unit.numbered or unit.group != buffer[-1].group:
        return False
    if buffer[0].numbered:
        return size < min_tokens
    return buffer_size < min_tokens or size < min_tokens
