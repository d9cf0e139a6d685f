// The installed package in headless Chromium without a bundler: a page whose
// plain <script type="module"> imports it, and a module Web Worker that does
// the same. Both must give, byte for byte, what Node gives on the same input.
// The server sends a strict Content-Security-Policy (scripts from 'self' plus
// 'wasm-unsafe-eval'), so this also shows what a page must allow.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { BASE_CSP, serve } from '../../scripts/serve.mjs';
import { launch } from '../e2e/browser.mjs';
import { freshProject, inputs, nodeOutputs, seeds } from './project.mjs';

const files = {
  'index.html': '<!doctype html>\n<meta charset="utf-8">\n<title>mubiao</title>\n<link rel="icon" href="data:,">\n<script type="module" src="./main.js"></script>\n',
  'main.js': `
import { createAnalyzer } from './node_modules/mubiao/js/web.js';

const analyzer = await createAnalyzer();
const worker = new Worker('./worker.js', { type: 'module' });
const waiting = new Map();
worker.onmessage = ({ data }) => {
  waiting.get(data.id)(data);
  waiting.delete(data.id);
};
let next = 0;

// Called by the test through page.evaluate.
window.mubiao = {
  // The same calls as the Node dump in tests/pack/project.mjs, on every input.
  dump(inputs) {
    const out = { analyze: [], clean: [], segment: [], keywords: [], targets: [] };
    for (const { name, text } of inputs) {
      out.analyze.push({ name, result: analyzer.analyze(text) });
      out.clean.push({ name, result: analyzer.clean(text) });
      out.segment.push({ name, result: analyzer.segment(text, { pos: true }) });
      out.keywords.push({ name, result: analyzer.keywords(text, { method: 'tfIdf' }) });
      out.targets.push({ name, result: analyzer.targets(text) });
    }
    return JSON.stringify(out);
  },
  // The worker's analyze(), after a round trip through postMessage.
  inWorker(text) {
    const id = next++;
    return new Promise((resolve) => {
      waiting.set(id, ({ result, error }) => resolve(error ?? JSON.stringify(result)));
      worker.postMessage({ id, text });
    });
  },
  // A worker whose .wasm cannot be found: the load error says so.
  brokenLoad() {
    const broken = new Worker('./broken-worker.js', { type: 'module' });
    return new Promise((resolve) => (broken.onmessage = ({ data }) => resolve(data)));
  },
  async errors() {
    const seen = [];
    const a = await createAnalyzer();
    const calls = [() => a.analyze('文本', { tokenz: true }), () => a.segment(42), () => a.addWords(7)];
    for (const call of calls) {
      try { call(); } catch (e) { seen.push([e instanceof Error, e.name, e.message]); }
    }
    a.free();
    try { a.targets('文本'); } catch (e) { seen.push([e instanceof Error, e.name, e.message]); }
    try { await createAnalyzer({ hmm: 'yes' }); } catch (e) { seen.push([e instanceof Error, e.name, e.message]); }
    return seen;
  },
};
document.documentElement.dataset.ready = 'yes';
`,
  'worker.js': `
import { createAnalyzer } from './node_modules/mubiao/js/web.js';

const ready = createAnalyzer();
onmessage = async ({ data: { id, text } }) => {
  try {
    postMessage({ id, result: (await ready).analyze(text) });
  } catch (e) {
    postMessage({ id, error: e.name + ': ' + e.message });
  }
};
`,
  'broken-worker.js': `
import { createAnalyzer } from './node_modules/mubiao/js/web.js';

createAnalyzer({}, { wasm: './missing.wasm' }).then(
  () => postMessage('loaded'),
  (e) => postMessage([e instanceof Error, e.message]),
);
`,
};

let project, server, browser, page, node;
const problems = [];

before(async () => {
  project = freshProject('browser', { files });
  node = nodeOutputs(project);
  server = await serve({ root: project.dir, port: 0, csp: BASE_CSP });
  browser = await launch();
  page = await browser.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // The one resource missing on purpose (see brokenLoad) is not a problem.
    if (m.location().url.endsWith('/missing.wasm')) return;
    if (['error', 'warning'].includes(m.type())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('html[data-ready="yes"]', { timeout: 60_000 });
});

after(async () => {
  await browser?.close();
  server?.close();
  project?.remove();
});

test('a plain <script type="module"> page gives what Node gives, byte for byte, for every call', async () => {
  const browserOut = JSON.parse(await page.evaluate((inputs) => window.mubiao.dump(inputs), inputs));
  for (const call of Object.keys(browserOut)) {
    for (const [i, { name, result }] of browserOut[call].entries()) {
      assert.equal(JSON.stringify(result), JSON.stringify(node[call][i].result), `${call}(${name})`);
    }
  }
});

test('a module Web Worker gives what Node gives, after postMessage', async () => {
  for (const [i, { name, text }] of inputs.entries()) {
    const json = await page.evaluate((text) => window.mubiao.inWorker(text), text);
    assert.equal(json, JSON.stringify(node.analyze[i].result), name);
  }
  assert.ok(seeds.length === 5 && node.analyze.length === inputs.length);
});

test('in the browser, errors are Error with a message', async () => {
  const seen = await page.evaluate(() => window.mubiao.errors());
  assert.deepEqual(seen.map(([isError, name]) => [isError, name]), [
    [true, 'Error'],
    [true, 'TypeError'],
    [true, 'Error'],
    [true, 'Error'],
    [true, 'Error'],
  ]);
  assert.match(seen[0][2], /unknown field `tokenz`/);
  assert.match(seen[1][2], /segment\(text\) needs a string, got number/);
  assert.match(seen[2][2], /addWords/);
  assert.match(seen[3][2], /targets\(\) was called after free\(\)/);
  assert.match(seen[4][2], /^options `hmm`: invalid type/);
});

test('a .wasm that cannot be loaded is an Error that says so', async () => {
  const [isError, message] = await page.evaluate(() => window.mubiao.brokenLoad());
  assert.equal(isError, true);
  assert.match(message, /^mubiao: could not load its WebAssembly: .*404.*missing\.wasm/);
});

test('nothing went wrong on the page or in the console', () => {
  assert.deepEqual(problems, []);
});
