"""Rebuild the legacy Word fixture `minutes_item41.doc` from seed document 003's text.

The .docx is written with python-docx (`tests.documents.build_docx`, as the other Word
tests do) and saved as Word 97-2003 by LibreOffice Writer (Debian 12's
`libreoffice-writer-nogui` 7.4, `apt-get install --no-install-recommends
libreoffice-writer-nogui`), the way a council's older documents were saved:

    PYTHONPATH=. python tests/data/ingestion/doc/build.py

Only the test fixture needs LibreOffice; the product reads the .doc with `olefile`.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

from tests.documents import build_docx

HERE = Path(__file__).parent
SEED = HERE.parents[3] / "corpus" / "003_315652f360b52df6.txt"


def main() -> None:
    text = SEED.read_text(encoding="utf-8")
    numbered = re.findall(r"^(41\.\d)\s+(.+)$", text, flags=re.M)
    paragraphs = ["Ofsted Improvement Letter:"] + [f"{n}  {body}" for n, body in numbered[:4]]
    # number | (empty) | text: an empty cell inside a row, which only the paragraph
    # properties tell from the row's end
    table = [[n, "", body] for n, body in numbered[4:]]
    table.append(["ACTION:", "", "Chris Spencer/Andrea Clarke"])
    docx = build_docx(
        "Children and Families Overview and Scrutiny Committee - Wednesday 21 November 2018",
        paragraphs,
        table,
    )
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "minutes_item41.docx"
        source.write_bytes(docx)
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "doc:MS Word 97", "--outdir", tmp,
             str(source)],
            check=True, capture_output=True,
        )  # fmt: skip
        (HERE / "minutes_item41.doc").write_bytes((Path(tmp) / "minutes_item41.doc").read_bytes())


if __name__ == "__main__":
    main()
