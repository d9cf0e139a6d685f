// Offline, two ways: the served page after one visit (its service worker
// has cached everything), and the single file opened from disk with no
// server and no network at all.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { createAnalyzer } from '../../js/node.js';
import { serve } from '../../scripts/serve.mjs';
import { analyzed, dist, foreign, launch, paste, ready, seeds, session, shot, tableRows } from './browser.mjs';

const SEEDS = seeds();
const analyzer = await createAnalyzer();
let browser;
const sessions = [];

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('after one visit, the page reloads and analyzes with the network off', async (t) => {
  const server = await serve({ root: dist, port: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const s = await session(browser);
  sessions.push({ s, origin });
  await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await s.context.newPage();
  await page.goto(`${origin}/`);
  await ready(page);
  await page.waitForSelector('#offline:not([hidden])', { timeout: 60_000 });

  // The network goes, and the server with it.
  await s.context.setOffline(true);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));

  const t0 = Date.now();
  await page.reload();
  await ready(page);
  const reloadMs = Date.now() - t0;
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'served by the service worker');
  await paste(page, { text: SEEDS[0].text });
  await analyzed(page, () => page.click('#analyze'));
  const want = analyzer.analyze(SEEDS[0].text, { tokens: false, keywords: { top: 0 } });
  assert.equal((await tableRows(page)).length, want.targets.length);
  await page.click('#tab-words');
  await page.waitForSelector('#tokens .tok');
  await shot(page, 'offline-reload');
  t.diagnostic(`offline reload to ready: ${reloadMs} ms`);
});

test('the single file mubiao.html works from file:// on a machine with no network', async (t) => {
  // Alone in a directory: it needs nothing next to it.
  const dir = mkdtempSync(join(tmpdir(), 'mubiao-single-'));
  const file = join(dir, 'mubiao.html');
  copyFileSync(join(dist, 'mubiao.html'), file);
  const url = pathToFileURL(file).href;
  const s = await session(browser, { offline: true });
  sessions.push({ s, file: url });
  const page = await s.context.newPage();
  const t0 = Date.now();
  await page.goto(url);
  await ready(page);
  const readyMs = Date.now() - t0;

  await analyzed(page, () => page.click('button.sample[data-sample="0"]'));
  const want = analyzer.analyze(SEEDS[0].text, { tokens: false, keywords: { top: 0 } });
  assert.equal(await page.textContent('#title'), want.meta.title ?? '（无标题）');
  assert.deepEqual((await tableRows(page)).map((r) => r.evidence), want.targets.map((tg) => tg.evidence));
  await page.click('#targets tbody tr[data-key="0:0"]');
  assert.equal(await page.$$eval('#text mark.current', (ms) => ms.map((m) => m.textContent).join('')), want.targets[0].evidence);

  // Another seed typed in, and the words.
  await page.fill('#input', SEEDS[2].text);
  await analyzed(page, () => page.click('#analyze'));
  const want2 = analyzer.analyze(SEEDS[2].text, { tokens: false, keywords: { top: 0 } });
  assert.equal((await tableRows(page)).length, want2.targets.length);
  await page.click('#tab-words');
  await page.waitForSelector('#tokens .tok');
  await shot(page, 'single-file');

  // Its policy: no network of any kind, no HTML parsing of strings.
  const blocked = await page.evaluate(async () => {
    const r = {};
    try {
      await fetch('http://127.0.0.1:9/');
      r.fetch = 'allowed';
    } catch {
      r.fetch = 'blocked';
    }
    try {
      document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
      r.html = 'allowed';
    } catch {
      r.html = 'blocked';
    }
    return r;
  });
  assert.deepEqual(blocked, { fetch: 'blocked', html: 'blocked' });
  const size = statSync(file).size;
  t.diagnostic(`single file: ${(size / 1024 / 1024).toFixed(1)} MB, file:// to ready ${readyMs} ms`);
});

test('no request left its origin in either session', () => {
  for (const { s, origin, file } of sessions) {
    assert.deepEqual(foreign(s.requests, { origin, file }), []);
    assert.deepEqual(s.errors, []);
  }
});
