// Types a query into the search page in headless Chromium, as a reader would, and waits
// for a result with the expected title.
//
//   node search.mjs SEARCH_PAGE_URL QUERY EXPECTED_TITLE [--direct]
//
// With --direct the query comes in the page address (`?q=`), as from a shared link,
// instead of being typed, so the bytes fetched are those of that one query.
// Prints one JSON line: the result titles, the status text, and how many bytes of the
// search index the page fetched. Exits 0 when the expected title is listed, 1 otherwise.
import { launch } from "./launch.mjs";

const [url, query, expected, mode] = process.argv.slice(2);
const direct = mode === "--direct";
if (!url || !query || !expected) {
  console.error("usage: node search.mjs SEARCH_PAGE_URL QUERY EXPECTED_TITLE");
  process.exit(2);
}

// Playwright gives every launch a fresh temporary profile (its own --user-data-dir).
const browser = await launch();

let outcome = { found: false };
try {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(String(error)));
  page.on("console", (message) => {
    // Failed requests are reported below with their URLs.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      problems.push(message.text());
    }
  });
  const index = [];
  page.on("response", async (response) => {
    const path = new URL(response.url()).pathname;
    // Browsers ask for /favicon.ico on their own; a site need not have one.
    if (response.status() >= 400 && path !== "/favicon.ico") {
      problems.push(`${response.status()} for ${path}`);
    }
    if (/\/search\/(manifest\.json|terms\/|docs\/)/.test(path)) {
      const body = await response.body().catch(() => Buffer.alloc(0));
      index.push({ path, bytes: body.length, status: response.status() });
    }
  });

  if (direct) {
    const address = new URL(url);
    address.searchParams.set("q", query);
    await page.goto(address.href);
  } else {
    await page.goto(url);
    await page.locator("#search-input").pressSequentially(query, { delay: 40 });
  }
  const link = page.locator("#search-results a", { hasText: expected });
  outcome.found = await link
    .first()
    .waitFor({ timeout: 15000 })
    .then(() => true, () => false);
  await page.waitForLoadState("networkidle").catch(() => {});
  outcome = {
    ...outcome,
    status: await page.locator("#search-status").textContent(),
    results: await page.locator("#search-results li h2").allTextContents(),
    fetched: index,
    index_bytes: index.reduce((sum, r) => sum + r.bytes, 0),
    problems,
  };
  if (problems.length) outcome.found = false;
} finally {
  await browser.close();
}
console.log(JSON.stringify(outcome));
process.exit(outcome.found ? 0 : 1);
