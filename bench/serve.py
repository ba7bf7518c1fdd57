"""The API app under uvicorn on 127.0.0.1, for the HTTP benchmark (one worker).

`--backend` picks the query embedder's backend; the index comes from SCRUTINY_INDEX_DIR.
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--backend", default="torch")
    parser.add_argument("--threads", type=int, default=0, help="0: the runtime's default")
    args = parser.parse_args()

    import uvicorn

    from indexer.embedding import Embedder
    from indexer.settings import Settings
    from search_api.archive import Archive
    from search_api.http.app import create_app

    settings = Settings()
    engine = None
    if args.backend != "torch" or args.threads:
        embedder = Embedder(
            settings.model, settings.batch_size, backend=args.backend, threads=args.threads or None
        )
        engine = Archive.open(settings, embedder)
    app = create_app(settings, archive=engine)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", workers=1)


if __name__ == "__main__":
    main()
