"""Meetings, result order and pages, the Atom feed, figures, offline docs and briefings
(issue 15), on the real seed index."""

from __future__ import annotations

import io
from xml.etree import ElementTree as ET

import docx
import feedparser
from docx.shared import Mm
from fastapi.testclient import TestClient

from search_api.meetings import meeting_id

ATOM = "{http://www.w3.org/2005/Atom}"
COMMITTEE = "Children and Families Overview and Scrutiny Committee"
NOV_2018 = meeting_id(__import__("datetime").date(2018, 11, 21), COMMITTEE)
TREND = "How did agency staffing change between 2018 and 2022?"


def test_meetings_list_filters_by_committee_and_year(client: TestClient) -> None:
    body = client.get("/meetings").json()
    dates = [m["meeting_date"] for m in body["meetings"]]
    assert body["count"] == len(dates) == 4  # 001 and 003 are one meeting
    assert dates == sorted(dates, reverse=True)
    assert NOV_2018 in {m["meeting_id"] for m in body["meetings"]}
    nov = next(m for m in body["meetings"] if m["meeting_id"] == NOV_2018)
    assert nov["documents"] == 2 and not nov["date_approximate"]
    assert [m["meeting_date"] for m in client.get("/meetings?year=2018").json()["meetings"]] == [
        "2018-11-21"
    ]
    assert client.get("/meetings", params={"committee": "Cabinet"}).json()["count"] == 0
    assert client.get("/meetings", params={"committee": COMMITTEE}).json()["count"] == 4
    r = client.get("/meetings?year=twenty")
    assert r.status_code == 422 and "year" in r.json()["detail"]


def test_meeting_has_items_in_order_with_minutes_and_documents(client: TestClient) -> None:
    r = client.get(f"/meetings/{NOV_2018}")
    assert r.status_code == 200, r.text
    body = r.json()
    numbered = [i["item"] for i in body["items"] if i["item"]]
    assert numbered == ["40", "41", "42", "43", "44", "45", "46"]
    item_41 = next(i for i in body["items"] if i["item"] == "41")
    assert item_41["item_title"] == "Ofsted Improvement Letter"
    paragraphs = [p["paragraph"] for p in item_41["passages"] if p["paragraph"]]
    assert "41.4" in paragraphs and paragraphs == sorted(paragraphs, key=lambda p: float(p))
    texts = [p["passage_id"] for i in body["items"] for p in i["passages"]]
    assert len(texts) == len(set(texts)), "a paragraph held by two documents is shown once"
    docs = [d["document_id"] for d in body["documents"]]
    assert docs[0] == "001_3bf3cecc07ef430f" and "003_315652f360b52df6" in docs


def test_unknown_meeting_is_404_with_a_message(client: TestClient) -> None:
    r = client.get("/meetings/1999-01-01-nobody")
    assert r.status_code == 404 and "1999-01-01-nobody" in r.json()["detail"]


def test_sort_newest_and_oldest_order_by_meeting_date(client: TestClient) -> None:
    def dates(sort: str) -> list[str]:
        r = client.get("/search", params={"q": "agency staff", "sort": sort, "k": 20})
        assert r.status_code == 200 and r.json()["sort"] == sort
        return [h["citation"]["meeting_date"] for h in r.json()["hits"]]

    newest, oldest = dates("newest"), dates("oldest")
    assert newest == sorted(newest, reverse=True) and oldest == sorted(oldest)
    assert newest[0] > oldest[0]
    assert client.get("/search", params={"q": "x", "sort": "random"}).status_code == 422


def test_offset_pages_on_without_repeats(client: TestClient) -> None:
    q = {"q": "children held in police cells", "k": 5}
    first = client.get("/search", params=q).json()
    second = client.get("/search", params={**q, "offset": 5}).json()
    both = client.get("/search", params={**q, "k": 10}).json()
    assert first["has_more"] and second["offset"] == 5
    ids = [h["passage_id"] for h in first["hits"] + second["hits"]]
    assert ids == [h["passage_id"] for h in both["hits"]]
    assert client.get("/search", params={**q, "offset": -1}).status_code == 422


def test_trend_pages_repeat_no_passage(client: TestClient) -> None:
    """A trend's top k depends on k (its period's ends are chosen first), so a page cut
    from a longer search could repeat an earlier page's hits, or show them as context."""
    q = {"q": TREND, "k": 5}
    pages = [client.get("/search", params={**q, "offset": o}).json() for o in (0, 5, 10)]
    assert pages[0]["hits"] == client.get("/search", params=q).json()["hits"]
    seen: list[int] = []
    for page in pages:
        assert page["hits"]
        for h in page["hits"]:
            seen += [part["passage_id"] for part in h["window"]] or [h["passage_id"]]
    assert len(seen) == len(set(seen))


def test_feed_is_valid_atom_linking_to_permalinks(client: TestClient) -> None:
    r = client.get("/feeds/search.atom", params={"q": "agency staff", "committee": COMMITTEE})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(r.content)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{required}") is not None, required
    entries = root.findall(f"{ATOM}entry")
    assert entries
    dates = []
    for entry in entries:
        for required in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{required}") is not None, required
        href = entry.find(f"{ATOM}link").get("href")
        assert "/document?id=" in href and "&passage=" in href and "#p-" in href
        assert client.get(href.split("#")[0].replace("http://testserver", "")).status_code == 200
        dates.append(entry.find(f"{ATOM}updated").text)
    assert dates == sorted(dates, reverse=True), "newest first"
    parsed = feedparser.parse(r.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10" and len(parsed.entries) == len(entries)


def test_feed_links_use_the_public_url(client: TestClient) -> None:
    settings = client.app.state.settings  # type: ignore[attr-defined]
    old = settings.public_url
    settings.public_url = "https://search.example.gov.uk"
    try:
        r = client.get("/feeds/search.atom", params={"q": "agency staff"})
    finally:
        settings.public_url = old
    link = ET.fromstring(r.content).find(f"{ATOM}entry/{ATOM}link").get("href")
    assert link.startswith("https://search.example.gov.uk/document?")


def test_feed_refuses_bad_parameters(client: TestClient) -> None:
    assert client.get("/feeds/search.atom").status_code == 422
    r = client.get("/feeds/search.atom", params={"q": "x" * 1001})
    assert r.status_code == 422 and "1000" in r.json()["detail"]


def test_trend_answer_carries_the_figures_its_quotes_state(client: TestClient) -> None:
    body = client.post("/ask", json={"question": TREND}).json()
    figures = body["figures"]
    assert figures and figures["kind"] == "percent"
    quotes = {c["n"]: c["quote"] for c in body["citations"]}
    for point in figures["points"]:
        assert point["text"] in quotes[point["n"]], "each point is stated by its citation"
    dates = [p["date"] for p in figures["points"]]
    assert dates == sorted(dates) and len(set(dates)) >= 2
    values = [p["value"] for p in figures["points"]]
    assert values[0] == 40.0 and 33.3 in values
    plain = client.post(
        "/ask", json={"question": "Why was the Prospects Service brought back in house?"}
    )
    assert plain.json()["figures"] is None


def test_docs_work_without_a_cdn(client: TestClient) -> None:
    for page in ("/docs", "/redoc"):
        html = client.get(page).text
        assert "cdn." not in html and "https://" not in html, page
        assert "/static-docs/" in html
    assert client.get("/static-docs/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static-docs/swagger-ui.css").status_code == 200
    assert "default-src 'self'" in client.get("/docs").headers["content-security-policy"]


def test_word_briefing_is_a4_with_header_footer_and_figures(client: TestClient) -> None:
    r = client.post("/briefing", json={"topic": "agency staffing", "format": "docx"})
    assert r.status_code == 200
    document = docx.Document(io.BytesIO(r.content))
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    assert "agency staffing" in section.header.paragraphs[0].text
    footer = section.footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert any("Figures at a glance" in p.text for p in document.paragraphs)
    listed = client.post("/briefing", json={"topic": "agency staffing"}).text
    assert "- 21 November 2018: 40% [" in listed
    assert document.tables and document.tables[0].rows[1].cells[1].text.endswith("%")
    md = client.post("/briefing", json={"topic": "agency staffing"}).text
    assert "Generated: " in md and " UTC" in md
    generated = next(line for line in md.splitlines() if "Generated: " in line)
    months = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")  # fmt: skip
    assert any(month in generated for month in months)


def test_no_briefing_file_when_nothing_is_found(client: TestClient) -> None:
    r = client.post("/briefing", json={"topic": "library opening hours", "format": "docx"})
    assert r.status_code == 404
    assert "content-disposition" not in r.headers
    assert "no briefing was made" in r.json()["detail"]


def test_citations_say_how_precisely_their_date_is_known(client: TestClient) -> None:
    hits = client.get("/search", params={"q": "Ofsted monitoring visit chair's report", "k": 20})
    precision = {
        h["citation"]["document_id"]: h["citation"]["date_precision"] for h in hits.json()["hits"]
    }
    assert precision.get("000_2725e8365af33fe2") == "month", precision
    assert precision.get("001_3bf3cecc07ef430f", "day") == "day"
    for h in hits.json()["hits"]:
        for source in h["citation"]["sources"]:
            assert source["date_precision"] in ("day", "month", "year")
