"""The routes that change the index: token in constant time, off without one, uploads
limited in size and typed by content, and the serving engine switching after a write."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from indexer import cli as indexer_cli
from indexer.embedding import Embedder
from indexer.settings import Settings
from search_api.archive import Archive
from search_api.http.app import create_app
from tests.documents import LEGACY_DOC, build_docx, build_odt, build_rtf
from tests.searching import search

from .conftest import CORPUS, GOOD_MINUTES, text_pdf

TOKEN = "s3cret-token-for-tests-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _client(settings: Settings, embedder: Embedder) -> TestClient:
    engine = Archive.open(settings, embedder)
    return TestClient(create_app(archive=engine), raise_server_exceptions=False)


@pytest.fixture
def admin(seed_copy: Settings, embedder: Embedder) -> Iterator[TestClient]:
    settings = seed_copy.model_copy(update={"admin_token": TOKEN, "max_upload_bytes": 200_000})
    with _client(settings, embedder) as client:
        yield client


def _upload(client: TestClient, body: bytes, name: str = "new minutes.txt", **params: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/documents",
        params={"filename": name, **params},
        content=body,
        headers={**AUTH, "Content-Type": "application/octet-stream"},
    )


@pytest.mark.parametrize("token", [None, "", "short"])
def test_routes_are_off_without_a_configured_token(
    seed_copy: Settings, embedder: Embedder, token: str | None
) -> None:
    settings = seed_copy.model_copy(update={"admin_token": token})
    with _client(settings, embedder) as client:
        seed_doc = next(CORPUS.glob("*.txt")).stem
        for method, url in [("POST", "/documents?filename=a.txt"), ("POST", "/reindex"),
                            ("DELETE", f"/documents/{seed_doc}")]:  # fmt: skip
            response = client.request(method, url, headers=AUTH, content=b"text")
            assert response.status_code == 403, response.text
            assert "SCRUTINY_ADMIN_TOKEN" in response.json()["detail"]
        assert client.get("/health").json()["documents"] == 5


@pytest.mark.parametrize(
    "header",
    [None, "Bearer", "Bearer wrong-token-wrong-token-00", f"Basic {TOKEN}", f"Bearer {TOKEN}x",
     f"Bearer {TOKEN[:-1]}", "Bearer \u00e9\u00e9\u00e9".encode()],
    ids=["none", "empty", "wrong", "basic", "longer", "prefix", "non-ascii"],
)  # fmt: skip
def test_a_wrong_token_is_refused(admin: TestClient, header: str | bytes | None) -> None:
    headers = {"Authorization": header} if header is not None else {}
    for method, url in [("POST", "/documents?filename=a.txt"), ("POST", "/reindex"),
                        ("DELETE", "/documents/x")]:  # fmt: skip
        response = admin.request(method, url, headers=headers, content=GOOD_MINUTES.encode())
        assert response.status_code == 401, (method, url, response.text)
        assert response.headers["www-authenticate"] == "Bearer"
    assert admin.get("/health").json()["documents"] == 5


def test_upload_indexes_and_the_server_switches(admin: TestClient, seed_copy: Settings) -> None:
    version = admin.get("/health").json()["index_version"]
    response = _upload(admin, GOOD_MINUTES.encode(), committee="Children and Families",
                       meeting_date="2023-03-15", title="March minutes")  # fmt: skip
    assert response.status_code == 201, response.text
    report = response.json()
    assert report["added"] == ["new-minutes"] and report["documents"] == 6
    assert report["index_version"] != version
    assert admin.get("/health").json()["index_version"] == report["index_version"]
    hit = admin.get("/search", params={"q": "marmalade allowance pilot", "k": 1}).json()["hits"][0]
    assert hit["citation"]["document_id"] == "new-minutes"
    assert hit["citation"]["meeting_date"] == "2023-03-15"
    assert hit["citation"]["title"] == "March minutes"
    assert (seed_copy.index_dir / "uploads" / "new-minutes.txt").is_file()

    # The same name again replaces it when asked to (409 otherwise); a PDF under a .txt
    # name is stored as a PDF.
    pdf = text_pdf(["Minutes", "12.1 The committee agreed the quince allowance pilot."])
    refused = _upload(admin, pdf, name="new minutes.txt")
    assert refused.status_code == 409 and "replace=true" in refused.json()["detail"]
    replaced = _upload(admin, pdf, name="new minutes.txt", replace="true")
    assert replaced.status_code == 201, replaced.text
    assert replaced.json()["updated"] == ["new-minutes"]
    assert sorted(p.name for p in (seed_copy.index_dir / "uploads").iterdir()) == [
        "manifest.csv",
        "new-minutes.pdf",
    ]

    # Re-index keeps uploads; delete removes the document and its file.
    again = admin.post("/reindex", headers=AUTH)
    assert again.status_code == 200 and again.json()["documents"] == 6, again.text
    deleted = admin.delete("/documents/new-minutes", headers=AUTH)
    assert deleted.status_code == 200 and deleted.json()["removed"] == ["new-minutes"]
    assert admin.get("/documents/new-minutes").status_code == 404
    assert not (seed_copy.index_dir / "uploads" / "new-minutes.pdf").exists()
    assert admin.delete("/documents/new-minutes", headers=AUTH).status_code == 404
    assert admin.get("/health").json()["documents"] == 5


def test_a_rebuild_from_the_shell_keeps_uploads(
    admin: TestClient, seed_copy: Settings, embedder: Embedder
) -> None:
    """Uploads live in the index folder, not in SCRUTINY_CORPUS: every build counts them."""
    assert _upload(admin, GOOD_MINUTES.encode()).status_code == 201
    args = [*map(str, seed_copy.corpus_dirs), "--rebuild", "--index", str(seed_copy.index_dir)]
    assert indexer_cli.main(["build", *args]) == 0
    engine = Archive.open(seed_copy, embedder)
    assert engine.reader().stats().documents == 6
    assert search(engine, "marmalade allowance pilot", k=1)[0].citation.document_id == "new-minutes"


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "photo.pdf"),
        (b"PK\x03\x04" + b"\x00" * 200, "minutes.txt"),
        (b"caf\xe9 \xff\xfe minutes", "latin.txt"),
        (b"text with a NUL \x00 byte", "nul.html"),
        (bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504), "minutes.doc"),
    ],
    ids=["png named pdf", "zip named txt", "invalid utf-8", "nul", "compound file, no Word"],
)
def test_uploads_are_typed_by_content(admin: TestClient, body: bytes, name: str) -> None:
    response = _upload(admin, body, name=name)
    assert response.status_code == 415, response.text
    assert "bytes" in response.json()["detail"]


def test_a_word_document_upload_is_indexed(admin: TestClient, seed_copy: Settings) -> None:
    body = build_docx(
        "Children and Families Overview and Scrutiny Committee - Wednesday 15 March 2023",
        ["12. Foster Carer Recruitment:", "12.1 The committee agreed the damson allowance pilot."],
        [["12.2", "Members asked for the damson allowance costs by district."]],
    )
    response = _upload(admin, body, name="march minutes.pdf")  # the name's extension is wrong
    assert response.status_code == 201, response.text
    assert (seed_copy.index_dir / "uploads" / "march-minutes.docx").is_file()
    hits = admin.get("/search", params={"q": "damson allowance", "k": 2}).json()["hits"]
    # Both paragraphs are found: the top hit is one, its item window holds the other.
    assert hits[0]["citation"]["paragraph"] in {"12.1", "12.2"}
    assert {p["paragraph"] for p in hits[0]["window"]} == {"12.1", "12.2"}


def test_a_legacy_word_upload_is_kept_as_doc_and_indexed(
    admin: TestClient, seed_copy: Settings
) -> None:
    """Word 97-2003 minutes (the seed's item 41) uploaded under a wrong name: named .doc by
    their bytes, indexed and cited by paragraph. Its 41.2 reads word for word as the seed's
    copies, so it is the one passage they share, the upload among its sources."""
    body = LEGACY_DOC.read_bytes()
    response = _upload(admin, body, name="item 41.pdf", doc_type="archived minutes")
    assert response.status_code == 201, response.text
    assert (seed_copy.index_dir / "uploads" / "item-41.doc").read_bytes() == body
    params = {"q": "staff morale was good", "k": 3, "doc_type": "archived minutes"}
    top = admin.get("/search", params=params).json()["hits"][0]["citation"]
    assert top["paragraph"] == "41.2"
    assert {"document_id": "item-41", "paragraph": "41.2"}.items() <= next(
        s for s in top["sources"] if s["document_id"] == "item-41"
    ).items()


@pytest.mark.parametrize("suffix", [".odt", ".rtf"])
def test_opendocument_and_rich_text_uploads_are_indexed(
    admin: TestClient, seed_copy: Settings, suffix: str
) -> None:
    paragraphs = [
        "Children and Families Overview and Scrutiny Committee - Wednesday 15 March 2023",
        "Foster Carer Recruitment",
        "12.1 The committee agreed the damson allowance pilot.",
    ]
    table = [["12.2", "Members asked for the damson allowance costs by district."]]
    body = (build_odt if suffix == ".odt" else build_rtf)(paragraphs, table)
    response = _upload(admin, body, name="march minutes.pdf")  # the name's extension is wrong
    assert response.status_code == 201, response.text
    assert (seed_copy.index_dir / "uploads" / f"march-minutes{suffix}").is_file()
    hits = admin.get("/search", params={"q": "damson allowance", "k": 2}).json()["hits"]
    assert hits[0]["citation"]["paragraph"] in {"12.1", "12.2"}


def _web_archive(encoding: str) -> bytes:
    """Minutes saved as a single-file web page (MHTML), the page in windows-1252 under a
    quoted-printable (Word's way) or 8bit (so not UTF-8) transfer encoding."""
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    paragraphs = GOOD_MINUTES.split("\n\n")[1:]
    body = "".join(f"<p>{p}</p>" for p in paragraphs) + "<p>12.3 A cost of \u00a341,000.</p>"
    html = f"<html><body>{body}</body></html>"
    if encoding == "8bit":
        return (
            'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="part"\r\n\r\n'
            '--part\r\nContent-Type: text/html; charset="windows-1252"\r\n'
            f"Content-Transfer-Encoding: 8bit\r\n\r\n{html}\r\n--part--\r\n"
        ).encode("windows-1252")
    message = MIMEMultipart("related")
    message.attach(MIMEText(html, "html", "windows-1252"))
    return message.as_bytes()


@pytest.mark.parametrize("encoding", ["quoted-printable", "8bit"])
def test_a_single_file_web_page_upload_is_kept_as_one(
    admin: TestClient, seed_copy: Settings, encoding: str
) -> None:
    """An MHTML upload keeps its .mht name (it was stored as .txt, or refused with 415 when
    its page was not UTF-8), and is read as the web page it holds."""
    response = _upload(admin, _web_archive(encoding), name="march minutes.mht")
    assert response.status_code == 201, response.text
    uploads = seed_copy.index_dir / "uploads"
    assert sorted(p.name for p in uploads.iterdir()) == ["manifest.csv", "march-minutes.mht"]
    hit = admin.get("/search", params={"q": "marmalade allowance pilot", "k": 1}).json()["hits"][0]
    assert hit["citation"]["document_id"] == "march-minutes"


def test_a_pdf_with_bytes_before_its_header_is_uploaded_as_the_reader_reads_it(
    admin: TestClient, seed_copy: Settings
) -> None:
    """One rule for "is this a PDF" ("%PDF-" within the first 1024 bytes, as PDF readers
    look): the reader read such a file as a PDF, but the upload refused it (415)."""
    pdf = text_pdf(["Minutes", "12.1 The committee agreed the quince allowance pilot."])
    response = _upload(admin, b"X-Scanned-By: mail gateway\r\n\r\n" + pdf, name="quince")
    assert response.status_code == 201, response.text
    assert (seed_copy.index_dir / "uploads" / "quince.pdf").is_file()


def test_an_upload_replaces_its_id_in_every_format_it_is_kept_in(
    admin: TestClient, seed_copy: Settings
) -> None:
    """Minutes first uploaded as OpenDocument, then replaced by the Word version: the .odt
    goes with its manifest row (it stayed, and the next re-index found the id twice)."""
    paragraphs = [
        "Children and Families Overview and Scrutiny Committee - Wednesday 15 March 2023",
        "Foster Carer Recruitment",
        "12.1 The committee agreed the damson allowance pilot.",
    ]
    first = _upload(admin, build_odt(paragraphs, []), name="march minutes.odt")
    assert first.status_code == 201, first.text
    word = build_docx(paragraphs[0], paragraphs[1:], [])
    replaced = _upload(admin, word, name="march minutes.odt", replace="true")
    assert replaced.status_code == 201, replaced.text
    uploads = seed_copy.index_dir / "uploads"
    assert sorted(p.name for p in uploads.iterdir()) == ["manifest.csv", "march-minutes.docx"]
    again = admin.post("/reindex", headers=AUTH)
    assert again.status_code == 200 and again.json()["documents"] == 6, again.text


def test_upload_size_limit(admin: TestClient, seed_copy: Settings) -> None:
    big = b"The committee met. " * 20_000  # 380 kB, over the 200 kB limit
    declared = _upload(admin, big)
    assert declared.status_code == 413 and "SCRUTINY_MAX_UPLOAD_BYTES" in declared.text

    def chunks() -> Iterator[bytes]:  # no Content-Length: the stream is cut at the limit
        for _ in range(100):
            yield b"x" * 10_000

    streamed = admin.post(
        "/documents", params={"filename": "big.txt"}, content=chunks(), headers=AUTH
    )
    assert streamed.status_code == 413
    uploads = seed_copy.index_dir / "uploads"
    assert not [p for p in uploads.iterdir() if p.name != "manifest.csv"]
    assert admin.get("/health").json()["documents"] == 5


def test_bad_uploads_leave_the_index_and_folder_as_they_were(
    admin: TestClient, seed_copy: Settings
) -> None:
    version = admin.get("/health").json()["index_version"]
    empty = _upload(admin, b"")
    assert empty.status_code == 422
    blank_pdf = _upload(admin, text_pdf([]), name="scan.pdf")
    assert blank_pdf.status_code == 422 and "no text" in blank_pdf.json()["detail"]
    clash = _upload(admin, GOOD_MINUTES.encode(), name=next(CORPUS.glob("*.txt")).name)
    assert clash.status_code == 409 and "duplicate document id" in clash.json()["detail"]
    traversal = _upload(admin, GOOD_MINUTES.encode(), name="../../../etc/passwd")
    assert traversal.status_code == 201  # the name only makes an id: it lands in uploads/
    assert traversal.json()["added"] == ["passwd"]
    uploads = seed_copy.index_dir / "uploads"
    assert sorted(p.name for p in uploads.iterdir()) == ["manifest.csv", "passwd.txt"]
    assert admin.get("/health").json()["index_version"] != version
    assert admin.get("/health").json()["documents"] == 6


def test_admin_routes_are_in_the_schema(admin: TestClient) -> None:
    paths = admin.get("/openapi.json").json()["paths"]
    assert "post" in paths["/documents"] and "post" in paths["/reindex"]
    assert "delete" in paths["/documents/{document_id}"]
