"""The import: a committee's meetings in a window, into a corpus folder with its manifest.

For every meeting it writes one file per published document (as published: PDF, Word,
HTML) and one minutes document (rebuilt from the items' minutes text, or the meeting's
own page when read from the HTML pages), each with a row in `DIR/manifest.csv`. Run
again, it asks only for what changed: conditional requests where the site gave
validators, content hashes where it did not. Failures are reported per meeting or per
document and the run carries on; withdrawn documents are reported and kept.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from tqdm import tqdm

from indexer.errors import IngestError, ScrutinyError
from indexer.ingest.manifest import document_id_for, read_manifest, update_manifest
from indexer.ingest.readers import FORMAT_SUFFIX, sniff_format
from indexer.ingest.twins import SAME_PAPER, keeps, one_paper, paper_text
from indexer.moderngov.client import ClientOptions, FetchError, PoliteClient, Validators
from indexer.moderngov.client import check_http_url as _check_url
from indexer.moderngov.doctypes import doc_type
from indexer.moderngov.meetings import Committee, LinkedDocument, Meeting, MeetingRef
from indexer.moderngov.minutes import long_date, minutes_html, minutes_title
from indexer.moderngov.naming import inside, meeting_folder, safe_name
from indexer.moderngov.sources import Source, open_source
from indexer.moderngov.state import DocumentState, MeetingState, SyncState
from indexer.moderngov.webservice import ServiceError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncOptions:
    """What to import from where."""

    site: str
    committees: list[str]
    corpus: Path
    date_from: date
    date_to: date
    council: str | None = None
    client: ClientOptions = field(default_factory=ClientOptions)
    progress: bool = False


@dataclass
class SyncReport:
    """What a run did, for the closing summary and the exit status."""

    source: str = ""
    meetings: int = 0
    imported: int = 0
    cancelled: int = 0
    without_papers: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    restricted: int = 0
    skipped: list[str] = field(default_factory=list)
    """Links and files in formats the indexer does not read, with why."""
    withdrawn: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    same_paper: list[str] = field(default_factory=list)
    """One paper the site lists in two formats: saved under one name, so a build indexes
    it once; "<file>: the same paper as <file> (kept)", as the build says."""
    requests: int = 0

    @property
    def exit_status(self) -> int:
        """0 when everything was fetched, 1 when something failed."""
        return 1 if self.failures else 0

    def summary(self) -> str:
        """One closing line."""
        return (
            f"{self.meetings} meetings ({self.imported} imported, {self.cancelled} cancelled, "
            f"{self.without_papers} without papers); documents: {self.new} new, "
            f"{self.updated} updated, {self.unchanged} unchanged, {self.restricted} restricted "
            f"skipped, {len(self.skipped)} links or unreadable formats skipped, "
            f"{len(self.withdrawn)} withdrawn; "
            f"{len(self.failures)} failed; {self.requests} requests to the site via "
            f"the {self.source or 'site'}"
            + (f"; {len(self.same_paper)} kept once of two formats" if self.same_paper else "")
        )


def check_site(site: str) -> str:
    """The site's base URL (`https://democracy.example.gov.uk`), or a usage error."""
    try:
        url = _check_url(site)
    except FetchError as exc:
        raise ScrutinyError(f"SITE_URL {site!r}: {exc.reason}") from None
    parts = urlsplit(url)
    path = re.sub(r"/(?:mgWebService\.asmx.*|[^/]+\.aspx)$", "", parts.path, flags=re.I)
    return f"{parts.scheme}://{parts.netloc}{path.rstrip('/')}"


def resolve_committees(wanted: list[str], known: list[Committee]) -> list[Committee]:
    """Match each NAME_OR_ID to a committee: id, exact title, or the one title holding it."""
    out: list[Committee] = []
    for name in wanted:
        key = name.strip().casefold()
        matches = [c for c in known if c.id == name.strip() or c.title.casefold() == key]
        if not matches:
            matches = [c for c in known if key in c.title.casefold()]
        if len(matches) != 1:
            titles = ", ".join(sorted(c.title for c in (matches or known))[:12])
            why = "matches several committees" if matches else "matches no committee"
            raise ScrutinyError(f"--committee {name!r} {why} on the site; try one of: {titles}")
        if matches[0] not in out:
            out.append(matches[0])
    return out


class Importer:
    """One run of the import into one corpus folder."""

    def __init__(self, options: SyncOptions, client: PoliteClient) -> None:
        self.options = options
        self.client = client
        self.site = check_site(options.site)
        self.corpus = options.corpus
        self.state = SyncState.load(self.corpus)
        self.report = SyncReport()
        rows = [row for row, _, _ in read_manifest(self.corpus) if row is not None]
        self._ids = {document_id_for(p) for p in self.state.paths() | {r.path for r in rows}}
        # A run without --council keeps the council an earlier run (or a person) wrote.
        self._councils = {row.path: row.council for row in rows if row.council}
        self._sources = {row.path: row.source_url for row in rows if row.source_url}

    def run(self) -> SyncReport:
        """Import every requested committee; per-meeting failures never stop the run."""
        try:
            try:
                source, known = open_source(self.client, self.site)
            except (FetchError, ServiceError) as exc:
                self.report.failures.append(f"committee list: {exc}")
                return self.report
            self.report.source = source.name
            for committee in resolve_committees(self.options.committees, known):
                self._committee(source, committee)
            return self.report
        finally:
            self.report.requests = self.client.requests

    def _committee(self, source: Source, committee: Committee) -> None:
        start, end = self.options.date_from, self.options.date_to
        try:
            refs = source.meetings(committee, start, end)
        except (FetchError, ServiceError) as exc:
            self.report.failures.append(f"{committee.title}: meeting list: {exc}")
            return
        refs = [r for r in refs if r.date is None or start <= r.date <= end]
        listed = {self._meeting_key(committee, r.id) for r in refs}
        bar = tqdm(
            refs, desc=committee.title[:30], unit="meeting", disable=not self.options.progress
        )
        for ref in bar:
            self._meeting(source, committee, ref)
        self._withdrawn_meetings(committee, listed)

    def _meeting_key(self, committee: Committee, meeting_id: str) -> str:
        return f"{self.site}|{committee.id}|{meeting_id}"

    def _meeting(self, source: Source, committee: Committee, ref: MeetingRef) -> None:
        label = f"{committee.title} meeting {ref.id}" + (f" ({ref.date})" if ref.date else "")
        if ref.cancelled:
            self.report.meetings += 1
            self.report.cancelled += 1
            self._withdrawn_documents(self._meeting_key(committee, ref.id), label, set())
            return
        try:
            meeting = source.meeting(committee, ref)
        except (FetchError, ServiceError) as exc:
            self.report.meetings += 1
            self.report.failures.append(f"{label}: {exc}")
            return
        meeting.date = meeting.date or ref.date
        start, end = self.options.date_from, self.options.date_to
        if meeting.date is not None and not start <= meeting.date <= end:
            return  # a page listed by year, outside the window
        self.report.meetings += 1
        key = self._meeting_key(committee, meeting.id or ref.id)
        if meeting.cancelled:
            self.report.cancelled += 1
            self._withdrawn_documents(key, label, set())
            return
        documents: list[LinkedDocument] = []
        for doc in meeting.documents:
            if doc.restricted:
                self.report.restricted += 1
            elif doc.is_link:
                self.report.skipped.append(f"{label}: {doc.title!r} is a web link, not a paper")
            else:
                documents.append(doc)
        own_page = meeting.page_html is not None or meeting.has_minutes
        if not documents and not own_page:
            self.report.without_papers += 1
            self._withdrawn_documents(key, label, set())
            return
        folder = meeting_folder(committee.title, meeting.date, meeting.id or ref.id)
        changes: dict[str, dict[str, str] | None] = {}
        seen: list[str] = []
        failed = False
        if own_page:
            page_key = f"meeting:{key}"
            seen.append(page_key)
            self._write_meeting_page(meeting, key, page_key, folder, changes)
        for doc in documents:
            seen.append(doc.url)
            try:
                self._document(meeting, doc, key, folder, changes)
            except (FetchError, ScrutinyError, OSError) as exc:
                failed = True
                self.report.failures.append(f"{label}: {doc.title!r}: {exc}")
        self._withdrawn_documents(key, label, set(seen))
        self.state.meetings[key] = MeetingState(
            committee.id, meeting.date.isoformat() if meeting.date else None, seen
        )
        if changes:
            update_manifest(self.corpus, changes)
        self.state.save(self.corpus)
        if not failed:
            self.report.imported += 1

    def _row(self, meeting: Meeting, path: str, kind: str, title: str, url: str) -> dict[str, str]:
        return {
            "path": path,
            "council": self.options.council or self._councils.get(path, ""),
            "committee": meeting.committee,
            "meeting_date": meeting.date.isoformat() if meeting.date else "",
            "date_precision": "day" if meeting.date else "",
            "doc_type": kind,
            "title": title,
            "source_url": url,
        }

    def _write_meeting_page(
        self,
        meeting: Meeting,
        key: str,
        page_key: str,
        folder: str,
        changes: dict[str, dict[str, str] | None],
    ) -> None:
        if meeting.page_html is not None:
            data, kind = meeting.page_html, "agenda and minutes"
            title = " - ".join(p for p in (meeting.committee, long_date(meeting)) if p)
        else:
            data, kind, title = minutes_html(meeting), "minutes", minutes_title(meeting)
        url = meeting.page_url or ""
        wanted = f"{folder}/{safe_name(title)}.html"
        path = self._store(page_key, key, wanted, data, None, url)
        if path is not None:
            changes[path] = self._row(meeting, path, kind, title, url)

    def _document(
        self,
        meeting: Meeting,
        doc: LinkedDocument,
        key: str,
        folder: str,
        changes: dict[str, dict[str, str] | None],
    ) -> None:
        _check_url(doc.url)
        known = self.state.documents.get(doc.url)
        validators = None
        if known is not None and (self.corpus / known.path).is_file():
            validators = Validators(known.etag, known.last_modified)
        answer = self.client.get(doc.url, validators=validators)
        if answer.not_modified and known is not None:
            known.etag, known.last_modified = (
                answer.validators.etag,
                answer.validators.last_modified,
            )
            known.withdrawn = False
            self.report.unchanged += 1
            return
        suffix = PurePosixPath(unquote(urlsplit(answer.url).path)).suffix
        fmt = sniff_format(answer.content, suffix)
        if fmt is None:
            self.report.skipped.append(
                f"{doc.title!r} ({doc.url}): not PDF, Word (.docx, .doc), OpenDocument (.odt), "
                "RTF, HTML or text; not indexed"
            )
            return
        title = doc.title
        path = self._store(
            doc.url,
            key,
            f"{folder}/{safe_name(title)}{FORMAT_SUFFIX[fmt]}",
            answer.content,
            answer.validators,
            doc.url,
        )
        if path is not None:
            kind = doc_type(title, doc.item_title)
            changes[path] = self._row(meeting, path, kind, title, doc.url)

    def _store(
        self,
        url: str,
        key: str,
        wanted: str,
        data: bytes,
        validators: Validators | None,
        source_url: str,
    ) -> str | None:
        """Write `data` for `url` unless the same bytes are there; the path, if written."""
        digest = hashlib.sha256(data).hexdigest()
        known = self.state.documents.get(url)
        target = self.corpus / wanted
        if known is None and self._sources.get(wanted) == source_url and target.is_file():
            # Written by an earlier run whose state is lost: adopt it, don't duplicate it.
            old = hashlib.sha256(target.read_bytes()).hexdigest()
            known = self.state.documents[url] = DocumentState(wanted, old, key)
        if known is not None and (self.corpus / known.path).is_file():
            if validators is not None:
                known.etag, known.last_modified = validators.etag, validators.last_modified
            known.withdrawn = False
            if known.sha256 == digest:
                self.report.unchanged += 1
                return None
            path = known.path
            self.report.updated += 1
        else:
            # A file deleted by hand comes back where it was.
            path = known.path if known is not None else self._free_path(wanted, data)
            self.report.new += 1
        target = inside(self.corpus, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        self.state.documents[url] = DocumentState(
            path=path,
            sha256=digest,
            meeting=key,
            etag=validators.etag if validators else None,
            last_modified=validators.last_modified if validators else None,
        )
        return path

    def _free_path(self, wanted: str, data: bytes | None = None) -> str:
        """`wanted`, or `wanted (2)`…: no clash with a file or a document id in the corpus,
        except `data` in another format of a paper saved as `wanted` already: that takes
        its name, so a build indexes the paper once (`indexer.ingest.twins`)."""
        name = PurePosixPath(wanted)
        candidate, n = wanted, 1
        fresh = data is not None and not (self.corpus / wanted).exists()
        if fresh and data is not None and (note := self._same_paper(name, data)) is not None:
            self.report.same_paper.append(note)
            return wanted
        while document_id_for(candidate) in self._ids or (self.corpus / candidate).exists():
            n += 1
            candidate = str(name.with_name(f"{name.stem} ({n}){name.suffix}"))
        self._ids.add(document_id_for(candidate))
        return candidate

    def _same_paper(self, name: PurePosixPath, data: bytes) -> str | None:
        """The build's note when a file of `name`'s id in another format, in its folder,
        holds the paper `data` holds; None when there is none or it is another paper."""
        folder = self.corpus / name.parent
        twins = [
            PurePosixPath(name.parent, p.name)
            for p in (sorted(folder.iterdir()) if folder.is_dir() else [])
            if p.is_file() and p.suffix.lower() != name.suffix.lower()
            and document_id_for(str(name.parent / p.name)) == document_id_for(str(name))
        ]  # fmt: skip
        if not twins:
            return None
        try:
            new = paper_text(self.corpus / name, data=data)
        except IngestError:
            return None
        for twin in twins:
            try:
                held = paper_text(self.corpus / twin)
            except IngestError:
                return None
            if one_paper(new, held):
                left, kept = (twin, name) if keeps(new, held) else (name, twin)
                return f"{left}: {SAME_PAPER} {kept} (kept)"
        return None

    def _withdrawn_documents(self, key: str, label: str, current: set[str]) -> None:
        previous = self.state.meetings.get(key)
        for url in previous.documents if previous else []:
            doc = self.state.documents.get(url)
            if url in current or doc is None or doc.withdrawn:
                continue
            doc.withdrawn = True
            self.report.withdrawn.append(
                f"{label}: {doc.path} is no longer published ({url}); kept in the corpus"
            )

    def _withdrawn_meetings(self, committee: Committee, listed: set[str]) -> None:
        start, end = self.options.date_from.isoformat(), self.options.date_to.isoformat()
        prefix = f"{self.site}|{committee.id}|"
        for key, meeting in self.state.meetings.items():
            if not key.startswith(prefix) or key in listed or meeting.date is None:
                continue
            if start <= meeting.date <= end:
                label = f"{committee.title} meeting {key.rsplit('|', 1)[1]} ({meeting.date})"
                self._withdrawn_documents(key, f"{label}, no longer listed", set())
        self.state.save(self.corpus)


def sync(options: SyncOptions) -> SyncReport:
    """Run one import; usage errors raise `ScrutinyError`, fetch failures go in the report."""
    corpus = options.corpus
    if corpus.exists() and not corpus.is_dir():
        raise ScrutinyError(f"--corpus {corpus} is a file, not a folder")
    if options.date_from > options.date_to:
        raise ScrutinyError(f"--from {options.date_from} is after --to {options.date_to}")
    if not options.committees:
        raise ScrutinyError("name at least one --committee (its title or id on the site)")
    check_site(options.site)
    corpus.mkdir(parents=True, exist_ok=True)
    with PoliteClient(options.client) as client:
        return Importer(options, client).run()
