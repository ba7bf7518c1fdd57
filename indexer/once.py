"""Reading a text once per answer: a scope within which a text's readings are kept.

An answer reads its evidence many times over: the abstention signals, the sentence scores,
the passages below and beside its quotes and the trend's ends each split the same passages
into sentences, cut the same sentences into terms and read the same sentence's shape
(round 36: the same sentence was read three to five times an answer). A function marked
`once` keeps what it returned for each argument while a `reading` scope is open (one
answer, `Reader.ask`), and is a plain call outside one. Kept per answer, not per process:
nothing stale outlives the answer (a switch such as `sentences.ACTION_READING`, which
evaluations and tests flip between answers, reads afresh) and nothing grows with the
number of questions served.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar, cast

__all__ = ["once", "reading"]

_KEPT: ContextVar[dict[Hashable, Any] | None] = ContextVar("_KEPT", default=None)

F = TypeVar("F", bound=Callable[..., Any])


@contextmanager
def reading() -> Iterator[None]:
    """A scope within which `once` functions keep what they read (one inside another is
    the outer one: an answer's features and its quotes share their readings)."""
    if _KEPT.get() is not None:
        yield
        return
    token = _KEPT.set({})
    try:
        yield
    finally:
        _KEPT.reset(token)


def once(fn: F) -> F:
    """`fn` (a pure function of hashable positional arguments, returning an immutable
    value) kept per argument inside a `reading` scope."""

    @functools.wraps(fn)
    def kept(*args: Hashable) -> Any:
        memo = _KEPT.get()
        if memo is None:
            return fn(*args)
        key = (kept, args)
        if key not in memo:
            memo[key] = fn(*args)
        return memo[key]

    return cast(F, kept)
