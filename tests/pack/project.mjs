// What the package tests share: the packed tarball, fresh projects that
// install it, the inputs, and the package's own output on them under Node.
//
// scripts/test.sh packs once and passes the tarball in MUBIAO_TARBALL; a test
// file run alone packs the working tree itself.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const seedsDir = join(root, 'www/samples');

/** The five seed articles: `{ name, text }`. */
export const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(join(seedsDir, f), 'utf8') }));

/** Inputs at the edges: empty, blank, astral and full-width characters, CRLF, HTML, a NUL and a lone surrogate, no Chinese, one long line. */
export const oddInputs = [
  { name: 'empty', text: '' },
  { name: 'blank', text: '  \n\n\t\u3000\n' },
  { name: 'astral', text: '😀😀 2017年预期目标：全区生产总值同比增长8%以上。𠮷' },
  { name: 'full-width-crlf', text: '２０１７年全市工作报告\r\n去年，全市ＧＤＰ增长７．５％。\r\n今年预期增长７％左右。\r\n' },
  { name: 'html', text: '<html><body><div class="nav">首页 &gt; 新闻</div><h1>开发区谋新篇</h1><p>2016年，全区生产总值增长9.1%。</p></body></html>' },
  { name: 'nul-and-lone-surrogate', text: '全区\u0000生产总值\uD800增长8%' },
  { name: 'latin', text: 'GDP grew 8% in 2016; the target for 2017 is 7%.' },
  { name: 'long-line', text: '全区生产总值增长8%，'.repeat(300) },
];

export const inputs = [...seeds, ...oddInputs];

let packed;

/** The path of the packed package. */
export function tarball() {
  if (process.env.MUBIAO_TARBALL) return process.env.MUBIAO_TARBALL;
  if (!packed) {
    const dir = mkdtempSync(join(tmpdir(), 'mubiao-tgz-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    const [info] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    );
    packed = join(dir, info.filename);
  }
  return packed;
}

/**
 * A fresh project in a temporary directory with the packed package
 * installed, as a user would: `npm install mubiao-x.y.z.tgz`.
 * `files` maps paths to contents; `remove()` deletes it all.
 */
export function freshProject(name, { packageJson = {}, files = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `mubiao-${name}-`));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${name}`, private: true, ...packageJson }, null, 2));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', tarball()], {
    cwd: dir,
    stdio: 'ignore',
  });
  const project = {
    dir,
    write(path, content) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    },
    /** Runs `node file args…` in the project; returns stdout. */
    node(file, args = [], input) {
      return execFileSync('node', [file, ...args], { cwd: dir, encoding: 'utf8', input, maxBuffer: 1 << 28 });
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  for (const [path, content] of Object.entries(files)) project.write(path, content);
  return project;
}

/** Every option of every call, set: the types must declare them and the analyzer accept them. */
export const fullOptions = {
  Options: { hmm: true, userDict: '撸起袖子 1000 v\n稳中求进', maxInputBytes: 10_000_000 },
  AnalyzeOptions: {
    tokens: true,
    keywords: { method: 'tfIdf', top: 5, pos: ['n', 'v'], stopWords: ['发展'] },
    keepLines: [1, 2],
    date: '2017-02-15',
  },
  CleanOptions: { keepLines: [3] },
  SegmentOptions: { mode: 'search', hmm: false, pos: false },
  KeywordOptions: { method: 'textRank', top: 3, pos: [], stopWords: [] },
  UserWords: ['撸起袖子加油干 1000 v', { word: '放管服', freq: 500, tag: 'n' }, { word: '双创' }],
};

// Run inside a fresh project: every call of the API on every input, through
// the installed package, printed as one JSON object.
const DUMP = `
import { readFileSync } from 'node:fs';
import { createAnalyzer } from 'mubiao';
const { inputs, fullOptions: o } = JSON.parse(readFileSync(0, 'utf8'));
const a = await createAnalyzer();
const full = await createAnalyzer(o.Options);
const added = full.addWords(o.UserWords);
const out = { added, analyze: [], clean: [], segment: [], keywords: [], targets: [], full: [] };
for (const { name, text } of inputs) {
  out.analyze.push({ name, result: a.analyze(text) });
  out.clean.push({ name, result: a.clean(text) });
  out.segment.push({ name, result: a.segment(text, { pos: true }) });
  out.keywords.push({ name, result: a.keywords(text, { method: 'tfIdf' }) });
  out.targets.push({ name, result: a.targets(text) });
}
const [first] = inputs;
out.full.push({
  name: first.name,
  analyze: full.analyze(first.text, o.AnalyzeOptions),
  clean: full.clean(first.text, o.CleanOptions),
  segment: full.segment(first.text, o.SegmentOptions),
  full: full.segment(first.text, { mode: 'full', hmm: true }),
  keywords: full.keywords(first.text, o.KeywordOptions),
  targets: full.targets(first.text, o.AnalyzeOptions),
});
process.stdout.write(JSON.stringify(out));
`;

/** The installed package's output on every input, computed by Node in `project`. */
export function nodeOutputs(project) {
  project.write('dump.mjs', DUMP);
  return JSON.parse(project.node('dump.mjs', [], JSON.stringify({ inputs, fullOptions })));
}
