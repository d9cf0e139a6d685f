// One cold start in a fresh Node process: from nothing loaded to the first
// segmented article. Prints JSON: milliseconds, and the memory the process
// gained outside the JS heap (where wasm linear memory lives).
//
//   node scripts/bench/coldstart-node.mjs IMPL ARTICLE

import { readFileSync } from 'node:fs';

const [impl, article] = process.argv.slice(2);
const text = readFileSync(article, 'utf8');
const before = process.memoryUsage().external;
const t0 = performance.now();
const { IMPLS } = await import('./impls.mjs');
const cut = await IMPLS[impl].load();
const words = cut(text);
const ms = performance.now() - t0;
const external = process.memoryUsage().external - before;
console.log(JSON.stringify({ ms, external, words: words.length }));
