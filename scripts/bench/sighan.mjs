// SIGHAN 2005 bakeoff scoring: word-span precision, recall and F1.
//
// The gold and the segmenter's output are compared as whole-file character
// streams (whitespace removed), not line by line: in 8 places the MSR gold
// file breaks lines elsewhere than the test input (see SOURCE.md beside the
// data), so pairing lines would misalign them.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SIGHAN = join(import.meta.dirname, '../../../shared/bench/sighan2005');

export function available() {
  return existsSync(join(SIGHAN, 'pku_test.utf8'));
}

/** The test set `name` (pku or msr): input lines, and the gold words. */
export function testSet(name) {
  const input = readFileSync(join(SIGHAN, `${name}_test.utf8`), 'utf8');
  const gold = readFileSync(join(SIGHAN, `${name}_test_gold.utf8`), 'utf8');
  const lines = input.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines.at(-1) === '') lines.pop();
  return { name, lines, gold: words(gold), chars: lines.reduce((n, l) => n + [...l.replace(/\s/g, '')].length, 0) };
}

/** Words of a segmented text: runs between whitespace. */
export function words(text) {
  return text.split(/\s+/).filter(Boolean);
}

/** Word spans as `start:end` keys over the stream of non-whitespace characters. */
function spans(ws) {
  const out = new Set();
  let at = 0;
  for (const w of ws) {
    const n = [...w.replace(/\s/g, '')].length;
    if (n === 0) continue;
    out.add(`${at}:${at + n}`);
    at += n;
  }
  return { spans: out, length: at };
}

/** Precision, recall and F1 of `predicted` words against `gold` words. */
export function score(gold, predicted) {
  const g = spans(gold);
  const p = spans(predicted);
  const gs = gold.join('').replace(/\s/g, '');
  const ps = predicted.join('').replace(/\s/g, '');
  if (gs !== ps) {
    let i = 0;
    while (gs[i] === ps[i]) i++;
    throw new Error(`character streams differ at ${i}: gold …${gs.slice(i, i + 10)}… vs output …${ps.slice(i, i + 10)}…`);
  }
  let correct = 0;
  for (const s of p.spans) if (g.spans.has(s)) correct++;
  const precision = correct / p.spans.size;
  const recall = correct / g.spans.size;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}
