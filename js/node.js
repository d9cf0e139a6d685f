// mubiao for Node as an ES module: the wasm is read from disk on import.
import bound from '../pkg/node/mubiao.js';
import { useFastSegment } from './tokens.js';

export const { Analyzer } = bound;
useFastSegment(Analyzer);

/** Builds an analyzer (async, like the browser entry, so code runs in both). */
export async function createAnalyzer(options = {}) {
  return new Analyzer(options);
}
