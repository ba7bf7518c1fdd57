/* The members' search page: one box, filters, a cited answer above the passages. */
"use strict";

(() => {
  const {
    el, link, citationDate, contextUrl, sourceUrl, hasOriginal, councilUrl, appendHighlighted,
    placeParts, passageLabel, passageName, snippet, getJson, meetingUrl, copyButton,
  } = Scrutiny;
  const $ = (id) => document.getElementById(id);
  const form = $("search-form");
  const input = $("q");
  const submit = $("submit");
  const FILTERS = ["committee", "doc_type", "date_from", "date_to"];
  const MAX_CHARS = Number(input.dataset.maxChars) || 1000;
  const WIDE = window.matchMedia("(min-width: 48rem)");
  let generation = 0;          // the newest run; an older run's responses are dropped
  let controller = null;       // aborts the requests of a run a newer one replaced
  let lastSearch = null;       // location.search of the query on screen
  let shownHits = [];          // the passages on screen, for the CSV download
  let hitsQuery = null;        // the /search parameters of the passages on screen

  // The page restores the card a reader left from (history state), not the browser.
  if ("scrollRestoration" in history) history.scrollRestoration = "manual";

  function setStatus(text, isError) {
    const status = $("status");
    status.textContent = text || "";
    status.classList.toggle("error", Boolean(isError));
  }

  function setBusy(busy) {
    for (const id of ["results", "answer"]) {
      if (busy) $(id).setAttribute("aria-busy", "true");
      else $(id).removeAttribute("aria-busy");
    }
    document.body.classList.toggle("busy", busy);
    $("spinner").hidden = !busy;
    submit.disabled = busy;
  }

  function updateSkipLinks() {
    for (const id of ["answer", "results"]) {
      document.querySelector(`.skip[data-skip="${id}"]`).hidden = $(id).hidden;
    }
  }

  /** Hide what an earlier query showed: after a failure it would pass for this query's. */
  function clearShown() {
    $("answer").hidden = true;
    $("results").hidden = true;
    $("hits").replaceChildren();
    shownHits = [];
    updateSkipLinks();
  }

  function currentParams() {
    const params = { q: input.value.trim() };
    for (const name of FILTERS) {
      const value = $(name).value.trim();
      if (value) params[name] = value;
    }
    return params;
  }

  function fillSelect(select, values) {
    for (const value of values) select.append(el("option", { value }, value));
  }

  async function loadFacets() {
    try {
      const facets = await getJson("/facets");
      fillSelect($("committee"), facets.committees || []);
      fillSelect($("doc_type"), facets.doc_types || []);
      if (facets.date_from) { $("date_from").min = facets.date_from; $("date_to").min = facets.date_from; }
      if (facets.date_to) { $("date_from").max = facets.date_to; $("date_to").max = facets.date_to; }
    } catch (err) {
      setStatus(`Search is unavailable: ${err.message}`, true);
    }
  }

  /* ---- the length limit, shown rather than enforced by silent truncation ---- */

  const count = (n) => n.toLocaleString("en-GB");

  function tooLongMessage(length) {
    return `Your search is ${count(length)} characters long; the limit is ${count(MAX_CHARS)} characters. ` +
      "Shorten it and search again.";
  }

  function updateCounter() {
    const length = input.value.length;
    const counter = $("q-count");
    const over = length > MAX_CHARS;
    counter.hidden = length < MAX_CHARS * 0.8;
    counter.textContent = over
      ? `${count(length)} of ${count(MAX_CHARS)} characters: ${count(length - MAX_CHARS)} too many.`
      : `${count(length)} of ${count(MAX_CHARS)} characters.`;
    counter.classList.toggle("error", over);
    if (over) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }

  /* ---- filters: a disclosure, open on wide screens or when a filter is set ---- */

  function updateFilterSummary() {
    const active = FILTERS.filter((name) => $(name).value.trim()).length;
    $("filters-active").textContent = active ? ` (${active} set)` : "";
    if (active) $("filters").open = true;
  }

  /* ---- rendering ---- */

  /** Words only a screen reader hears, to make a repeated link's name unique. */
  const hidden = (text) => el("span", { class: "vh" }, text);

  function citeLine(c) {
    const line = el("p", { class: "meta" });
    line.append(el("time", { datetime: c.meeting_date || "" }, citationDate(c)));
    if (c.committee) line.append(" · ", c.committee);
    if (c.doc_type) line.append(" · ", el("span", { class: "doctype" }, c.doc_type));
    return line;
  }

  /** "Read in context" and the original; `who` ("result 3") keeps the link names unique. */
  function linksFor(c, passageId, who) {
    const name = `: ${who}, ${passageName(c)}`;
    const links = el("p", { class: "links" });
    links.append(link(contextUrl(c.document_id, passageId), { class: "context" }, "Read in context", hidden(name)));
    if (hasOriginal(c)) {
      const words = councilUrl(c) ? "Council's original" : "Original";
      links.append(" · ", link(sourceUrl(c), { class: "original", target: "_blank", rel: "noopener" },
        c.page ? `${words}, page ${c.page}` : words, hidden(name)));
    }
    const others = (c.sources || []).filter((s) => s.document_id !== c.document_id);
    if (others.length) {
      links.append(" · Also in: ");
      others.forEach((s, i) => {
        if (i) links.append(", ");
        links.append(link(contextUrl(s.document_id, passageId), {}, s.title || s.document_id, hidden(`, for ${who}`)));
      });
    }
    return links;
  }

  function card(hit, rank) {
    const c = hit.citation;
    const label = passageLabel(c);
    const article = el("article", { class: "card", id: `hit-${rank}`, tabindex: "-1", "aria-labelledby": `hit-${rank}-title` });
    const heading = el("h3", { class: "item", id: `hit-${rank}-title` }, label.heading);
    article.append(citeLine(c), heading);
    const place = placeParts(c);
    if (place.length) article.append(el("p", { class: "place" }, place.join(" · ")));
    article.append(cardText(hit), linksFor(c, hit.passage_id, `result ${rank}`), shareLine(c, hit.passage_id, `result ${rank}`));
    return el("li", {}, article);
  }

  /** The passage a hit matched and cites, without the item context around it. */
  function passageText(hit) {
    const own = (hit.window || []).find((p) => p.passage_id === hit.passage_id);
    return own ? hit.text.slice(own.start, own.end) : hit.text;
  }

  /** The hit's text, its query words marked. A hit carries its agenda item's passages
   * around the one that matched (`window`): that passage is set apart from its context,
   * which stands before and after it in reading order. */
  function cardText(hit) {
    const body = el("p", { class: "text" });
    const parts = hit.window || [];
    if (!parts.length) return appendHighlighted(body, hit.text, hit.highlights);
    for (const part of parts) {
      const own = part.passage_id === hit.passage_id;
      const span = el("span", { class: own ? "passage" : "context" });
      if (part.document_id) span.append(el("em", { class: "copy" }, `Beside the same passage in ${part.title || part.document_id}: `));
      else if (!own) span.append(hidden("Context: "));
      appendHighlighted(span, hit.text.slice(part.start, part.end), hit.highlights);
      if (body.childNodes.length) body.append(" ");
      body.append(span);
    }
    return body;
  }

  /** The card's meeting and a "Copy citation" button. */
  function shareLine(c, passageId, who) {
    const line = el("p", { class: "share" });
    if (c.meeting_date || c.committee) {
      line.append(link(meetingUrl(c), { class: "meeting" }, "The meeting", hidden(`: ${citationDate(c)}, ${c.committee || ""}, for ${who}`)), " ");
    }
    line.append(copyButton(c, passageId, who));
    return line;
  }

  function renderHits(data) {
    shownHits = data.hits;
    $("hits").replaceChildren(...data.hits.map((hit, i) => card(hit, i + 1)));
    updateHitsTools(data);
    const t = data.temporal || {};
    const notes = [];
    if (t.span_text) notes.push(`Dates understood: “${t.span_text}” (passages in that period rank higher).`);
    if (t.trend) notes.push("A question about change: passages are drawn from across the years.");
    $("results-note").textContent = notes.join(" ");
    $("results").hidden = false;
    updateSkipLinks();
  }

  /** Heading count, CSV, "More results" and the feed link, for the passages on screen. */
  function updateHitsTools(data) {
    $("results-heading").textContent = shownHits.length
      ? `Passages (${shownHits.length})` : "No passages found";
    $("download-csv").hidden = !shownHits.length;
    $("more-results").hidden = !data.has_more;
    const follow = $("follow");
    if (hitsQuery) {
      const feed = { ...hitsQuery };
      delete feed.k; delete feed.sort; delete feed.offset;
      follow.href = `/feeds/search.atom?${new URLSearchParams(feed)}`;
      follow.hidden = false;
      let alt = document.querySelector("link[rel=alternate][type='application/atom+xml']");
      if (!alt) {
        alt = el("link", { rel: "alternate", type: "application/atom+xml" });
        document.head.append(alt);
      }
      alt.title = `Scrutiny Search: ${feed.q}`;
      alt.href = follow.href;
    }
  }

  /** The passages again in another order (the answer stays: it does not depend on it). */
  async function reorder() {
    if (!hitsQuery) return;
    const query = { ...hitsQuery, sort: $("sort").value, offset: "0" };
    const mine = generation;
    setBusy(true);
    try {
      const data = await getJson(`/search?${new URLSearchParams(query)}`);
      if (mine !== generation) return;
      hitsQuery = query;
      renderHits(data);
      setStatus(`Passages in order: ${$("sort").selectedOptions[0].textContent.toLowerCase()}.`);
    } catch (err) {
      if (mine === generation) setStatus(err.message, true);
    } finally {
      if (mine === generation) setBusy(false);
    }
  }

  /** The next page of passages, appended; focus goes to the first new card. */
  async function loadMore() {
    if (!hitsQuery) return;
    const query = { ...hitsQuery, offset: String(shownHits.length) };
    const mine = generation;
    const button = $("more-results");
    button.disabled = true;
    try {
      const data = await getJson(`/search?${new URLSearchParams(query)}`);
      if (mine !== generation) return;
      const seen = new Set(shownHits.map((h) => String(h.passage_id)));
      const fresh = data.hits.filter((h) => !seen.has(String(h.passage_id)));
      const start = shownHits.length;
      shownHits = shownHits.concat(fresh);
      $("hits").append(...fresh.map((hit, i) => card(hit, start + i + 1)));
      updateHitsTools(data);
      setStatus(`${fresh.length} more passages.`);
      const first = $(`hit-${start + 1}`);
      if (first) { first.scrollIntoView({ block: "start" }); first.focus({ preventScroll: true }); }
    } catch (err) {
      if (mine === generation) setStatus(err.message, true);
    } finally {
      button.disabled = false;
    }
  }

  /* ---- figures at a glance: a trend answer's figures of one measure ---- */

  const SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** The chart (each point a link to its citation) and the same figures as a table. */
  function renderFigures(figures) {
    const box = $("answer-figures");
    const points = (figures && figures.points) || [];
    box.hidden = points.length < 2;
    if (box.hidden) return;
    const fmt = (p) => p.text;
    const caption = `${figures.label} over time, as the cited passages state it`;
    $("figures-caption").textContent = caption;
    $("figures-table-caption").textContent = `${caption}: the chart's figures`;
    $("figures-table").tBodies[0].replaceChildren(...points.map((p) => el("tr", {},
      el("td", {}, p.date_label), el("td", {}, fmt(p)),
      el("td", {}, el("a", { href: `#cite-${p.n}`, class: "marker", "data-cite": p.n }, `[${p.n}]`)))));
    const W = 360, H = 170, L = 44, R = 16, T = 14, B = 34;
    const times = points.map((p) => Date.parse(p.date));
    const t0 = Math.min(...times), t1 = Math.max(...times);
    const vmax = Math.max(...points.map((p) => p.value)) * 1.15 || 1;
    const vmin = Math.min(0, ...points.map((p) => p.value));
    const x = (t) => L + (t1 === t0 ? 0.5 : (t - t0) / (t1 - t0)) * (W - L - R);
    const y = (v) => T + (1 - (v - vmin) / (vmax - vmin)) * (H - T - B);
    const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "group", "aria-label": caption, class: "figures-svg" });
    chart.append(svg("title", {}, `${caption}: ${points.map((p) => `${p.date_label} ${fmt(p)}`).join("; ")}`));
    chart.append(svg("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: "#555" }));
    chart.append(svg("line", { x1: L, y1: T, x2: L, y2: H - B, stroke: "#555" }));
    chart.append(svg("text", { x: L - 4, y: y(vmin) + 4, "text-anchor": "end", "font-size": 11 }, `${figures.unit === "£" ? "£" : ""}${vmin}${figures.unit === "%" ? "%" : ""}`));
    chart.append(svg("polyline", { points: points.map((p, i) => `${x(times[i])},${y(p.value)}`).join(" "), fill: "none", stroke: "#1d70b8", "stroke-width": 2 }));
    points.forEach((p, i) => {
      const a = svg("a", { href: `#cite-${p.n}`, class: "figure-point", "data-cite": p.n, "data-value": p.value, "aria-label": `${p.date_label}: ${fmt(p)}, citation ${p.n}` });
      a.append(svg("circle", { cx: x(times[i]), cy: y(p.value), r: 6, fill: "#1d70b8", stroke: "#fff", "stroke-width": 2 }));
      // The first and last labels lean inwards, so that they stay inside the chart.
      const anchor = i === 0 ? "start" : i === points.length - 1 ? "end" : "middle";
      a.append(svg("text", { x: x(times[i]), y: y(p.value) - 10, "text-anchor": anchor, "font-size": 12 }, fmt(p)));
      chart.append(a);
      chart.append(svg("text", { x: x(times[i]), y: H - B + 16, "text-anchor": anchor, "font-size": 11 }, p.date_label));
    });
    $("figures-chart").replaceChildren(chart);
  }

  function renderAnswer(data) {
    const text = $("answer-text");
    text.replaceChildren();
    // The answer is plain text with [n] markers; markers become links to the citations.
    // Its first line answers; the lines after it ("- …") are the timeline, one meeting each.
    const withMarkers = (node, line) => {
      for (const part of line.split(/(\[\d+\])/)) {
        const m = /^\[(\d+)\]$/.exec(part);
        if (m) node.append(el("a", { href: `#cite-${m[1]}`, class: "marker", "data-cite": m[1], "aria-label": `citation ${m[1]}` }, part));
        else if (part) node.append(document.createTextNode(part));
      }
      return node;
    };
    const [first, ...rest] = data.answer.split("\n");
    withMarkers(text, first);
    const old = document.getElementById("answer-timeline");
    if (old) old.remove();
    if (rest.length) {
      const list = el("ul", { id: "answer-timeline", class: "answer-timeline" });
      for (const line of rest) list.append(withMarkers(el("li", {}), line.replace(/^- /, "")));
      list.addEventListener("click", (event) => {
        const marker = event.target instanceof Element && event.target.closest("a.marker");
        if (!marker) return;
        event.preventDefault();
        focusCitation(marker.dataset.cite);
      });
      text.after(list);
    }
    $("answer-citations").replaceChildren(...data.citations.map((cit) => {
      const c = cit.citation;
      const item = el("li", { id: `cite-${cit.n}`, value: cit.n, tabindex: "-1" });
      item.append(el("blockquote", {}, `“${cit.quote}”`));
      const label = passageLabel(c);
      const where = [citationDate(c), c.committee, label.heading, ...placeParts(c)].filter(Boolean).join(" · ");
      item.append(el("p", { class: "meta" }, where));
      item.append(linksFor(c, cit.passage_id, `citation ${cit.n}`));
      return item;
    }));
    const related = $("answer-related");
    related.hidden = !(data.related && data.related.length);
    // Nearest passages often share a document and section: their first words tell them apart.
    $("related-list").replaceChildren(...(data.related || []).map((hit, i) => {
      const c = hit.citation;
      return el("li", { id: `related-${i + 1}`, tabindex: "-1" },
        link(contextUrl(c.document_id, hit.passage_id), {},
          `${citationDate(c)} · ${passageName(c)}`,
          el("span", { class: "snippet" }, `“${snippet(hit.text)}”`)));
    }));
    $("answer").classList.toggle("abstained", Boolean(data.abstained));
    $("answer-heading").textContent = data.abstained ? "No answer in the archive" : "Answer";
    $("answer").hidden = false;
    updateSkipLinks();
  }

  /** Scroll to an element of the page, focus it and mark it, without any navigation. */
  function bringIntoView(target) {
    if (!target) return;
    for (const old of document.querySelectorAll(".highlight")) old.classList.remove("highlight");
    target.classList.add("highlight");
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }

  function focusCitation(n) {
    const target = $(`cite-${n}`);
    if (!target) return;
    bringIntoView(target);
    // The hash makes a permalink; replaceState changes it without a popstate.
    history.replaceState(history.state, "", `${location.pathname}${location.search}#cite-${n}`);
  }

  /** After a run: back at the card the reader left from, or at a cited passage in the URL. */
  function restorePosition() {
    const state = history.state || {};
    if (state.anchor && $(state.anchor)) bringIntoView($(state.anchor));
    else if (/^#cite-\d+$/.test(location.hash)) focusCitation(location.hash.slice(6));
  }

  /* ---- running a query ---- */

  async function run(params, push) {
    if (!params.q) {
      setStatus("Type a question or some words to search for.", true);
      input.focus();
      return;
    }
    if (params.q.length > MAX_CHARS) {
      updateCounter();
      setStatus(tooLongMessage(params.q.length), true);
      input.focus();
      return;
    }
    const mine = ++generation;
    if (controller) controller.abort();
    controller = new AbortController();
    const { signal } = controller;
    const search = `?${new URLSearchParams(params)}`;
    if (push) history.pushState({ params }, "", `/${search}`);
    lastSearch = search;
    document.title = `${params.q} · Scrutiny Search`;
    setStatus("Searching…");
    setBusy(true);
    $("answer").hidden = true;
    updateSkipLinks();
    const filters = {};
    for (const name of FILTERS) if (params[name]) filters[name] = params[name];
    hitsQuery = { ...params, k: "10", sort: $("sort").value };
    const hitsRequest = getJson(`/search?${new URLSearchParams(hitsQuery)}`, { signal });
    const askRequest = getJson("/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ question: params.q, k: 8, ...filters }),
      signal,
    });
    askRequest.catch(() => {});   // awaited below; a failed search must not leave it unhandled
    let hits = null;
    try {
      hits = await hitsRequest;
      if (mine !== generation) return;
      renderHits(hits);
      setStatus("Finding an answer…");
      const answer = await askRequest;
      if (mine !== generation) return;
      renderAnswer(answer);
      renderFigures(answer.abstained ? null : answer.figures);
      setStatus(`${hits.hits.length} passages found.`);
      setBusy(false);
      restorePosition();
    } catch (err) {
      if (mine !== generation || (err && err.name === "AbortError")) return;
      setBusy(false);
      if (hits) {
        setStatus(`The passages are below, but no answer could be made: ${err.message}`, true);
      } else {
        clearShown();
        setStatus(err.message, true);
      }
    }
  }

  function applyParams(params) {
    input.value = params.get("q") || "";
    for (const name of FILTERS) $(name).value = params.get(name) || "";
    updateCounter();
    updateFilterSummary();
  }

  /* ---- CSV of the passages on screen ---- */

  /** A CSV cell: quoted, and never read as a formula by a spreadsheet (text is untrusted). */
  function csvCell(value) {
    let text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return `"${text.replace(/"/g, '""')}"`;
  }

  function resultsCsv(hits) {
    const rows = [["rank", "date", "committee", "item", "paragraph", "title", "text", "link"]];
    hits.forEach((hit, i) => {
      const c = hit.citation;
      const item = [c.item, c.item_title].filter(Boolean).join(" ");
      const url = new URL(contextUrl(c.document_id, hit.passage_id), location.href).href;
      rows.push([i + 1, c.meeting_date || "", c.committee || "", item, c.paragraph || "",
        c.title || c.document_id, passageText(hit), url]);
    });
    return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
  }

  function downloadCsv() {
    if (!shownHits.length) return;
    // A byte-order mark so that spreadsheet programs read the file as UTF-8.
    const blob = new Blob(["\ufeff", resultsCsv(shownHits)], { type: "text/csv;charset=utf-8" });
    const slug = input.value.trim().toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);
    const a = el("a", { href: URL.createObjectURL(blob), download: `scrutiny-search-${slug || "results"}.csv`, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
  }

  /* ---- events ---- */

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(currentParams(), true);
  });
  // While a run is busy the Search button is disabled, which blocks Enter's implicit
  // submission; a new query typed meanwhile still runs (and replaces the busy one).
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && submit.disabled) {
      event.preventDefault();
      run(currentParams(), true);
    }
  });
  input.addEventListener("input", updateCounter);
  for (const name of FILTERS) {
    $(name).addEventListener("change", () => {
      updateFilterSummary();
      if (input.value.trim()) run(currentParams(), true);
    });
  }
  $("clear-filters").addEventListener("click", () => {
    for (const name of FILTERS) $(name).value = "";
    updateFilterSummary();
    if (input.value.trim()) run(currentParams(), true);
  });
  $("download-csv").addEventListener("click", downloadCsv);
  $("sort").addEventListener("change", reorder);
  $("more-results").addEventListener("click", loadMore);
  $("answer-figures").addEventListener("click", (event) => {
    const point = event.target instanceof Element && event.target.closest("[data-cite]");
    if (!point) return;
    event.preventDefault();
    focusCitation(point.getAttribute("data-cite"));
  });
  $("answer-text").addEventListener("click", (event) => {
    const marker = event.target instanceof Element && event.target.closest("a.marker");
    if (!marker) return;
    event.preventDefault();
    focusCitation(marker.dataset.cite);
  });
  for (const skip of document.querySelectorAll(".skip")) {
    skip.addEventListener("click", (event) => {
      event.preventDefault();
      const target = $(skip.dataset.skip);
      target.scrollIntoView({ block: "start" });
      target.focus({ preventScroll: true });
    });
  }
  // Leaving for a document: remember the card, so that Back returns to it.
  document.querySelector("main").addEventListener("click", (event) => {
    const a = event.target instanceof Element && event.target.closest("a[href^='/document']");
    const holder = a && a.closest("article.card, #answer-citations li, #related-list li");
    if (holder) history.replaceState({ ...(history.state || {}), anchor: holder.id }, "");
  });
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target instanceof HTMLElement &&
      (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
  window.addEventListener("popstate", () => {
    // A change of the hash alone (an in-page anchor) is not a new query.
    if (location.search === lastSearch) {
      restorePosition();
      return;
    }
    const params = new URLSearchParams(location.search);
    applyParams(params);
    if (params.get("q")) run(currentParams(), false);
    else { lastSearch = location.search; clearShown(); setStatus(""); }
  });
  // Restored from the back-forward cache: the page is as it was; bring the card back.
  window.addEventListener("pageshow", (event) => { if (event.persisted) restorePosition(); });

  $("filters").open = WIDE.matches;
  loadFacets().then(() => {
    const params = new URLSearchParams(location.search);
    applyParams(params);
    // No autofocus: the skip links stay the first Tab stops; "/" jumps to the box.
    if (params.get("q")) run(currentParams(), false);
    else lastSearch = location.search;
  });
})();
