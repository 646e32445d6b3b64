// Live reload for pages served by `brief serve`: reloads the page when a rebuild changed it
// (or what every page uses), swaps stylesheets in place when only they changed, and shows
// build errors over the page.
(() => {
  const script = document.currentScript;
  let version = Number(script.dataset.version);
  const overlayId = "brief-errors";

  function showErrors(html) {
    const current = document.getElementById(overlayId);
    if (!html) {
      if (current) current.remove();
      return;
    }
    const holder = document.createElement("div");
    holder.innerHTML = html;
    const overlay = holder.firstElementChild;
    if (current) current.replaceWith(overlay);
    else document.body.appendChild(overlay);
  }

  function swapStylesheets(paths) {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin || !paths.includes(url.pathname)) continue;
      url.searchParams.set("brief", String(Date.now()));
      const fresh = link.cloneNode();
      fresh.href = url.href;
      fresh.addEventListener("load", () => link.remove(), { once: true });
      link.after(fresh);
    }
  }

  const events = new EventSource(script.dataset.events);
  events.addEventListener("status", (event) => {
    const status = JSON.parse(event.data);
    showErrors(status.errors);
    if (status.version === version) return;
    const missedOne = status.since !== version;
    version = status.version;
    if (!missedOne && status.css) {
      swapStylesheets(status.css);
      return;
    }
    if (!missedOne && status.files && !status.files.includes(script.dataset.file)) return;
    location.reload();
  });
})();
