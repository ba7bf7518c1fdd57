/* A meeting: its documents (with the council's originals) and its agenda items in order,
 * each with its minutes; every paragraph links to its place in its document. */
"use strict";

(() => {
  const { el, link, formatDate, contextUrl, sourceUrl, councilUrl, getJson, copyButton } = Scrutiny;
  const $ = (id) => document.getElementById(id);
  const id = new URLSearchParams(location.search).get("id");

  function render(data) {
    const m = data.meeting;
    const when = formatDate(m.meeting_date, m.date_precision) + (m.date_approximate ? " (approx.)" : "");
    const name = [m.committee, when].filter(Boolean).join(", ");
    document.title = `${name} · Scrutiny Search`;
    $("meeting-title").textContent = name;
    $("meeting-meta").textContent = [m.council, `${m.documents} document${m.documents === 1 ? "" : "s"}`].filter(Boolean).join(" · ");

    $("documents-list").replaceChildren(...data.documents.map((d) => {
      const item = el("li", {}, link(contextUrl(d.document_id), { class: "document" }, d.title || d.document_id));
      if (d.doc_type) item.append(` (${d.doc_type})`);
      const original = { document_id: d.document_id, source_url: d.source_url };
      if (councilUrl(original)) {
        item.append(" · ", link(sourceUrl(original), { class: "original", target: "_blank", rel: "noopener" },
          "Council's original", el("span", { class: "vh" }, `: ${d.title || d.document_id}`)));
      } else if (d.source_available && /\.pdf$/i.test(d.path || "")) {
        item.append(" · ", link(sourceUrl(original), { class: "original", target: "_blank", rel: "noopener" },
          "Original PDF", el("span", { class: "vh" }, `: ${d.title || d.document_id}`)));
      }
      return item;
    }));
    $("meeting-documents").hidden = false;

    $("items").replaceChildren(...data.items.map((it, i) => {
      const title = [it.item ? `Item ${it.item}` : null, it.item_title].filter(Boolean).join(": ");
      const li = el("li", { id: `item-${i + 1}`, class: "meeting-item" }, el("h3", {}, title));
      for (const p of it.passages) {
        const cite = { document_id: p.document_id, title: null, committee: m.committee, council: m.council,
          meeting_date: m.meeting_date, date_approximate: m.date_approximate, date_precision: m.date_precision,
          item: it.item, item_title: it.item_title, paragraph: p.paragraph, page: p.page };
        const doc = data.documents.find((d) => d.document_id === p.document_id);
        if (doc) cite.title = doc.title;
        const where = p.paragraph ? `para ${p.paragraph}` : "paragraph";
        li.append(el("p", { class: "text", id: `p-${p.passage_id}` }, p.text));
        li.append(el("p", { class: "para-tools" },
          link(contextUrl(p.document_id, p.passage_id), { class: "passage-link" }, `Read ${where} in its document`,
            el("span", { class: "vh" }, `, ${title}`)),
          copyButton(cite, p.passage_id, `${title}, ${where}`)));
      }
      return li;
    }));
    $("meeting-agenda").hidden = !data.items.length;
    $("status").textContent = data.items.length ? "" : "No minutes of this meeting are indexed; its documents are listed above.";
  }

  if (document.referrer && new URL(document.referrer).origin === location.origin) {
    $("back-link").addEventListener("click", (event) => { event.preventDefault(); history.back(); });
  }
  if (!id) {
    $("status").textContent = "No meeting given.";
    return;
  }
  getJson(`/meetings/${encodeURIComponent(id)}`).then(render).catch((err) => {
    $("status").textContent = err.message;
    $("status").classList.add("error");
  });
})();
