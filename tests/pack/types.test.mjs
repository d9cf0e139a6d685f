// The TypeScript declarations as users get them, in a fresh project:
// - tests/types/consumer.ts type-checks as a bundler app, a Node ES module and
//   a Node CommonJS module, with and without the DOM library, under
//   TypeScript 7 (native) and 5.9, and then compiles and runs;
// - real output of every call, on every seed and odd input, type-checks
//   against the declared result types with excess-property checks, so a field
//   the Rust side adds, renames or drops without index.d.ts following fails;
// - every option the types declare is accepted by the analyzer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { freshProject, fullOptions, nodeOutputs, root, seeds } from './project.mjs';

const compilers = {
  'TypeScript 7': join(root, 'node_modules/typescript/bin/tsc'),
  'TypeScript 5.9': join(root, 'node_modules/typescript5/bin/tsc'),
};
const consumer = readFileSync(join(root, 'tests/types/consumer.ts'), 'utf8');
// Strict, plus the checks that make optional fields and tuples exact.
const strict = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  skipLibCheck: false,
  types: [],
  target: 'es2022',
};
const setups = {
  'bundler app with the DOM': { compilerOptions: { ...strict, module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'] }, files: ['consumer.ts'] },
  'Node ES module and CommonJS without the DOM': { compilerOptions: { ...strict, module: 'node16', lib: ['es2022'] }, files: ['consumer.mts', 'consumer.cts'] },
  'Node ES module and CommonJS (nodenext) with the DOM': { compilerOptions: { ...strict, module: 'nodenext', lib: ['es2022', 'dom'] }, files: ['consumer.mts', 'consumer.cts'] },
};

let project;

before(() => {
  project = freshProject('types', {
    files: { 'consumer.ts': consumer, 'consumer.mts': consumer, 'consumer.cts': consumer },
  });
});

after(() => project?.remove());

function tsc(compiler, config) {
  project.write('tsconfig.json', JSON.stringify(config, null, 2));
  try {
    execFileSync('node', [compiler, '-p', 'tsconfig.json'], { cwd: project.dir, encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc found errors:\n${e.stdout}${e.stderr}`);
  }
}

for (const [compiler, path] of Object.entries(compilers)) {
  for (const [name, config] of Object.entries(setups)) {
    test(`${compiler}: the consumer type-checks as a ${name}`, () => tsc(path, config));
  }
}

test('the consumer compiles and runs, as an ES module and as CommonJS', () => {
  tsc(compilers['TypeScript 7'], {
    compilerOptions: { ...strict, noEmit: false, module: 'node16', lib: ['es2022'], outDir: 'out' },
    files: ['consumer.mts', 'consumer.cts'],
  });
  project.write('seed.txt', seeds[0].text);
  project.write('run.mjs', `import { readFileSync } from 'node:fs'; import { main } from './out/consumer.mjs';
    console.log(JSON.stringify(await main(readFileSync('seed.txt', 'utf8'))));`);
  project.write('run.cjs', `const { readFileSync } = require('node:fs'); const { main } = require('./out/consumer.cjs');
    main(readFileSync('seed.txt', 'utf8')).then((lines) => console.log(JSON.stringify(lines)));`);
  const esm = JSON.parse(project.node('run.mjs'));
  assert.ok(esm.length > 5, esm.join('\n'));
  assert.deepEqual(JSON.parse(project.node('run.cjs')), esm);
});

test('real output of every call fits the declared types exactly', () => {
  const out = nodeOutputs(project);
  const literal = (value) => JSON.stringify(value, null, 1);
  const lines = [
    `import type { Analysis, Cleaned, Token, Keyword, Target, Options, AnalyzeOptions, CleanOptions, SegmentOptions, KeywordOptions, UserWords } from 'mubiao';`,
    `// Every option set: Required<> fails when the types declare an option this object lacks,`,
    `// and the analyzer (which refuses unknown options) has just accepted them all.`,
    `export const options: Required<Options> = ${literal(fullOptions.Options)};`,
    `export const analyzeOptions: Required<AnalyzeOptions> & { keywords: Required<KeywordOptions> } = ${literal(fullOptions.AnalyzeOptions)};`,
    `export const cleanOptions: Required<CleanOptions> = ${literal(fullOptions.CleanOptions)};`,
    `export const segmentOptions: Required<SegmentOptions> = ${literal(fullOptions.SegmentOptions)};`,
    `export const keywordOptions: Required<KeywordOptions> = ${literal(fullOptions.KeywordOptions)};`,
    `export const userWords: UserWords = ${literal(fullOptions.UserWords)};`,
  ];
  const types = { analyze: 'Analysis', clean: 'Cleaned', segment: 'Token[]', keywords: 'Keyword[]', targets: 'Target[]' };
  for (const [call, type] of Object.entries(types)) {
    out[call].forEach(({ name, result }, i) => lines.push(`// ${call}(${name})`, `export const ${call}${i}: ${type} = ${literal(result)};`));
  }
  for (const [i, { analyze, clean, segment, full, keywords, targets }] of out.full.entries()) {
    lines.push(
      `export const fullAnalyze${i}: Analysis = ${literal(analyze)};`,
      `export const fullClean${i}: Cleaned = ${literal(clean)};`,
      `export const fullSegment${i}: Token[] = ${literal(segment)};`,
      `export const fullModeSegment${i}: Token[] = ${literal(full)};`,
      `export const fullKeywords${i}: Keyword[] = ${literal(keywords)};`,
      `export const fullTargets${i}: Target[] = ${literal(targets)};`,
    );
  }
  assert.equal(out.added, fullOptions.UserWords.length);
  assert.ok(out.analyze.some(({ result }) => result.targets.length > 0), 'some input has targets');
  assert.ok(out.segment.some(({ result }) => result.some((t) => 'tag' in t)), 'some token has a tag');
  project.write('outputs.ts', lines.join('\n') + '\n');
  tsc(compilers['TypeScript 7'], {
    compilerOptions: { ...strict, module: 'esnext', moduleResolution: 'bundler', lib: ['es2022'] },
    files: ['outputs.ts'],
  });
});
