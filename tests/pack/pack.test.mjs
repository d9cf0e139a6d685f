// The package as users get it: `npm pack`, installed into a fresh project,
// used by `import` and by `require`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const seed = join(root, '../shared/seeds/000_cfc0e70df7390dc8.txt');
let dir, project;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'mubiao-pack-'));
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }),
  );
  project = join(dir, 'project');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, packed.filename)], {
    cwd: project,
    stdio: 'ignore',
  });
});

after(() => rmSync(dir, { recursive: true, force: true }));

function node(file, source) {
  writeFileSync(join(project, file), source);
  return JSON.parse(execFileSync('node', [file, seed], { cwd: project, encoding: 'utf8' }));
}

const summary = `
  const a = await createAnalyzer();
  const r = a.analyze(readFileSync(process.argv[2], 'utf8'));
  console.log(JSON.stringify({ title: r.meta.title, targets: r.targets.length }));
`;

test('import works in a fresh project', () => {
  const out = node(
    'esm.mjs',
    `import { createAnalyzer } from 'mubiao'; import { readFileSync } from 'node:fs';${summary}`,
  );
  assert.equal(out.title, '开发区科学规划谋新篇');
  assert.ok(out.targets > 0);
});

test('require works in a fresh project', () => {
  const out = node(
    'cjs.cjs',
    `const { createAnalyzer } = require('mubiao'); const { readFileSync } = require('node:fs');
     (async () => {${summary}})();`,
  );
  assert.equal(out.title, '开发区科学规划谋新篇');
});

test('the package holds only what users need', () => {
  const files = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8' }),
  )[0].files.map((f) => f.path);
  assert.ok(files.every((f) => /^(js|types|pkg\/(web|node))\/|^(README\.md|LICENSE|package\.json|CHANGELOG\.md)$/.test(f)), files.join(', '));
  assert.ok(files.includes('pkg/web/mubiao_bg.wasm') && files.includes('pkg/node/mubiao_bg.wasm'));
});
