"""The model's word pieces, read from its own `tokenizer.json` with the `tokenizers` library.

transformers' `AutoTokenizer` reads the same file, but importing it imports torch: some 3 s
of CPU at the start of every process on the ONNX backend (a server, a CLI search, a Ray
parse worker), where `tokenizers` alone takes 0.1 s. The file's own padding and truncation
(all-MiniLM-L6-v2's: padded and cut at 128) are cleared on load, as transformers clears
them; a `WordPieces` cuts only at the `max_length` it was made with, so its settings never
change after construction and one instance can serve several threads. A model folder
without a `tokenizer.json` (a slow tokenizer only) is read through `AutoTokenizer`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from pathlib import Path

__all__ = ["WordPieces"]

Encode = Callable[[Sequence[str], bool], list[list[int]]]


class WordPieces:
    """Word-piece ids and counts under a model folder's tokenizer."""

    def __init__(self, model_dir: str | Path, max_length: int | None = None) -> None:
        """`max_length`: `ids` cuts each text's pieces, special tokens included, to this
        many (None: never cut). `count` never cuts."""
        folder = Path(model_dir)
        self.max_length = max_length
        self.pad_id = 0
        if (folder / "tokenizer.json").is_file():
            self._ids, self._count = self._fast(folder)
        else:
            self._ids, self._count = self._auto(folder)

    def ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Each text's ids with the model's special tokens, cut at `max_length`."""
        return self._ids(list(texts), True)

    def count(self, text: str) -> int:
        """Word pieces in `text` without special tokens; a long text is counted, not cut."""
        return len(self._count([text], False)[0])

    def _fast(self, folder: Path) -> tuple[Encode, Encode]:
        from tokenizers import Tokenizer

        def load(max_length: int | None) -> Tokenizer:
            tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
            tokenizer.no_padding()
            if max_length is None:
                tokenizer.no_truncation()
            else:
                tokenizer.enable_truncation(max_length)
            return tokenizer

        def encoder(tokenizer: Callable[[], Tokenizer]) -> Encode:
            return lambda texts, special: [
                e.ids for e in tokenizer().encode_batch(list(texts), add_special_tokens=special)
            ]

        cut = load(self.max_length)
        pad = _pad_token(folder)
        pad_id = None if pad is None else cut.token_to_id(pad)
        if pad_id is not None:
            self.pad_id = pad_id
        # An encoder's instance cuts and never counts: its uncut twin (some 25 ms to load)
        # is loaded only if it is asked to count.
        whole = (lambda: cut) if self.max_length is None else functools.cache(lambda: load(None))
        return encoder(lambda: cut), encoder(whole)

    def _auto(self, folder: Path) -> tuple[Encode, Encode]:
        from transformers import AutoTokenizer

        tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
        self.pad_id = int(tokenizer.pad_token_id or 0)
        max_length = self.max_length

        def ids(texts: Sequence[str], special: bool) -> list[list[int]]:
            cut = special and max_length is not None
            encoded = tokenizer(list(texts), add_special_tokens=special, truncation=cut,
                                max_length=max_length if cut else None, verbose=False)  # fmt: skip
            return list(encoded["input_ids"])

        return ids, ids


def _pad_token(folder: Path) -> str | None:
    """The padding token's text, as the folder's tokenizer files name it."""
    for name in ("special_tokens_map.json", "tokenizer_config.json"):
        path = folder / name
        if path.is_file():
            token = json.loads(path.read_text(encoding="utf-8")).get("pad_token")
            if isinstance(token, dict):
                token = token.get("content")
            if isinstance(token, str):
                return token
    return None
