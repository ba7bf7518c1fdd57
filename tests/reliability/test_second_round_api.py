"""Second-round probe (issue 16), over HTTP: uploads never replace silently and agree
with the index, a stuck server recovers, damage is a 503 the server survives, bodies
are capped, retired versions are closed, a full disk is a 507, and the Host header is
checked with no server paths in client messages."""

from __future__ import annotations

import gc
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.lexical import LEXICAL_DIR
from indexer.settings import Settings
from indexer.snapshot import STORE_FILE, IndexDir, IndexLockedError
from search_api.archive import Archive
from search_api.http.app import create_app
from tests.documents import docx_bomb

from .conftest import GOOD_MINUTES
from .test_second_round_index import file_size_limit

TOKEN = "s3cret-token-for-tests-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def admin_settings(seed_copy: Settings) -> Settings:
    return seed_copy.model_copy(update={"admin_token": TOKEN, "max_upload_bytes": 2_000_000})


@pytest.fixture
def admin(admin_settings: Settings, embedder: Embedder) -> Iterator[TestClient]:
    app = create_app(archive=Archive.open(admin_settings, embedder))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def _upload(client: TestClient, body: bytes, name: str, **params: str) -> httpx.Response:
    return client.post(
        "/documents",
        params={"filename": name, **params},
        content=body,
        headers={**AUTH, "Content-Type": "application/octet-stream"},
    )


def _minutes(word: str) -> bytes:
    return GOOD_MINUTES.replace("marmalade", word).encode()


def test_uploads_with_dotted_names_never_replace_each_other_silently(admin: TestClient) -> None:
    """#1: 'Cabinet Minutes 12.03.2019.txt' and '… 12.03.2020.txt' both became
    'cabinet-minutes-12-03', and the second upload silently replaced the first."""
    first = _upload(admin, _minutes("quince"), "Cabinet Minutes 12.03.2019.txt")
    assert first.status_code == 201 and first.json()["added"] == ["cabinet-minutes-12-03-2019"]
    second = _upload(admin, _minutes("damson"), "Cabinet Minutes 12.03.2020.txt")
    assert second.status_code == 201 and second.json()["added"] == ["cabinet-minutes-12-03-2020"]
    assert _upload(admin, _minutes("sloe"), "report v1.2").json()["added"] == ["report-v1-2"]
    assert admin.get("/health").json()["documents"] == 8

    again = _upload(admin, _minutes("medlar"), "Cabinet Minutes 12.03.2019.txt")
    assert again.status_code == 409, again.text
    assert "'cabinet-minutes-12-03-2019'" in again.json()["detail"]
    assert "replace=true" in again.json()["detail"]
    hit = admin.get("/search", params={"q": "quince allowance", "k": 1}).json()["hits"][0]
    assert hit["citation"]["document_id"] == "cabinet-minutes-12-03-2019"

    replaced = _upload(admin, _minutes("medlar"), "Cabinet Minutes 12.03.2019.txt",
                       replace="true")  # fmt: skip
    assert replaced.status_code == 201 and replaced.json()["updated"] == [
        "cabinet-minutes-12-03-2019"
    ]
    assert admin.get("/health").json()["documents"] == 8


def test_an_upload_holds_the_writer_lock_while_its_file_is_in_the_folder(
    admin: TestClient, admin_settings: Settings, embedder: Embedder
) -> None:
    """#2: an upload racing a re-index was answered 409 but stayed indexed without its
    file: the re-index had picked up the file between its placing and its removal. The
    file may only be in the uploads folder while the upload holds the writer lock."""
    uploads = admin_settings.uploads_dir
    seen: list[str] = []
    stop = threading.Event()

    def reindex_when_the_file_appears() -> None:
        while not stop.is_set():
            if (uploads / "race.txt").exists():
                try:
                    Indexer(admin_settings, embedder).build()
                    seen.append("a re-index ran with the file in the folder")
                except IndexLockedError:
                    seen.append("refused")
                return
            time.sleep(0.0005)

    watcher = threading.Thread(target=reindex_when_the_file_appears)
    watcher.start()
    try:
        response = _upload(admin, _minutes("quince"), "race.txt")
    finally:
        stop.set()
        watcher.join()
    assert seen == ["refused"]
    present = admin.get("/documents/race")
    source = admin.get("/documents/race/source")
    assert (response.status_code, present.status_code, source.status_code) == (201, 200, 200)


def _empty_index(tmp_path: Path) -> Settings:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "minutes.txt").write_text(GOOD_MINUTES)
    return Settings(corpus=str(corpus), index_dir=tmp_path / "index", admin_token=TOKEN)


def test_a_server_started_without_an_index_picks_up_the_first_published(
    tmp_path: Path, embedder: Embedder
) -> None:
    """#3: the startup error was kept for ever, even after the rebuild it recommends."""
    settings = _empty_index(tmp_path)
    with TestClient(create_app(settings, embedder=embedder)) as client:
        assert client.get("/health").status_code == 503
        Indexer(settings, embedder).build()  # as the operator would, from the shell
        health = client.get("/health")
        assert health.status_code == 200 and health.json()["documents"] == 1


def test_reindex_is_not_refused_by_a_server_without_an_index(
    tmp_path: Path, embedder: Embedder
) -> None:
    settings = _empty_index(tmp_path)
    with TestClient(create_app(settings, embedder=embedder)) as client:
        assert client.get("/health").status_code == 503
        built = client.post("/reindex", headers=AUTH)
        assert built.status_code == 200 and built.json()["added"] == ["minutes"], built.text
        assert client.get("/health").json()["documents"] == 1


def test_damage_to_the_live_index_is_a_503_and_a_good_version_brings_it_back(
    admin: TestClient, admin_settings: Settings, tmp_path: Path
) -> None:
    """#5: a corrupted passages.sqlite gave 500s; truncated posting files a bus error."""
    index = IndexDir(admin_settings.index_dir)
    live = index.current()
    shutil.copytree(live, tmp_path / "good")
    assert admin.get("/search", params={"q": "agency staff", "mode": "lexical"}).status_code == 200
    for name in ("rows.npy", "scores.npy"):
        os.truncate(live / LEXICAL_DIR / name, 200)
    lexical = admin.get("/search", params={"q": "agency staff", "mode": "lexical"})
    assert lexical.status_code == 503 and "truncated" in lexical.json()["detail"]
    data = bytearray((live / STORE_FILE).read_bytes())
    data[:4096] = bytes(4096)
    (live / STORE_FILE).write_bytes(bytes(data))
    # /ask meets the truncated lexical files before the store: the version's date range was
    # read once, by the search above, before the damage (`Snapshot.date_range`).
    ask = admin.post("/ask", json={"question": "agency staff"})
    health, documents = admin.get("/health"), admin.get("/documents")
    checks = [(health, "damaged"), (documents, "damaged"), (ask, "truncated")]
    for response, damage in checks:
        assert response.status_code == 503, response.text
        assert damage in response.json()["detail"]
        assert str(admin_settings.index_dir) not in response.json()["detail"]

    # A good version is published (here: the intact copy under a new name).
    shutil.copytree(tmp_path / "good", index.versions / "v29990101T000000000000-0000000a")
    (index.root / "CURRENT").write_text("v29990101T000000000000-0000000a\n")
    assert admin.get("/health").status_code == 200
    assert admin.get("/search", params={"q": "agency staff", "mode": "lexical"}).json()["hits"]


def test_json_bodies_are_capped_before_they_are_read(admin: TestClient) -> None:
    """#6: one 200 MB /ask body raised memory by 550 MB before its 422."""
    big = b'{"question": "' + b"a" * (2 << 20) + b'"}'
    declared = admin.post("/ask", content=big, headers={"Content-Type": "application/json"})
    assert declared.status_code == 413 and "SCRUTINY_MAX_JSON_BODY_BYTES" in declared.text

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"question": "'
        for _ in range(64):
            yield b"a" * (64 << 10)
        yield b'"}'

    json_type = {"Content-Type": "application/json"}
    streamed = admin.post("/briefing", content=chunks(), headers=json_type)
    assert streamed.status_code == 413, streamed.text
    assert admin.post("/ask", json={"question": "agency staff"}).status_code == 200


def _deleted_handles(index_dir: Path) -> list[str]:
    """Open descriptors and mappings of this process on deleted files of the index."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(index_dir)) and target.endswith("(deleted)"):
            found.append(target)
    maps = Path("/proc/self/maps").read_text().splitlines()
    found += [m for m in maps if str(index_dir) in m and m.endswith("(deleted)")]
    return found


def test_retired_versions_are_closed_at_once(admin: TestClient, admin_settings: Settings) -> None:
    """#7: after 72 uploads the server held 66 handles on deleted passages.sqlite files,
    freed only by Python's occasional full garbage collection (off here)."""
    gc.collect()
    gc.disable()
    try:
        for i in range(8):
            response = _upload(admin, _minutes(f"fruit{i}"), f"upload {i}.txt")
            assert response.status_code == 201, response.text
            admin.get("/search", params={"q": f"fruit{i} allowance"})
            admin.get("/documents")
        assert _deleted_handles(admin_settings.index_dir) == []
    finally:
        gc.enable()


def test_a_full_disk_is_a_507_and_a_no_op_reindex_copies_nothing(admin: TestClient) -> None:
    """#8: ENOSPC while copying the draft gave a generic 500."""
    version = admin.get("/health").json()["index_version"]
    with file_size_limit(64 << 10):
        full = _upload(admin, _minutes("quince"), "full.txt")
        noop = admin.post("/reindex", headers=AUTH)
    assert full.status_code == 507 and "disk holding the index is full" in full.json()["detail"]
    assert noop.status_code == 200 and noop.json()["index_version"] == version, noop.text
    assert admin.get("/documents/full").status_code == 404


def test_a_rejected_upload_publishes_no_version(admin: TestClient) -> None:
    """#9 (and #4 over HTTP): a Word zip bomb and a corrupt PDF are refused, quickly,
    and the version served stays the same."""
    version = admin.get("/health").json()["index_version"]
    started = time.perf_counter()
    bomb = _upload(admin, docx_bomb(1 << 30), "bomb.docx")
    assert bomb.status_code == 422 and "zip bomb" in bomb.json()["detail"], bomb.text
    assert time.perf_counter() - started < 20
    broken = _upload(admin, b"%PDF-1.4\n" + b"\x00garbage" * 50, "broken.pdf")
    assert broken.status_code == 422, broken.text
    assert admin.get("/health").json()["index_version"] == version


def test_only_allowed_host_names_are_answered(seed_copy: Settings, embedder: Embedder) -> None:
    """#10: any Host was accepted (DNS rebinding), and briefing links were built from it."""
    settings = seed_copy.model_copy(
        update={"allowed_hosts": None, "public_url": "https://search.example.gov.uk"}
    )
    app = create_app(archive=Archive.open(settings, embedder))
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        assert client.get("/health").status_code == 200
        for host in ("localhost:8000", "[::1]:8000", "search.example.gov.uk"):
            assert client.get("/health", headers={"Host": host}).status_code == 200, host
        evil = client.get("/health", headers={"Host": "rebound.attacker.example"})
        assert evil.status_code == 400 and "SCRUTINY_ALLOWED_HOSTS" in evil.json()["detail"]
        briefing = client.post("/briefing", json={"topic": "agency staff", "format": "markdown"})
        assert "https://search.example.gov.uk/document" in briefing.text


def test_client_messages_hold_no_server_paths(seed_copy: Settings, embedder: Embedder) -> None:
    (seed_copy.index_dir / "CURRENT").write_text("v20990101T000000000000-deadbeef\n")
    with TestClient(create_app(seed_copy, embedder=embedder)) as client:
        detail = client.get("/health").json()["detail"]
    assert "missing" in detail and "--index $SCRUTINY_INDEX_DIR --rebuild" in detail
    assert str(seed_copy.index_dir) not in detail and "/tmp" not in detail
