// The wasm build under Node, through the package's own entry points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createAnalyzer } from '../../js/node.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const seeds = join(root, '../shared/seeds');
const analyzer = await createAnalyzer();

test('every seed analyzes to the documented keys', () => {
  for (const name of readdirSync(seeds)) {
    const text = readFileSync(join(seeds, name), 'utf8');
    const a = analyzer.analyze(text);
    assert.deepEqual(Object.keys(a).sort(), [
      'alignment', 'dropped', 'keywords', 'meta', 'qualitative', 'targets', 'text', 'tokens', 'warnings',
    ]);
    for (const t of a.targets) {
      assert.equal(a.text.slice(t.span[0], t.span[1]), t.evidence, `${name}: span of ${t.evidence}`);
    }
    for (const tok of a.tokens.slice(0, 200)) {
      assert.equal(a.text.slice(tok.span[0], tok.span[1]), tok.word);
    }
    for (const d of a.dropped) {
      assert.equal(text.slice(d.span[0], d.span[1]), d.text, `${name}: dropped line ${d.line}`);
    }
  }
});

test('spans are UTF-16 offsets, also past astral characters', () => {
  const text = '😀😀 2017年预期目标：全区生产总值增长8%以上。';
  const [t] = analyzer.targets(text);
  assert.equal(text.slice(t.sourceSpan[0], t.sourceSpan[1]), t.evidence);
});

test('bad options and bad words throw Error with a message', () => {
  assert.throws(() => analyzer.analyze('文本', { date: '去年' }), (e) => e instanceof Error && /date/.test(e.message));
  assert.throws(() => analyzer.addWords(5), (e) => e instanceof Error && /addWords/.test(e.message));
  assert.throws(() => analyzer.addWords('好词 10 n\n坏词 n 10'), (e) => e instanceof Error && /line 2/.test(e.message));
});

test('user words change the segmentation', async () => {
  const own = await createAnalyzer();
  const words = () => own.segment('撸起袖子加油干').map((t) => t.word);
  assert.ok(!words().includes('撸起袖子'));
  assert.equal(own.addWords(['撸起袖子 1000 v']), 1);
  assert.ok(words().includes('撸起袖子'));
  own.free();
});

test('results survive structuredClone (plain objects)', () => {
  const a = analyzer.analyze(readFileSync(join(seeds, readdirSync(seeds)[0]), 'utf8'));
  assert.deepEqual(structuredClone(a), a);
});

test('CommonJS entry gives the same result', async () => {
  const require = createRequire(import.meta.url);
  const cjs = require('../../js/node.cjs');
  const other = await cjs.createAnalyzer();
  const text = readFileSync(join(seeds, readdirSync(seeds)[1]), 'utf8');
  assert.deepEqual(other.analyze(text), analyzer.analyze(text));
});

test('a misspelt option is an error naming it', () => {
  assert.throws(() => analyzer.analyze('文本', { token: false }), (e) => e instanceof Error && /unknown field `token`/.test(e.message));
});

test('segment gives the same tokens as the analysis, with UTF-16 spans and tags', () => {
  const text = '😀全市规模以上工业增加值增长8.5%，“十四五”时期营商环境持续优化。';
  const fromAnalysis = analyzer.analyze(text, { keywords: { top: 0 } });
  assert.equal(fromAnalysis.text, text);
  const tokens = analyzer.segment(text, { pos: true });
  assert.deepEqual(tokens, fromAnalysis.tokens);
  for (const t of tokens) assert.equal(text.slice(t.span[0], t.span[1]), t.word);
  assert.ok(tokens.some((t) => t.word === '规模以上工业增加值' && t.tag === 'n'));
  assert.deepEqual(Object.keys(analyzer.segment(text)[0]), ['word', 'span']);
  assert.ok(analyzer.segment(text, { mode: 'full' }).length > tokens.length);
});

test('lexicon terms stay whole in running text', () => {
  const text = '全年规模以上工业增加值增长8%，社会消费品零售总额增长6%，一般公共预算收入120亿元，十三五期间成绩显著。';
  const words = analyzer.segment(text).map((t) => t.word);
  for (const term of ['规模以上工业增加值', '社会消费品零售总额', '一般公共预算收入', '十三五']) {
    assert.ok(words.includes(term), `${term}: ${words.join(' ')}`);
  }
});

test('keywords come with weights, by TextRank or TF-IDF, filtered by tag and stop words', () => {
  const text = readFileSync(join(seeds, readdirSync(seeds)[0]), 'utf8');
  for (const method of ['textRank', 'tfIdf']) {
    const ks = analyzer.keywords(text, { method, top: 5 });
    assert.equal(ks.length, 5, method);
    assert.ok(ks.every((k) => k.weight > 0 && k.word.length >= 2), method);
    const again = analyzer.keywords(text, { method, top: 5, stopWords: [ks[0].word], pos: ['n'] });
    assert.ok(!again.some((k) => k.word === ks[0].word) && again.every((k) => k.tag === 'n'), method);
  }
});
