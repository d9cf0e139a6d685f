// Robustness of the wasm build: memory stays flat over many analyses, odd
// JS strings (lone surrogates) are read without loss of the instance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createRequire } from 'node:module';

import { createAnalyzer } from '../../js/node.js';

// The wasm module's own size, from the binding under the package (not part
// of the public API).
const { memoryBytes } = createRequire(import.meta.url)('../../pkg/node/mubiao.js');

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = join(root, 'www/samples');
const seeds = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8'));

test('1,000 analyses in one analyzer leave memory flat', async () => {
  const analyzer = await createAnalyzer();
  const samples = [];
  for (let i = 0; i < 1000; i++) {
    analyzer.analyze(seeds[i % seeds.length]);
    if (i % 100 === 99) samples.push(memoryBytes());
  }
  // After the first few hundred the allocator has every size it needs; a
  // leak of even 1 KB per analysis would add a megabyte by the end.
  const settled = samples[2];
  assert.ok(samples.slice(3).every((m) => m <= settled), `memory kept growing: ${samples.join(', ')}`);
  analyzer.free();
});

test('lone surrogates are read as U+FFFD, spans still line up', async () => {
  const analyzer = await createAnalyzer();
  const text = '\ud800开发区2017年预期目标：生产总值增长8%以上\udc00。';
  const a = analyzer.analyze(text);
  for (const t of a.targets) assert.equal(a.text.slice(t.span[0], t.span[1]), t.evidence);
  assert.ok(a.text.includes('\ufffd'));
  // The instance is still alive.
  assert.ok(analyzer.analyze('生产总值增长8%').text.length > 0);
});
