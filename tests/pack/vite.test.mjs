// The installed package in a Vite app, with no Vite configuration: `vite
// build` bundles mubiao for the page and for a module Web Worker and ships
// the .wasm as an asset; the dev server serves the same app unbundled. Both,
// in headless Chromium, must give what Node gives on the seeds.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, createServer } from 'vite';

import { BASE_CSP, serve } from '../../scripts/serve.mjs';
import { launch } from '../e2e/browser.mjs';
import { freshProject, nodeOutputs, root, seeds } from './project.mjs';

const files = {
  'index.html': '<!doctype html>\n<meta charset="utf-8">\n<title>app</title>\n<link rel="icon" href="data:,">\n<script type="module" src="/src/main.js"></script>\n',
  'src/main.js': `
import { createAnalyzer } from 'mubiao';

const analyzer = await createAnalyzer();
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const waiting = new Map();
worker.onmessage = ({ data }) => {
  waiting.get(data.id)(data);
  waiting.delete(data.id);
};
let next = 0;

window.app = {
  analyze: (text) => JSON.stringify(analyzer.analyze(text)),
  inWorker(text) {
    const id = next++;
    return new Promise((resolve) => {
      waiting.set(id, ({ result, error }) => resolve(error ?? JSON.stringify(result)));
      worker.postMessage({ id, text });
    });
  },
};
document.documentElement.dataset.ready = 'yes';
`,
  'src/worker.js': `
import { createAnalyzer } from 'mubiao';

const ready = createAnalyzer();
onmessage = async ({ data: { id, text } }) => {
  try {
    postMessage({ id, result: (await ready).analyze(text) });
  } catch (e) {
    postMessage({ id, error: e.name + ': ' + e.message });
  }
};
`,
};

let project, browser, node;
const closers = [];

/** Opens `url` in a fresh page; returns it with the list of what went wrong there. */
async function open(url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(`console ${m.type()}: ${m.text()}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(url);
  await page.waitForSelector('html[data-ready="yes"]', { timeout: 60_000 });
  return { page, problems };
}

/** The app on `page` gives what Node gives on every seed, on the page and in its worker. */
async function sameAsNode(page) {
  for (const [i, { name, text }] of seeds.entries()) {
    const expected = JSON.stringify(node.analyze[i].result);
    assert.equal(await page.evaluate((text) => window.app.analyze(text), text), expected, `page: ${name}`);
    assert.equal(await page.evaluate((text) => window.app.inWorker(text), text), expected, `worker: ${name}`);
  }
}

before(async () => {
  project = freshProject('vite', { packageJson: { type: 'module' }, files });
  node = nodeOutputs(project);
  browser = await launch();
});

after(async () => {
  for (const close of closers.reverse()) await close();
  await browser?.close();
  project?.remove();
});

test('vite build: the wasm ships once, as an asset, and the app gives what Node gives', async () => {
  await build({ root: project.dir, configFile: false, logLevel: 'warn' });
  const assets = readdirSync(join(project.dir, 'dist/assets'));
  assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 1, assets.join(', '));
  for (const js of assets.filter((f) => f.endsWith('.js'))) {
    assert.ok(!readFileSync(join(project.dir, 'dist/assets', js), 'utf8').includes('node_modules'), `${js} points into node_modules`);
  }
  const server = await serve({ root: join(project.dir, 'dist'), port: 0, csp: BASE_CSP });
  closers.push(() => server.close());
  const { page, problems } = await open(`http://127.0.0.1:${server.address().port}/`);
  await sameAsNode(page);
  assert.deepEqual(problems, []);
  await page.close();
});

test('vite dev server: the same app, unbundled, gives what Node gives', async () => {
  const server = await createServer({ root: project.dir, configFile: false, logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
  closers.push(() => server.close());
  await server.listen();
  const { page, problems } = await open(server.resolvedUrls.local[0]);
  await sameAsNode(page);
  assert.deepEqual(problems, []);
  await page.close();
});
