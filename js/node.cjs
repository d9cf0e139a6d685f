// mubiao for Node as CommonJS: the wasm is read from disk on require.
const { Analyzer, memoryBytes } = require('../pkg/node/mubiao.js');

/** Builds an analyzer (async, like the browser entry, so code runs in both). */
async function createAnalyzer(options = {}) {
  return new Analyzer(options);
}

module.exports = { createAnalyzer, Analyzer, memoryBytes };
