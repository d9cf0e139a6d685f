// The chart: targets per indicator, planned next to achieved. Growth rates,
// ratios, multiples and each unit of levels get their own panel and axis —
// 8% and 7.7亿元 share no scale. Drawn as SVG in the page, nothing fetched.
import { $, h, s } from './dom.js';
import { amount, COMPARATOR_SYMBOL, statusText, valueText } from './format.js';
import { t } from './i18n.js';
import { rowKey } from './table.js';

const MAX_ROWS = 24; // indicators per panel
const MAX_BARS = 6; // bars per indicator
const BAR = 13;
const GAP = 3;
const ROW_PAD = 9;

let bars = new Map(); // row key → its <rect>s
let drawnWidth = 0;

/** The width the chart was last drawn for (a resize redraws only when it changed). */
export const chartWidth = () => drawnWidth;

function panelOf(tg) {
  const kind = tg.quantity === 'level' ? 'level' : tg.quantity;
  return `${kind}|${tg.unit}`;
}

function panelTitle(key) {
  const [kind, unit] = key.split('|');
  if (kind === 'level') return t('chartLevel', { unit });
  const name = { growth: t('chartGrowth'), share: t('chartShare'), multiple: t('chartMultiple') }[kind] ?? kind;
  return `${name}（${unit}）`;
}

/** Round tick values covering [lo, hi]. */
function ticks(lo, hi, count = 4) {
  const span = hi - lo || Math.abs(hi) || 1;
  const step0 = span / count;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((m) => m >= step0) ?? 10 * mag;
  const out = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/**
 * `rows` as the table has them (`{doc, idx, target, fileLabel}`); `onSelect`
 * is called with the document and target index of a clicked bar.
 */
export function renderChart(rows, { onSelect, batch }) {
  const container = $('chart');
  bars = new Map();
  const panels = new Map();
  for (const r of rows) {
    const key = panelOf(r.target);
    if (!panels.has(key)) panels.set(key, new Map());
    const byIndicator = panels.get(key);
    if (!byIndicator.has(r.target.indicator)) byIndicator.set(r.target.indicator, []);
    byIndicator.get(r.target.indicator).push(r);
  }
  if (!panels.size) {
    container.replaceChildren(h('p', { class: 'muted' }, t('chartEmpty')));
    return;
  }
  const width = Math.max(300, Math.floor(container.clientWidth || 640));
  drawnWidth = width;
  const legend = h(
    'p',
    { class: 'chart-legend', 'aria-hidden': 'true' },
    h('span', { class: 'swatch swatch-target' }),
    t('chartPlanned'),
    h('span', { class: 'swatch swatch-actual' }),
    t('chartActual'),
  );
  // Panels with the most targets first: growth rates usually lead.
  const ordered = [...panels].sort((a, b) => count(b[1]) - count(a[1]));
  container.replaceChildren(legend, ...ordered.map(([key, byIndicator]) => panel(key, byIndicator, width, onSelect, batch)));
}

const count = (byIndicator) => [...byIndicator.values()].reduce((n, rs) => n + rs.length, 0);

function panel(key, byIndicator, width, onSelect, batch) {
  const unit = key.split('|')[1];
  let hidden = 0;
  const all = [...byIndicator].sort((a, b) => b[1].length - a[1].length);
  for (const [, rs] of all.slice(MAX_ROWS)) hidden += rs.length;
  const rows = all.slice(0, MAX_ROWS).map(([indicator, rs]) => {
      // Planned before achieved; within each, the order of the text.
      const sorted = [...rs].sort((a, b) => (a.target.status === b.target.status ? 0 : a.target.status === 'target' ? -1 : 1));
      hidden += Math.max(0, sorted.length - MAX_BARS);
      return [indicator, sorted.slice(0, MAX_BARS)];
    });
  const values = rows.flatMap(([, rs]) => rs.flatMap((r) => [r.target.value, r.target.valueHigh ?? r.target.value]));
  const axis = ticks(Math.min(0, ...values), Math.max(0, ...values));
  const lo = axis[0];
  const hi = axis[axis.length - 1];
  const labelW = Math.min(Math.round(width * 0.3), 170);
  const valueW = Math.min(Math.round(width * 0.22), 120);
  const plotW = width - labelW - valueW - 8;
  const x = (v) => labelW + ((v - lo) / (hi - lo || 1)) * plotW;
  const top = 22;
  let y = top;
  const g = [];
  // Axis: ticks and grid lines.
  for (const v of axis) {
    g.push(s('line', { class: v === 0 ? 'zero' : 'grid', x1: x(v), x2: x(v), y1: top - 4, y2: 0 }));
    g.push(s('text', { class: 'tick', x: x(v), y: 12, 'text-anchor': 'middle' }, amount(v, unit)));
  }
  const grid = g.slice();
  for (const [indicator, rs] of rows) {
    const rowH = rs.length * (BAR + GAP) - GAP;
    g.push(s('text', { class: 'label', x: labelW - 6, y: y + rowH / 2 + 4, 'text-anchor': 'end' }, clip(indicator, labelW)));
    rs.forEach((r, k) => {
      const tg = r.target;
      const by = y + k * (BAR + GAP);
      const x0 = x(Math.min(0, tg.value));
      const x1 = x(Math.max(0, tg.value));
      const title = [tg.indicator, statusText(tg.status), `${COMPARATOR_SYMBOL[tg.comparator] ?? ''}${valueText(tg)}`, tg.period, tg.subject, batch ? r.fileLabel : null]
        .filter(Boolean)
        .join(' · ');
      const rect = s(
        'rect',
        {
          class: `bar bar-${tg.status}`,
          x: x0,
          y: by,
          width: Math.max(1.5, x1 - x0),
          height: BAR,
          rx: 2,
          dataset: { key: rowKey(r.doc, r.idx) },
          onclick: () => onSelect(r.doc, r.idx),
        },
        s('title', {}, title),
      );
      bars.set(rowKey(r.doc, r.idx), rect);
      g.push(rect);
      if (tg.valueHigh !== null && tg.valueHigh !== undefined && tg.valueHigh > tg.value) {
        g.push(s('rect', { class: `bar-range bar-${tg.status}`, x: x(tg.value), y: by + 3, width: Math.max(1, x(tg.valueHigh) - x(tg.value)), height: BAR - 6 }));
      }
      const end = tg.value < 0 ? x0 - 4 : x(tg.valueHigh ?? tg.value) + 4;
      // Several bars in a row: say which file (batch) or period each is.
      const which = batch ? clip(r.fileLabel, 8 * 13) : tg.period;
      const detail = rs.length > 1 && which ? ` ${which}` : '';
      g.push(
        s(
          'text',
          { class: 'value', x: end, y: by + BAR - 3, 'text-anchor': tg.value < 0 ? 'end' : 'start' },
          `${COMPARATOR_SYMBOL[tg.comparator] === '–' ? '' : COMPARATOR_SYMBOL[tg.comparator] ?? ''}${valueText(tg)}${detail}`,
        ),
      );
    });
    y += rowH + ROW_PAD;
  }
  const height = y - ROW_PAD + 6;
  for (const line of grid) if (line.tagName === 'line') line.setAttribute('y2', height - 4);
  const svg = s(
    'svg',
    { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${panelTitle(key)}: ${t('chartLabel')}` },
    g,
  );
  return h(
    'figure',
    { class: 'chart-panel' },
    h('figcaption', {}, panelTitle(key), hidden ? h('span', { class: 'muted' }, ` · ${t('chartMore', { n: hidden })}`) : null),
    svg,
  );
}

/** Labels longer than the room they have end in an ellipsis. */
function clip(text, room) {
  const max = Math.max(3, Math.floor(room / 13));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Outlines the bar of the selected row. */
export function markBar(key) {
  for (const r of bars.values()) r.classList.remove('selected');
  bars.get(key)?.classList.add('selected');
}
