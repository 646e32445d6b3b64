// Checks the default theme in headless Chromium against a built site served over HTTP.
//
//   node tests/browser/theme.mjs BASE_URL SCREENSHOT_DIR PATH...
//
// For every page path, at two phone widths (360×740, a small Android phone, and 390×844,
// a common iPhone) and desktop (1280×900): saves a full-page screenshot, fails on
// horizontal overflow at the phone widths, and runs axe-core,
// failing on any serious or critical violation. At desktop width, the pages made of lists
// (front, entity, topic, story, author, briefing, timeline, search) must spread their
// content over the page's width rather than leave its right part empty. In dark mode it screenshots the page and
// checks the colours really change; in print media it checks navigation is hidden and
// body links print their targets. Prints one line per check and exits 1 if any failed.

import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './launch.mjs';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

const VIEWPORTS = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'phone-390', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];

const [baseUrl, screenshotDir, ...paths] = process.argv.slice(2);
if (!baseUrl || !screenshotDir || paths.length === 0) {
  console.error('usage: node theme.mjs BASE_URL SCREENSHOT_DIR PATH...');
  process.exit(2);
}
mkdirSync(screenshotDir, { recursive: true });

const failures = [];
function check(ok, label, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}${detail ? `: ${detail}` : ''}`);
  if (!ok) failures.push(label);
}

/** A file name for a page path: `/articles/x/` -> `articles-x`. */
function shotName(path) {
  const trimmed = path.replace(/^\/+|\/+$/g, '').replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '');
  return trimmed || 'front';
}

/** Elements wider than the viewport, to say what overflows, not just that it does. */
async function overflowReport(page) {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.right > limit + 1 && box.width > 0) {
        const id = el.id ? `#${el.id}` : '';
        const cls = el.classList.length ? `.${[...el.classList].join('.')}` : '';
        wide.push(`${el.tagName.toLowerCase()}${id}${cls} (right edge ${Math.round(box.right)}px)`);
      }
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: limit,
      wide: wide.slice(0, 8),
    };
  });
}

async function runAxe(page, label) {
  await page.addScriptTag({ path: AXE_PATH });
  const results = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  const details = serious.map((v) => {
    const nodes = v.nodes
      .slice(0, 5)
      .map((n) => `      ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`)
      .join('\n');
    return `\n    [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s))\n${nodes}`;
  });
  check(serious.length === 0, `${label} axe`, serious.length ? details.join('') : 'no serious or critical violations');
}

/** Page kinds (the body's `kind-*` class) whose content should fill the width. */
const WIDE_KINDS = ['index', 'entity', 'tag', 'story', 'author', 'briefing', 'timeline', 'search'];

/**
 * How far right what a reader sees in `main` reaches, as a share of its width, for wide
 * kinds: text, images and form fields, and boxes drawn with a border or a background.
 * A box as wide as `main` (a rule under a heading) says nothing of the layout, and the
 * page header's text is short by design, so neither counts.
 */
async function widthReport(page) {
  return page.evaluate((kinds) => {
    const kind = [...document.body.classList].find((c) => c.startsWith('kind-'));
    if (!kinds.includes((kind || '').slice(5))) return null;
    const main = document.querySelector('main');
    const style = getComputedStyle(main);
    const left = main.getBoundingClientRect().left + parseFloat(style.paddingLeft);
    const width = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const drawn = (el) => {
      const s = getComputedStyle(el);
      const border = ['Top', 'Right', 'Bottom', 'Left'].some((side) => parseFloat(s[`border${side}Width`]) > 0);
      const background = !/^(transparent|rgba\(0, 0, 0, 0\))$/.test(s.backgroundColor);
      return border || background || ['IMG', 'INPUT', 'BUTTON', 'VIDEO', 'svg'].includes(el.tagName);
    };
    let right = left;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
      if (element.closest('.page-header')) continue;
      if (node.nodeType === Node.TEXT_NODE) {
        if (!node.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) right = Math.max(right, r.right);
      } else if (drawn(node)) {
        const box = node.getBoundingClientRect();
        if (box.width > 0 && box.height > 0 && box.width < 0.98 * width) right = Math.max(right, box.right);
      }
    }
    return { kind, reach: (right - left) / width };
  }, WIDE_KINDS);
}

/** Relative luminance of a CSS `rgb(...)` colour, 0 (black) to 1 (white). */
function luminance(rgb) {
  const [r, g, b] = (rgb.match(/[\d.]+/g) || ['0', '0', '0']).slice(0, 3).map(Number);
  const lin = (c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The colours a reader sees: the body's, or the root's where the body has none. */
async function pageColours(page) {
  return page.evaluate(() => {
    const transparent = (c) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
    const body = getComputedStyle(document.body);
    const background = transparent(body.backgroundColor)
      ? getComputedStyle(document.documentElement).backgroundColor
      : body.backgroundColor;
    return { background, color: body.color };
  });
}

const browser = await launch();
try {
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
      colorScheme: 'light',
    });
    const page = await context.newPage();
    for (const path of paths) {
      const label = `${path} @${viewport.name}`;
      const response = await page.goto(new URL(path, baseUrl).href, { waitUntil: 'networkidle' });
      check(response && response.ok(), `${label} loads`, `HTTP ${response ? response.status() : 'none'}`);
      await page.screenshot({
        path: join(screenshotDir, `${shotName(path)}-${viewport.name}.png`),
        fullPage: true,
      });
      if (viewport.name.startsWith('phone')) {
        const report = await overflowReport(page);
        check(
          report.scrollWidth <= report.clientWidth,
          `${label} no horizontal overflow`,
          `page ${report.scrollWidth}px wide in a ${report.clientWidth}px viewport${report.wide.length ? `; too wide: ${report.wide.join(', ')}` : ''}`,
        );
      }
      if (viewport.name === 'desktop') {
        const width = await widthReport(page);
        if (width) {
          check(
            width.reach >= 0.9,
            `${label} content spans the width`,
            `${width.kind}: content reaches ${Math.round(width.reach * 100)}% of the page width`,
          );
        }
      }
      await runAxe(page, `${label} light`);

      await page.emulateMedia({ colorScheme: 'dark' });
      const dark = await pageColours(page);
      check(
        luminance(dark.background) < 0.1 && luminance(dark.color) > 0.5,
        `${label} dark mode`,
        `background ${dark.background}, text ${dark.color}`,
      );
      await page.screenshot({
        path: join(screenshotDir, `${shotName(path)}-${viewport.name}-dark.png`),
        fullPage: true,
      });
      await runAxe(page, `${label} dark`);
      await page.emulateMedia({ colorScheme: 'light' });
    }
    await context.close();
  }

  // Keyboard: the first Tab reaches the skip link, and it becomes visible.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(new URL(paths[0], baseUrl).href);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return {
        text: el.textContent.trim(),
        href: el.getAttribute('href'),
        visible: box.top >= 0 && box.bottom <= innerHeight && box.width > 0,
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    });
    check(
      skip.href === '#main' && skip.visible && skip.outline,
      'skip link is the first Tab stop, visible with a focus outline',
      JSON.stringify(skip),
    );
    await context.close();
  }

  // Print: navigation and page chrome hidden, body links print their targets.
  {
    const context = await browser.newContext({ viewport: { width: 800, height: 1100 } });
    const page = await context.newPage();
    for (const path of paths) {
      await page.goto(new URL(path, baseUrl).href);
      await page.emulateMedia({ media: 'print' });
      const print = await page.evaluate(() => {
        const hidden = (el) => !el || el.getClientRects().length === 0;
        const navs = [...document.querySelectorAll('body > header nav, .skip-link, body > footer')];
        // Entity names and topic pills name their own page, so they print no address.
        const bodyLink = document.querySelector(
          'main a[href]:not([href^="#"], .entity, .entity-link, .tag, .kicker a)',
        );
        return {
          navHidden: navs.length > 0 && navs.every(hidden),
          visibleNav: navs.filter((el) => !hidden(el)).map((el) => el.outerHTML.slice(0, 80)),
          linkTarget: bodyLink ? getComputedStyle(bodyLink, '::after').content : null,
          href: bodyLink ? bodyLink.getAttribute('href') : null,
        };
      });
      check(print.navHidden, `${path} print hides navigation`, print.visibleNav.join(' | '));
      check(
        print.href === null || (print.linkTarget || '').includes(print.href),
        `${path} print shows link targets`,
        `${print.href} -> ${print.linkTarget}`,
      );
      await page.screenshot({
        path: join(screenshotDir, `${shotName(path)}-print.png`),
        fullPage: true,
      });
      await page.emulateMedia({ media: 'screen' });
    }
    await context.close();
  }
} finally {
  await browser.close();
}

console.log(`${failures.length === 0 ? 'all theme checks passed' : `${failures.length} theme check(s) failed`}`);
process.exit(failures.length === 0 ? 0 : 1);
