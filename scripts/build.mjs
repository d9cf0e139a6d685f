// The one build path: the wasm once, bound for browsers (pkg/web) and for
// Node (pkg/node) by the wasm-bindgen CLI, shrunk by wasm-opt (npm binaryen),
// then the page assembled in dist/. Prints what ships and how big it is.
//
//   node scripts/build.mjs          everything
//   node scripts/build.mjs --quiet  no size table

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');

function run(cmd, args) {
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'] });
}

// Rust's wasm32 target emits these proposals by default; wasm-opt must be told.
const WASM_FEATURES = [
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-mutable-globals',
  '--enable-reference-types',
  '--enable-multivalue',
  // bytecount (under jieba-rs) has a simd128 path; every current browser
  // and Node >= 16 runs it.
  '--enable-simd',
];

run('cargo', ['build', '--lib', '--target', 'wasm32-unknown-unknown', '--profile', 'wasm']);
const wasm = join(root, 'target/wasm32-unknown-unknown/wasm/mubiao.wasm');

const outputs = { web: 'web', node: 'nodejs' };
for (const [dir, target] of Object.entries(outputs)) {
  const out = join(root, 'pkg', dir);
  rmSync(out, { recursive: true, force: true });
  run('wasm-bindgen', ['--target', target, '--out-dir', out, '--out-name', 'mubiao', wasm]);
  const bg = join(out, 'mubiao_bg.wasm');
  run(join(root, 'node_modules/.bin/wasm-opt'), ['-Oz', '--strip-debug', '--strip-producers', ...WASM_FEATURES, bg, '-o', bg]);
  // Each output says how Node should read its .js files, whatever the
  // package around it declares.
  const type = target === 'nodejs' ? 'commonjs' : 'module';
  writeFileSync(join(out, 'package.json'), JSON.stringify({ type }, null, 2) + '\n');
}

// The page: static files plus the browser build, ready to serve.
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
cpSync(join(root, 'www'), dist, { recursive: true });
cpSync(join(root, 'pkg/web'), join(dist, 'pkg'), { recursive: true });

if (!quiet) {
  const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
  const bytes = readFileSync(join(root, 'pkg/web/mubiao_bg.wasm'));
  const gz = gzipSync(bytes, { level: 9 }).length;
  console.log(`\nwasm (pkg/web/mubiao_bg.wasm): ${kb(bytes.length)} raw, ${kb(gz)} gzipped`);
  console.log(`before wasm-opt: ${kb(statSync(wasm).size)}`);
  console.log(`page: dist/ (serve with \`npm run serve\`)`);
}
