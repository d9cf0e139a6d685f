// The segmenters compared, each behind the same small interface:
// `await load(options)` gives `cut(text) -> words` (whitespace tokens left out).

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const IMPLS = {
  mubiao: {
    label: 'mubiao',
    async load({ hmm = false } = {}) {
      const { createAnalyzer } = await import('../../js/node.js');
      const analyzer = await createAnalyzer({ hmm });
      return (text) => analyzer.segment(text).map((t) => t.word).filter((w) => w.trim());
    },
  },
  'jieba-wasm': {
    label: 'npm jieba-wasm 2.4.0',
    async load({ hmm = false } = {}) {
      const jieba = require('jieba-wasm');
      return (text) => jieba.cut(text, hmm).filter((w) => w.trim());
    },
  },
  intl: {
    label: "Intl.Segmenter('zh')",
    async load() {
      const seg = new Intl.Segmenter('zh', { granularity: 'word' });
      return (text) => {
        const out = [];
        for (const s of seg.segment(text)) if (s.segment.trim()) out.push(s.segment);
        return out;
      };
    },
  },
};
