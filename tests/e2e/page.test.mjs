// The page in a real browser: paste a seed, analyze, see the result.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from '../../scripts/serve.mjs';
import { launch } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const shared = join(root, '../shared');
let server, browser, base;

before(async () => {
  server = await serve({ root: join(root, 'dist'), port: 0 });
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('pasting a seed shows its title and targets', async () => {
  const seed = '000_cfc0e70df7390dc8';
  const text = readFileSync(join(shared, 'seeds', `${seed}.txt`), 'utf8');
  const gold = JSON.parse(readFileSync(join(shared, 'gold/seeds', `${seed}.json`), 'utf8'));
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base);
  await page.waitForSelector('#analyze:not([disabled])', { timeout: 30_000 });
  await page.fill('#input', text);
  await page.click('#analyze');
  await page.waitForSelector('#result:not([hidden])');
  assert.equal(await page.textContent('#title'), gold.title);
  const rows = await page.locator('#targets tbody tr').count();
  assert.ok(rows > 0, 'the targets table has rows');
  assert.deepEqual(errors, []);
  await page.close();
});
