// What the package says about itself: its version, its files, its sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { root } from './project.mjs';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const dryRun = () =>
  JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];

test('package.json and Cargo.toml carry the same version', () => {
  const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^\[package\][^[]*?^version = "([^"]+)"/m);
  assert.ok(cargo, 'Cargo.toml has a [package] version');
  assert.equal(pkg.version, cargo[1]);
});

test('the CHANGELOG has an entry for this version', () => {
  const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
  assert.match(changelog, new RegExp(`^## ${pkg.version.replaceAll('.', '\\.')}\\b`, 'm'));
});

test('the package holds exactly what users need', () => {
  const files = dryRun().files.map((f) => f.path).sort();
  assert.deepEqual(files, [
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'js/node.cjs',
    'js/node.js',
    'js/web.js',
    'package.json',
    'pkg/node/mubiao.js',
    'pkg/node/package.json',
    'pkg/web/mubiao.js',
    'pkg/web/mubiao_bg.wasm',
    'pkg/web/package.json',
    'types/index.d.cts',
    'types/index.d.ts',
  ]);
});

test('the README states the sizes the build measures', () => {
  // The README rounds to 0.1 MB; a tenth off means the line needs updating.
  const near = (stated, measured, what) =>
    assert.ok(
      Math.abs(stated * 1e6 - measured) <= measured * 0.1,
      `README says ${what} is ${stated} MB, the build gives ${(measured / 1e6).toFixed(1)} MB: update the **Size** paragraph in README.md`,
    );
  const wasm = readFileSync(join(root, 'pkg/web/mubiao_bg.wasm'));
  const paragraph = readme.split(/\n\s*\n/).find((p) => p.startsWith('**Size**'))?.replace(/\s+/g, ' ') ?? '';
  const gzipped = paragraph.match(/([\d.]+) MB gzipped/);
  const unpacked = paragraph.match(/unpacks to ([\d.]+) MB/);
  assert.ok(gzipped && unpacked, 'README has a **Size** paragraph with "N MB gzipped" and "unpacks to N MB"');
  near(Number(gzipped[1]), gzipSync(wasm, { level: 9 }).length, 'the gzipped wasm');
  near(Number(unpacked[1]), dryRun().unpackedSize, 'the unpacked package');
});
