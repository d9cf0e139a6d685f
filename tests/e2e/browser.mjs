// Headless Chromium for the page tests: Debian's chromium driven by
// playwright-core (nothing downloaded), with the network chatter that this
// closed machine would refuse turned off — and every host name but our own
// server's unresolvable, so a stray request fails instead of leaving.
import { chromium } from 'playwright-core';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** The seed articles (shipped as the page's samples) and their gold. */
export const samples = join(root, 'www/samples');
export const gold = join(root, 'tests/gold');
export const dist = join(root, 'dist');
/** Screenshots of the main states, kept as test artifacts (gitignored). */
export const artifacts = join(root, 'test-results');
mkdirSync(artifacts, { recursive: true });

export const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: FLAGS,
  });
}

/** The seeds, in name order: `{name, text, gold}`. */
export function seeds() {
  return readdirSync(samples)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -4);
      return {
        name,
        file: join(samples, f),
        text: readFileSync(join(samples, f), 'utf8'),
        gold: JSON.parse(readFileSync(join(gold, `${name}.json`), 'utf8')),
      };
    });
}

/**
 * A browser context that writes down every URL anything in it asks for
 * (pages, their workers, the service worker), and every page error.
 */
export async function session(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, ...options });
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('weberror', (e) => errors.push(e.error().message));
  return { context, requests, errors };
}

/**
 * The URLs in `requests` that are not the page's own: `origin` (http…), a
 * blob: of that origin, data: (the single file's icon) or the `file` itself.
 */
export function foreign(requests, { origin, file } = {}) {
  return requests.filter(
    (u) =>
      !(origin && (u.startsWith(`${origin}/`) || u.startsWith(`blob:${origin}/`))) &&
      !(file && (u === file || u.startsWith('blob:null/'))) &&
      !u.startsWith('data:'),
  );
}

export async function ready(page, timeout = 90_000) {
  await page.waitForSelector('#status[data-state="ready"]', { timeout });
}

/** Does `action` and waits until the analysis it starts has finished. */
export async function analyzed(page, action, timeout = 90_000) {
  const before = Number((await page.getAttribute('#status', 'data-run')) ?? 0);
  await action();
  await page.waitForFunction(
    (before) => {
      const s = document.getElementById('status');
      return s.dataset.state === 'done' && Number(s.dataset.run) > before;
    },
    before,
    { timeout },
  );
}

/** Pastes through the real clipboard (Ctrl+V), as a person would. */
export async function paste(page, { text, html }) {
  await page.evaluate(
    async ({ text, html }) => {
      const item = { 'text/plain': new Blob([text], { type: 'text/plain' }) };
      if (html) item['text/html'] = new Blob([html], { type: 'text/html' });
      await navigator.clipboard.write([new ClipboardItem(item)]);
    },
    { text, html },
  );
  await page.fill('#input', '');
  await page.focus('#input');
  await page.keyboard.press('Control+V');
}

/** The visible rows of the targets table, cell by cell. */
export function tableRows(page) {
  return page.$$eval('#targets tbody tr[data-key]', (trs) =>
    trs.map((tr) => ({
      key: tr.dataset.key,
      file: tr.querySelector('.col-file')?.textContent ?? null,
      indicator: tr.querySelector('.indicator').textContent,
      status: tr.querySelector('.col-status').textContent,
      period: tr.querySelector('.col-period').textContent,
      subject: tr.querySelector('.col-subject').textContent,
      evidence: tr.querySelector('.col-evidence').textContent,
      warning: tr.querySelector('.warning')?.textContent ?? null,
    })),
  );
}

/** Clicks a download button and returns the file's bytes. */
export async function downloaded(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const stream = await download.createReadStream();
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/** RFC 4180 CSV to rows of strings. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

export const shot = (page, name, options = {}) => page.screenshot({ path: join(artifacts, `${name}.png`), ...options });
