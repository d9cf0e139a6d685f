// mubiao for Node as CommonJS: the wasm is read from disk on require.
const { Analyzer } = require('../pkg/node/mubiao.js');

// Tokens built from spans, as js/tokens.js does for the ES module entries.
Analyzer.prototype.segment = function segment(text, options) {
  const { spans, tags, tagNames } = this.segmentPacked(text, options);
  const tokens = new Array(spans.length / 2);
  for (let i = 0; i < tokens.length; i++) {
    const start = spans[2 * i];
    const end = spans[2 * i + 1];
    tokens[i] = tags
      ? { word: text.slice(start, end), span: [start, end], tag: tagNames[tags[i]] }
      : { word: text.slice(start, end), span: [start, end] };
  }
  return tokens;
};

/** Builds an analyzer (async, like the browser entry, so code runs in both). */
async function createAnalyzer(options = {}) {
  return new Analyzer(options);
}

module.exports = { createAnalyzer, Analyzer };
