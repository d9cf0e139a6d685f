// The single-file page, dist/mubiao.html: every script, the stylesheet and
// the wasm (base64) inside one HTML file that works when opened from disk
// (file://) on a machine that never had a network.
//
// The page's ES modules are joined by a deliberately small bundler: each
// module becomes a function scope returning its exports, in dependency order.
// It understands the import/export forms this project uses and stops the
// build on anything else rather than guess.
//
// The main script is an inline module allowed by its hash; the worker is a
// classic script in a data block, started from a Blob URL (a module worker
// from a blob cannot start on a file:// page); the wasm is a base64 data
// block handed to the worker. The CSP allows nothing else: no other origin,
// no inline script but the one hashed, no network at all.

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const IMPORT = /^import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\}\s*)?from\s*'([^']+)';?[ \t]*$/gm;
const EXPORT_DECL = /^export\s+(async\s+function\*?|function\*?|class|const)\s+([\w$]+)/gm;
const EXPORT_LIST = /^export\s*\{([^}]*)\};?[ \t]*$/gm;

function parse(file) {
  const source = readFileSync(file, 'utf8');
  const deps = [];
  const exports = [];
  let code = source.replace(IMPORT, (_, def, names, spec) => {
    if (!spec.startsWith('.')) throw new Error(`${file}: only relative imports can be bundled (${spec})`);
    const dep = resolve(dirname(file), spec);
    deps.push(dep);
    const parts = [];
    if (def) parts.push(`default: ${def}`);
    for (const n of (names ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
      const [name, alias] = n.split(/\s+as\s+/);
      parts.push(alias ? `${name}: ${alias}` : name);
    }
    return `const { ${parts.join(', ')} } = ${id(dep)};`;
  });
  code = code.replace(EXPORT_DECL, (_, kind, name) => {
    exports.push([name, name]);
    return `${kind} ${name}`;
  });
  code = code.replace(EXPORT_LIST, (_, names) => {
    for (const n of names.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [name, alias] = n.split(/\s+as\s+/);
      exports.push([alias ?? name, name]);
    }
    return '';
  });
  const left = code.match(/^\s*(import|export)\b[^\n]*/m);
  if (left) throw new Error(`${file}: cannot bundle \`${left[0].trim()}\``);
  return { code, deps, exports };
}

const ids = new Map();
function id(file) {
  if (!ids.has(file)) ids.set(file, `__module${ids.size}`);
  return ids.get(file);
}

/** One script holding `entry` and everything it imports, dependencies first. */
export function bundle(entry, { root, classic = false } = {}) {
  const order = [];
  const seen = new Map();
  const visit = (file, path) => {
    if (path.includes(file)) throw new Error(`import cycle: ${[...path, file].join(' → ')}`);
    if (seen.has(file)) return;
    const mod = parse(file);
    seen.set(file, mod);
    for (const dep of mod.deps) visit(dep, [...path, file]);
    order.push(file);
  };
  visit(resolve(entry), []);
  const parts = order.map((file) => {
    const { code, exports } = seen.get(file);
    const ret = exports.map(([name, local]) => (name === local ? name : `${JSON.stringify(name)}: ${local}`));
    return `// ${relative(root, file)}\nconst ${id(file)} = (() => {\n${code}\nreturn { ${ret.join(', ')} };\n})();\n`;
  });
  let out = parts.join('\n');
  // A classic script has no import.meta; the only user left (the wasm-bindgen
  // loader's default path) is never reached, since the wasm comes as bytes.
  if (classic) out = out.replaceAll('import.meta.url', 'self.location.href');
  return out;
}

/** Refuses what would end or disturb an inline <script> element early. */
function inlineSafe(name, text) {
  const bad = text.match(/<\/script|<!--/i);
  if (bad) throw new Error(`${name} contains \`${bad[0]}\`, which cannot sit inside an inline <script>`);
  return text;
}

/** Parses `code` as a module or a classic script with Node, so a bad bundle fails the build. */
function check(code, classic) {
  const dir = mkdtempSync(join(tmpdir(), 'mubiao-single-'));
  const file = join(dir, classic ? 'check.cjs' : 'check.mjs');
  try {
    writeFileSync(file, code);
    execFileSync(process.execPath, ['--check', file], { stdio: ['ignore', 'ignore', 'inherit'] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Writes dist/mubiao.html from the assembled page in `dist`; returns its size in bytes. */
export function buildSingle(dist) {
  const main = inlineSafe('main bundle', bundle(join(dist, 'main.js'), { root: dist }));
  const worker = inlineSafe('worker bundle', bundle(join(dist, 'worker.js'), { root: dist, classic: true }));
  check(main, false);
  check(worker, true);
  const css = inlineSafe('style.css', readFileSync(join(dist, 'style.css'), 'utf8'));
  const wasm = readFileSync(join(dist, 'pkg/mubiao_bg.wasm')).toString('base64');

  const csp = [
    "default-src 'none'",
    `script-src ${sha256(main)} 'wasm-unsafe-eval'`,
    'worker-src blob:',
    `style-src ${sha256(css)}`,
    "connect-src 'none'",
    'img-src data:',
    "font-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types mubiao',
  ].join('; ');

  let html = readFileSync(join(dist, 'index.html'), 'utf8');
  const replace = (pattern, value) => {
    if (!pattern.test(html)) throw new Error(`index.html: ${pattern} not found`);
    html = html.replace(pattern, () => value);
  };
  replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  replace(/<link rel="stylesheet" href="style.css">/, `<style>${css}</style>`);
  const icon = readFileSync(join(dist, 'icon.svg')).toString('base64');
  replace(/<link rel="icon" href="icon.svg"/, `<link rel="icon" href="data:image/svg+xml;base64,${icon}"`);
  replace(/<script type="module" src="main.js"><\/script>/, `<script type="module">${main}</script>`);
  replace(
    /<\/body>/,
    `<script type="text/plain" id="mubiao-worker">${worker}</script>\n` +
      `<script type="application/octet-stream" id="mubiao-wasm">${wasm}</script>\n</body>`,
  );
  writeFileSync(join(dist, 'mubiao.html'), html);
  return Buffer.byteLength(html);
}
