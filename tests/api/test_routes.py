"""Every route on the real seed index: shapes, filters, modes and the citation contract."""

from __future__ import annotations

from fastapi.testclient import TestClient

CHURN = "level of churn in the social worker workforce agency staff"
MINUTES = "001_3bf3cecc07ef430f"
ITEM_41 = "003_315652f360b52df6"
REPORT_2022 = "004_a3ad42d7930c8b10"


def test_health(client: TestClient) -> None:
    r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok"
    assert body["documents"] == 5
    assert body["passages"] > 50
    assert body["model"]


def test_search_shape(client: TestClient) -> None:
    r = client.get("/search", params={"q": "agency staff", "k": 5})
    assert r.status_code == 200
    body = r.json()
    assert body["query"] == "agency staff"
    assert 1 <= len(body["hits"]) <= 5
    hit = body["hits"][0]
    assert {"passage_id", "text", "score", "citation", "highlights"} <= hit.keys()
    assert {
        "document_id", "title", "council", "committee", "meeting_date", "date_approximate",
        "doc_type", "item", "item_title", "paragraph", "page", "source_url", "sources",
    } <= hit["citation"].keys()  # fmt: skip
    assert any(h.lower().startswith("agency") for h in hit["highlights"])
    scores = [h["score"] for h in body["hits"]]
    assert scores == sorted(scores, reverse=True)


def test_citation_of_paragraph_41_4(client: TestClient) -> None:
    r = client.get("/search", params={"q": CHURN, "k": 10})
    hits = [h for h in r.json()["hits"] if "about 40% of the workforce" in h["text"]]
    assert hits, "paragraph 41.4 not found"
    c = hits[0]["citation"]
    assert c["item"] == "41"
    assert c["item_title"] == "Ofsted Improvement Letter"
    assert c["paragraph"] == "41.4"
    assert c["meeting_date"] == "2018-11-21"
    assert c["committee"] == "Children and Families Overview and Scrutiny Committee"
    sources = {s["document_id"] for s in c["sources"]}
    assert {MINUTES, ITEM_41} <= sources
    assert c["document_id"] in sources


def test_modes_differ_and_all_work(client: TestClient) -> None:
    ranked = {}
    for mode in ("dense", "lexical", "hybrid"):
        r = client.get("/search", params={"q": "children held in police cells", "mode": mode})
        assert r.status_code == 200, r.text
        assert r.json()["mode"] == mode
        ranked[mode] = [h["passage_id"] for h in r.json()["hits"]]
        assert ranked[mode]
    assert len({tuple(v) for v in ranked.values()}) > 1


def test_filters(client: TestClient) -> None:
    r = client.get("/search", params={"q": "social workers", "date_from": "2022-01-01"})
    hits = r.json()["hits"]
    assert hits and all(h["citation"]["meeting_date"] >= "2022-01-01" for h in hits)

    span = {"date_from": "2018-01-01", "date_to": "2018-12-31"}
    r = client.get("/search", params={"q": "social workers", **span})
    hits = r.json()["hits"]
    assert hits and all(h["citation"]["meeting_date"].startswith("2018") for h in hits)

    r = client.get("/search", params={"q": "social workers", "doc_type": "report"})
    hits = r.json()["hits"]
    assert hits and all(h["citation"]["document_id"] == REPORT_2022 for h in hits)

    committee = "Children and Families Overview and Scrutiny Committee"
    r = client.get("/search", params={"q": "social workers", "committee": committee})
    assert r.json()["hits"]
    r = client.get("/search", params={"q": "social workers", "committee": "Planning Committee"})
    assert r.status_code == 200 and r.json()["hits"] == []


def test_trend_search_spans_the_years(client: TestClient) -> None:
    r = client.get(
        "/search", params={"q": "How did agency staffing change between 2018 and 2022?", "k": 8}
    )
    body = r.json()
    assert body["temporal"]["trend"] is True
    assert body["temporal"]["span_from"] == "2018-01-01"
    years = {h["citation"]["meeting_date"][:4] for h in body["hits"]}
    assert {"2018", "2022"} <= years
    texts = " ".join(h["text"] for h in body["hits"])
    assert "about 40%" in texts and "33.3%" in texts


def test_facets(client: TestClient) -> None:
    body = client.get("/facets").json()
    assert body["committees"] == ["Children and Families Overview and Scrutiny Committee"]
    assert "report" in body["doc_types"]
    assert body["date_from"] == "2017-01-01"
    assert body["date_to"] >= "2022-07-14"


def test_documents_list(client: TestClient) -> None:
    body = client.get("/documents").json()
    assert body["count"] == 5
    ids = [d["document_id"] for d in body["documents"]]
    assert MINUTES in ids and ITEM_41 in ids
    dates = [d["meeting_date"] for d in body["documents"]]
    assert dates == sorted(dates)
    assert all(d["passages"] > 0 and d["source_available"] for d in body["documents"])


def test_document_in_context(client: TestClient) -> None:
    search = client.get("/search", params={"q": CHURN}).json()
    pid = next(h["passage_id"] for h in search["hits"] if "about 40%" in h["text"])
    r = client.get(f"/documents/{ITEM_41}", params={"passage": pid})
    assert r.status_code == 200
    body = r.json()
    assert body["document"]["document_id"] == ITEM_41
    assert body["selected_passage"] == pid
    selected = [p for p in body["passages"] if p["selected"]]
    assert len(selected) == 1 and selected[0]["paragraph"] == "41.4"
    assert MINUTES in selected[0]["also_in"]
    paragraphs = [p["paragraph"] for p in body["passages"] if p["paragraph"]]
    assert paragraphs.index("41.4") < paragraphs.index("41.6")


def test_document_errors(client: TestClient) -> None:
    r = client.get("/documents/no-such-document")
    assert r.status_code == 404
    assert "no-such-document" in r.json()["detail"]
    r = client.get(f"/documents/{ITEM_41}", params={"passage": 12345})
    assert r.status_code == 404
    assert "not in document" in r.json()["detail"]
    r = client.get(f"/documents/{ITEM_41}", params={"passage": "x"})
    assert r.status_code == 422


def test_document_source(client: TestClient) -> None:
    r = client.get(f"/documents/{MINUTES}/source")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/plain")
    assert "21 November 2018" in r.text
    assert client.get("/documents/nothing/source").status_code == 404


def test_page_and_static(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    html = r.text
    assert '<script src="/static/app.js"' in html
    # No inline script or inline event handlers: the CSP would block them.
    assert "<script>" not in html and " onclick=" not in html and " onsubmit=" not in html
    for asset in ("app.js", "common.js", "document.js", "style.css"):
        assert client.get(f"/static/{asset}").status_code == 200
    assert client.get("/document").status_code == 200
    assert client.get("/docs").status_code == 200
    assert "/ask" in client.get("/openapi.json").json()["paths"]
