// Tokens built in JS from the spans the wasm returns (`segmentPacked`): the
// words are cut out of the text the caller passed, so no word crosses the
// boundary. Same plain objects as before: {word, span: [start, end], tag?}.
// (node.cjs carries a copy for CommonJS.)

export function useFastSegment(Analyzer) {
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
}
