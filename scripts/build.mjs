// The one build path: the wasm once, bound for browsers (pkg/web) and for
// Node (pkg/node) by the wasm-bindgen CLI, shrunk by wasm-opt (npm binaryen),
// then the page assembled in dist/. Prints the wasm size (raw and gzipped:
// what a browser downloads) and the npm package size (unpacked: what
// `npm install` puts on disk), the figures the README states.
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
  // Each output says how Node should read its .js files, whatever the
  // package around it declares.
  const type = target === 'nodejs' ? 'commonjs' : 'module';
  writeFileSync(join(out, 'package.json'), JSON.stringify({ type }, null, 2) + '\n');
}

// Both bindings get the same wasm, so the package ships (and wasm-opt
// shrinks) one copy: the Node glue is pointed at the browser build's.
const webWasm = join(root, 'pkg/web/mubiao_bg.wasm');
const nodeWasm = join(root, 'pkg/node/mubiao_bg.wasm');
if (!readFileSync(webWasm).equals(readFileSync(nodeWasm))) {
  throw new Error('build: wasm-bindgen gave pkg/web and pkg/node different wasm; the package can no longer share one');
}
rmSync(nodeWasm);
const nodeGlue = join(root, 'pkg/node/mubiao.js');
const wasmPath = 'const wasmPath = `${__dirname}/mubiao_bg.wasm`;';
const glue = readFileSync(nodeGlue, 'utf8');
if (glue.split(wasmPath).length !== 2) {
  throw new Error(`build: pkg/node/mubiao.js no longer reads the wasm with \`${wasmPath}\`; update scripts/build.mjs`);
}
writeFileSync(nodeGlue, glue.replace(wasmPath, "const wasmPath = require('path').join(__dirname, '../web/mubiao_bg.wasm');"));
run(join(root, 'node_modules/.bin/wasm-opt'), ['-Oz', '--strip-debug', '--strip-producers', ...WASM_FEATURES, webWasm, '-o', webWasm]);

// The page: static files plus the browser build, ready to serve.
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
cpSync(join(root, 'www'), dist, { recursive: true });
cpSync(join(root, 'pkg/web'), join(dist, 'pkg'), { recursive: true });

if (!quiet) {
  // MB as npm counts them (10^6 bytes), so the figures match `npm install`'s.
  const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
  const shipped = readFileSync(webWasm);
  const gz = gzipSync(shipped, { level: 9 }).length;
  // What `npm install mubiao` puts on disk: npm's own count of the files in `files`.
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
  console.log(`\nwasm (pkg/web/mubiao_bg.wasm): ${mb(shipped.length)} raw, ${mb(gz)} gzipped (before wasm-opt: ${mb(statSync(wasm).size)})`);
  console.log(`npm package: ${mb(packed.unpackedSize)} unpacked, ${mb(packed.size)} packed, ${packed.entryCount} files`);
  console.log(`page: dist/ (serve with \`npm run serve\`)`);
}
