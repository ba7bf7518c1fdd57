/* The members' search page: one box, filters, a cited answer above the passages. */
"use strict";

(() => {
  const { el, citationDate, contextUrl, sourceUrl, appendHighlighted, placeParts, getJson } = Scrutiny;
  const $ = (id) => document.getElementById(id);
  const form = $("search-form");
  const input = $("q");
  const FILTERS = ["committee", "doc_type", "date_from", "date_to"];
  let generation = 0;

  function setStatus(text, isError) {
    const status = $("status");
    status.textContent = text || "";
    status.classList.toggle("error", Boolean(isError));
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

  function citeLine(c) {
    const line = el("p", { class: "meta" });
    line.append(el("time", { datetime: c.meeting_date || "" }, citationDate(c)));
    if (c.committee) line.append(" · ", c.committee);
    if (c.doc_type) line.append(" · ", el("span", { class: "doctype" }, c.doc_type));
    return line;
  }

  function linksFor(c, passageId) {
    const links = el("p", { class: "links" });
    links.append(el("a", { href: contextUrl(c.document_id, passageId) }, "Read in context"));
    links.append(" · ", el("a", { href: sourceUrl(c), target: "_blank", rel: "noopener" },
      c.page ? `Source, page ${c.page}` : "Source document"));
    const others = (c.sources || []).filter((s) => s.document_id !== c.document_id);
    if (others.length) {
      links.append(" · Also in: ");
      others.forEach((s, i) => {
        if (i) links.append(", ");
        links.append(el("a", { href: contextUrl(s.document_id, passageId) }, s.title || s.document_id));
      });
    }
    return links;
  }

  function card(hit, rank) {
    const c = hit.citation;
    const heading = el("h3", { class: "item" });
    const place = placeParts(c);
    heading.append(c.item_title || c.title || c.document_id);
    const article = el("article", { class: "card", "aria-labelledby": `hit-${rank}-title` });
    heading.id = `hit-${rank}-title`;
    article.append(citeLine(c), heading);
    if (place.length) article.append(el("p", { class: "place" }, place.join(" · ")));
    const body = el("p", { class: "text" });
    appendHighlighted(body, hit.text, hit.highlights);
    article.append(body, linksFor(c, hit.passage_id));
    return el("li", {}, article);
  }

  function renderHits(data) {
    const list = $("hits");
    list.replaceChildren(...data.hits.map((hit, i) => card(hit, i + 1)));
    $("results-heading").textContent = data.hits.length
      ? `Passages (${data.hits.length})` : "No passages found";
    const t = data.temporal || {};
    const notes = [];
    if (t.span_text) notes.push(`Dates understood: “${t.span_text}” (passages in that period rank higher).`);
    if (t.trend) notes.push("A question about change: passages are drawn from across the years.");
    $("results-note").textContent = notes.join(" ");
    $("results").hidden = false;
  }

  function renderAnswer(data) {
    const text = $("answer-text");
    text.replaceChildren();
    // The answer is plain text with [n] markers; markers become links to the citations.
    const parts = data.answer.split(/(\[\d+\])/);
    for (const part of parts) {
      const m = /^\[(\d+)\]$/.exec(part);
      if (m) text.append(el("a", { href: `#cite-${m[1]}`, class: "marker", "aria-label": `citation ${m[1]}` }, part));
      else if (part) text.append(document.createTextNode(part));
    }
    const list = $("answer-citations");
    list.replaceChildren(...data.citations.map((cit) => {
      const c = cit.citation;
      const item = el("li", { id: `cite-${cit.n}`, value: cit.n });
      item.append(el("blockquote", {}, `“${cit.quote}”`));
      const where = [citationDate(c), c.committee, ...placeParts(c)].filter(Boolean).join(" · ");
      item.append(el("p", { class: "meta" }, where));
      item.append(linksFor(c, cit.passage_id));
      return item;
    }));
    const related = $("answer-related");
    related.hidden = !(data.related && data.related.length);
    $("related-list").replaceChildren(...(data.related || []).map((hit) => {
      const c = hit.citation;
      return el("li", {},
        el("a", { href: contextUrl(c.document_id, hit.passage_id) },
          `${citationDate(c)} · ${c.item_title || c.title || c.document_id}`));
    }));
    $("answer").classList.toggle("abstained", Boolean(data.abstained));
    $("answer-heading").textContent = data.abstained ? "No answer in the archive" : "Answer";
    $("answer").hidden = false;
  }

  async function run(params, push) {
    const mine = ++generation;
    if (!params.q) {
      setStatus("Type a question or some words to search for.", true);
      input.focus();
      return;
    }
    if (push) history.pushState(params, "", `/?${new URLSearchParams(params)}`);
    document.title = `${params.q} · Scrutiny Search`;
    setStatus("Searching…");
    $("answer").hidden = true;
    const filters = {};
    for (const name of FILTERS) if (params[name]) filters[name] = params[name];
    const search = getJson(`/search?${new URLSearchParams({ ...params, k: "10" })}`);
    const ask = getJson("/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ question: params.q, k: 8, ...filters }),
    });
    try {
      const hits = await search;
      if (mine !== generation) return;
      renderHits(hits);
      setStatus("Finding an answer…");
      const answer = await ask;
      if (mine !== generation) return;
      renderAnswer(answer);
      setStatus(`${hits.hits.length} passages found.`);
    } catch (err) {
      if (mine !== generation) return;
      setStatus(err.message, true);
    }
  }

  function applyParams(params) {
    input.value = params.get("q") || "";
    for (const name of FILTERS) $(name).value = params.get(name) || "";
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(currentParams(), true);
  });
  for (const name of FILTERS) {
    $(name).addEventListener("change", () => { if (input.value.trim()) run(currentParams(), true); });
  }
  $("clear-filters").addEventListener("click", () => {
    for (const name of FILTERS) $(name).value = "";
    if (input.value.trim()) run(currentParams(), true);
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
    const params = new URLSearchParams(location.search);
    applyParams(params);
    if (params.get("q")) run(currentParams(), false);
  });

  loadFacets().then(() => {
    const params = new URLSearchParams(location.search);
    applyParams(params);
    if (params.get("q")) run(currentParams(), false);
    else input.focus();
  });
})();
