// Does the cost of `analyze` grow linearly with the input? Prints the time per
// MB at 10 KB, 100 KB, 1 MB and 10 MB of real text (government work reports),
// with the wasm build under Node. A table, not a test: timings are noisy, so
// the figure to read is the ratio of the 10 MB row to the 100 KB row.
//
//   node scripts/bench/scaling.mjs      (after node scripts/build.mjs)

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

import { createAnalyzer } from '../../js/node.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = join(root, '../shared/bench/gov-reports');

function reports(bytes) {
  const parts = [];
  let size = 0;
  for (const level of readdirSync(corpus).sort()) {
    if (level.endsWith('.md')) continue;
    for (const place of readdirSync(join(corpus, level)).sort()) {
      const dir = join(corpus, level, place);
      const files = place.endsWith('.md') ? [dir] : readdirSync(dir).sort().map((f) => join(dir, f));
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        parts.push(text);
        size += Buffer.byteLength(text);
        if (size >= bytes) return parts.join('\n');
      }
    }
  }
  return parts.join('\n');
}

const MB = 1 << 20;
const all = reports(10 * MB + 64 * 1024);
const analyzer = await createAnalyzer();
const options = { tokens: true };
analyzer.analyze(all.slice(0, 200_000), options); // warm up: dictionary blocks, JIT

function slice(bytes, from = 0) {
  // Cut by characters near the byte size (the text is mostly 3-byte Chinese).
  const chars = Math.round(bytes / 2.9);
  return all.slice(from, from + chars);
}

const rows = [];
for (const [label, bytes, runs] of [
  ['10 KB', 10 * 1024, 200],
  ['100 KB', 100 * 1024, 40],
  ['1 MB', MB, 6],
  ['10 MB', 10 * MB, 2],
]) {
  let ms = 0;
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const text = slice(bytes, (i * 7919 * 13) % Math.max(1, all.length - bytes));
    size += Buffer.byteLength(text);
    const t0 = performance.now();
    analyzer.analyze(text, options);
    ms += performance.now() - t0;
  }
  rows.push({ label, runs, msPerRun: ms / runs, msPerMB: ms / (size / MB) });
}

const base = rows.find((r) => r.label === '100 KB').msPerMB;
console.log(`analyze() scaling, wasm under Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0].model}`);
console.log('| input | runs | ms per run | ms per MB | vs 100 KB |');
console.log('|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.label} | ${r.runs} | ${r.msPerRun.toFixed(1)} | ${r.msPerMB.toFixed(0)} | ${(r.msPerMB / base).toFixed(2)}× |`);
}
