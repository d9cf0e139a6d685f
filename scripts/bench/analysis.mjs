// `npm run bench:analysis`: what the whole analysis costs next to the
// segmentation it does, on the same texts, as one Markdown table. A
// measurement, not a test: it prints what it finds and exits 0.
//
//   npm run bench:analysis                   build, then measure
//   npm run bench:analysis -- --no-build     measure pkg/ and target/release as they are
//   npm run bench:analysis -- --passes 3     fewer passes (default 7)
//
// Per MB of input, for each set of texts: segmentation with part-of-speech
// tags alone (what the analysis does: the cleaned text, precise mode, the
// default HMM setting), cleaning alone, extraction alone, and the whole
// analysis without keywords (clean, tokens with tags, targets: the three
// stages issue 5 names) and with default options (keywords too); then each
// analysis / segmentation. Once for the wasm build under Node,
// through the package's entry point (what users run), and once natively
// (examples/bench_analysis.rs). The wasm build has no extraction-only call,
// so there extraction is `targets()` (clean and extract) minus `clean()`.
// Natively, a second table times each stage inside the analysis's own order
// too, where each runs after the others' work rather than after its own.
//
// The texts: the five seeds (www/samples) and, when the shared corpus is
// beside the repository (../shared/bench/gov-reports), every 30th work report.
// Each figure is the best of the passes; the stages are interleaved pass by
// pass, so that a burst of load on a shared machine does not hit one stage.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

import { createAnalyzer } from '../../js/node.js';

const root = join(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const passes = option('--passes', 7);
const log = (...m) => console.error('bench:', ...m);
const MB = 1 << 20;

if (!args.includes('--no-build')) {
  log('building (node scripts/build.mjs; cargo build --release --example bench_analysis)');
  execFileSync('node', ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
  execFileSync('cargo', ['build', '--release', '--quiet', '--example', 'bench_analysis'], { cwd: root, stdio: 'inherit' });
}

const samples = join(root, 'www/samples');
const corpus = join(root, '../shared/bench/gov-reports');
const sets = [
  {
    name: 'seeds',
    files: readdirSync(samples).filter((f) => f.endsWith('.txt')).sort().map((f) => join(samples, f)),
  },
];
if (existsSync(corpus)) {
  const reports = readdirSync(corpus, { recursive: true })
    .filter((f) => f.endsWith('.md') && f.includes('/'))
    .sort()
    .filter((_, i) => i % 30 === 29)
    .map((f) => join(corpus, f));
  sets.push({ name: 'work reports', files: reports });
} else {
  log(`${corpus} not found: the seeds only`);
}

const analyzer = await createAnalyzer();

/** Best time (ms) of each stage over all texts, stages interleaved pass by pass. */
function wasmTimes(texts) {
  const cleaned = texts.map((t) => analyzer.clean(t).text);
  const pos = { pos: true };
  const noKeywords = { keywords: { top: 0 } };
  const stages = {
    segment: () => cleaned.forEach((t) => analyzer.segment(t, pos)),
    clean: () => texts.forEach((t) => analyzer.clean(t)),
    targets: () => texts.forEach((t) => analyzer.targets(t)),
    analyze: () => texts.forEach((t) => analyzer.analyze(t)),
    'analyze-nokw': () => texts.forEach((t) => analyzer.analyze(t, noKeywords)),
  };
  stages.analyze(); // warm: dictionary blocks, patterns, JIT
  const best = {};
  for (let p = 0; p < passes; p++) {
    for (const [name, run] of Object.entries(stages)) {
      const t0 = performance.now();
      run();
      best[name] = Math.min(best[name] ?? Infinity, performance.now() - t0);
    }
  }
  return { ...best, extract: Math.max(0, best.targets - best.clean) };
}

function nativeTimes(files) {
  const bin = join(root, 'target/release/examples/bench_analysis');
  if (!existsSync(bin)) {
    log(`${bin} not built: no native figures (cargo build --release --example bench_analysis)`);
    return null;
  }
  const out = execFileSync(bin, ['--passes', String(passes), ...files], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const { ms, phases } = JSON.parse(out);
  return { ...ms, phases };
}

const rows = [];
for (const set of sets) {
  const texts = set.files.map((f) => readFileSync(f, 'utf8'));
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / MB;
  const label = `${set.name} (${texts.length}, ${mb < 1 ? `${(mb * 1024).toFixed(0)} KB` : `${mb.toFixed(1)} MB`})`;
  log(`${label}: wasm`);
  rows.push([label, 'wasm, Node', wasmTimes(texts), mb]);
  log(`${label}: native`);
  const native = nativeTimes(set.files);
  if (native) rows.push([label, 'native', native, mb]);
}

const perMB = (ms, mb) => `${(ms / mb).toFixed(0)}`;
console.log(
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ` +
    `Node ${process.version}; best of ${passes} passes; ms per MB of input.\n`,
);
const vsGoal = (ratio) => `${ratio.toFixed(2)}× (goal ≤ 1.5×) ${ratio <= 1.5 ? '✓' : '✗'}`;
console.log(
  '| texts | build | segment (POS) | clean | extract | analyze, no keywords | analyze | ' +
    'no keywords / segment | analyze / segment |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [label, build, t, mb] of rows) {
  console.log(
    `| ${label} | ${build} | ${perMB(t.segment, mb)} | ${perMB(t.clean, mb)} | ${perMB(t.extract, mb)} | ` +
      `${perMB(t['analyze-nokw'], mb)} | ${perMB(t.analyze, mb)} | ` +
      `${vsGoal(t['analyze-nokw'] / t.segment)} | ${(t.analyze / t.segment).toFixed(2)}× |`,
  );
}

// Native only: each stage timed inside the analysis's own order (clean,
// extract, segment, then the next text) next to the same stage run alone
// over all the texts. The difference is what the stages cost each other
// (caches refilled after the other stages' work), not work done twice.
const phased = rows.filter(([, , t]) => t.phases);
if (phased.length > 0) {
  console.log('\nNative, each stage alone over all the texts and inside the analysis (text by text), ms per MB:\n');
  console.log('| texts | clean alone | clean inside | segment alone | segment inside | extract alone | extract inside |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [label, , t, mb] of phased) {
    const p = t.phases;
    console.log(
      `| ${label} | ${perMB(t.clean, mb)} | ${perMB(p.clean, mb)} | ${perMB(t.segment, mb)} | ${perMB(p.segment, mb)} | ` +
        `${perMB(t.extract, mb)} | ${perMB(p.extract, mb)} |`,
    );
  }
}
