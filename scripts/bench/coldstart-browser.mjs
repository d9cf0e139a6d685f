// Cold starts in headless Chromium: each run in a fresh browser context (no
// HTTP or compiled-code cache), from the module import to the first
// segmented article, timed inside the page.

import { join } from 'node:path';

import { launch } from '../../tests/e2e/browser.mjs';
import { serve } from '../serve.mjs';

const root = join(import.meta.dirname, '../..');

// What each segmenter takes in a page, timed in the page; Playwright sends
// each function's source to the page.
const PAGE_CODE = {
  mubiao: async (text) => {
    const t0 = performance.now();
    const { createAnalyzer } = await import('/js/web.js');
    const analyzer = await createAnalyzer();
    analyzer.segment(text);
    return performance.now() - t0;
  },
  'jieba-wasm': async (text) => {
    const t0 = performance.now();
    const m = await import('/node_modules/jieba-wasm/pkg/web/jieba_rs_wasm.js');
    await m.default();
    m.cut(text, false);
    return performance.now() - t0;
  },
  intl: async (text) => {
    const t0 = performance.now();
    [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)];
    return performance.now() - t0;
  },
};

/** Milliseconds of each of `runs` cold starts per segmenter, by name. */
export async function coldStartsInBrowser(names, text, runs) {
  const server = await serve({ root, port: 0 });
  const url = `http://127.0.0.1:${server.address().port}/scripts/bench/page.html`;
  const browser = await launch();
  const out = {};
  try {
    // The browser's own start-up work goes on for a while after launch: one
    // untimed page first, so that it does not land on whichever segmenter
    // comes first. The order also turns round each run, for the same reason.
    const warm = await browser.newContext();
    await (await warm.newPage()).goto(url);
    await warm.close();
    for (let r = 0; r < runs; r++) {
      const order = names.slice(r % names.length).concat(names.slice(0, r % names.length));
      for (const name of order) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(url);
        const ms = await page.evaluate(PAGE_CODE[name], text);
        (out[name] ??= []).push(ms);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}
