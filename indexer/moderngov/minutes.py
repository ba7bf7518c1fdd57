"""The minutes document of a meeting, rebuilt from its items' minutes text.

It is written in the shape of a ModernGov "Agenda and minutes" page (`table.mgItemTable`,
the number in `td.mgItemNumberCell`, the title in `p.mgAiTitleTxt`), which the indexer's
HTML reader already reads item by item: passages keep "item 9 Work Programme", and
paragraphs that start "9.1" keep their number. Only text from the site goes in, escaped.
"""

from __future__ import annotations

from html import escape

from indexer.moderngov.meetings import Meeting


def long_date(meeting: Meeting) -> str:
    """'Tuesday 10 February 2026', the form the indexer reads from a meeting heading."""
    day = meeting.date
    return f"{day:%A} {day.day} {day:%B %Y}" if day else ""


def meeting_heading(meeting: Meeting) -> str:
    """'Audit Committee - Tuesday 10 February 2026 10.00 am', as ModernGov titles pages."""
    when = long_date(meeting)
    return " - ".join(p for p in (meeting.committee, f"{when} {meeting.time}".strip()) if p)


def minutes_title(meeting: Meeting) -> str:
    """The title of the minutes document in the manifest."""
    return " - ".join(p for p in (meeting.committee, long_date(meeting), "minutes") if p)


def minutes_html(meeting: Meeting) -> bytes:
    """The meeting's minutes as an HTML page; only items with minutes text appear."""
    rows: list[str] = []
    for item in meeting.items:
        if not item.minutes:
            continue
        number = f"{escape(item.number)}." if item.number else ""
        paragraphs = "\n".join(f'<p class="MsoNormal">{escape(p)}</p>' for p in item.minutes)
        rows.append(
            "<tr>\n"
            f'<td class="mgItemNumberCell"><p class="mgAiTitleTxt">{number}</p></td>\n'
            f'<td><p class="mgAiTitleTxt">{escape(item.title)}</p>\n'
            '<p class="mgSubItemTitleTxt">Minutes:</p>\n'
            f'<div class="mgWordPara">\n{paragraphs}\n</div></td>\n'
            "</tr>"
        )
    heading = escape(meeting_heading(meeting))
    title = escape(minutes_title(meeting))
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8">'
        f'<title>{title}</title></head>\n<body>\n<div id="modgov">\n'
        '<div class="mgHeader"><h1 class="mgMainTitleTxt">Minutes</h1></div>\n'
        f'<div class="mgSubTitle"><h2 class="mgSubTitleTxt">{heading}</h2></div>\n'
        '<table class="mgItemTable">\n' + "\n".join(rows) + "\n</table>\n</div>\n</body>\n</html>\n"
    )
    return page.encode("utf-8")
