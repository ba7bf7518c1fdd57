/* "Create briefing": the current query and filters as a briefing note, downloaded as a file.
 * POST /briefing answers with the file itself; it is saved through a blob link named by
 * the server's Content-Disposition. Nothing from the response is put into the page. */
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const button = $("create-briefing");
  const format = $("briefing-format");
  const FILTERS = ["committee", "doc_type", "date_from", "date_to"];
  if (!button || !format) return;

  function setStatus(text, isError) {
    const status = $("status");
    status.textContent = text || "";
    status.classList.toggle("error", Boolean(isError));
  }

  function filenameFrom(response, fallback) {
    const header = response.headers.get("Content-Disposition") || "";
    const m = /filename="([A-Za-z0-9._-]+)"/.exec(header);
    return m ? m[1] : fallback;
  }

  /** The server's message in plain words (as the search page gives it; common.js). */
  async function errorMessage(response) {
    let detail = null;
    try {
      const body = await response.json();
      if (body && typeof body.detail === "string") detail = body.detail;
    } catch (_) { /* not JSON */ }
    return Scrutiny.readableDetail(detail, response.status);
  }

  /** fetch, with a failure to connect said in words rather than "Failed to fetch". */
  async function post(url, init) {
    try {
      return await fetch(url, init);
    } catch (_) {
      throw new Error(Scrutiny.OFFLINE);
    }
  }

  async function createBriefing() {
    const topic = $("q").value.trim();
    if (!topic) {
      setStatus("Type a question or topic first: the briefing is about it.", true);
      $("q").focus();
      return;
    }
    const body = { topic, format: format.value };
    for (const name of FILTERS) {
      const value = $(name).value.trim();
      if (value) body[name] = value;
    }
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    setStatus("Creating the briefing…");
    try {
      const response = await post("/briefing", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(await errorMessage(response));
      const name = filenameFrom(response, format.value === "docx" ? "briefing.docx" : "briefing.md");
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus(`Briefing saved as ${name}.`);
    } catch (err) {
      setStatus(`The briefing could not be created: ${err.message}`, true);
    } finally {
      button.disabled = false;
      button.removeAttribute("aria-busy");
    }
  }

  button.addEventListener("click", createBriefing);
})();
