"""The layering the architecture promises, checked on the source: the write side never
imports the read side, wire schemas stay in the HTTP shell, and nothing but the archive
facade reaches into a snapshot's store."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("indexer", "search_api", "eval", "bench", "reliability")


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            yield rel, ast.parse(path.read_text(encoding="utf-8"), rel)


def _imports(rel: str, tree: ast.Module) -> Iterator[str]:
    parts = rel.removesuffix(".py").split("/")
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = parts[: len(parts) - node.level]
                yield ".".join([*base, node.module] if node.module else base)
            elif node.module:
                yield node.module


def test_indexer_never_imports_the_read_side() -> None:
    bad = [
        (rel, name)
        for rel, tree in _modules()
        if rel.startswith("indexer/")
        for name in _imports(rel, tree)
        if name.startswith(("search_api", "eval", "bench"))
    ]
    assert bad == []


def test_wire_schemas_stay_in_the_http_shell() -> None:
    # The CLI is the other shell: its --json prints the API's own wire form.
    shells = ("search_api/http/", "search_api/cli.py")
    bad = [
        (rel, name)
        for rel, tree in _modules()
        if not rel.startswith(shells)
        for name in _imports(rel, tree)
        if name.startswith("search_api.http.schemas")
        or (rel.startswith("search_api/") and name.startswith(("fastapi", "search_api.http")))
    ]
    assert bad == []


def test_ranking_never_imports_the_answer_builder() -> None:
    """Ranking reads a question's aspects from `sentences` (words and sentences), never
    from `answering`, which sits on top of the search."""
    ranking = ("search_api/search.py", "search_api/retrieval.py")
    bad = [
        (rel, name)
        for rel, tree in _modules()
        if rel in ranking
        for name in _imports(rel, tree)
        if name.startswith(("search_api.answering", "search_api.archive"))
    ]
    assert bad == []


def test_no_snapshot_store_reach_through_outside_the_facade() -> None:
    bad = [
        (rel, node.lineno)
        for rel, tree in _modules()
        if rel != "search_api/archive.py"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr == "store"
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "snapshot"
    ]
    assert bad == []


def test_every_setting_is_described_and_grouped() -> None:
    from dataclasses import fields

    from indexer.settings import Settings

    assert [n for n, f in Settings.model_fields.items() if not f.description] == []
    settings = Settings()
    grouped = {
        f.name
        for view in (settings.index, settings.search, settings.answers, settings.server)
        for f in fields(view)
    }
    assert grouped == set(Settings.model_fields)
