// Getting results out: CSV for Excel (UTF-8 with a BOM, or Excel reads it as
// GBK), JSON, and the clipboard. Files are made in the page and handed to the
// browser's download; nothing is uploaded anywhere.
import { h } from './dom.js';
import { tokenList } from './words.js';

/** The columns of `mubiao analyze --format csv`, so the page and the CLI agree. */
export const CSV_HEADER = [
  'file', 'title', 'date', 'indicator', 'surface', 'quantity', 'value', 'valueHigh', 'unit',
  'comparator', 'status', 'period', 'baseline', 'subject', 'evidence', 'span', 'warnings',
];

/** Numbers as the CLI writes them: no exponent, no grouping. */
function num(x) {
  if (x === null || x === undefined) return '';
  if (Math.abs(x) < 1e21) return String(x);
  return x.toLocaleString('en', { useGrouping: false, maximumFractionDigits: 20 });
}

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @) gets a leading
 * apostrophe: the text comes from web pages, and a page could carry one.
 */
function text(s) {
  const v = s ?? '';
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function cell(v) {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Character (code point) offsets for UTF-16 `positions` in `s`, in one pass. */
export function charOffsets(s, positions) {
  const order = [...positions.keys()].sort((a, b) => positions[a] - positions[b]);
  const out = new Array(positions.length);
  let unit = 0;
  let chars = 0;
  for (const k of order) {
    const target = positions[k];
    while (unit < target && unit < s.length) {
      const c = s.charCodeAt(unit);
      unit += c >= 0xd800 && c < 0xdc00 ? 2 : 1;
      chars++;
    }
    out[k] = chars;
  }
  return out;
}

/** `rows`: `{doc, target}` with `docs[doc] = {name, result}`. */
export function toCsv(rows, docs) {
  const lines = [CSV_HEADER.join(',')];
  const offsets = new Map();
  for (const r of rows) {
    const doc = docs[r.doc];
    if (!offsets.has(r.doc)) {
      const spans = doc.result.targets.flatMap((tg) => tg.span);
      offsets.set(r.doc, charOffsets(doc.result.text, spans));
    }
    const tg = r.target;
    const chars = offsets.get(r.doc);
    const span = `${chars[r.idx * 2]}-${chars[r.idx * 2 + 1]}`;
    const m = doc.result.meta;
    const fields = [
      text(doc.name), text(m.title), m.date ?? '', text(tg.indicator), text(tg.surface), tg.quantity,
      num(tg.value), num(tg.valueHigh), tg.unit, tg.comparator, tg.status, tg.period ?? '',
      num(tg.baseline), text(tg.subject), text(tg.evidence), span, tg.warnings.join(' '),
    ];
    lines.push(fields.map(cell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One analysis as the API returns it, or for a batch a list of `{file, analysis}`. */
export function toJson(docs) {
  const entry = (d) => ({ ...d.result, tokens: d.words ? tokenList(d.words) : [], keywords: d.words?.keywords ?? [] });
  const value = docs.length === 1 ? entry(docs[0]) : docs.map((d) => ({ file: d.name, analysis: entry(d) }));
  return JSON.stringify(value, null, 2);
}

export function download(name, content, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name from a title: no path characters, not too long. */
export function fileName(base, ext) {
  const safe = (base || 'mubiao').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40);
  return `${safe}.${ext}`;
}

/** Copies `value`; the clipboard API where allowed, else a selection and `copy`. */
export async function copy(value) {
  try {
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    const area = h('textarea', { readonly: true, class: 'offscreen', 'aria-hidden': 'true' });
    area.value = value;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
