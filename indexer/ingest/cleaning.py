"""Cleaning: undo what PDF-to-text conversion and web pages do to running text.

The input is page text as a reader gave it; the output is a list of `Para`s, each one
paragraph (or bullet, or heading line) on a single line with normalised whitespace.
What is repaired, and why each rule is as cautious as it is:

- hard-wrapped lines are rejoined; a paragraph split by a page break or a stray blank
  line is rejoined when the next block starts in lower case;
- a hyphen at a line end joins the word ("recom-/mendation" -> "recommendation") unless
  the next line starts with a capital ("Labinjo-/Hughes" stays hyphenated);
- bullet glyphs (U+F0B7, middle dot, bullet, "o " sub-bullets) become "- ";
- text laid out one word per line (some PDF text layers) is rejoined into sentences;
- roman-numeral footnote markers glued to words ("Social Careii,") are removed, but only
  when the document carries the matching footnote list and every marker is found in
  order: a word that happens to end in "i" is otherwise left alone;
- page furniture goes: lone page numbers, ModernGov link noise ("pdf icon PDF 91 KB",
  "View directions", "... view the full minutes text for item 41."), bare URL lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from indexer.ingest.readers import Block, RawDocument

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
_BULLET_GLYPHS = (
    "\uf0b7\uf0a7\uf076\uf0d8\uf0fc"  # Symbol/Wingdings glyphs from Word, as private-use
    "\u00b7\u2022\u2023\u2043\u25aa\u25cf\u25e6\u25a0\u27a2\u2219\u25ba"
)
_BULLET_LINE = re.compile(
    rf"^(?:\s*(?:[{_BULLET_GLYPHS}]|o(?=\s+[A-Z0-9(])|[-\u2013](?=\s+[A-Z]))\s*"
    # PDF-to-text dumps often drop the glyph and keep the one space after it.
    r"| (?=[A-Z][a-z]))"
)

_LINK_NOISE = re.compile(r"\s*(?:pdf icon\s+)?\bPDF\s+\d+(?:\.\d+)?\s*[KM]B\b", re.IGNORECASE)
_VIEW_FULL = re.compile(
    r"\s*(?:\.\.\.|\u2026)\s*view the full (?:minutes |decision |item )?text"
    r" for item [\w.]+\.?\s*$",
    re.IGNORECASE,
)
_ITEM_REF = re.compile(
    r"\s*\(Item \d+[A-Za-z]?\)\s*$"
)  # "84. Apologies (Item 1)" in printed minutes
_VIEW_DIRECTIONS = re.compile(r"\s*\bView directions\s*$")
_NOISE_PARA = re.compile(
    r"^(?:supporting documents:?|additional documents:?|view directions|no\.? item|agenda item"
    r"|\(item \d+[a-z]?\)|page \d+(?: of \d+)?|\d{1,3}\.?|-)$",
    re.IGNORECASE,
)
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_LONE_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}\.?(?:\s+of\s+\d{1,3})?$", re.IGNORECASE)

_ROMAN = r"(?:x{0,2}(?:ix|iv|v?i{1,3}|v)|x{1,2})"
FOOTNOTE_DEF = re.compile(rf"^({_ROMAN})\s+(?=[A-Z])")
_ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]

_NUMBERED_START = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3}){1,3}\.?\s*[A-Z(\"'\u2018\u201c]|\d{1,3}\.\s+[A-Z]|\(\d{1,2}\)\s)"
)
_NUMBERED_HEADING = re.compile(r"^\d{1,3}\.\s+[A-Z]")
_TERMINAL = (".", "!", "?", ":", ";", "\u201d", '"')


@dataclass(frozen=True)
class Para:
    """One paragraph on one line, with where it came from and any structure a reader knew."""

    text: str
    page: int | None = None
    item: str | None = None
    item_title: str | None = None
    heading: bool = False


def normalise_chars(text: str) -> str:
    """Unify spaces, drop invisible characters and soft hyphens, expand ligatures."""
    # PDFium joins a word hyphenated over a line end and leaves U+FFFE where the hyphen
    # was: a soft hyphen before a lower-case letter, a real one ("Labinjo-Hughes") otherwise.
    text = re.sub("\ufffe(?=[a-z])", "", text).replace("\ufffe", "-")
    text = _INVISIBLE.sub("", text)
    for lig, plain in _LIGATURES.items():
        text = text.replace(lig, plain)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def squash(text: str) -> str:
    """Collapse every run of whitespace to one space: the store compares texts exactly."""
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def strip_link_noise(text: str) -> str:
    """Remove ModernGov link furniture from a line, keeping the words around it."""
    text = _VIEW_FULL.sub("", text)
    text = _ITEM_REF.sub("", text)
    text = _LINK_NOISE.sub("", text)
    return _VIEW_DIRECTIONS.sub("", text).rstrip()


def is_noise(text: str) -> bool:
    """A paragraph that carries no content: labels, lone page numbers, bare URLs."""
    stripped = text.strip()
    if not stripped or _NOISE_PARA.match(stripped):
        return True
    return all(_URL.match(tok) for tok in stripped.split())


def rejoin_word_per_line(page: str) -> str:
    """Rejoin a page whose text layer gives one word per line, if it looks like one.

    Words separated by a single (blank) line belong together; a longer gap ends the
    paragraph. Punctuation that landed on its own line sticks to the word before.
    """
    lines = page.split("\n")
    words = [ln.strip() for ln in lines if ln.strip()]
    if len(words) < 20:
        return page
    single = sum(1 for w in words if " " not in w)
    if single / len(words) < 0.8 or sum(map(len, words)) / len(words) > 12:
        return page
    blank_after = 0
    for a, b in zip(lines, lines[1:], strict=False):
        if a.strip() and not b.strip():
            blank_after += 1
    gap_for_break = 2 if blank_after / len(words) > 0.5 else 1
    paragraphs: list[list[str]] = [[]]
    blanks = 0
    for line in lines:
        word = line.strip()
        if not word:
            blanks += 1
            continue
        if blanks >= gap_for_break and paragraphs[-1]:
            paragraphs.append([])
        blanks = 0
        current = paragraphs[-1]
        if current and re.fullmatch(r"[,.;:!?)\]\u2019\u201d%]+", word):
            current[-1] += word
        else:
            current.append(word)
    return "\n\n".join(" ".join(p) for p in paragraphs if p)


def _join_lines(lines: list[str]) -> str:
    """Join hard-wrapped lines, undoing line-end hyphenation where it is a soft hyphen."""
    out = ""
    for line in lines:
        line = line.strip()
        if not out:
            out = line
        elif re.search(r"[A-Za-z]-$", out) and line[:1].isalpha():
            out = out[:-1] + line if line[0].islower() else out + line
        else:
            out = f"{out} {line}"
    return out


def _starts_new_para(prev: str, line: str, raw_line: str, width: int) -> bool:
    stripped = line.strip()
    if _BULLET_LINE.match(raw_line) or FOOTNOTE_DEF.match(stripped):
        return True
    if re.match(r"^ACTION\b", stripped):
        return True
    if _NUMBERED_START.match(stripped):
        return True
    first = stripped[:1]
    starts_upper = first.isupper() or first.isdigit() or first in "\"'\u2018\u201c("
    if not starts_upper or prev.endswith(("-", ",")):
        return False
    if raw_line[:1] in " \t" and first.isupper():
        return True
    prev = prev.strip()
    if _NUMBERED_HEADING.match(prev) and not prev.endswith(_TERMINAL + (",",)):
        # "3. Quality Assurance Framework - Progress Update Report" over its first paragraph
        return len(prev) < 0.8 * width
    return width >= 40 and len(prev) < 0.6 * width


def _split_block(lines: list[str]) -> list[list[str]]:
    """Split one blank-line-delimited block at bullets, numbered starts and short lines."""
    width = max(len(ln.strip()) for ln in lines)
    parts: list[list[str]] = [[lines[0]]]
    for raw in lines[1:]:
        if _starts_new_para(parts[-1][-1], raw.strip(), raw, width):
            parts.append([raw])
        else:
            parts[-1].append(raw)
    return parts


def _is_unterminated(text: str) -> bool:
    return not text.rstrip().endswith(_TERMINAL)


def paragraphs_from_pages(pages: list[str], paged: bool) -> list[Para]:
    """Turn page texts into paragraphs: the core of PDF and plain-text cleaning."""
    paras: list[Para] = []
    for index, page in enumerate(pages):
        page_no = index + 1 if paged else None
        page = rejoin_word_per_line(normalise_chars(page))
        block: list[str] = []
        raw_lines = page.split("\n") + [""]
        blanks_before = 3 if index else 0  # a new page is a page break
        blanks = blanks_before
        for raw in raw_lines:
            line = raw.rstrip()
            if line.strip() and _LONE_PAGE_NUMBER.match(line.strip()):
                line = ""
            if line.strip():
                if not block:
                    blanks_before = blanks
                block.append(line)
                blanks = 0
                continue
            blanks += 1
            if block:
                for number, part in enumerate(_split_block(block)):
                    after_break = number == 0 and blanks_before >= 3
                    _add_para(paras, part, page_no, after_break)
                block = []
    return paras


def _add_para(
    paras: list[Para], lines: list[str], page: int | None, after_break: bool = False
) -> None:
    raw_first = lines[0]
    bullet = _BULLET_LINE.match(raw_first)
    if bullet:
        lines = [raw_first[bullet.end() :], *lines[1:]]
    text = squash(strip_link_noise(_join_lines(lines)))
    if not text or is_noise(text):
        return
    if bullet:
        text = f"- {text}"
    first = text[:1]
    continues = first.islower() or re.match(r"^[\u2013\u2014-] [a-z]", text) is not None
    if FOOTNOTE_DEF.match(text) or bullet:
        continues = False
    elif after_break and paras and first.isalpha() and not _NUMBERED_START.match(text):
        # A sentence running over a page break: the page ended mid-sentence in a long
        # paragraph, and the next page goes on with plain text.
        last = paras[-1].text
        continues = continues or (
            len(last) >= 200 and _is_unterminated(last) and last[-1].isalpha()
        )
    if continues and paras:
        target = _continuation_target(paras)
        if target is not None:
            prev = paras[target]
            if prev.text.endswith("-") and first.isalpha():
                joined = prev.text[:-1] + text
            else:
                joined = f"{prev.text} {text}"
            paras[target] = replace(prev, text=joined)
            return
    paras.append(Para(text=text, page=page))


def _continuation_target(paras: list[Para]) -> int | None:
    """The paragraph a lower-case block continues: the last one left unfinished.

    A page footer (footnotes, an appendix list) can sit between the two halves of a
    sentence, so look back a few paragraphs for one that is long and unterminated.
    """
    for back in range(1, min(8, len(paras)) + 1):
        candidate = paras[-back].text
        if FOOTNOTE_DEF.match(candidate) or _URL.match(candidate):
            continue
        if _is_unterminated(candidate) and (back == 1 or len(candidate) >= 40):
            return len(paras) - back
    return None


def strip_footnote_markers(paras: list[Para]) -> list[Para]:
    """Remove roman-numeral footnote markers glued to words, when confidently found.

    The document must list footnotes "i ...", "ii ...", ... and every marker must be
    found in the body, in order, glued to a capitalised word and followed by punctuation
    or a space; otherwise nothing is touched.
    """
    defined = [m.group(1) for p in paras if (m := FOOTNOTE_DEF.match(p.text))]
    sequence: list[str] = []
    for roman in _ROMANS:
        if roman not in defined:
            break
        sequence.append(roman)
    if len(sequence) < 2:
        return paras
    body = [i for i, p in enumerate(paras) if not FOOTNOTE_DEF.match(p.text)]
    found: list[tuple[int, int, int]] = []  # (para index, start, end) of each marker
    para_pos, char_pos = 0, 0
    for roman in sequence:
        pattern = re.compile(rf"\b[A-Z][a-z]{{2,}}?({roman})(?=[\s,.;:)]|$)")
        hit = None
        while para_pos < len(body):
            text = paras[body[para_pos]].text
            match = pattern.search(text, char_pos)
            if match:
                hit = (body[para_pos], match.start(1), match.end(1))
                char_pos = match.end()
                break
            para_pos, char_pos = para_pos + 1, 0
        if hit is None:
            return paras
        found.append(hit)
    result = list(paras)
    for index, start, end in reversed(found):
        text = result[index].text
        result[index] = replace(result[index], text=text[:start] + text[end:])
    return result


def paragraphs_from_blocks(blocks: list[Block]) -> list[Para]:
    """Clean HTML blocks: they are paragraphs already, only whitespace and noise differ."""
    paras: list[Para] = []
    for block in blocks:
        text = squash(strip_link_noise(normalise_chars(block.text)))
        if not text or (not block.heading and is_noise(text)):
            continue
        bullet = _BULLET_LINE.match(text)
        if bullet and not block.heading:
            text = f"- {text[bullet.end() :]}"
        paras.append(
            Para(text=text, item=block.item, item_title=block.item_title, heading=block.heading)
        )
    return paras


def clean(raw: RawDocument) -> list[Para]:
    """All cleaning for one document, whatever its format."""
    if raw.blocks is not None:
        return paragraphs_from_blocks(raw.blocks)
    return strip_footnote_markers(paragraphs_from_pages(raw.pages, raw.paged))
