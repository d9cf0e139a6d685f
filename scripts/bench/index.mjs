// `npm run bench`: mubiao against npm jieba-wasm and Intl.Segmenter, side by
// side in one run, printed as one Markdown table. A measurement, not a test:
// it prints what it finds and exits 0.
//
//   npm run bench                  build, then measure everything
//   npm run bench -- --no-build    measure the current pkg/ and target/release as they are
//   npm run bench -- --quick       fewer repetitions
//
// F1 needs the SIGHAN 2005 test sets beside the repository
// (../shared/bench/sighan2005); they are read here and never copied.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { coldStartsInBrowser } from './coldstart-browser.mjs';
import { IMPLS } from './impls.mjs';
import { available, score, testSet } from './sighan.mjs';

const root = join(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const NAMES = ['mubiao', 'jieba-wasm', 'intl'];
const article = join(root, '../shared/seeds/000_cfc0e70df7390dc8.txt');
const reports = join(root, '../shared/bench/gov-reports/政府工作报告-主要城市');

const log = (...m) => console.error('bench:', ...m);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;

if (!args.includes('--no-build')) {
  log('building (node scripts/build.mjs; cargo build --release for the CLI row)');
  execFileSync('node', ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
  execFileSync('cargo', ['build', '--release', '--quiet', '--bin', 'mubiao'], { cwd: root, stdio: 'inherit' });
}

// Shipped size: the .wasm each ships (mubiao has no separate dictionary asset).
const wasmFiles = {
  mubiao: join(root, 'pkg/web/mubiao_bg.wasm'),
  'jieba-wasm': join(root, 'node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm'),
};
const size = {};
for (const [name, file] of Object.entries(wasmFiles)) {
  const bytes = readFileSync(file);
  size[name] = { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
}

// F1 on the bakeoff test sets, one call per line.
const f1 = {};
if (available()) {
  const sets = ['pku', 'msr'].map(testSet);
  for (const [name, settings] of [['mubiao', [false, true]], ['jieba-wasm', [false, true]], ['intl', [null]]]) {
    for (const hmm of settings) {
      const cut = await IMPLS[name].load({ hmm: hmm ?? false });
      const key = hmm === null ? name : `${name}/hmm=${hmm ? 'on' : 'off'}`;
      f1[key] = sets.map((set) => score(set.gold, set.lines.flatMap((l) => cut(l))).f1);
      log('F1', key, f1[key].map((x) => x.toFixed(4)).join(' '));
    }
  }
  const cli = join(root, 'target/release/mubiao');
  if (existsSync(cli)) {
    f1['mubiao segment (CLI)'] = sets.map((set) => {
      const out = execFileSync(cli, ['segment', join(import.meta.dirname, `../../../shared/bench/sighan2005/${set.name}_test.utf8`)], {
        maxBuffer: 1 << 28,
        encoding: 'utf8',
      });
      return score(set.gold, out.split(/\s+/).filter(Boolean)).f1;
    });
    log('F1 CLI', f1['mubiao segment (CLI)'].map((x) => x.toFixed(4)).join(' '));
  }
} else {
  log('SIGHAN test sets not found beside the repository: no F1');
}

// Cold start to the first segmented article, fresh processes.
const text = readFileSync(article, 'utf8');
const runs = quick ? 3 : 7;
const browserRuns = quick ? 3 : 9;
const node = {};
for (let r = 0; r < runs; r++) {
  for (const name of NAMES) {
    const out = execFileSync('node', [join(import.meta.dirname, 'coldstart-node.mjs'), name, article], { encoding: 'utf8' });
    (node[name] ??= []).push(JSON.parse(out));
  }
}
log('cold start (Node)', NAMES.map((n) => `${n} ${median(node[n].map((x) => x.ms)).toFixed(0)} ms`).join(', '));
let browser = {};
try {
  browser = await coldStartsInBrowser(NAMES, text, browserRuns);
  log('cold start (Chromium)', NAMES.map((n) => `${n} ${median(browser[n]).toFixed(0)} ms`).join(', '));
} catch (e) {
  log(`Chromium not measured: ${e.message.split('\n')[0]}`);
}

// Throughput, warm: one call per line of both test sets, and one call per
// government report.
const lines = available()
  ? ['pku', 'msr'].flatMap((s) => testSet(s).lines)
  : text.split('\n');
const docs = existsSync(reports)
  ? readdirSync(reports, { recursive: true })
      .filter((f) => f.endsWith('.md'))
      .sort()
      .filter((_, i) => i % 8 === 0)
      .map((f) => readFileSync(join(reports, f), 'utf8'))
  : [text];
const chars = (xs) => xs.reduce((n, s) => n + s.length, 0);
const throughput = {};
for (const name of NAMES) {
  const cut = await IMPLS[name].load();
  const rate = (inputs) => {
    for (const s of inputs) cut(s); // warm: loads what it needs, tiers up
    let best = 0;
    for (let r = 0; r < (quick ? 1 : 3); r++) {
      const t0 = performance.now();
      for (const s of inputs) cut(s);
      best = Math.max(best, chars(inputs) / ((performance.now() - t0) / 1000));
    }
    return best;
  };
  throughput[name] = { lines: rate(lines), docs: rate(docs) };
  log('throughput', name, `${(throughput[name].lines / 1e6).toFixed(2)} / ${(throughput[name].docs / 1e6).toFixed(2)} M chars/s`);
}

// The table.
const cell = (v) => (v === undefined ? '–' : v);
const rows = [];
const ratio = (a, b, want, better) => {
  if (a === undefined || b === undefined) return '';
  const r = a / b;
  return `${r.toFixed(2)}× (goal ${want}) ${better(r) ? '✓' : '✗'}`;
};
const f = (k, i) => (f1[k] ? f1[k][i].toFixed(4) : undefined);
for (const [i, set] of [[0, 'PKU'], [1, 'MSR']]) {
  rows.push([`F1 ${set}, HMM off`, f('mubiao/hmm=off', i), f('jieba-wasm/hmm=off', i), f('intl', i), '']);
  rows.push([`F1 ${set}, HMM on`, f('mubiao/hmm=on', i), f('jieba-wasm/hmm=on', i), '', '']);
  if (f1['mubiao segment (CLI)']) rows.push([`F1 ${set}, \`mubiao segment\` (CLI)`, f('mubiao segment (CLI)', i), '', '', '']);
}
const ms = (xs) => (xs ? `${median(xs).toFixed(0)} ms` : undefined);
const nodeMs = Object.fromEntries(NAMES.map((n) => [n, node[n].map((x) => x.ms)]));
rows.push(['cold start → first article, Node', ms(nodeMs.mubiao), ms(nodeMs['jieba-wasm']), ms(nodeMs.intl),
  ratio(median(nodeMs.mubiao), median(nodeMs['jieba-wasm']), '≤ 0.33×', (r) => r <= 1 / 3)]);
rows.push(['cold start → first article, Chromium', ms(browser.mubiao), ms(browser['jieba-wasm']), ms(browser.intl),
  browser.mubiao ? ratio(median(browser.mubiao), median(browser['jieba-wasm']), '≤ 0.33×', (r) => r <= 1 / 3) : '']);
const mcs = (x) => `${(x / 1e6).toFixed(2)} M chars/s`;
rows.push(['throughput, one call per line (PKU+MSR)', mcs(throughput.mubiao.lines), mcs(throughput['jieba-wasm'].lines), mcs(throughput.intl.lines),
  ratio(throughput.mubiao.lines, throughput['jieba-wasm'].lines, '≥ 2×', (r) => r >= 2)]);
rows.push([`throughput, whole reports (${docs.length} docs, ${(chars(docs) / 1e6).toFixed(1)} M chars)`, mcs(throughput.mubiao.docs), mcs(throughput['jieba-wasm'].docs), mcs(throughput.intl.docs),
  ratio(throughput.mubiao.docs, throughput['jieba-wasm'].docs, '≥ 2×', (r) => r >= 2)]);
rows.push(['shipped .wasm, raw', mb(size.mubiao.raw), mb(size['jieba-wasm'].raw), 'built in',
  ratio(size.mubiao.raw, size['jieba-wasm'].raw, '≤ 0.67×', (r) => r <= 2 / 3)]);
rows.push(['shipped .wasm, gzip -9', mb(size.mubiao.gz), mb(size['jieba-wasm'].gz), 'built in',
  ratio(size.mubiao.gz, size['jieba-wasm'].gz, '≤ 0.67×', (r) => r <= 2 / 3)]);
const mem = Object.fromEntries(NAMES.map((n) => [n, median(node[n].map((x) => x.external))]));
rows.push(['wasm memory after start (Node, external)', mb(mem.mubiao), mb(mem['jieba-wasm']), mb(mem.intl),
  ratio(mem.mubiao, mem['jieba-wasm'], '≤ 0.5×', (r) => r <= 0.5)]);

const chromium = (() => {
  try {
    return execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'Chromium';
  }
})();
console.log(`Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${chromium}; medians of ${runs} cold starts in Node and ${browserRuns} in Chromium, best of ${quick ? 1 : 3} warm passes.\n`);
console.log('| | mubiao | npm jieba-wasm 2.4.0 | Intl.Segmenter | mubiao vs jieba-wasm |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.map(cell).join(' | ')} |`);
