// What the page must never do, and what it must survive: run pasted markup,
// reach another origin, choke on an input over the limit, or stay broken when
// its worker dies.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { serve } from '../../scripts/serve.mjs';
import { analyzed, dist, foreign, launch, paste, ready, seeds, session, shot, tableRows } from './browser.mjs';

const SEEDS = seeds();
let server, browser, origin, s;

before(async () => {
  server = await serve({ root: dist, port: 0 });
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
  s = await session(browser);
  await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open() {
  const page = await s.context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await page.goto(`${origin}/`);
  await ready(page);
  return { page, dialogs };
}

const ATTACK = `<html><body>
<h1>开发区科学规划谋新篇<img src="x-title.png" onerror="window.__pwned='title'"></h1>
<script>window.__pwned = 'script'</script>
<svg onload="window.__pwned='svg'"><circle r="1"/></svg>
<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>
<p>2016年，开发区工业增加值累计完成7.7亿元<img src="x-body.png" onerror="window.__pwned='img'">。</p>
<p onclick="window.__pwned='click'">2017年生产总值同比增长8%以上。</p>
<a href="javascript:window.__pwned='link'">链接</a>
</body></html>`;

test('pasted HTML with <script> and onerror= never runs', async () => {
  const { page, dialogs } = await open();
  await paste(page, { html: ATTACK, text: '开发区科学规划谋新篇\n2016年，开发区工业增加值累计完成7.7亿元。' });
  // The box holds the page's source as text: what will be analyzed, not rendered.
  assert.match(await page.inputValue('#input'), /<script>/);
  assert.ok(await page.locator('#html-chip').isVisible());
  await analyzed(page, () => page.click('#analyze'));
  for (const el of await page.$$('#text mark')) await el.click();
  await page.click('#tab-words');
  await page.waitForSelector('#tokens .tok');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(dialogs, []);
  assert.equal(await page.locator('#results img, #results iframe, #results script, #results svg circle').count(), 0);
  assert.ok(!s.requests.some((u) => /x-(title|body)\.png/.test(u)), 'no image of the pasted page was loaded');

  // Markup written as plain text is shown as text.
  await page.uncheck('#use-html');
  await paste(page, { text: '标题\n2017年生产总值增长8%以上。<img src=x-plain.png onerror="window.__pwned=1">', html: ATTACK });
  await analyzed(page, () => page.click('#analyze'));
  assert.match(await page.textContent('#text'), /onerror/);
  assert.equal(await page.locator('#text img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.close();
});

test('the page cannot parse HTML strings (Trusted Types) nor reach another origin (CSP)', async () => {
  const { page } = await open();
  const result = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    const r = {};
    try {
      document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
      r.html = 'allowed';
    } catch {
      r.html = 'blocked';
    }
    try {
      await fetch('http://198.51.100.7/');
      r.fetch = 'allowed';
    } catch {
      r.fetch = 'blocked';
    }
    try {
      new Worker('http://198.51.100.7/w.js');
      r.worker = 'allowed';
    } catch {
      r.worker = 'blocked';
    }
    const s = document.createElement('script');
    try {
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
    } catch {
      // Trusted Types refuses the text before CSP is asked
    }
    await new Promise((r) => setTimeout(r, 100));
    r.inline = window.__inline === 1 ? 'ran' : 'blocked';
    r.violations = violations;
    return r;
  });
  assert.equal(result.html, 'blocked');
  assert.equal(result.fetch, 'blocked');
  assert.equal(result.worker, 'blocked');
  assert.equal(result.inline, 'blocked');
  assert.ok(result.violations.includes('connect-src'), `violations: ${result.violations}`);
  await page.close();
});

test('an input over the limit is refused with a message and stays in the box', async () => {
  const { page } = await open();
  const big = '二〇一七年全区生产总值增长百分之八以上。\n'.repeat(4 * 1024 * 1024 / 60 + 100);
  assert.ok(Buffer.byteLength(big) > 4 * 1024 * 1024);
  await paste(page, { text: big });
  await page.click('#analyze');
  await page.waitForSelector('#status[data-state="error"]');
  assert.match(await page.textContent('#status'), /上限/);
  assert.ok(await page.locator('#size-msg').isVisible());
  assert.equal((await page.inputValue('#input')).length, big.length);
  assert.ok(await page.locator('#results').isHidden());
  await shot(page, 'too-large');
  await page.close();
});

test('a long input shows progress and can be cancelled; the text stays', async (t) => {
  const { page } = await open();
  const long = `${SEEDS[2].text}\n`.repeat(Math.floor((3.5 * 1024 * 1024) / Buffer.byteLength(SEEDS[2].text)));
  await paste(page, { text: long });
  await page.click('#analyze');
  await page.waitForSelector('#progress:not([hidden])');
  assert.ok(await page.locator('#cancel').isVisible());
  await page.click('#cancel');
  await page.waitForSelector('#status[data-state="ready"]');
  assert.match(await page.textContent('#status'), /取消/);
  assert.equal((await page.inputValue('#input')).length, long.length);

  // And it does finish, if one waits.
  const t0 = Date.now();
  await analyzed(page, () => page.click('#analyze'), 180_000);
  t.diagnostic(`${(Buffer.byteLength(long) / 1024 / 1024).toFixed(1)} MB analyzed in ${Date.now() - t0} ms (${await page.textContent('#status')})`);
  await page.close();
});

test('when the worker dies the page starts a new one, says so, and keeps the text', async () => {
  const { page } = await open();
  await page.fill('#input', SEEDS[0].text);
  await analyzed(page, () => page.click('#analyze'));
  const rows = (await tableRows(page)).length;

  // A trap in the wasm surfaces as an uncaught RuntimeError in the worker.
  const analyzerWorker = () => page.workers().filter((w) => /worker\.js$/.test(w.url())).pop();
  await analyzerWorker().evaluate(() => {
    const original = self.onmessage;
    self.onmessage = (e) => {
      if (e.data.type === 'analyze') throw new WebAssembly.RuntimeError('unreachable executed (simulated)');
      return original(e);
    };
  });
  await page.click('#analyze');
  await page.waitForFunction(() => /重新启动/.test(document.getElementById('status').textContent));
  await page.waitForSelector('#status[data-state="ready"]');
  assert.match(await page.textContent('#status'), /您的文本仍在/);
  assert.equal(await page.inputValue('#input'), SEEDS[0].text);
  await shot(page, 'worker-restarted');
  await analyzed(page, () => page.click('#analyze'));
  assert.equal((await tableRows(page)).length, rows);

  // The worker's own report of a trap it caught.
  await analyzerWorker().evaluate(() => {
    self.onmessage = (e) => {
      postMessage({ type: 'fatal', id: e.data.id, message: 'RuntimeError: memory access out of bounds (simulated)' });
      self.close();
    };
  });
  await page.click('#analyze');
  await page.waitForFunction(() => /out of bounds/.test(document.getElementById('status').textContent));
  await page.waitForSelector('#status[data-state="ready"]');
  await analyzed(page, () => page.click('#analyze'));
  assert.equal((await tableRows(page)).length, rows);
  await page.close();
});

test('no request left this origin during the session', () => {
  assert.deepEqual(foreign(s.requests, { origin }), []);
});
