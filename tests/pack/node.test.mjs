// The package as Node users get it: packed, installed into a fresh project,
// loaded by `import` and by `require`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { freshProject, seeds } from './project.mjs';

let project;

before(() => {
  project = freshProject('node', { files: { 'seeds.json': JSON.stringify(seeds.map((s) => s.text)) } });
});

after(() => project?.remove());

// Prints the exports and the full JSON of analyze() on every seed.
const body = `
  const texts = JSON.parse(readFileSync('seeds.json', 'utf8'));
  const a = await mubiao.createAnalyzer();
  process.stdout.write(JSON.stringify({ exports: Object.keys(mubiao), results: texts.map((t) => a.analyze(t)) }));
`;

test('import and require in fresh projects give the same full results', () => {
  project.write('esm.mjs', `import * as mubiao from 'mubiao'; import { readFileSync } from 'node:fs';${body}`);
  project.write('cjs.cjs', `const mubiao = require('mubiao'); const { readFileSync } = require('node:fs');\n(async () => {${body}})();`);
  const esm = project.node('esm.mjs');
  const cjs = project.node('cjs.cjs');
  assert.deepEqual(JSON.parse(esm).exports, ['createAnalyzer']);
  assert.deepEqual(JSON.parse(cjs).exports, ['createAnalyzer']);
  assert.equal(cjs, esm, 'byte-identical JSON');
  const [first] = JSON.parse(esm).results;
  assert.equal(typeof first.meta.title, 'string');
  assert.ok(first.targets.length > 0);
});

test('a process that imports and requires mubiao loads it once', () => {
  project.write(
    'both.mjs',
    `import { createRequire } from 'node:module';
     import { createAnalyzer } from 'mubiao';
     const required = createRequire(import.meta.url)('mubiao');
     console.log(required.createAnalyzer === createAnalyzer);`,
  );
  assert.equal(project.node('both.mjs').trim(), 'true');
});

test('errors reach the user as Error with a message', () => {
  project.write(
    'errors.mjs',
    `import { createAnalyzer } from 'mubiao';
     const a = await createAnalyzer();
     const seen = [];
     for (const f of [() => a.analyze('x', { tokenz: true }), () => a.analyze(42)]) {
       try { f(); } catch (e) { seen.push([e instanceof Error, e.constructor.name, e.message]); }
     }
     a.free();
     try { a.clean('x'); } catch (e) { seen.push([e instanceof Error, e.constructor.name, e.message]); }
     try { await createAnalyzer({ maxInputBytes: 'big' }); } catch (e) { seen.push([e instanceof Error, e.constructor.name, e.message]); }
     console.log(JSON.stringify(seen));`,
  );
  const seen = JSON.parse(project.node('errors.mjs'));
  assert.equal(seen.length, 4);
  assert.deepEqual(seen.map(([isError, name]) => [isError, name]), [[true, 'Error'], [true, 'TypeError'], [true, 'Error'], [true, 'Error']]);
  assert.match(seen[0][2], /unknown field `tokenz`/);
  assert.match(seen[1][2], /analyze\(text\) needs a string, got number/);
  assert.match(seen[2][2], /after free\(\)/);
  assert.match(seen[3][2], /maxInputBytes/);
});
