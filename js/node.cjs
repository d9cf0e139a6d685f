// mubiao for Node as CommonJS (`require('mubiao')`); the ES module entry,
// node.js, re-exports this one, so a process that both imports and requires
// mubiao loads the WebAssembly once. The .wasm is read from disk on the
// first createAnalyzer(), not on require.
//
// Everything between here and createAnalyzer has a twin in web.js;
// tests/js/node.test.mjs runs the same checks on both.
'use strict';

let crashed;

/** Runs `work` in the WebAssembly; after a trap there, mubiao refuses to run again. */
function guard(work) {
  if (crashed) throw crashed;
  try {
    return work();
  } catch (e) {
    // A trap means Rust panicked: the instance's memory can no longer be
    // trusted, so every analyzer of this page or worker stops here.
    if (e instanceof WebAssembly.RuntimeError) {
      crashed = new Error(`mubiao crashed (${e.message}); load it again in a new page, worker or process`, { cause: e });
    }
    throw crashed ?? e;
  }
}

/** `text` itself; anything but a string would trap inside the WebAssembly. */
function checked(method, text) {
  if (typeof text !== 'string') {
    throw new TypeError(`mubiao: analyzer.${method}(text) needs a string, got ${text === null ? 'null' : typeof text}`);
  }
  return text;
}

/**
 * Tokens from the packed spans `segmentPacked` returns: the words are cut out
 * of the text the caller passed, so no word crosses the boundary (one call per
 * line ran 2.7× faster than building the objects through serde).
 */
function tokens(text, { spans, tags, tagNames }) {
  const out = new Array(spans.length / 2);
  for (let i = 0; i < out.length; i++) {
    const start = spans[2 * i];
    const end = spans[2 * i + 1];
    out[i] = tags
      ? { word: text.slice(start, end), span: [start, end], tag: tagNames[tags[i]] }
      : { word: text.slice(start, end), span: [start, end] };
  }
  return out;
}

/**
 * The analysis from what `analyzePacked` returns: the analysis as JSON, with
 * its tokens packed as `segmentPacked` packs them, spans into its `text`
 * (JSON.parse and tokens built here ran faster than the same objects built
 * through serde-wasm-bindgen, which cost more than the analysis itself).
 */
function analysis(packed) {
  const out = JSON.parse(packed.json);
  out.tokens = tokens(out.text, packed);
  return out;
}

/**
 * The dictionary and lexicons, built once, used for many texts. A thin shell
 * over the wasm-bindgen class: it checks arguments and its own lifetime in JS,
 * so that a mistake is an Error that says what to do, never a trap.
 */
class Analyzer {
  #bound;

  constructor(bound) {
    this.#bound = bound;
  }

  analyze(text, options) {
    return this.#with('analyze', (b) => analysis(b.analyzePacked(checked('analyze', text), options)));
  }

  clean(text, options) {
    return this.#with('clean', (b) => b.clean(checked('clean', text), options));
  }

  segment(text, options) {
    return this.#with('segment', (b) => tokens(checked('segment', text), b.segmentPacked(text, options)));
  }

  keywords(text, options) {
    return this.#with('keywords', (b) => b.keywords(checked('keywords', text), options));
  }

  targets(text, options) {
    return this.#with('targets', (b) => b.targets(checked('targets', text), options));
  }

  addWords(words) {
    return this.#with('addWords', (b) => b.addWords(words));
  }

  /** Releases the memory now rather than at garbage collection; a second call does nothing. */
  free() {
    const bound = this.#bound;
    this.#bound = undefined;
    if (bound) guard(() => bound.free());
  }

  #with(method, work) {
    const bound = this.#bound;
    if (!bound) {
      throw new Error(`mubiao: analyzer.${method}() was called after free(); build a new analyzer with createAnalyzer()`);
    }
    return guard(() => work(bound));
  }
}

/**
 * Loads mubiao's WebAssembly (once per process) and builds an analyzer.
 * Async like the browser entry, so the same code runs in both; the browser
 * entry's second argument, where to fetch the .wasm, means nothing here.
 */
async function createAnalyzer(options = {}) {
  let Bound;
  try {
    ({ Analyzer: Bound } = require('../pkg/node/mubiao.js'));
  } catch (e) {
    throw new Error(`mubiao: could not load its WebAssembly: ${e.message}`, { cause: e });
  }
  return new Analyzer(guard(() => new Bound(options)));
}

module.exports = { createAnalyzer };
