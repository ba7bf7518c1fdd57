"""`bench/` is not an installed package (pyproject lists indexer, search_api, eval), so
its tests put the repository root on the path themselves."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
