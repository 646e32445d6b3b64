// Opens a page served by `brief serve` and watches live reload from the browser's side.
// Usage: node reload.mjs URL. Before each step it prints `ready: <step>`; the Rust test then
// changes the site's files, and this script waits for the page to follow on its own:
//   text  - an article edit reloads the page with the new text;
//   style - a stylesheet edit swaps the stylesheet without reloading;
//   error - a broken article shows the error overlay over the old page;
//   fix   - fixing it removes the overlay.
import { launch } from "./launch.mjs";

const url = process.argv[2];
const timeout = 20000;

const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(url);
  const color = () => page.evaluate(() => getComputedStyle(document.body).color);
  if ((await color()) !== "rgb(1, 2, 3)") throw new Error(`unexpected first colour ${await color()}`);

  console.log("ready: text");
  await page.waitForFunction(() => document.body.innerText.includes("Washington hoped"), null, {
    timeout,
  });

  await page.evaluate(() => {
    window.briefMarker = "not reloaded";
  });
  console.log("ready: style");
  await page.waitForFunction(() => getComputedStyle(document.body).color === "rgb(4, 5, 6)", null, {
    timeout,
  });
  if ((await page.evaluate(() => window.briefMarker)) !== "not reloaded") {
    throw new Error("the page reloaded for a stylesheet change");
  }

  console.log("ready: error");
  await page.waitForSelector("#brief-errors", { timeout });
  const overlay = await page.textContent("#brief-errors");
  if (!overlay.includes("content/articles/us-france-ceasefire-call.md:3:7: error")) {
    throw new Error(`the overlay does not name the file and line: ${overlay}`);
  }
  if (!(await page.evaluate(() => document.body.innerText.includes("Washington hoped")))) {
    throw new Error("the last good page is gone under the overlay");
  }

  console.log("ready: fix");
  await page.waitForSelector("#brief-errors", { state: "detached", timeout });
  console.log("done");
} finally {
  await browser.close();
}
