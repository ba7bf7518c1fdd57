"""Fixtures for the reliability tests: cheap writable copies of the session's seed index.

Building the seed index costs a minute of embedding on a busy 2-core machine, so tests
that change an index copy the session's published one instead of building their own.
The copy's documents point at the repository's corpus folder, which no test writes to:
an incremental build over that corpus finds every document unchanged and embeds nothing.
"""

from __future__ import annotations

import shutil
import sys
import zlib
from pathlib import Path

import pytest

from indexer.engine import SearchEngine
from indexer.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
if str(ROOT) not in sys.path:  # the campaign package `reliability/` is not installed
    sys.path.insert(0, str(ROOT))

QUERIES = ("agency staff", "overspend", "Ofsted monitoring visit", "foster carers")

GOOD_MINUTES = """Agenda and minutes

Children and Families Overview and Scrutiny Committee - Wednesday 15 March 2023 10.00 am

Foster Carer Recruitment

12.1     The committee heard that the fostering service had recruited 41 new foster
carers in the year, the highest number since 2015, and that the marmalade allowance
pilot would continue.

12.2     Members asked for a breakdown of foster carer retention by district.
"""


def answers(engine: SearchEngine) -> list[list[tuple[int, float]]]:
    """What the index answers to a few fixed queries: ids and scores, to compare exactly."""
    return [[(h.passage_id, round(h.score, 6)) for h in engine.search(q, k=5)] for q in QUERIES]


def copy_index(seed_settings: Settings, target: Path, corpus: str | None = None) -> Settings:
    shutil.copytree(seed_settings.index_dir, target, ignore=shutil.ignore_patterns("LOCK"))
    return seed_settings.model_copy(
        update={"index_dir": target, "corpus": corpus or seed_settings.corpus}
    )


@pytest.fixture
def seed_copy(seed_settings: Settings, tmp_path: Path) -> Settings:
    """Settings for a private copy of the session's seed index (corpus: the repo's)."""
    return copy_index(seed_settings, tmp_path / "index")


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a Helvetica text layer."""
    ops = ["BT", "/F1 11 Tf", "72 740 Td", "14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    stream = zlib.compress("\n".join(ops).encode("latin-1"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
        f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
        + stream
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    out += trailer.encode()
    return bytes(out)
