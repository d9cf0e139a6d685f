// The wasm build under Node, through the package's own entry points: the
// CommonJS one (node.cjs, which node.js re-exports) and the browser one
// (web.js, given the .wasm bytes, since Node cannot fetch a file URL).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createAnalyzer } from '../../js/node.js';
import * as web from '../../js/web.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const seeds = join(root, 'www/samples');
const seedTexts = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort().map((f) => [f, readFileSync(join(seeds, f), 'utf8')]);
const analyzer = await createAnalyzer();
const wasm = readFileSync(join(root, 'pkg/web/mubiao_bg.wasm'));
const entries = {
  'node.cjs': (options) => createAnalyzer(options),
  'web.js': (options) => web.createAnalyzer(options, { wasm }),
};

test('every seed analyzes to the documented keys', () => {
  for (const [name, text] of seedTexts) {
    const a = analyzer.analyze(text);
    assert.deepEqual(Object.keys(a).sort(), [
      'alignment', 'dropped', 'keywords', 'meta', 'qualitative', 'targets', 'text', 'tokens', 'warnings',
    ]);
    for (const t of a.targets) {
      assert.equal(a.text.slice(t.span[0], t.span[1]), t.evidence, `${name}: span of ${t.evidence}`);
    }
    for (const tok of a.tokens) {
      assert.equal(a.text.slice(tok.span[0], tok.span[1]), tok.word, `${name}: token at ${tok.span}`);
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
  for (const tok of analyzer.segment(text)) assert.equal(text.slice(tok.span[0], tok.span[1]), tok.word);
});

test('the browser entry gives the same results as the Node entry', async () => {
  const other = await entries['web.js']();
  for (const [, text] of seedTexts) assert.deepEqual(other.analyze(text), analyzer.analyze(text));
  other.free();
});

test('import and require give the same function, so one instance per process', () => {
  const require = createRequire(import.meta.url);
  assert.equal(require('../../js/node.cjs').createAnalyzer, createAnalyzer);
});

test('the browser and Node entries share their Analyzer code word for word', () => {
  // CommonJS cannot import web.js, so node.cjs has a copy; this keeps it one.
  const shared = (file) => {
    const source = readFileSync(join(root, 'js', file), 'utf8');
    return source.slice(source.indexOf('let crashed;'), source.indexOf('/**\n * Loads mubiao'));
  };
  assert.ok(shared('web.js').length > 1000);
  assert.equal(shared('node.cjs'), shared('web.js'));
});

for (const [entry, create] of Object.entries(entries)) {
  test(`${entry}: bad options and bad words throw Error with a message`, async () => {
    const a = await create();
    const is = (pattern) => (e) => e instanceof Error && pattern.test(e.message);
    assert.throws(() => a.analyze('文本', { date: '去年' }), is(/date/));
    assert.throws(() => a.analyze('文本', { token: false }), is(/^analyze options: unknown field `token`, expected one of/));
    assert.throws(() => a.segment('文本', { mode: 'fast' }), is(/^segment options `mode`: unknown variant `fast`, expected one of `precise`, `search`, `full`$/));
    assert.throws(() => a.keywords('文本', { top: -1 }), is(/^keyword options `top`: invalid value: integer `-1`, expected a whole number ≥ 0$/));
    assert.throws(() => a.analyze('文本', { keywords: { top: 1, tops: 2 } }), is(/^analyze options `keywords`: unknown field `tops`/));
    assert.throws(() => a.clean('文本', 'all'), is(/^clean options: invalid type: string "all", expected an object$/));
    assert.throws(() => a.addWords(5), is(/addWords/));
    assert.throws(() => a.addWords('好词 10 n\n坏词 n 10'), is(/line 2/));
    await assert.rejects(create({ userDict: '坏词 n 10' }), is(/line 1/));
    await assert.rejects(create({ hmm: 'yes' }), is(/^options `hmm`: invalid type: string "yes", expected a boolean$/));
    a.free();
  });

  test(`${entry}: a text that is not a string is a TypeError, not a trap`, async () => {
    const a = await create();
    for (const bad of [5, null, undefined, {}, ['文本']]) {
      for (const method of ['analyze', 'clean', 'segment', 'keywords', 'targets']) {
        assert.throws(() => a[method](bad), (e) => e instanceof TypeError && e.message.includes(`${method}(text) needs a string`));
      }
    }
    assert.equal(a.analyze('').text, '', 'still usable afterwards');
    a.free();
  });

  test(`${entry}: after free() every method throws a clear Error; free() twice does nothing`, async () => {
    const a = await create();
    a.free();
    a.free();
    for (const call of [() => a.analyze('文本'), () => a.segment('文本'), () => a.addWords('词')]) {
      assert.throws(call, (e) => e instanceof Error && /called after free\(\); build a new analyzer with createAnalyzer\(\)/.test(e.message));
    }
    assert.equal(analyzer.analyze('全区生产总值增长8%').targets.length, 1, 'other analyzers go on');
  });

  test(`${entry}: user words change this analyzer's segmentation only`, async () => {
    const own = await create();
    const words = (a) => a.segment('撸起袖子加油干').map((t) => t.word);
    assert.ok(!words(own).includes('撸起袖子'));
    assert.equal(own.addWords(['撸起袖子 1000 v', { word: '加油干', tag: 'v' }]), 2);
    assert.deepEqual(words(own), ['撸起袖子', '加油干']);
    assert.ok(!words(analyzer).includes('撸起袖子'));
    own.free();
  });

  test(`${entry}: results survive structuredClone (plain objects)`, async () => {
    const a = await create();
    for (const [, text] of seedTexts.slice(0, 2)) {
      for (const result of [a.analyze(text), a.clean(text), a.segment(text, { pos: true }), a.keywords(text), a.targets(text)]) {
        assert.deepEqual(structuredClone(result), result);
      }
    }
    a.free();
  });
}

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
  const text = seedTexts[0][1];
  for (const method of ['textRank', 'tfIdf']) {
    const ks = analyzer.keywords(text, { method, top: 5 });
    assert.equal(ks.length, 5, method);
    assert.ok(ks.every((k) => k.weight > 0 && k.word.length >= 2), method);
    const again = analyzer.keywords(text, { method, top: 5, stopWords: [ks[0].word], pos: ['n'] });
    assert.ok(!again.some((k) => k.word === ks[0].word) && again.every((k) => k.tag === 'n'), method);
  }
});
