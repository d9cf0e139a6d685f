// The targets table: one row per target (of one article or a whole batch),
// sortable by any column, filterable by status, indicator and file. A row is
// selected by click or keyboard (↑ ↓ move, Enter selects); the page then
// shows its evidence in the text.
import { $, h } from './dom.js';
import { COMPARATOR_SYMBOL, comparatorText, plain, statusText, valueText } from './format.js';
import { has, t } from './i18n.js';

const PAGE = 200;

const COLUMNS = [
  { key: 'file', label: 'colFile', batchOnly: true, sort: (r) => r.doc },
  { key: 'indicator', label: 'colIndicator', sort: (r) => r.target.indicator },
  { key: 'value', label: 'colValue', num: true, sort: (r) => r.target.value },
  { key: 'comparator', label: 'colComparator', sort: (r) => '=,>=,>,~,<=,<,range'.split(',').indexOf(r.target.comparator) },
  { key: 'status', label: 'colStatus', sort: (r) => r.target.status },
  { key: 'period', label: 'colPeriod', sort: (r) => r.target.period ?? '' },
  { key: 'subject', label: 'colSubject', sort: (r) => r.target.subject ?? '' },
  { key: 'evidence', label: 'colEvidence', wide: true, sort: (r) => r.target.evidence },
];

/** `rowKey` names a target across a batch: document index and target index. */
export const rowKey = (doc, idx) => `${doc}:${idx}`;

export function createTable({ onSelect }) {
  const table = $('targets');
  const body = table.tBodies[0];
  let rows = [];
  let batch = false;
  let sort = null; // {key, dir: 1 | -1}; null keeps the order of the text
  let shown = [];
  let limit = PAGE;
  let selected = null;

  for (const id of ['filter-status', 'filter-indicator', 'filter-file']) {
    $(id).addEventListener('change', () => {
      limit = PAGE;
      draw();
    });
  }

  function header() {
    const cells = COLUMNS.filter((c) => batch || !c.batchOnly).map((c) => {
      const active = sort?.key === c.key;
      const label = t(c.label);
      return h(
        'th',
        {
          scope: 'col',
          class: [c.num && 'num', c.wide && 'wide', `col-${c.key}`].filter(Boolean).join(' '),
          'aria-sort': active ? (sort.dir > 0 ? 'ascending' : 'descending') : null,
        },
        h(
          'button',
          {
            type: 'button',
            class: 'sort',
            title: t('sortBy', { col: label }),
            onclick: () => {
              // ascending → descending → the order of the text
              sort = !active ? { key: c.key, dir: 1 } : sort.dir > 0 ? { key: c.key, dir: -1 } : null;
              draw();
            },
          },
          label,
          h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (sort.dir > 0 ? '▲' : '▼') : '↕'),
        ),
      );
    });
    table.tHead.replaceChildren(h('tr', {}, cells));
  }

  function options(select, values, labelOf) {
    const before = select.value;
    select.replaceChildren(
      h('option', { value: '' }, t('filterAll')),
      ...values.map(([v, n]) => h('option', { value: v }, `${labelOf(v)} (${n})`)),
    );
    select.value = values.some(([v]) => v === before) ? before : '';
  }

  function counts(pick) {
    const m = new Map();
    for (const r of rows) m.set(pick(r), (m.get(pick(r)) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]), 'zh'));
  }

  function filters() {
    options($('filter-status'), counts((r) => r.target.status), statusText);
    options($('filter-indicator'), counts((r) => r.target.indicator), (v) => v);
    $('filter-file-label').hidden = !batch;
    if (batch) {
      options(
        $('filter-file'),
        counts((r) => String(r.doc)).sort((a, b) => a[0] - b[0]),
        (v) => rows.find((r) => String(r.doc) === v).fileLabel,
      );
    } else $('filter-file').value = '';
  }

  function draw() {
    header();
    const status = $('filter-status').value;
    const indicator = $('filter-indicator').value;
    const file = $('filter-file').value;
    shown = rows.filter(
      (r) =>
        (!status || r.target.status === status) &&
        (!indicator || r.target.indicator === indicator) &&
        (!file || String(r.doc) === file),
    );
    if (sort) {
      const col = COLUMNS.find((c) => c.key === sort.key);
      const collator = new Intl.Collator('zh');
      shown = shown
        .map((r, i) => [r, i])
        .sort(([a, i], [b, j]) => {
          const x = col.sort(a);
          const y = col.sort(b);
          const c = typeof x === 'number' ? x - y : collator.compare(x, y);
          return c * sort.dir || i - j;
        })
        .map(([r]) => r);
    }
    const trs = shown.slice(0, limit).map(row);
    if (shown.length > limit) {
      const more = h('button', { type: 'button', onclick: () => ((limit += PAGE), draw()) }, t('showMore', { n: Math.min(PAGE, shown.length - limit) }));
      trs.push(h('tr', { class: 'more' }, h('td', { colspan: COLUMNS.length }, more)));
    }
    if (!shown.length) {
      trs.push(h('tr', { class: 'empty' }, h('td', { colspan: COLUMNS.length }, rows.length ? t('noRows') : t('noTargets'))));
    }
    body.replaceChildren(...trs);
    $('rows-shown').textContent = rows.length ? t('rowsShown', { shown: shown.length, n: rows.length }) : '';
    // One row takes Tab; the arrows move between rows.
    const focusable = body.querySelector('tr.selected') ?? body.querySelector('tr[data-key]');
    focusable?.setAttribute('tabindex', '0');
  }

  function row(r) {
    const tg = r.target;
    const key = rowKey(r.doc, r.idx);
    const warnings = tg.warnings.map((w) => (has(`warn_${w}`) ? t(`warn_${w}`) : w));
    const cells = [];
    if (batch) cells.push(h('td', { class: 'col-file', title: r.fileName }, r.fileLabel));
    cells.push(
      h(
        'td',
        { class: 'col-indicator' },
        h('span', { class: 'indicator' }, tg.indicator),
        tg.surface && tg.surface !== tg.indicator ? h('span', { class: 'surface' }, tg.surface) : null,
        warnings.length ? h('span', { class: 'warning' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), warnings.join('；')) : null,
      ),
      h(
        'td',
        { class: 'num col-value', title: `${plain(tg.value, 10)}${tg.valueHigh !== null ? `–${plain(tg.valueHigh, 10)}` : ''} ${tg.unit}` },
        valueText(tg),
        h('span', { class: 'quantity' }, t(`quantity_${tg.quantity}`)),
      ),
      h('td', { class: 'col-comparator', title: comparatorText(tg.comparator) }, COMPARATOR_SYMBOL[tg.comparator] ?? tg.comparator, h('span', { class: 'visually-hidden' }, comparatorText(tg.comparator))),
      h('td', { class: 'col-status' }, h('span', { class: `status status-${tg.status}` }, statusText(tg.status))),
      h('td', { class: 'col-period' }, tg.period ?? '—'),
      h('td', { class: 'col-subject' }, tg.subject ?? '—'),
      h('td', { class: 'col-evidence wide' }, tg.evidence),
    );
    return h(
      'tr',
      {
        dataset: { key },
        tabindex: '-1',
        class: [key === selected && 'selected', warnings.length && 'doubtful'].filter(Boolean).join(' ') || null,
        'aria-current': key === selected ? 'true' : null,
        onclick: () => onSelect(r.doc, r.idx),
        onkeydown: (e) => keydown(e, r),
      },
      cells,
    );
  }

  function keydown(e, r) {
    const tr = e.currentTarget;
    const move = (to) => {
      if (!to?.dataset.key) return;
      e.preventDefault();
      tr.setAttribute('tabindex', '-1');
      to.setAttribute('tabindex', '0');
      to.focus();
    };
    if (e.key === 'ArrowDown') move(tr.nextElementSibling);
    else if (e.key === 'ArrowUp') move(tr.previousElementSibling);
    else if (e.key === 'Home') move(body.querySelector('tr[data-key]'));
    else if (e.key === 'End') move([...body.querySelectorAll('tr[data-key]')].pop());
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(r.doc, r.idx);
    }
  }

  return {
    /** New rows: `{doc, idx, target, fileLabel, fileName}` in the order of the text. */
    setRows(next, isBatch) {
      rows = next;
      batch = isBatch;
      limit = PAGE;
      selected = null;
      filters();
      table.classList.toggle('batch', batch);
      draw();
    },
    /** Marks a row as selected and brings it into view (clearing filters that hide it). */
    select(doc, idx, { scroll = true } = {}) {
      selected = rowKey(doc, idx);
      if (!shown.some((r) => rowKey(r.doc, r.idx) === selected)) {
        for (const id of ['filter-status', 'filter-indicator', 'filter-file']) $(id).value = '';
        limit = Math.max(limit, rows.findIndex((r) => rowKey(r.doc, r.idx) === selected) + 1);
        draw();
      }
      for (const tr of body.querySelectorAll('tr.selected')) {
        tr.classList.remove('selected');
        tr.removeAttribute('aria-current');
        tr.setAttribute('tabindex', '-1');
      }
      const tr = body.querySelector(`tr[data-key="${selected}"]`);
      if (!tr) return;
      tr.classList.add('selected');
      tr.setAttribute('aria-current', 'true');
      tr.setAttribute('tabindex', '0');
      if (scroll) tr.scrollIntoView({ block: 'nearest', behavior: 'auto' });
    },
    /** The rows as filtered and sorted now (what an export of "what I see" takes). */
    shown: () => shown,
    all: () => rows,
    redraw: () => {
      filters();
      draw();
    },
  };
}
