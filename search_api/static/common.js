/* Shared helpers for the search page and the document view.
 * Document text is untrusted: it only ever reaches the page through textContent and
 * text nodes, never innerHTML. */
"use strict";

const Scrutiny = (() => {
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];

  /** Create an element with attributes and children (strings become text nodes). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** A link that prints with its full address (style.css shows `data-url` on paper). */
  function link(href, attrs, ...children) {
    const url = new URL(href, location.href).href;
    return el("a", { ...(attrs || {}), href, "data-url": url }, ...children);
  }

  /** "21 November 2018"; "2017" or "March 2019" for a date known to the year or month. */
  function formatDate(iso, precision) {
    if (!iso) return "Undated";
    const [y, m, d] = iso.split("-").map(Number);
    if (precision === "year") return String(y);
    if (precision === "month") return `${MONTHS[m - 1]} ${y}`;
    return `${d} ${MONTHS[m - 1]} ${y}`;
  }

  /** How exactly a citation's date is known: the API's `date_precision` when it sends one,
   * else read from the date (an approximate date on the first of a month or year stands for
   * that month or year; on any other day it is the meeting's own date). */
  function datePrecision(c) {
    if (c.date_precision) return c.date_precision;
    const iso = c.meeting_date || "";
    if (!c.date_approximate) return "day";
    return iso.endsWith("-01-01") ? "year" : iso.endsWith("-01") ? "month" : "day";
  }

  /** "21 November 2018"; "March 2019 (approx.)" only when the date itself is a guess. */
  function citationDate(c) {
    const iso = c.meeting_date;
    if (!iso) return formatDate(iso, null);
    const precision = datePrecision(c);
    if (precision === "day") return formatDate(iso, null);
    return `${formatDate(iso, precision)}${c.date_approximate ? " (approx.)" : ""}`;
  }

  /** Minutes are titled by their meeting, which the date and committee already say. */
  function isMeetingRecord(c) {
    return /minutes/i.test(c.doc_type || "") && Boolean(c.item_title);
  }

  /** What a passage is, in words: `heading` names it, `section` says where in the document.
   * Minutes are headed by their agenda item; reports by their own title, with the section
   * ("Update", "Conclusion") after it, never a bare section word. */
  function passageLabel(c) {
    const title = c.title || c.document_id;
    const item = c.item_title ? (c.item ? `Item ${c.item}: ${c.item_title}` : c.item_title) : null;
    if (isMeetingRecord(c)) return { heading: item, section: null, title };
    const sameAsTitle = c.item_title && c.item_title.trim().toLowerCase() === String(title).trim().toLowerCase();
    return { heading: title, section: sameAsTitle ? (c.item ? `Item ${c.item}` : null) : item, title };
  }

  /** One line naming a passage for a link or a screen reader: title, section, paragraph. */
  function passageName(c) {
    const label = passageLabel(c);
    const parts = [label.heading];
    if (label.section) parts.push(label.section);
    if (c.paragraph) parts.push(`para ${c.paragraph}`);
    if (c.page) parts.push(`page ${c.page}`);
    return parts.join(", ");
  }

  /** The first words of a passage, to tell apart passages that share a section. */
  function snippet(text, words) {
    const all = String(text || "").trim().split(/\s+/);
    const head = all.slice(0, words || 14).join(" ");
    return all.length > (words || 14) ? `${head}…` : head;
  }

  function pathId(id) {
    return String(id).split("/").map(encodeURIComponent).join("/");
  }

  /** The document view with a passage highlighted in its context. */
  function contextUrl(documentId, passageId) {
    const params = new URLSearchParams({ id: documentId });
    if (passageId !== undefined && passageId !== null) params.set("passage", String(passageId));
    return `/document?${params}` + (passageId !== undefined && passageId !== null ? `#p-${passageId}` : "");
  }

  function councilUrl(citation) {
    const url = citation.source_url;
    return url && /^https?:\/\//i.test(url) ? url : null;   // no javascript: or data: links
  }

  /** The original: the council's published URL if known, else the indexed file; PDFs at
   * the page. */
  function sourceUrl(citation) {
    let url = councilUrl(citation);
    if (!url) url = `/documents/${pathId(citation.document_id)}/source`;
    const isPdf = /\.pdf($|[?#])/i.test(url) || citation.page;
    if (isPdf && citation.page && !url.includes("#")) url += `#page=${citation.page}`;
    return url;
  }

  /** Whether a citation's original says more than the document view: the council's own
   * page, or a paged file (PDF). A plain-text original is the document view without its
   * title and paragraph marks, so it is not offered from a card. */
  function hasOriginal(citation) {
    return Boolean(councilUrl(citation) || citation.page);
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /** Append `text` to `node`, wrapping the highlight words in <mark>. */
  function appendHighlighted(node, text, words) {
    const terms = (words || []).filter((w) => w && w.length > 1);
    if (!terms.length) {
      node.append(document.createTextNode(text));
      return node;
    }
    terms.sort((a, b) => b.length - a.length);
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])(${terms.map(escapeRegExp).join("|")})(?=$|[^\\p{L}\\p{N}])`, "giu");
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      const start = match.index + match[1].length;
      node.append(document.createTextNode(text.slice(last, start)));
      node.append(el("mark", {}, match[2]));
      last = start + match[2].length;
    }
    node.append(document.createTextNode(text.slice(last)));
    return node;
  }

  /** "Item 3: Update · para 41.4 · p. 3" as separate pieces: where in its document a
   * passage stands, beyond what its heading (`passageLabel`) says. */
  function placeParts(c) {
    const parts = [];
    const section = passageLabel(c).section;
    if (section) parts.push(section);
    if (c.paragraph) parts.push(`para ${c.paragraph}`);
    if (c.page) parts.push(`p. ${c.page}`);
    return parts;
  }

  /* Passage ids are 63-bit integers, beyond the 2^53 a JavaScript number holds exactly:
   * read them as strings before JSON.parse rounds them. */
  const BIG_IDS = /("(?:passage_id|selected_passage)"\s*:\s*)(-?\d{16,})/g;

  /** Plain words for a failed request, for people rather than programmers. */
  const STATUS_WORDS = {
    404: "That was not found in the archive.",
    413: "That request is too large for the server.",
    429: "The server is busy with too many requests; wait a moment and try again.",
    500: "The server hit a problem answering this. Try again; if it keeps happening, tell the site's administrator.",
    502: "The search service is not answering right now. Try again in a minute.",
    503: "The search service is unavailable right now. Try again in a minute.",
    504: "The search service took too long to answer. Try again in a minute.",
  };
  const REASON_PHRASES = /^(Service Unavailable|Internal Server Error|Bad Gateway|Gateway Timeout|Not Found|Too Many Requests)$/i;

  /** A server `detail` made readable: validation messages lose their field prefix. */
  function readableDetail(detail, status) {
    if (typeof detail !== "string" || !detail.trim() || REASON_PHRASES.test(detail.trim())) {
      return STATUS_WORDS[status] || `The server could not answer (error ${status}). Try again.`;
    }
    const tooLong = /at most (\d+) characters/.exec(detail);
    if (tooLong) return `That is too long: the limit is ${Number(tooLong[1]).toLocaleString("en-GB")} characters. Shorten it and try again.`;
    return detail.replace(/^(q|question|topic|body|query|request)(\.\w+)*: /, "");
  }

  const OFFLINE = "Could not reach the server. Check your connection and try again.";

  async function getJson(url, options) {
    let response;
    try {
      response = await fetch(url, options);
    } catch (err) {
      if (err && err.name === "AbortError") throw err;
      throw new Error(OFFLINE);
    }
    let body = null;
    try {
      body = JSON.parse((await response.text()).replace(BIG_IDS, '$1"$2"'));
    } catch (err) {
      if (err && err.name === "AbortError") throw err;
      body = null;
    }
    if (!response.ok) {
      throw new Error(readableDetail(body && body.detail, response.status));
    }
    return body;
  }

  /** The meeting's id as GET /meetings gives it (search_api/meetings.py: meeting_id). */
  function meetingId(meetingDate, committee) {
    const slug = String(committee || "no committee").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    return `${meetingDate || "undated"}-${slug || "committee"}`;
  }

  /** The meeting page of a citation's meeting. */
  function meetingUrl(c) {
    return `/meeting?${new URLSearchParams({ id: meetingId(c.meeting_date, c.committee) })}`;
  }

  /** A paragraph's permalink, absolute: the document view with the passage highlighted. */
  function permalink(documentId, passageId) {
    return new URL(contextUrl(documentId, passageId), location.href).href;
  }

  /** A formatted reference to paste into a report or an e-mail: committee, date, item,
   * paragraph, document title, permalink (and the council's original when known). */
  function citationText(c, passageId) {
    const item = c.item_title ? (c.item ? `item ${c.item} “${c.item_title}”` : `“${c.item_title}”`) : null;
    const parts = [c.committee, c.council && !String(c.committee || "").includes(c.council) ? c.council : null,
      citationDate(c), item, c.paragraph ? `para ${c.paragraph}` : null, c.page ? `p. ${c.page}` : null];
    let text = `${parts.filter(Boolean).join(", ")}. ${c.title || c.document_id}. ${permalink(c.document_id, passageId)}`;
    const council = councilUrl(c);
    if (council) text += ` (original: ${council})`;
    return text;
  }

  /** A "Copy citation" button; the text also sits in `data-citation` for any fallback. */
  function copyButton(c, passageId, who) {
    const text = citationText(c, passageId);
    const button = el("button", { type: "button", class: "copy-citation secondary", "data-citation": text },
      "Copy citation", el("span", { class: "vh" }, who ? `: ${who}` : ""));
    button.addEventListener("click", async () => {
      const live = document.getElementById("status");
      try {
        await navigator.clipboard.writeText(text);
        button.firstChild.textContent = "Citation copied";
        if (live) live.textContent = "Citation copied to the clipboard.";
      } catch (_) {
        // No clipboard (an insecure origin, or refused): show it for copying by hand.
        if (live) live.textContent = `Copy this citation: ${text}`;
      }
      setTimeout(() => { button.firstChild.textContent = "Copy citation"; }, 4000);
    });
    return button;
  }

  return {
    meetingId, meetingUrl, permalink, citationText, copyButton,
    el, link, formatDate, citationDate, contextUrl, sourceUrl, hasOriginal, councilUrl, appendHighlighted,
    placeParts, passageLabel, passageName, snippet, getJson, readableDetail, pathId, OFFLINE,
  };
})();
