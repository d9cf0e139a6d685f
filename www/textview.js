// The cleaned text with every target's evidence marked, and the lines that
// cleaning removed, with their reasons and a way to take one back.
import { $, h } from './dom.js';
import { has, t } from './i18n.js';

// A long text (a few MB) would take the browser seconds to lay out at once,
// so paragraphs are drawn in batches: the first ones now, the rest as the
// reader scrolls towards them or a target in them is selected.
const BATCH_CHARS = 40_000;

let view = null;

/**
 * Draws `doc.result.text`. Evidence spans may overlap (分别 gives several
 * targets one sentence), so a paragraph is cut at every span edge and each
 * piece lists the targets that cover it.
 */
export function renderText(doc, { onMarkClick }) {
  const container = $('text');
  view?.observer.disconnect();
  const text = doc.result.text;
  const paragraphs = [];
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    paragraphs.push([start, end]);
    start = end + 1;
  }
  const spans = doc.result.targets
    .map((tg, i) => ({ i, start: tg.span[0], end: tg.span[1] }))
    .sort((a, b) => a.start - b.start);
  const sentinel = h('div', { class: 'more-text', 'aria-hidden': 'true' });
  view = {
    text,
    paragraphs,
    spans,
    next: 0, // first paragraph not yet drawn
    nextSpan: 0, // first span (by start) not yet active
    active: [],
    marks: new Map(), // target index → its <mark> elements
    onMarkClick,
    container,
    sentinel,
    observer: new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting) || view.next >= view.paragraphs.length) return;
        drawUntil(view.paragraphs[view.next][0] + BATCH_CHARS);
      },
      { rootMargin: '800px' },
    ),
  };
  container.replaceChildren(sentinel);
  container.lang = 'zh-CN';
  drawUntil(BATCH_CHARS);
  view.observer.observe(sentinel);
}

/** Draws paragraphs until the one holding text offset `offset` is on the page. */
function drawUntil(offset) {
  const v = view;
  const out = [];
  while (v.next < v.paragraphs.length && v.paragraphs[v.next][0] <= offset) {
    out.push(paragraph(v, ...v.paragraphs[v.next]));
    v.next++;
  }
  v.sentinel.before(...out);
  if (v.next >= v.paragraphs.length) {
    v.observer.disconnect();
    v.sentinel.remove();
  }
}

function paragraph(v, start, end) {
  const p = h('p');
  while (v.nextSpan < v.spans.length && v.spans[v.nextSpan].start < end) v.active.push(v.spans[v.nextSpan++]);
  v.active = v.active.filter((sp) => sp.end > start);
  const inside = v.active.filter((sp) => sp.start < end);
  const edges = new Set([start, end]);
  for (const sp of inside) {
    edges.add(Math.max(start, sp.start));
    edges.add(Math.min(end, sp.end));
  }
  const cuts = [...edges].sort((a, b) => a - b);
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [a, b] = [cuts[k], cuts[k + 1]];
    const piece = v.text.slice(a, b);
    const cover = inside.filter((sp) => sp.start <= a && sp.end >= b).map((sp) => sp.i);
    if (!cover.length) {
      p.append(piece);
      continue;
    }
    const onMarkClick = v.onMarkClick;
    const mark = h('mark', { dataset: { targets: cover.join(' ') }, onclick: () => onMarkClick(cover) }, piece);
    for (const i of cover) v.marks.set(i, [...(v.marks.get(i) ?? []), mark]);
    p.append(mark);
  }
  return p;
}

/** Marks target `i` as the current one and scrolls its evidence into view. */
export function highlight(i, { scroll = true } = {}) {
  if (!view) return false;
  const sp = view.spans.find((x) => x.i === i);
  if (sp) drawUntil(sp.end);
  for (const m of view.container.querySelectorAll('mark.current')) m.classList.remove('current');
  const found = view.marks.get(i) ?? [];
  for (const m of found) m.classList.add('current');
  if (scroll && found[0]) {
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    found[0].scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  }
  return found.length > 0;
}

/** The removed lines (collapsed by default) and the lines taken back. */
export function renderDropped(doc, { onRestore, onUndo }) {
  const dropped = doc.result.dropped;
  $('dropped-count').textContent = t('droppedHeading', { n: dropped.length });
  const items = dropped.map((d) =>
    h(
      'li',
      { dataset: { line: d.line } },
      h('span', { class: 'line-no' }, t('line', { n: d.line })),
      h('span', { class: `reason reason-${d.reason}` }, has(`drop_${d.reason}`) ? t(`drop_${d.reason}`) : d.reason),
      h('span', { class: 'dropped-text' }, d.text),
      h('button', { type: 'button', class: 'small', onclick: () => onRestore(d), 'aria-label': `${t('restore')}: ${t('line', { n: d.line })}` }, t('restore')),
    ),
  );
  $('dropped-list').replaceChildren(...items);
  const restored = [...doc.restored.values()].sort((a, b) => a.line - b.line);
  $('restored').hidden = !restored.length;
  $('restored-list').replaceChildren(
    ...restored.map((d) =>
      h(
        'li',
        {},
        h('span', { class: 'line-no' }, t('line', { n: d.line })),
        h('span', { class: 'dropped-text' }, d.text),
        h('button', { type: 'button', class: 'small', onclick: () => onUndo(d), 'aria-label': `${t('undoRestore')}: ${t('line', { n: d.line })}` }, t('undoRestore')),
      ),
    ),
  );
}
