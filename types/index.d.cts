// Types of the mubiao package for `require('mubiao')`: the same declarations
// as index.d.ts, which is an ES module file (the package is "type": "module").
// TypeScript lets CommonJS take types, not values, from an ES module, so the
// one value, createAnalyzer, is declared again here with the same type.

export type * from './index.js' with { 'resolution-mode': 'import' };
import type { createAnalyzer as create } from './index.js' with { 'resolution-mode': 'import' };

/**
 * Loads mubiao's WebAssembly (once per process) and builds an analyzer.
 * Build one and keep it: building loads the dictionary.
 *
 * @example
 * const { createAnalyzer } = require('mubiao');
 * const analyzer = await createAnalyzer();
 * const { meta, targets } = analyzer.analyze(pastedArticle);
 */
export declare const createAnalyzer: typeof create;
