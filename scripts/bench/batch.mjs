// `npm run bench:batch`: the CLI over every government work report in
// ../shared/bench/gov-reports, as a batch job would run it:
//
//   mubiao analyze --format jsonl --jobs N FILE... > /dev/null
//
// once with one job and once with one job per core, the files handed over by
// xargs (several invocations of the CLI, as many files each as a command line
// holds). Prints one Markdown table: files, MB, seconds, MB/s, reports/s.
// A measurement, not a test: it prints what it finds and exits 0.
//
//   npm run bench:batch                      after cargo build --release
//   npm run bench:batch -- --no-tokens       without tokens in the output

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const corpus = join(root, '../shared/bench/gov-reports');
const bin = join(root, 'target/release/mubiao');
const extra = process.argv.includes('--no-tokens') ? ['--no-tokens'] : [];
if (!existsSync(corpus)) {
  console.error(`bench: ${corpus} not found`);
  process.exit(0);
}
if (!existsSync(bin)) {
  console.error(`bench: ${bin} not built (cargo build --release)`);
  process.exit(0);
}

const files = readdirSync(corpus, { recursive: true })
  .filter((f) => f.endsWith('.md') && f.includes('/'))
  .sort()
  .map((f) => join(corpus, f));
const MB = 1 << 20;
const mb = files.reduce((n, f) => n + statSync(f).size, 0) / MB;
const dir = mkdtempSync(join(tmpdir(), 'mubiao-batch-'));
const list = join(dir, 'files.txt');
writeFileSync(list, files.join('\n') + '\n');

const cores = cpus().length;
const rows = [];
for (const jobs of [...new Set([1, cores])]) {
  const t0 = performance.now();
  const run = spawnSync(
    'xargs',
    ['-d', '\n', '-a', list, bin, 'analyze', '--format', 'jsonl', '--jobs', String(jobs), ...extra],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const s = (performance.now() - t0) / 1000;
  if (run.status !== 0) console.error(`bench: xargs exited with ${run.status}`);
  rows.push([jobs, s]);
}
rmSync(dir, { recursive: true, force: true });

const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
console.log(
  `${version}, ${new Date().toISOString().slice(0, 10)}, ${cores} × ${cpus()[0]?.model ?? 'CPU'}` +
    `${extra.length ? ', --no-tokens' : ''}\n`,
);
console.log('| reports | MB | --jobs | seconds | MB/s | reports/s |');
console.log('|---|---|---|---|---|---|');
for (const [jobs, s] of rows) {
  console.log(
    `| ${files.length} | ${mb.toFixed(1)} | ${jobs} | ${s.toFixed(1)} | ${(mb / s).toFixed(2)} | ${(files.length / s).toFixed(0)} |`,
  );
}
