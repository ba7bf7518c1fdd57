"""`python -m indexer check`: verify the live index version whole, file by file.

A server opening a version only samples large files (snapshot.py: hashing gigabytes on
every start would delay it by minutes); this is the slow, complete check an operator
runs after a disk scare or before a backup.
"""

from __future__ import annotations

from .settings import Settings
from .snapshot import STORE_FILE, IndexDir
from .store import PassageStore

__all__ = ["check_index"]


def check_index(settings: Settings) -> str:
    """Hash every file of the live version and check SQLite's pages; its name if whole."""
    index_dir = IndexDir(settings.index_dir)
    version = index_dir.current()
    index_dir.read_info(version, verify="full")
    store = PassageStore(version / STORE_FILE, readonly=True)
    try:
        store.check_integrity(thorough=True)
    finally:
        store.close()
    return version.name
