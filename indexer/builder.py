"""Indexing: corpus folders in, a new published index version out.

Every run is incremental: a document whose bytes and manifest row are unchanged is
skipped, a changed one is replaced, a vanished one removed. A file that cannot be read
is logged, recorded as failed and skipped; the rest of the corpus carries on. Nothing is
published until the whole run succeeds, so a crash leaves the previous version live.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from tqdm import tqdm

from .compatibility import (
    bm25_record,
    bm25_settings,
    chunking_settings,
    fix_command,
    index_mismatches,
    lexical_mismatch,
)
from .dates import (
    DateOrder,
    archive_date_order,
    archive_year_end,
    stated_date_order,
    stated_year_end,
)
from .density import DENSITY_FILE, archive_density, save_density
from .embedding import Embedder
from .errors import CorpusError, IndexMismatchError, IndexNotFoundError, IngestError
from .ingest import SourceFile, ZipLimits, discover, reader_version
from .ingest.manifest import SAME_ID
from .ingest.metadata import settle_date, texts_date_order
from .ingest.twins import SAME_PAPER, keeps, one_paper, paper_text
from .lexical import LEXICAL_DIR, LexicalIndex
from .models import ParsedDocument
from .parse_embed import Job, LocalPipeline, ParseAndEmbed, Parsed, model_inputs
from .settings import Settings
from .snapshot import STORE_FILE, VECTORS_FILE, IndexDir, IndexInfo
from .store import FailedRead, Pair, PassageStore, StoredDocument, passage_id_for
from .vectors import VectorIndex, choose_kind

log = logging.getLogger(__name__)

_NOTED_DATE = "d.notes LIKE 'meeting date %'"
"""A document whose meeting date in figures its own file could not order
(`indexer.ingest.metadata.unsure_note`, `settled_note`)."""

EMBED_GROUP = 256
"""Passages gathered across documents before one embedding call, so batches stay full
(the encoder sorts each group into batches of one length)."""


def package_version() -> str:
    """The installed distribution's version, recorded in each index; "0+unknown" when run from an
    uninstalled checkout rather than failing."""
    try:
        return version("scrutiny-search")
    except PackageNotFoundError:
        return "0+unknown"


@dataclass
class _Plan:
    """A run's work, decided against the live version before any copy is made."""

    stored: dict[str, StoredDocument]
    counts: tuple[int, int]
    todo: list[Job] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    """Ids the index holds a file of this run under that are no longer its id (a long name's
    before round 32 hashed its extension): removed once the file is stored under its id,
    so it is indexed once and its unchanged passages are not embedded again."""
    failed: list[tuple[SourceFile, str, FailedRead | Pair | None]] = field(default_factory=list)
    """(file, reason, what the failure is recalled by: `PassageStore.record_failure`)."""
    new_failures: bool = False
    forgotten: list[tuple[str, str]] = field(default_factory=list)
    """(corpus, path) of recorded failures whose file is gone from a pruned corpus."""
    noted: list[tuple[SourceFile, str, Pair]] = field(default_factory=list)
    """(file, note, the pair's record) of files kept out as the same paper as another."""
    unnoted: list[tuple[str, str]] = field(default_factory=list)
    """(corpus, path) of remembered same-paper notes of a pruned corpus this run does not
    make again (the file is gone, indexed, failed, or its twin is)."""
    new_notes: bool = False
    new_pairs: bool = False
    """A different-paper pair not remembered as this run compared it: when pruning, the
    build publishes to remember it, as for a new failure or note."""


@dataclass
class BuildReport:
    """What one `build` or `add` did, by document id, for the CLI and the admin API.

    `failed` holds (path, reason) of files skipped: a bad file is reported, not raised."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    same_paper: list[tuple[str, str]] = field(default_factory=list)
    """(path, note) of files not indexed because another file with their id holds the same
    paper in another format (a .doc beside its .pdf): not failures, nothing is lost."""
    passages: int = 0
    documents: int = 0
    new_passages: int = 0
    seconds: float = 0.0
    version: str | None = None
    profile: BuildProfile = field(default_factory=lambda: BuildProfile())

    @property
    def changed(self) -> bool:
        """True when documents were added, updated or removed (failures alone change nothing)."""
        return bool(self.added or self.updated or self.removed)

    def summary(self) -> str:
        """One line for logs and the CLI: counts, and how many passages needed embedding."""
        return (
            f"{self.documents} documents, {self.passages} passages "
            f"(added {len(self.added)}, updated {len(self.updated)}, removed "
            f"{len(self.removed)}, unchanged {self.unchanged}, failed {len(self.failed)}; "
            f"{self.new_passages} passages embedded) in {self.seconds:.1f} s"
            + (f"; {len(self.same_paper)} kept once of two formats" if self.same_paper else "")
        )


@dataclass
class BuildProfile:
    """Where one run's wall time went, in seconds (`python -m indexer build -v` logs it).

    `parse_s` is spent on the reader thread beside the rest; `wait_s` is what the store
    loop waited for it. The encoder is busy `embed_s` of `seconds`.
    """

    scan_s: float = 0.0
    """Listing files and fingerprinting their bytes against the live index."""
    parse_s: float = 0.0
    wait_s: float = 0.0
    embed_s: float = 0.0
    store_s: float = 0.0
    """Looking up known passages and writing documents to SQLite."""
    publish_s: float = 0.0
    """Vector index, BM25 postings, checksums and the atomic switch."""
    seconds: float = 0.0

    @property
    def encoder_busy(self) -> float:
        """Share of the build's wall time spent embedding: near 1.0 means the reader keeps up."""
        return self.embed_s / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        """One line of stage timings; parse runs on the reader thread, so it overlaps the rest."""
        return (
            f"scan {self.scan_s:.1f} s, parse {self.parse_s:.1f} s (reader thread), "
            f"waiting for the reader {self.wait_s:.1f} s, embed {self.embed_s:.1f} s, "
            f"store {self.store_s:.1f} s, publish {self.publish_s:.1f} s of "
            f"{self.seconds:.1f} s: encoder busy {100 * self.encoder_busy:.0f}%"
        )


def source_fingerprint(source: SourceFile, content: bytes) -> str:
    """Bytes and manifest row together: either changing means re-indexing the document."""
    return _with_row(hashlib.sha256(content), source)


def _with_row(digest: hashlib._Hash, source: SourceFile) -> str:
    """`source_fingerprint` from the hash of the file's bytes (which it extends)."""
    row = json.dumps(asdict(source.row) if source.row else {}, sort_keys=True, default=str)
    digest.update(b"\0" + row.encode())
    return digest.hexdigest()


class _Digests:
    """Each file's bytes read and hashed (SHA-256) once a build: a remembered pair is
    checked against both files' hashes (`file`), and the plan checks the file keeping the
    id by its `source_fingerprint`, which extends the same hash with its manifest row, so
    that file is not read twice. Files are compared by their bytes, never by size or
    modification time, here as for every document."""

    def __init__(self) -> None:
        self._hashes: dict[Path, hashlib._Hash] = {}

    def _bytes(self, path: Path) -> hashlib._Hash:
        if path not in self._hashes:
            with path.open("rb") as handle:
                self._hashes[path] = hashlib.file_digest(handle, "sha256")
        return self._hashes[path]

    def file(self, path: Path) -> str:
        return self._bytes(path).hexdigest()

    def source(self, source: SourceFile) -> str:
        return _with_row(self._bytes(source.path).copy(), source)


class _Pairs:
    """The pairs of files of one id the live version remembers comparing, as one paper
    (`PassageStore.same_papers`) or two (`PassageStore.different_papers`): a pair whose
    two files and reader version are unchanged is not read again to compare them."""

    def __init__(
        self,
        notes: dict[tuple[str, str], tuple[str, Pair]],
        apart: dict[tuple[str, str], Pair],
        reader: str,
        digests: _Digests,
    ):
        self.reader = reader
        self.same = {str(Path(c) / p): pair for (c, p), (_, pair) in notes.items()}
        self.apart = {str(Path(c) / p): pair for (c, p), pair in apart.items()}
        self.digests = digests

    def pair(self, noted: Path, kept: Path) -> Pair:
        """What is remembered of `noted` kept out because `kept` keeps its id."""
        return Pair(str(kept), self.digests.file(noted), self.digests.file(kept), self.reader)

    def recall(self, path: Path, other: Path) -> tuple[bool, bool] | None:
        """Of a remembered, unchanged pair: whether it is one paper, and whether `path` is
        the one to keep (`_same_paper`'s answer); None when not remembered as it is."""
        for noted, kept, better in ((path, other, False), (other, path, True)):
            for same, memory in ((True, self.same), (False, self.apart)):
                pair = memory.get(str(noted))
                if pair is not None and self.unchanged(pair, noted, kept):
                    return same, better
        return None

    def unchanged(self, pair: Pair, noted: Path, kept: Path) -> bool:
        try:
            return pair == self.pair(noted, kept)
        except OSError:
            return False


class Indexer:
    """Builds, updates and publishes the index; reading and embedding are a strategy's.

    `strategy` (default `LocalPipeline`, this machine with reading overlapped with the
    encoder) turns the files to index into documents and vectors; everything else, from
    deciding what changed to the crash-safe publish, is the same for every strategy.
    """

    def __init__(
        self,
        settings: Settings,
        embedder: Embedder | None = None,
        strategy: ParseAndEmbed | None = None,
    ) -> None:
        self.settings = settings
        self.embedder = embedder or Embedder.from_settings(settings)
        self.strategy: ParseAndEmbed = strategy or LocalPipeline()
        self.index_dir = IndexDir(settings.index_dir)

    # -- public operations ---------------------------------------------------------------

    def build(
        self,
        corpus_dirs: Sequence[Path] | None = None,
        rebuild: bool = False,
        progress: bool = False,
    ) -> BuildReport:
        """Make the index hold exactly the documents of these corpora and the uploads.

        The uploads folder always counts: a rebuild from the shell must not drop the
        minutes officers added over HTTP.
        """
        corpora = list(corpus_dirs or self.settings.corpus_dirs)
        uploads = self.settings.uploads_dir
        if uploads.is_dir() and all(c.resolve() != uploads.resolve() for c in corpora):
            corpora.append(uploads)
        sources = self._discover(corpora)
        keys = {_corpus_key(c) for c in corpora}
        return self._run(sources, prune_corpora=keys, rebuild=rebuild, progress=progress)

    def add(self, paths: Sequence[Path], progress: bool = False) -> BuildReport:
        """Add or update files (or whole folders) without touching the rest of the index."""
        sources: list[SourceFile] = []
        for path in paths:
            if path.is_dir():
                sources.extend(self._discover([path]))
                continue
            if not path.exists():
                raise CorpusError(f"{path}: no such file")
            folder = path.parent
            matches = [s for s in discover(folder) if s.path.resolve() == path.resolve()]
            if not matches:
                raise CorpusError(f"{path}: not a supported document (txt, pdf, docx, html)")
            sources.extend(matches)
        return self._run(sources, prune_corpora=set(), progress=progress)

    def remove(self, references: Iterable[str]) -> BuildReport:
        """Remove documents by id or by file path."""
        started = time.perf_counter()
        report = BuildReport()
        with self.index_dir.lock():
            if not self._compatible_live_index(can_rebuild=False):
                raise IndexNotFoundError(self.index_dir.root)
            with self.index_dir.draft() as draft:
                store = PassageStore(draft / STORE_FILE)
                stored = store.stored_documents()
                by_path = {str(Path(d.corpus) / d.meta.path): i for i, d in stored.items()}
                orphans: list[int] = []
                for ref in references:
                    document_id = ref if ref in stored else by_path.get(ref.rstrip("/"))
                    if document_id is None:
                        raise CorpusError(f"{ref}: no such document in the index")
                    orphans.extend(store.remove_document(document_id))
                    report.removed.append(document_id)
                self._publish(store, draft, orphans, [], report, corpora=None)
        report.seconds = time.perf_counter() - started
        return report

    # -- the run -------------------------------------------------------------------------

    def _discover(self, corpora: Sequence[Path]) -> list[SourceFile]:
        sources: list[SourceFile] = []
        for corpus in corpora:
            if not corpus.is_dir():
                raise CorpusError(
                    f"Corpus folder {corpus} does not exist. Check SCRUTINY_CORPUS or the path."
                )
            sources.extend(discover(corpus))
        return sources

    def _run(
        self,
        sources: list[SourceFile],
        prune_corpora: set[str],
        rebuild: bool = False,
        progress: bool = False,
    ) -> BuildReport:
        """Plan against the live version, then copy it only if there is work to do.

        A run that changes nothing copies nothing (a no-op re-index on a full disk
        succeeds), and a run whose only news is failures publishes only when it is a
        build whose failures differ from those recorded: a rejected upload publishes no
        version that would push a good one out of the few kept.
        """
        started = time.perf_counter()
        report = BuildReport()
        with self.index_dir.lock():
            fresh = rebuild or not self._compatible_live_index(can_rebuild=bool(prune_corpora))
            # Settings the live version recorded otherwise (BM25 constants, a stated year
            # end): publishing records them, with nothing re-read or re-embedded.
            restate = not fresh and (
                self._lexical_stale() or self._year_end_stale() or self._date_order_stale()
            )
            plan = self._plan(sources, prune_corpora, fresh, report)
            news = plan.new_failures or plan.new_notes or plan.new_pairs
            if not (fresh or restate or plan.todo or plan.removed or plan.moved or news):
                report.passages, report.documents = plan.counts
                report.seconds = time.perf_counter() - started
                return report
            with self.index_dir.draft(fresh=fresh) as draft:
                store = PassageStore(draft / STORE_FILE)
                recorded = set(store.failures())
                for source, reason, memory in plan.failed:
                    store.record_failure(_corpus_key(source.corpus_dir), source.relative_path,
                                         reason, memory)  # fmt: skip
                for corpus, path in plan.forgotten:
                    store.forget_failure(corpus, path)
                for source, note, paper in plan.noted:
                    store.record_same_paper(_corpus_key(source.corpus_dir), source.relative_path,
                                            note, paper)  # fmt: skip
                for corpus, path in plan.unnoted:
                    store.forget_same_paper(corpus, path)
                orphans: list[int] = []
                for document_id in plan.removed:
                    orphans.extend(store.remove_document(document_id))
                    report.removed.append(document_id)
                report.profile.scan_s = time.perf_counter() - started
                created = self._ingest(store, plan.todo, plan.stored, report, orphans, progress)
                for document_id in plan.moved:  # its passages are the file's new id's now
                    orphans.extend(store.remove_document(document_id))
                    report.removed.append(document_id)
                news = bool(prune_corpora) and (
                    set(store.failures()) != recorded or plan.new_notes or plan.new_pairs
                )
                if not (report.changed or fresh or news or restate):
                    report.passages, report.documents = store.counts()
                    report.seconds = time.perf_counter() - started
                    store.close()
                    return report
                corpora = sorted(prune_corpora) if prune_corpora else None
                publishing = time.perf_counter()
                self._publish(store, draft, orphans, created, report, corpora, fresh=fresh)
                report.profile.publish_s = time.perf_counter() - publishing
        report.seconds = report.profile.seconds = time.perf_counter() - started
        log.info("build profile: %s", report.profile.summary())
        return report

    def _plan(
        self,
        sources: list[SourceFile],
        prune_corpora: set[str],
        fresh: bool,
        report: BuildReport,
    ) -> _Plan:
        """What a run must do, read from the live version without copying it.

        A file that failed to read and has not changed since (same bytes and manifest
        row, same reader version) is reported from the record, not read again: a corpus
        with one broken PDF does not parse it, nor copy the index, on every build."""
        live: PassageStore | None = None
        if not fresh:
            live = PassageStore(self.index_dir.current() / STORE_FILE, readonly=True)
        try:
            stored = live.stored_documents() if live else {}
            recorded = set(live.failures()) if live else set()
            failed_reads = live.failed_reads() if live else {}
            reader = self._reader_version()
            notes = live.same_papers() if live else {}
            digests = _Digests()
            pairs = _Pairs(notes, live.different_papers() if live else {}, reader, digests)
            plan = _Plan(stored=stored, counts=live.counts() if live else (0, 0))
            seen: set[str] = set()
            owners = _owners(sources, stored)
            held: dict[tuple[str, str], list[str]] = {}
            for document_id, doc in stored.items():
                held.setdefault((doc.corpus, doc.meta.path), []).append(document_id)

            def fail(
                source: SourceFile, reason: str, memory: FailedRead | Pair | None = None
            ) -> None:
                """Skip `source` for `reason`: logged and reported; when pruning, a failure
                not recorded before (or a pair not remembered as it is) makes the build
                publish."""
                log.error("skipped %s: %s", source.path, reason)
                report.failed.append((str(source.path), reason))
                plan.failed.append((source, reason, memory))
                key = (_corpus_key(source.corpus_dir), source.relative_path, reason)
                plan.new_failures |= bool(prune_corpora) and key not in recorded
                pair = memory if isinstance(memory, Pair) else None
                plan.new_pairs |= bool(prune_corpora) and pairs.apart.get(str(source.path)) != pair

            same = self._same_papers(sources, owners, pairs)

            def twin(source: SourceFile, kept: Path, verdict: bool | None) -> None:
                """`source` shares its id with `kept`: one paper in two formats is
                noted, two different papers fail, both remembered with the two files'
                fingerprints and the reader version; a pair that cannot be compared fails."""
                if verdict:
                    note = f"{SAME_PAPER} {kept} (kept)"
                    log.info("not indexed %s: %s", source.path, note)
                    report.same_paper.append((str(source.path), note))
                    plan.noted.append((source, note, pairs.pair(source.path, kept)))
                elif verdict is False:
                    reason = _duplicate_reason(source, kept, different=True)
                    fail(source, reason, pairs.pair(source.path, kept))
                else:
                    fail(source, _duplicate_reason(source, kept))

            for source in sources:
                owner = owners[source.document_id]
                if owner is not source:
                    twin(source, owner.path, same.get(source.path))
                    continue
                seen.add(source.document_id)
                if source.error and f"{source.document_id!r} {SAME_ID}" in source.error:
                    source = replace(source, error=None)  # this build keeps it (`_same_papers`)
                if source.error:
                    fail(source, source.error)
                    continue
                previous = stored.get(source.document_id)
                holder = _other_holder(previous, source, prune_corpora)
                if holder is not None:
                    twin(source, holder, self._same_paper(source.path, holder, pairs)[0])
                    continue
                place = (_corpus_key(source.corpus_dir), source.relative_path)
                plan.moved += [i for i in held.get(place, []) if i != source.document_id]
                if (problem := self._too_large(source)) is not None:
                    fail(source, problem)
                    continue
                try:
                    fingerprint = digests.source(source)
                except OSError as exc:
                    fail(source, f"cannot read file: {exc.strerror}")
                    continue
                if previous is not None and previous.content_hash == fingerprint:
                    report.unchanged += 1
                    continue
                read = FailedRead(fingerprint, reader)
                known = failed_reads.get((_corpus_key(source.corpus_dir), source.relative_path))
                if known is not None and known[1] == read:
                    fail(source, known[0], read)
                    continue
                plan.todo.append(Job(source, fingerprint))
            plan.moved = [i for i in dict.fromkeys(plan.moved) if i not in seen]
            spared = seen | set(plan.moved)  # a moved id goes after its file is stored
            plan.removed = [
                document_id
                for document_id, doc in stored.items()
                if doc.corpus in prune_corpora and document_id not in spared
            ]
            # A failed file since deleted is no failure: its record goes, as a removed
            # document's passages do (`index info` lists only files still there).
            present = {(_corpus_key(s.corpus_dir), s.relative_path) for s in sources}
            plan.forgotten = sorted(
                {(c, p) for c, p, _ in recorded if c in prune_corpora and (c, p) not in present}
            )
            plan.new_failures |= bool(plan.forgotten)
            made = {(_corpus_key(s.corpus_dir), s.relative_path): (n, p) for s, n, p in plan.noted}
            plan.unnoted = sorted(k for k in notes if k[0] in prune_corpora and k not in made)
            plan.new_notes = bool(prune_corpora) and (
                bool(plan.unnoted) or any(notes.get(k) != v for k, v in made.items())
            )
            return plan
        finally:
            if live is not None:
                live.close()

    def _ingest(
        self,
        store: PassageStore,
        todo: list[Job],
        stored: dict,
        report: BuildReport,
        orphans: list[int],
        progress: bool,
    ) -> list[int]:
        """The strategy's documents stored in job order; returns the passages created."""
        if not todo:
            return []
        embedded = self.embedder.stats.seconds
        parsed = self.strategy.parse(todo, self.embedder, self.settings, progress)
        created = self._store_parsed(store, parsed, stored, report, orphans, progress, len(todo))
        stats = getattr(self.strategy, "stats", None)
        report.profile.parse_s = getattr(stats, "parse_s", 0.0)
        report.profile.wait_s = getattr(stats, "wait_s", 0.0)
        report.profile.embed_s += self.embedder.stats.seconds - embedded
        return created

    def _store_parsed(
        self,
        store: PassageStore,
        documents: Iterable[Parsed],
        stored: dict,
        report: BuildReport,
        orphans: list[int],
        progress: bool,
        total: int,
    ) -> list[int]:
        """Store parsed documents in order, embedding EMBED_GROUP new passages at a time.

        Every strategy's documents go through this loop: document order and grouping
        decide which copy of a repeated or truncated paragraph a passage keeps, so
        sharing it is what makes a local and a Ray build identical.
        """
        created: list[int] = []
        pending: list[Parsed] = []
        pending_texts = 0
        bar = tqdm(total=total, unit="doc", desc="Indexing", disable=not progress)
        for item in documents:
            if isinstance(item.document, IngestError):
                self._fail(store, item.job, item.document.reason, report)
                bar.update(1)
                continue
            pending.append(item)
            pending_texts += len(item.document.chunks)
            if pending_texts >= EMBED_GROUP:
                created.extend(self._store_group(store, pending, stored, report, orphans))
                bar.update(len(pending))
                pending, pending_texts = [], 0
        if pending:
            created.extend(self._store_group(store, pending, stored, report, orphans))
            bar.update(len(pending))
        bar.close()
        return created

    def _store_group(
        self,
        store: PassageStore,
        group: list[Parsed],
        stored: dict,
        report: BuildReport,
        orphans: list[int],
    ) -> list[int]:
        """Embed the group's new passages in one call, then store each document."""
        started = time.perf_counter()
        new_texts: dict[int, str] = {}
        documents: list[tuple[SourceFile, str, ParsedDocument]] = []
        for item in group:
            parsed = item.document
            assert not isinstance(parsed, IngestError)
            documents.append((item.job.source, item.job.fingerprint, parsed))
            inputs = item.inputs or model_inputs(
                parsed, self.embedder.count_tokens, self.embedder.max_tokens,
                self.settings.embed_context,
            )  # fmt: skip
            for chunk, text in zip(parsed.chunks, inputs, strict=True):
                new_texts.setdefault(passage_id_for(chunk.text), text)
        missing = store.missing_passage_ids(new_texts)
        ids = [pid for pid in new_texts if pid in missing]
        embedding = time.perf_counter()
        vectors = self.strategy.embed([new_texts[pid] for pid in ids])
        storing = time.perf_counter()
        by_id = dict(zip(ids, vectors, strict=True))
        created: list[int] = []
        for source, fingerprint, parsed in documents:
            new, removed = store.put_document(
                parsed.meta, _corpus_key(source.corpus_dir), fingerprint, parsed.chunks, by_id
            )
            created.extend(new)
            orphans.extend(removed)
            target = report.updated if source.document_id in stored else report.added
            target.append(source.document_id)
        report.new_passages += len(ids)
        report.profile.store_s += (embedding - started) + (time.perf_counter() - storing)
        return created

    def _publish(
        self,
        store: PassageStore,
        draft: Path,
        orphans: list[int],
        created: list[int],
        report: BuildReport,
        corpora: list[str] | None,
        fresh: bool = False,
    ) -> None:
        report.passages, report.documents = store.counts()
        order = self._settle_dates(store)
        vectors = self._vectors(store, draft, orphans, created, report.passages, fresh)
        vectors.save(draft / VECTORS_FILE)
        LexicalIndex.build(store.lexical_rows(), bm25_settings(self.settings)).save(
            draft / LEXICAL_DIR
        )
        # Every passage's density again: an added or removed paper moves its neighbours'.
        ids, matrix = store.all_vectors(self.embedder.dim)
        save_density(draft / DENSITY_FILE, ids, archive_density(vectors, ids, matrix))
        previous = None if fresh else self._live_info()
        year_end = archive_year_end(self.settings.year_end, None, lambda: _year_ends(store))
        store.close()
        info = IndexInfo(
            package_version=package_version(),
            model=self.embedder.name,
            dim=self.embedder.dim,
            embed_backend=self.embedder.backend,
            chunking=chunking_settings(self.settings),
            bm25=bm25_record(self.settings),
            year_end=year_end,
            date_order=order or "unsettled",
            vector_kind=vectors.kind,
            corpora=corpora if corpora is not None else (previous.corpora if previous else []),
            passages=report.passages,
            documents=report.documents,
            failed=len(report.failed),
        )
        report.version = self.index_dir.publish(draft, info).name

    def _vectors(
        self,
        store: PassageStore,
        draft: Path,
        orphans: list[int],
        created: list[int],
        total: int,
        fresh: bool,
    ) -> VectorIndex:
        """Update the live vector index in place when it allows; otherwise rebuild it."""
        kind = choose_kind(total)
        live = self._live_info()
        if not fresh and live is not None and live.vector_kind == kind == "flat":
            vectors = VectorIndex.load(draft / VECTORS_FILE, kind)
            vectors.remove(orphans)
            ids, matrix = store.vectors_for(set(created) - set(orphans), self.embedder.dim)
            vectors.add(ids, matrix)
            if len(vectors) == total:
                return vectors
            log.warning("vector index out of step with the store; rebuilding it")
        ids, matrix = store.all_vectors(self.embedder.dim)
        return VectorIndex.from_vectors(ids, matrix, kind)

    def _live_info(self) -> IndexInfo | None:
        if self.index_dir.current_name() is None:
            return None
        return self.index_dir.read_info(self.index_dir.current(), verify="none")

    def _lexical_stale(self) -> bool:
        """Whether the live version's BM25 postings were scored with other constants than
        the settings': then this run publishes even if no document changed, and the
        publish re-scores them from the store (seconds; nothing is re-embedded)."""
        info = self._live_info()
        problem = None if info is None else lexical_mismatch(info, self.settings)
        if problem is not None:
            log.warning("re-scoring the lexical index: %s", problem)
        return problem is not None

    def _year_end_stale(self) -> bool:
        """Whether the settings state a year end the live version did not record: then
        this run publishes even if no document changed, recording it (nothing re-read or
        re-embedded). A year end read from the papers is read again at each publish."""
        info, stated = self._live_info(), self.settings.year_end
        if info is None or stated is None or info.year_end == stated_year_end(stated):
            return False
        log.warning("recording the stated year end %s (was %s)", stated, info.year_end)
        return True

    def _date_order_stale(self) -> bool:
        """Whether the settings state a date order the live version did not record, or the
        live version was built before the order was recorded and holds a meeting dated by
        its year because its file could not tell a date's day from its month: then this
        run publishes, dating its papers by the order (`_settle_dates`), with nothing
        re-read or re-embedded."""
        info, stated = self._live_info(), self.settings.date_order
        if info is None:
            return False
        if stated is not None and info.date_order != stated_date_order(stated):
            log.warning("recording the stated date order %s (was %s)", stated, info.date_order)
            return True
        if info.date_order is not None:
            return False
        live = PassageStore(self.index_dir.current() / STORE_FILE, readonly=True)
        try:
            return bool(live.stored_documents_where(_NOTED_DATE, ()))
        finally:
            live.close()

    def _settle_dates(self, store: PassageStore) -> DateOrder | None:
        """The archive's order of dates in figures (`archive_date_order`: stated, else read
        from every passage at each publish, as its lexical index is), and every document
        whose own file could not tell a date's day from its month (dated by its year, with
        the note `unsure_note`) dated by it to the day (`settle_date`, round 48): a council
        whose papers write dates in figures only, with a figure over 12 in some of them or
        its order stated. Its passages are untouched: nothing is re-read or re-embedded."""
        order = archive_date_order(
            self.settings.date_order, None, lambda: texts_date_order(store.texts)
        )
        noted = store.stored_documents_where(_NOTED_DATE, ())
        for document in noted.values():
            if (settled := settle_date(document.meta, order)) is not None:
                log.info("%s: %s", settled.path, settled.notes)
                store.redate(settled)
        return order

    def _compatible_live_index(self, can_rebuild: bool) -> bool:
        """Whether the live index can be updated in place with these settings.

        An incremental run starts from a copy of the live version, so that version is
        verified first: a damaged one stops the run with the fix (`--rebuild`) instead of
        failing inside SQLite or FAISS. `add` and `remove` only know some documents, so
        they cannot start a mismatched index afresh (that would publish an index holding
        nothing else); they refuse instead.
        """
        if self.index_dir.current_name() is None:
            return False
        info = self.index_dir.read_info(self.index_dir.current())
        problems = index_mismatches(info, self.settings, self.embedder)
        if problems and not can_rebuild:
            root = self.index_dir.root
            raise IndexMismatchError(
                f"Cannot change the index at {root} with these settings: {'; '.join(problems)}. "
                + fix_command(root)
            )
        if problems:
            log.warning("rebuilding the index from scratch: %s", "; ".join(problems))
            return False
        return True

    def _too_large(self, source: SourceFile) -> str | None:
        """Refuse a file over the size limit before reading it: a 200 MB text file would
        hold the run for hours and its text several times its size in memory."""
        try:
            size = source.path.stat().st_size
        except OSError:
            return None  # reading it reports the problem
        limit = self.settings.max_document_bytes
        if size <= limit:
            return None
        return (
            f"the file is {size / 2**20:.1f} MB, over the {limit / 2**20:.1f} MB limit for one "
            "document; split it, or raise SCRUTINY_MAX_DOCUMENT_BYTES"
        )

    def _fail(self, store: PassageStore, job: Job, reason: str, report: BuildReport) -> None:
        """A file that failed to read: reported, and recorded with its fingerprint and
        the reader version, so the next build reads it again only if either changes."""
        source = job.source
        log.error("skipped %s: %s", source.path, reason)
        report.failed.append((str(source.path), reason))
        store.record_failure(_corpus_key(source.corpus_dir), source.relative_path, reason,
                             FailedRead(job.fingerprint, self._reader_version()))  # fmt: skip

    def _same_paper(
        self, path: Path, other: Path, pairs: _Pairs | None = None
    ) -> tuple[bool | None, bool]:
        """Whether two files hold one paper (None when either does not read, or when both
        are of one format: two files of one format and id are two files, a copy or two
        versions, and the older message stands), and whether `path` is the one to keep of
        the two (`keeps`). A pair `pairs` remembers unchanged is not read."""
        if path.suffix.lower() == other.suffix.lower():
            return None, False
        if pairs is not None and (known := pairs.recall(path, other)) is not None:
            return known
        limits = ZipLimits.from_settings(self.settings)
        try:
            first, second = paper_text(path, limits), paper_text(other, limits)
        except IngestError:
            return None, False
        return one_paper(first, second), keeps(first, second)

    def _same_papers(
        self, sources: Sequence[SourceFile], owners: dict[str, SourceFile], pairs: _Pairs
    ) -> dict[Path, bool | None]:
        """For each file of this run that shares its id with the owner `_owners` chose:
        whether the two hold the same paper. Of one paper in two formats of one folder the
        build keeps the better (`keeps`) whatever their order, so `owners` may change;
        across corpora `_owners`' choice stands."""
        verdicts: dict[Path, bool | None] = {}
        for source in sources:
            owner = owners[source.document_id]
            if owner is source or not source.path.is_file() or not owner.path.is_file():
                continue
            verdict, better = self._same_paper(source.path, owner.path, pairs)
            verdicts[source.path] = verdict
            if verdict and better and owner.corpus_dir == source.corpus_dir:
                owners[source.document_id] = source
                verdicts[owner.path] = verdict
        return verdicts

    def _reader_version(self) -> str:
        return reader_version(ZipLimits.from_settings(self.settings))


def _year_ends(store: PassageStore) -> Counter[tuple[int, int]]:
    """How many passages name each year end, summed over the documents the draft holds
    from the counts each was stored with (`PassageStore.year_end_totals`): a publish reads
    no passage, except once those of documents stored before the counts were kept."""
    if counted := store.fill_year_end_counts():
        log.info("counted the year ends of %d documents stored before they were kept", counted)
    totals = store.year_end_totals()
    assert totals is not None, "every document's year ends are counted now"
    return totals


def _corpus_key(corpus_dir: Path) -> str:
    return str(Path(corpus_dir))


def _owners(
    sources: Sequence[SourceFile], stored: dict[str, StoredDocument]
) -> dict[str, SourceFile]:
    """Which file keeps a document id that several files of this run share.

    The file the index already holds the id for wins, whatever the order of the corpora,
    so adding a corpus never displaces a document that is already indexed; otherwise
    the first file listed wins.
    """
    owners: dict[str, SourceFile] = {}
    for source in sources:
        current = owners.get(source.document_id)
        if current is None:
            owners[source.document_id] = source
            continue
        previous = stored.get(source.document_id)
        if (
            previous is not None
            and _corpus_key(current.corpus_dir) != previous.corpus
            and _corpus_key(source.corpus_dir) == previous.corpus
        ):
            owners[source.document_id] = source
    return owners


def _other_holder(
    previous: StoredDocument | None, source: SourceFile, prune_corpora: set[str]
) -> Path | None:
    """The file of another corpus that already holds this document's id, if it still exists.

    Replacing it would silently drop an indexed document (an upload named like a corpus
    file, say). A holder whose file is gone (a moved corpus) or whose corpus this run
    rebuilds may be replaced.
    """
    if previous is None or previous.corpus == _corpus_key(source.corpus_dir):
        return None
    if previous.corpus in prune_corpora:
        return None
    holder = Path(previous.corpus) / previous.meta.path
    return holder if holder.is_file() else None


def _duplicate_reason(source: SourceFile, holder: Path, different: bool = False) -> str:
    if different:
        return (
            f"duplicate document id {source.document_id!r}: {holder} already has it and "
            "holds a different paper; rename one of the files (the id is the file's name "
            "without its extension)"
        )
    return (
        f"duplicate document id {source.document_id!r}: {holder} already has it; "
        "rename one of the files"
    )
