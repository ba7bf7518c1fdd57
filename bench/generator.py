"""A scale corpus: archives of scrutiny minutes made by recombining the seed documents.

Every sentence of a generated passage is a real sentence of a seed document (`corpus/`),
with its numbers, years and councillors' names varied; everything around the sentences is
generated: councils, committees, meeting dates over twenty years, item numbers and
titles, paragraph numbering and lengths. A fixed seed makes the archive the same on
every machine, so `generate(..., seed=7)` yields the same documents byte for byte.

Documents come out as `GeneratedDocument`s that can be written as `.txt` files with a
`manifest.csv` (for end-to-end indexing runs) or turned straight into `DocumentMeta` and
`Chunk`s for the passage store (for the 100k and 1M query runs, where parsing and
embedding a million passages for real would take hours on two cores).
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from indexer.models import Chunk, DocumentMeta

__all__ = [
    "GeneratedDocument",
    "GeneratedParagraph",
    "SeedText",
    "generate",
    "load_seed_text",
    "write_documents",
]

ROOT = Path(__file__).resolve().parents[1]
SEED_CORPUS = ROOT / "corpus"
FIRST_YEAR = 2005
YEARS = 20

COUNCILS = [
    "Gloucestershire County Council", "Kent County Council", "Somerset Council",
    "Norfolk County Council", "Derbyshire County Council", "Cumbria County Council",
    "Devon County Council", "Lancashire County Council", "Suffolk County Council",
    "Royal Borough of Kingston upon Thames", "Leeds City Council", "Bristol City Council",
    "Cheshire East Council", "Wiltshire Council", "Hertfordshire County Council",
    "Nottinghamshire County Council",
]  # fmt: skip
COMMITTEES = [
    "Children and Families Overview and Scrutiny Committee",
    "Adult Social Care and Health Overview and Scrutiny Committee",
    "Corporate Overview and Scrutiny Committee", "Environment and Transport Scrutiny Panel",
    "Health Scrutiny Committee", "Housing and Communities Scrutiny Panel",
    "Resources and Performance Scrutiny Committee", "Audit and Governance Committee",
    "Cabinet", "Full Council", "Schools Forum", "Economy and Skills Scrutiny Committee",
]  # fmt: skip
DOC_TYPES = ["minutes", "agenda and minutes", "agenda item", "report", "chair's report"]
EXTRA_TITLES = [
    "Revenue Monitoring Report", "Capital Programme Update", "Work Programme",
    "Performance Report: Quarter {q}", "Budget Proposals {y}/{y1}", "Ofsted Inspection Update",
    "Corporate Parenting Annual Report", "Special Educational Needs and Disabilities",
    "Home to School Transport", "Safeguarding Children Partnership Annual Report",
    "Recruitment and Retention of Social Workers", "Children in Care Placements",
    "Early Help Strategy", "Youth Justice Plan {y}/{y1}", "Adult Social Care Charging Policy",
    "Highways Maintenance Programme", "Waste Strategy", "Public Health Annual Report",
    "Medium Term Financial Strategy", "Risk Register", "Internal Audit Progress Report",
    "Treasury Management Strategy", "Climate Emergency Action Plan", "Libraries Review",
    "Mental Health Services for Young People", "Declarations of Interest",
    "Minutes of the Previous Meeting", "Public Questions", "Call-in of a Cabinet Decision",
    "Fostering Service Annual Report", "School Place Planning", "Domestic Abuse Strategy",
]  # fmt: skip
FIRST_NAMES = [
    "Brian", "Shaun", "Kathy", "Paul", "Lesley", "Stephen", "Carole", "Ben", "Joe", "Rachel",
    "David", "Susan", "Andrew", "Claire", "Mark", "Helen", "Robert", "Jane", "Colin", "Nigel",
    "Philip", "Tracey", "Gareth", "Anne", "Simon", "Judith", "Martin", "Lynn", "Tim", "Kate",
]  # fmt: skip
SURNAMES = [
    "Robinson", "Parsons", "Williams", "Hodgkinson", "Smith", "Davies", "Evans", "Hughes",
    "Morgan", "Patel", "Khan", "Taylor", "Brown", "Wilson", "Thompson", "Walker", "Wright",
    "Harris", "Clarke", "Hall", "Allen", "Young", "King", "Green", "Baker", "Hill", "Moore",
    "Cooper", "Ward", "Bell", "Ahmed", "Hussain", "Murphy", "Kelly", "Price", "Lloyd",
]  # fmt: skip

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(‘“'\"])")
_PARA_NUMBER = re.compile(r"^\s*\d{1,3}(?:\.\d{1,3})+\s+")
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w])")
LEAD_INS = [
    "In response to questions,", "Members noted that", "The Chair reported that",
    "It was confirmed that", "The committee heard that", "Officers explained that",
    "In answer to a member,", "The Cabinet Member said that", "It was further noted that",
    "Following discussion,", "The report stated that", "Members were advised that",
    "The Director confirmed that", "A member asked whether this meant that",
    "It was reported that", "The Head of Service added that", "In summary,",
]  # fmt: skip
_LOWER_FIRST = frozenset(
    ["The", "It", "There", "This", "These", "That", "A", "An", "He", "She", "They", "We",
     "Members", "Officers"]
)  # fmt: skip
_TITLE = re.compile(r"^[A-Z][A-Za-z ,'’&/-]+$")
_NOT_TITLE = re.compile(r"^(Cllr|Councillor|Venue|No\.|Agenda|This|ACTION|Minutes:)")
_NAME = re.compile(r"\b(Cllr|Councillor|Mr|Mrs|Ms|Dr)\.? ([A-Z][a-z]+)(?: ([A-Z][a-z]+))?")


VARIANTS = 16
"""Versions of each seed sentence (numbers, years and names varied) in the sentence pool."""


@dataclass(frozen=True)
class SeedText:
    """Item titles and a pool of sentences: seed sentences, each in `VARIANTS` versions.

    Passages are drawn from this fixed pool (a few thousand sentences), so the vector of
    a generated passage can be made from real embeddings of its sentences (`bench.vectors`).
    """

    base_sentences: tuple[str, ...]
    sentences: tuple[str, ...]
    titles: tuple[str, ...]


@dataclass
class GeneratedParagraph:
    text: str
    item: str
    item_title: str
    paragraph: str
    sentence_ids: tuple[int, ...] = ()


@dataclass
class GeneratedDocument:
    meta: DocumentMeta
    paragraphs: list[GeneratedParagraph] = field(default_factory=list)

    @property
    def filename(self) -> str:
        return self.meta.path

    def render(self) -> str:
        """The document as a minutes page: heading, then each item's title and paragraphs."""
        meta = self.meta
        assert meta.meeting_date is not None
        when = meta.meeting_date.strftime("%A %-d %B %Y")
        lines = [f"{meta.doc_type or 'minutes'}".capitalize(), "", f"{meta.committee} - {when}"]
        lines += ["", f"Venue: Council Chamber, {meta.council}", "", "No. Item", ""]
        item = None
        for para in self.paragraphs:
            if para.item != item:
                item = para.item
                lines += ["", para.item_title, ""]
            lines += [f"{para.paragraph}     {para.text}", ""]
        return "\n".join(lines) + "\n"

    def chunks(self) -> list[Chunk]:
        """One chunk a numbered paragraph, as the indexer's chunker cuts such minutes."""
        return [
            Chunk(
                text=p.text,
                item=p.item,
                item_title=p.item_title,
                paragraph=p.paragraph,
                ordinal=i,
            )  # fmt: skip
            for i, p in enumerate(self.paragraphs)
        ]


def load_seed_text(corpus: Path = SEED_CORPUS) -> SeedText:
    """Sentences of at least six words and short title-like lines of the seed files."""
    sentences: dict[str, None] = {}
    titles: dict[str, None] = {}
    for path in sorted(corpus.glob("*.txt")):
        for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            block = " ".join(block.split())
            if not block:
                continue
            numbered = bool(_PARA_NUMBER.match(block))
            block = _PARA_NUMBER.sub("", block)
            words = block.split()
            if not numbered and 2 <= len(words) <= 9:
                title = re.sub(r"\s*pdf icon.*$", "", block, flags=re.I).strip()
                if _TITLE.match(title) and not _NOT_TITLE.match(title):
                    titles[title] = None
                continue
            for sentence in _SENTENCE_END.split(block):
                if (
                    len(sentence.split()) >= 6
                    and sentence[0].isupper()
                    and sentence[-1] in '.!?;)"’”'
                ):
                    sentences[sentence] = None
    if not sentences:
        raise ValueError(f"no sentences found in {corpus}/*.txt")
    rng = random.Random(1)
    pool: dict[str, None] = {}
    for sentence in sentences:
        pool[sentence] = None
        for _ in range(VARIANTS - 1):
            year = FIRST_YEAR + rng.randrange(YEARS)
            variant = _vary_names(_vary_numbers(sentence, rng, year), rng)
            if rng.random() < 0.6:
                first, _, rest = variant.partition(" ")
                if first in _LOWER_FIRST:
                    first = first.lower()
                variant = f"{rng.choice(LEAD_INS)} {first} {rest}"
            pool[variant] = None
    return SeedText(tuple(sentences), tuple(pool), tuple(titles) + tuple(EXTRA_TITLES))


def _vary_numbers(sentence: str, rng: random.Random, year: int) -> str:
    def replace(match: re.Match[str]) -> str:
        whole, frac = match.group(1), match.group(2)
        digits = whole.replace(",", "")
        value = int(digits)
        if len(digits) == 4 and 1990 <= value <= 2030:
            return str(year + rng.randint(-3, 1))
        if value <= 31 and not frac:
            new = str(rng.randint(1, min(28, max(2, value * 2))))
        else:
            new = str(max(1, int(value * rng.uniform(0.5, 1.5))))
            if "," in whole:
                new = f"{int(new):,}"
        return new + (f".{rng.randint(0, 10 ** len(frac) - 1):0{len(frac)}d}" if frac else "")

    return _NUMBER.sub(replace, sentence)


def _vary_names(sentence: str, rng: random.Random) -> str:
    def replace(match: re.Match[str]) -> str:
        return f"{match.group(1)} {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"

    return _NAME.sub(replace, sentence)


def _paragraph_length(rng: random.Random) -> int:
    """Sentences per paragraph: mostly 2–4, a long tail up to 9; a few of one sentence."""
    if rng.random() < 0.03:
        return 1
    return min(9, 2 + int(rng.expovariate(0.6)))


def _document(
    index: int, seed_text: SeedText, rng: random.Random, size: int, seen: set[int]
) -> GeneratedDocument:
    council = rng.choice(COUNCILS)
    committee = rng.choice(COMMITTEES)
    start = date(FIRST_YEAR, 1, 1)
    meeting = start + timedelta(days=rng.randrange(YEARS * 365))
    doc_type = rng.choice(DOC_TYPES)
    precision = "day" if rng.random() > 0.05 else rng.choice(["month", "year"])
    if precision == "month":
        meeting = meeting.replace(day=1)
    elif precision == "year":
        meeting = meeting.replace(month=1, day=1)
    year = meeting.year
    meta = DocumentMeta(
        document_id=f"gen/{index:07d}",
        path=f"{index:07d}.txt",
        council=council,
        committee=committee,
        meeting_date=meeting,
        date_precision=precision,  # type: ignore[arg-type]
        date_approximate=precision != "day",
        doc_type=doc_type,
        title=f"{committee} - {meeting.strftime('%A %-d %B %Y')}",
    )
    doc = GeneratedDocument(meta)
    item_number = rng.randint(1, 80)
    n_sentences = len(seed_text.sentences)
    while len(doc.paragraphs) < size:
        title = rng.choice(seed_text.titles).format(
            q=rng.randint(1, 4), y=year, y1=(year + 1) % 100
        )
        for p in range(1, min(size - len(doc.paragraphs), rng.randint(1, 9)) + 1):
            # Every passage of the archive is a distinct text, so the store holds exactly
            # the passages asked for (equal texts would be stored once).
            while True:
                ids = tuple(rng.randrange(n_sentences) for _ in range(_paragraph_length(rng)))
                key = hash(ids)
                if key not in seen:
                    seen.add(key)
                    break
            doc.paragraphs.append(
                GeneratedParagraph(
                    text=" ".join(seed_text.sentences[i] for i in ids),
                    item=str(item_number),
                    item_title=title,
                    paragraph=f"{item_number}.{p}",
                    sentence_ids=ids,
                )  # fmt: skip
            )
        item_number += 1
    return doc


def generate(
    passages: int, seed: int = 7, seed_text: SeedText | None = None
) -> Iterator[GeneratedDocument]:
    """Documents holding `passages` paragraphs in all (8–120 each), deterministic in `seed`."""
    seed_text = seed_text or load_seed_text()
    rng = random.Random(seed)
    made = 0
    index = 0
    seen: set[int] = set()
    while made < passages:
        size = min(passages - made, max(8, int(rng.lognormvariate(3.4, 0.6))), 120)
        yield _document(index, seed_text, rng, size, seen)
        made += size
        index += 1


MANIFEST_COLUMNS = [
    "path", "council", "committee", "meeting_date", "date_precision", "doc_type", "title",
    "source_url", "date_approximate", "notes",
]  # fmt: skip


def write_documents(
    documents: Iterator[GeneratedDocument] | list[GeneratedDocument], folder: Path
) -> int:
    """Write `.txt` files and a `manifest.csv` in the corpus format; returns the file count."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(MANIFEST_COLUMNS)
        for doc in documents:
            m = doc.meta
            (folder / doc.filename).write_text(doc.render(), encoding="utf-8")
            writer.writerow([
                m.path, m.council, m.committee, m.meeting_date.isoformat() if m.meeting_date
                else "", m.date_precision, m.doc_type, m.title, "", str(m.date_approximate).lower(),
                "generated by bench.generator",
            ])  # fmt: skip
            count += 1
    return count
