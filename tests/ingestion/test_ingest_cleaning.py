"""Cleaning rules, one at a time, on small texts shaped like the real artefacts."""

from __future__ import annotations

from indexer.ingest.cleaning import (
    Para,
    paragraphs_from_pages,
    rejoin_word_per_line,
    squash,
    strip_footnote_markers,
    strip_link_noise,
)


def _texts(page: str) -> list[str]:
    return [p.text for p in paragraphs_from_pages([page], paged=False)]


def test_bullet_glyphs_become_dashes() -> None:
    page = (
        "This plan identified 4 key achievements: -\n\n"
        "\uf0b7 Quality of practice\n"
        "\uf0b7 Training of social workers and management development\n"
        "\u00b7    Data covering the previous 18 months was used\n"
        "\u2022 Supervision and management oversight\n"
        "o Development of new workforce strategy.\n"
        "o Improved induction and check-in programme launched for new\n"
        "\n"
        "starters and new managers.\n"
    )
    assert _texts(page) == [
        "This plan identified 4 key achievements: -",
        "- Quality of practice",
        "- Training of social workers and management development",
        "- Data covering the previous 18 months was used",
        "- Supervision and management oversight",
        "- Development of new workforce strategy.",
        "- Improved induction and check-in programme launched for new starters and new managers.",
    ]


def test_lost_bullet_glyph_leaves_one_space_that_still_marks_a_bullet() -> None:
    page = (
        "The plan:\n\n Quality of practice \n Training of social workers\n Timeliness of visits \n"
    )
    assert _texts(page) == [
        "The plan:",
        "- Quality of practice",
        "- Training of social workers",
        "- Timeliness of visits",
    ]


def test_hard_wraps_are_rejoined_and_hyphens_handled() -> None:
    page = (
        "The committee considered the recom-\n"
        "mendation of the National Panel into the deaths of Star Hobson and Arthur Labinjo-\n"
        "Hughes, and agreed to act on it before the\n"
        "next meeting.\n"
    )
    assert _texts(page) == [
        "The committee considered the recommendation of the National Panel into the deaths "
        "of Star Hobson and Arthur Labinjo-Hughes, and agreed to act on it before the next meeting."
    ]


def test_a_pdfium_line_end_hyphen_stays_in_a_word_the_document_hyphenates() -> None:
    """PDFium leaves U+FFFE where a line-end hyphen was: "long\ufffeterm" is "long-term"
    where the document writes "long-term" within a line, "recom\ufffemendation" one word."""
    page = (
        "The long-term plan and the one-off grant were agreed.\n\n"
        "The long\ufffeterm savings and a one\ufffeoff payment met the recom\ufffemendation "
        "of Arthur Labinjo\ufffeHughes.\n"
    )
    assert _texts(page)[1] == (
        "The long-term savings and a one-off payment met the recommendation of Arthur "
        "Labinjo-Hughes."
    )


def test_a_year_range_cut_after_its_dash_is_rejoined() -> None:
    """Kent's budget appendices wrap "2025-" / "26" (62 times in the archive): read as
    "2025- 26" the financial year was no token a question's "2025-26" could match."""
    page = (
        "The inflationary uplift for 2025-\n"
        "26 is based on the September CPI, and pages 10\u2013\n"
        "12 set out the 2016-17 figures.\n"
    )
    assert _texts(page) == [
        "The inflationary uplift for 2025-26 is based on the September CPI, and pages "
        "10\u201312 set out the 2016-17 figures."
    ]


def test_page_break_inside_a_sentence_is_rejoined() -> None:
    page = (
        "It was more likely that this related to the level of churn and that\n\n\n\n"
        "there was again some cultural factors involved.\n\n"
        "A new paragraph starts here.\n"
    )
    assert _texts(page) == [
        "It was more likely that this related to the level of churn and that there was "
        "again some cultural factors involved.",
        "A new paragraph starts here.",
    ]


def test_lone_page_numbers_and_labels_are_dropped() -> None:
    page = "First paragraph.\n\n25.\n\nSupporting documents:\n\nPage 3 of 7\n\nSecond paragraph.\n"
    assert _texts(page) == ["First paragraph.", "Second paragraph."]


def test_url_lists_are_dropped() -> None:
    page = "Text.\n\nhttps://www.gov.uk/a\nhttps://www.gov.uk/b\n"
    assert _texts(page) == ["Text."]


def test_one_word_per_line_is_rejoined_into_sentences() -> None:
    # What pypdf makes of the Kingston PDFs: a word, a blank line, a word...
    words = [
        "To",
        "address",
        "a",
        "petition",
        "received",
        "seeking",
        "a",
        "solution",
        "to",
        "congestion",
        ",",
        "conflict",
        ",",
        "speeding",
        "and",
        "through",
        "traffic",
        "on",
        "Manorgate",
        "Road",
        ".",
    ]
    page = "Purpose\n \nof\n \nReport\n \n \n \n" + "\n \n".join(words) + "\n"
    joined = rejoin_word_per_line(page)
    assert joined.split("\n\n") == [
        "Purpose of Report",
        "To address a petition received seeking a solution to congestion, conflict, "
        "speeding and through traffic on Manorgate Road.",
    ]
    assert _texts(page)[-1].endswith("through traffic on Manorgate Road.")


def test_normal_text_is_not_taken_for_one_word_per_line() -> None:
    page = "\n".join(f"Line {i} of an ordinary paragraph with words" for i in range(30))
    assert rejoin_word_per_line(page) == page


def test_footnote_markers_are_stripped_when_the_list_exists() -> None:
    paras = [
        Para(
            "Policies include the Best Start in Lifei, the Review of Social Careii, "
            "the deaths of Arthur Labinjo-Hughesiii, the White Paperiv and SEND Reformsv."
        ),
        Para("Councillor Nicola Nardelli spoke."),
        Para("i The best start for life - GOV.UK"),
        Para("ii Independent review of social care"),
        Para("iii Child Protection in England"),
        Para("iv Opportunity for all"),
        Para("v SEND review"),
    ]
    out = strip_footnote_markers(paras)
    assert out[0].text == (
        "Policies include the Best Start in Life, the Review of Social Care, the deaths of "
        "Arthur Labinjo-Hughes, the White Paper and SEND Reforms."
    )
    assert out[1].text == "Councillor Nicola Nardelli spoke."
    assert out[2:] == paras[2:]


def test_footnote_markers_are_kept_without_a_footnote_list() -> None:
    paras = [Para("Councillor Nicola Nardelli, of Mumbai and Delhi, spoke about Careii.")]
    assert strip_footnote_markers(paras) == paras


def test_footnote_markers_are_kept_when_the_sequence_is_incomplete() -> None:
    paras = [
        Para("Only one marker here: Best Start in Lifei, nothing else."),
        Para("i The best start for life"),
        Para("ii Independent review"),
    ]
    assert strip_footnote_markers(paras) == paras


def test_moderngov_link_noise() -> None:
    assert (
        strip_link_noise("Ofsted Improvement Letter pdf icon PDF 202 KB")
        == "Ofsted Improvement Letter"
    )
    assert strip_link_noise("Minutes PDF 1.5 MB") == "Minutes"
    assert (
        strip_link_noise("would be able to \u00a0...\u00a0 view the full minutes text for item 41.")
        == "would be able to"
    )
    assert strip_link_noise("Venue: Shire Hall, Gloucester. View directions") == (
        "Venue: Shire Hall, Gloucester."
    )
    assert strip_link_noise("84. Apologies (Item 1)") == "84. Apologies"


def test_whitespace_is_normalised_identically() -> None:
    assert squash("off\u00a0 and\tthen\n  more ") == "off and then more"
    assert squash("ACTION:\u00a0\u00a0\u00a0 Chris Spencer") == "ACTION: Chris Spencer"
