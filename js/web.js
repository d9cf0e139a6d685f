// mubiao for browsers and bundlers: load the wasm once, then build analyzers.
import init, { Analyzer } from '../pkg/web/mubiao.js';
import { useFastSegment } from './tokens.js';

useFastSegment(Analyzer);

let loading;

/**
 * Loads mubiao's WebAssembly (once per page or worker) and builds an analyzer.
 * `wasm` may be a URL, a Response, bytes or a compiled WebAssembly.Module,
 * for pages that serve or inline the .wasm themselves.
 */
export async function createAnalyzer(options = {}, { wasm } = {}) {
  loading ??= init(wasm === undefined ? undefined : { module_or_path: wasm }).catch((e) => {
    loading = undefined; // a failed load (offline, blocked) can be retried
    throw e;
  });
  await loading;
  return new Analyzer(options);
}

export { Analyzer };
