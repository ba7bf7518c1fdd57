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

  /** "21 November 2018"; "2017" or "March 2019" for a date known to the year or month. */
  function formatDate(iso, precision) {
    if (!iso) return "Undated";
    const [y, m, d] = iso.split("-").map(Number);
    if (precision === "year") return String(y);
    if (precision === "month") return `${MONTHS[m - 1]} ${y}`;
    return `${d} ${MONTHS[m - 1]} ${y}`;
  }

  function citationDate(citation) {
    const iso = citation.meeting_date;
    if (!iso || !citation.date_approximate) return formatDate(iso, null);
    // An approximate date stands for its month or year when it falls on the first day.
    const precision = iso.endsWith("-01-01") ? "year" : iso.endsWith("-01") ? "month" : null;
    return `${formatDate(iso, precision)} (approx.)`;
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

  /** The original: its published URL if known, else the indexed file; PDFs at the page. */
  function sourceUrl(citation) {
    let url = citation.source_url;
    if (url && !/^https?:\/\//i.test(url)) url = null;   // no javascript: or data: links
    if (!url) url = `/documents/${pathId(citation.document_id)}/source`;
    const isPdf = /\.pdf($|[?#])/i.test(url) || citation.page;
    if (isPdf && citation.page && !url.includes("#")) url += `#page=${citation.page}`;
    return url;
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

  /** "item 41 · Ofsted Improvement Letter · para 41.4 · p. 3" as separate pieces. */
  function placeParts(c) {
    const parts = [];
    if (c.item) parts.push(`Item ${c.item}`);
    if (c.paragraph) parts.push(`para ${c.paragraph}`);
    if (c.page) parts.push(`p. ${c.page}`);
    return parts;
  }

  /* Passage ids are 63-bit integers, beyond the 2^53 a JavaScript number holds exactly:
   * read them as strings before JSON.parse rounds them. */
  const BIG_IDS = /("(?:passage_id|selected_passage)"\s*:\s*)(-?\d{16,})/g;

  async function getJson(url, options) {
    const response = await fetch(url, options);
    let body = null;
    try {
      body = JSON.parse((await response.text()).replace(BIG_IDS, '$1"$2"'));
    } catch (_) {
      body = null;
    }
    if (!response.ok) {
      const detail = body && typeof body.detail === "string" ? body.detail : `HTTP ${response.status}`;
      throw new Error(detail);
    }
    return body;
  }

  return { el, formatDate, citationDate, contextUrl, sourceUrl, appendHighlighted, placeParts, getJson, pathId };
})();
