/* A document read in full, with the cited passage highlighted and scrolled into view. */
"use strict";

(() => {
  const { el, link, formatDate, sourceUrl, councilUrl, getJson, pathId, meetingUrl, copyButton } = Scrutiny;
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const id = params.get("id");
  const passage = params.get("passage");

  function render(data) {
    const d = data.document;
    document.title = `${d.title || d.document_id} · Scrutiny Search`;
    $("doc-title").textContent = d.title || d.document_id;
    const when = formatDate(d.meeting_date, d.date_precision) + (d.date_approximate ? " (approx.)" : "");
    $("doc-meta").textContent = [when, d.committee, d.council, d.doc_type].filter(Boolean).join(" · ");
    const links = $("doc-links");
    links.replaceChildren();
    // The council's own page first: it is what a member would cite and share.
    const original = { document_id: d.document_id, source_url: d.source_url };
    if (councilUrl(original)) {
      links.append(link(sourceUrl(original), { target: "_blank", rel: "noopener" }, "Original on the council's website"));
    } else if (d.source_available) {
      const kind = /\.pdf$/i.test(d.path || "") ? "PDF" : /\.txt$/i.test(d.path || "") ? "plain text" : "file";
      links.append(link(sourceUrl(original), { target: "_blank", rel: "noopener" }, `Original file (${kind})`));
    }
    // The manifest's notes are for whoever keeps the archive, not for readers.
    if (d.meeting_date || d.committee) {
      $("doc-meta").append(" · ", link(meetingUrl(d), { class: "meeting" }, "The meeting"));
    }

    const body = $("doc-body");
    body.replaceChildren();
    let lastItem = null;
    for (const p of data.passages) {
      const itemKey = `${p.item || ""}|${p.item_title || ""}`;
      if ((p.item || p.item_title) && itemKey !== lastItem) {
        body.append(el("h2", { class: "doc-item" }, [p.item ? `${p.item}. ` : "", p.item_title || ""].join("")));
      }
      lastItem = itemKey;
      const section = el("section", { id: `p-${p.passage_id}`, class: p.selected ? "passage selected" : "passage", tabindex: p.selected ? "-1" : null });
      const label = [p.paragraph ? `Para ${p.paragraph}` : null, p.page ? `p. ${p.page}` : null].filter(Boolean).join(" · ");
      if (label) section.append(el("p", { class: "place" }, label));
      section.append(el("p", { class: "text" }, p.text));
      section.append(paragraphTools(d, p));
      if (p.selected) section.setAttribute("aria-label", "Cited passage");
      body.append(section);
    }
    $("status").textContent = data.selected_passage !== null ? "The cited passage is highlighted." : "";
    const selected = document.querySelector(".passage.selected");
    if (selected) {
      selected.scrollIntoView({ block: "center" });
      selected.focus({ preventScroll: true });
    }
  }

  /** A permalink to the paragraph and a "Copy citation" button for it. */
  function paragraphTools(d, p) {
    const cite = { ...d, item: p.item, item_title: p.item_title, paragraph: p.paragraph, page: p.page };
    const where = p.paragraph ? `para ${p.paragraph}` : (p.item_title || "this paragraph");
    const href = `${location.pathname}?${new URLSearchParams({ id: d.document_id, passage: p.passage_id })}#p-${p.passage_id}`;
    return el("p", { class: "para-tools" },
      link(href, { class: "permalink" }, "Link", el("span", { class: "vh" }, ` to ${where}`)),
      copyButton(cite, p.passage_id, where));
  }

  if (document.referrer && new URL(document.referrer).origin === location.origin) {
    $("back-link").addEventListener("click", (event) => { event.preventDefault(); history.back(); });
  }
  if (!id) {
    $("status").textContent = "No document given.";
    return;
  }
  const query = passage ? `?${new URLSearchParams({ passage })}` : "";
  getJson(`/documents/${pathId(id)}${query}`).then(render).catch((err) => {
    $("status").textContent = err.message;
    $("status").classList.add("error");
  });
})();
