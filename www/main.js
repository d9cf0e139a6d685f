// The page: DOM only. The analyzer lives in a worker (worker.js, reached
// through engine.js); the views are table.js, textview.js, words.js and
// chart.js; export.js gets results out.
import { chartWidth, markBar, renderChart } from './chart.js';
import { $, h } from './dom.js';
import { Engine, MAX_INPUT_BYTES, scriptURL, utf8Length } from './engine.js';
import { copy, download, fileName, toCsv, toJson } from './export.js';
import { bytes, plain, seconds } from './format.js';
import { getLang, has, onLangChange, setLang, t } from './i18n.js';
import { SAMPLES } from './samples.js';
import { createTable } from './table.js';
import { highlight, renderDropped, renderText } from './textview.js';
import { renderLegend, renderWords, segmentedText } from './words.js';

const STORE = { draft: 'mubiao.draft', dict: 'mubiao.userDict', lang: 'mubiao.lang' };
const SINGLE_FILE = Boolean(document.getElementById('mubiao-worker'));

const store = {
  get(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null; // storage switched off: the page still works, it just forgets
    }
  },
  set(key, value) {
    try {
      if (value === '' || value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  },
};

// ---------------------------------------------------------------- state

/**
 * One analyzed input: `name` (file name, or empty for the box), `input` (what
 * was analyzed), `restored` (dropped lines taken back, by line number),
 * `result` (the Analysis), `words` (offsets, tags and keywords once segmented).
 */
const state = {
  docs: [],
  current: 0,
  selected: null, // {doc, idx}
  generation: 0, // a newer analysis makes older answers stale
  busy: false,
  wordsJob: null,
  keywordMethod: 'textRank',
  restartNotice: null,
  status: { key: 'loading', params: {}, state: 'loading' },
};

const input = $('input');
let htmlAlternative = null; // the plain text that came with a pasted web page

// ---------------------------------------------------------------- status

let finished = 0;

function status(key, params = {}, kind = 'busy') {
  state.status = { key, params, state: kind };
  const el = $('status');
  // Counts finished analyses, so a script (or a test) can wait for the next one.
  if (kind === 'done') el.dataset.run = String(++finished);
  el.textContent = t(key, params);
  el.dataset.state = kind;
  el.classList.toggle('error', kind === 'error');
  el.classList.toggle('warn', key === 'restarted' || key === 'cancelled');
}

function progress(value) {
  const bar = $('progress');
  if (value === null) {
    bar.hidden = true;
    return;
  }
  bar.hidden = false;
  if (value === undefined) bar.removeAttribute('value');
  else bar.value = value;
}

function setBusy(busy) {
  state.busy = busy;
  $('cancel').hidden = !busy;
  $('analyze').setAttribute('aria-disabled', String(busy));
  if (!busy) progress(null);
}

// ---------------------------------------------------------------- engine

const engine = new Engine({
  userDict: store.get(STORE.dict) ?? '',
  onState(kind, detail = {}) {
    if (kind === 'loading') {
      if (state.restartNotice) status('restartedLoading', {}, 'loading');
      else if (!state.busy) status('loading', {}, 'loading');
    } else if (kind === 'ready') {
      if (!detail.userDictOk) $('user-dict-msg').textContent = t('userDictIgnored');
      if (state.restartNotice) status('restarted', { message: state.restartNotice }, 'ready');
      // After 取消 the worker is replaced quietly: "cancelled" stays on screen.
      else if (state.status.state === 'loading') status('ready', { s: seconds(detail.ms) }, 'ready');
    } else if (kind === 'restarted') {
      state.restartNotice = detail.message;
    } else if (kind === 'failed') {
      status(navigator.onLine ? 'loadFailed' : 'loadFailedOffline', { message: detail.message }, 'error');
      setBusy(false);
    }
  },
});

// ---------------------------------------------------------------- input

function inputTooLarge(text) {
  const size = utf8Length(text);
  return size > MAX_INPUT_BYTES ? size : 0;
}

let sizeTimer;
function inputChanged() {
  clearTimeout(sizeTimer);
  sizeTimer = setTimeout(() => {
    const text = input.value;
    const size = utf8Length(text);
    $('size').textContent = text ? t('size', { chars: plain(text.length), size: bytes(size), limit: bytes(MAX_INPUT_BYTES) }) : '';
    const msg = $('size-msg');
    msg.hidden = size <= MAX_INPUT_BYTES;
    msg.textContent = msg.hidden ? '' : t('tooLarge', { size: bytes(size), limit: bytes(MAX_INPUT_BYTES) });
    if (!store.set(STORE.draft, text) && text) $('toolbar-msg').textContent = t('draftTooBig');
  }, 250);
}

input.addEventListener('input', (e) => {
  if (e.inputType !== 'insertFromPaste') showHtmlChip(null);
  inputChanged();
});

input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    analyzeBox();
  }
});

// A web page pasted into an empty (or fully selected) box comes in as its
// HTML source, so cleaning sees its block structure. It is put in the box as
// text — the box shows exactly what will be analyzed, and a textarea never
// renders markup.
input.addEventListener('paste', (e) => {
  const html = e.clipboardData?.getData('text/html') ?? '';
  const text = e.clipboardData?.getData('text/plain') ?? '';
  const whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
  if (!html.trim() || !$('use-html').checked || !whole) {
    if (!e.isTrusted && text) {
      // A paste the browser will not carry out itself (scripted): do it.
      e.preventDefault();
      input.setRangeText(text, input.selectionStart, input.selectionEnd, 'end');
      inputChanged();
    }
    return;
  }
  e.preventDefault();
  input.value = html;
  input.setSelectionRange(0, 0);
  input.scrollTop = 0;
  showHtmlChip(text.trim() ? text : null);
  inputChanged();
});

function showHtmlChip(alternative) {
  htmlAlternative = alternative;
  $('html-chip').hidden = alternative === null;
}

$('html-to-text').addEventListener('click', () => {
  if (htmlAlternative === null) return;
  input.value = htmlAlternative;
  showHtmlChip(null);
  inputChanged();
  input.focus();
});

$('clear').addEventListener('click', () => {
  input.value = '';
  showHtmlChip(null);
  inputChanged();
  input.focus();
});

// Files: one goes into the box; several become a batch.
const drop = $('drop');
for (const type of ['dragenter', 'dragover']) {
  drop.addEventListener(type, (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    drop.classList.add('dragging');
  });
}
drop.addEventListener('dragleave', (e) => {
  if (!drop.contains(e.relatedTarget)) drop.classList.remove('dragging');
});
drop.addEventListener('drop', (e) => {
  drop.classList.remove('dragging');
  if (!e.dataTransfer?.files.length) return;
  e.preventDefault();
  openFiles([...e.dataTransfer.files]);
});
$('files').addEventListener('change', (e) => {
  const files = [...e.target.files];
  e.target.value = '';
  if (files.length) openFiles(files);
});

/** UTF-8 if it is; otherwise GB18030 (older Chinese sites save GBK pages). */
async function readFile(file) {
  const buffer = await file.arrayBuffer();
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), gbk: false };
  } catch {
    return { text: new TextDecoder('gb18030').decode(buffer), gbk: true };
  }
}

async function openFiles(files) {
  const notes = [];
  const docs = [];
  for (const file of files) {
    try {
      const { text, gbk } = await readFile(file);
      if (gbk) notes.push(t('decodedGbk', { name: file.name }));
      docs.push({ name: file.name, input: text });
    } catch (e) {
      notes.push(t('readFailed', { name: file.name, message: e.message }));
    }
  }
  $('toolbar-msg').textContent = notes.join(' ');
  if (docs.length === 1) {
    input.value = docs[0].input;
    showHtmlChip(null);
    inputChanged();
    analyze([newDoc('', input.value)]);
  } else if (docs.length > 1) {
    const kept = [];
    for (const d of docs) {
      const size = inputTooLarge(d.input);
      if (size) notes.push(t('fileTooLarge', { name: d.name, size: bytes(size), limit: bytes(MAX_INPUT_BYTES) }));
      else kept.push(newDoc(d.name, d.input));
    }
    $('toolbar-msg').textContent = notes.join(' ');
    if (kept.length) analyze(kept);
  }
}

function newDoc(name, text) {
  return { name, input: text, restored: new Map(), result: null, words: null };
}

// Samples: one click puts the article in the box and reads it.
$('sample-buttons').append(
  ...SAMPLES.map((sample, i) =>
    h(
      'button',
      {
        type: 'button',
        class: 'small sample',
        title: sample.name,
        dataset: { sample: i },
        onclick: () => {
          input.value = sample.text;
          showHtmlChip(null);
          inputChanged();
          analyze([newDoc('', sample.text)]);
        },
      },
      sample.label,
    ),
  ),
);

// ---------------------------------------------------------------- analysis

$('analyze').addEventListener('click', () => analyzeBox());

function analyzeBox() {
  if (state.busy) return;
  const text = input.value;
  if (!text.trim()) {
    status('empty', {}, 'error');
    input.focus();
    return;
  }
  analyze([newDoc('', text)]);
}

$('cancel').addEventListener('click', () => {
  state.generation++;
  state.wordsJob?.cancel();
  engine.stop();
  setBusy(false);
  status('cancelled', {}, 'ready');
});

let tick;
async function analyze(docs) {
  const over = docs.length === 1 ? inputTooLarge(docs[0].input) : 0;
  if (over) {
    // Refused, and the text stays where it is.
    status('tooLarge', { size: bytes(over), limit: bytes(MAX_INPUT_BYTES) }, 'error');
    $('size-msg').hidden = false;
    $('size-msg').textContent = t('tooLarge', { size: bytes(over), limit: bytes(MAX_INPUT_BYTES) });
    return;
  }
  const generation = ++state.generation;
  state.wordsJob?.cancel();
  state.restartNotice = null;
  setBusy(true);
  progress(docs.length > 1 ? 0 : undefined);
  const t0 = performance.now();
  const say = (i) =>
    docs.length > 1
      ? status('analyzingBatch', { i: i + 1, n: docs.length, name: docs[i].name }, 'busy')
      : status('analyzing', {}, 'busy');
  let current = 0;
  say(0);
  clearInterval(tick);
  tick = setInterval(() => {
    if (performance.now() - t0 > 1500) $('status').textContent = `${t(state.status.key, state.status.params)} ${seconds(performance.now() - t0)} s`;
  }, 1000);
  try {
    for (current = 0; current < docs.length; current++) {
      say(current);
      const answer = await engine.analyze(docs[current].input, [...docs[current].restored.keys()]);
      if (generation !== state.generation) return;
      docs[current].result = answer.result;
      if (docs.length > 1) progress((current + 1) / docs.length);
    }
  } catch (e) {
    if (generation !== state.generation) return;
    failed(e);
    return;
  } finally {
    clearInterval(tick);
  }
  setBusy(false);
  state.docs = docs;
  state.current = 0;
  state.selected = null;
  const n = docs.reduce((sum, d) => sum + d.result.targets.length, 0);
  const s = seconds(performance.now() - t0);
  if (docs.length > 1) status('foundBatch', { files: docs.length, n, s }, 'done');
  else status('found', { n, s }, 'done');
  renderAll();
}

function failed(e) {
  setBusy(false);
  if (e.kind === 'restarted') status('restarted', { message: e.message }, 'error');
  else if (e.kind === 'cancelled') status('cancelled', {}, 'ready');
  else if (e.kind === 'load') status('loadFailed', { message: e.message }, 'error');
  else status('error', { message: e.message }, 'error');
}

/** Re-reads one document (a removed line taken back or put away again). */
async function reanalyze(i) {
  const doc = state.docs[i];
  const generation = ++state.generation;
  const t0 = performance.now();
  setBusy(true);
  progress(undefined);
  status('analyzing', {}, 'busy');
  try {
    const answer = await engine.analyze(doc.input, [...doc.restored.keys()]);
    if (generation !== state.generation) return;
    doc.result = answer.result;
    doc.words = null;
  } catch (e) {
    if (generation === state.generation) failed(e);
    return;
  }
  setBusy(false);
  status('found', { n: doc.result.targets.length, s: seconds(performance.now() - t0) }, 'done');
  state.selected = null;
  renderAll({ keepDoc: true });
}

// ---------------------------------------------------------------- views

const table = createTable({ onSelect: (doc, idx) => select(doc, idx) });

function rowsOf(docs) {
  return docs.flatMap((d, doc) =>
    d.result.targets.map((target, idx) => ({
      doc,
      idx,
      target,
      fileName: d.name,
      fileLabel: d.result.meta.title || d.name,
    })),
  );
}

function renderAll({ keepDoc = false } = {}) {
  const docs = state.docs;
  if (!docs.length) return;
  const batch = docs.length > 1;
  $('results').hidden = false;
  $('batch').hidden = !batch;
  if (batch) renderBatch();
  const rows = rowsOf(docs);
  table.setRows(rows, batch);
  drawChart();
  $('doc-select-label').hidden = !batch;
  $('doc-select').replaceChildren(...docs.map((d, i) => h('option', { value: i }, d.result.meta.title || d.name)));
  showDoc(keepDoc ? state.current : 0);
  if (state.selected) select(state.selected.doc, state.selected.idx, { scroll: false });
}

function renderBatch() {
  $('batch-table').tBodies[0].replaceChildren(
    ...state.docs.map((d, i) =>
      h(
        'tr',
        { class: i === state.current ? 'selected' : null },
        h('td', {}, d.name),
        h('td', {}, d.result.meta.title ?? t('noTitle')),
        h('td', { class: 'num' }, d.result.targets.length),
        h('td', {}, h('button', { type: 'button', class: 'small', onclick: () => showDoc(i), 'aria-label': `${t('batchShow')}: ${d.name}` }, t('batchShow'))),
      ),
    ),
  );
}

function showDoc(i) {
  state.current = i;
  const doc = state.docs[i];
  $('doc-select').value = String(i);
  if (state.docs.length > 1) renderBatch();
  renderMeta(doc);
  renderText(doc, { onMarkClick: markClicked });
  renderDropped(doc, { onRestore: (d) => restore(i, d), onUndo: (d) => unrestore(i, d) });
  renderQualitative(doc);
  renderWords(doc);
  if (!$('panel-words').hidden || state.docs.length === 1) requestWords(i);
}

$('doc-select').addEventListener('change', (e) => showDoc(Number(e.target.value)));

function renderMeta(doc) {
  const m = doc.result.meta;
  $('title').textContent = m.title ?? t('noTitle');
  $('subtitle').hidden = !m.subtitle;
  $('subtitle').textContent = m.subtitle ?? '';
  const entries = [
    ['metaDate', m.date?.replace('T', ' ')],
    ['metaSource', m.source],
    ['metaAuthors', m.authors.join('、')],
    ['metaEditors', m.editors.map((e) => `${e.role} ${e.name}`).join('；')],
    ['metaColumn', m.column],
    ['metaSite', m.site],
    ['metaClicks', m.clicks === null ? null : plain(m.clicks)],
  ].filter(([, v]) => v);
  $('meta').replaceChildren(...entries.map(([k, v]) => h('div', {}, h('dt', {}, t(k)), h('dd', {}, v))));
  $('doc-warnings').replaceChildren(
    ...doc.result.warnings.map((w) => h('li', {}, has(`warn_${w.code}`) ? t(`warn_${w.code}`) : w.message)),
  );
}

function renderQualitative(doc) {
  const q = doc.result.qualitative;
  $('qualitative').hidden = !q.length;
  $('qualitative-heading').textContent = t('qualitativeHeading', { n: q.length });
  $('qualitative-list').replaceChildren(
    ...q.map((x) => h('li', {}, h('span', { class: `status status-${x.status}` }, t(`status_${x.status}`)), ' ', h('strong', {}, x.indicator), ' ', x.evidence)),
  );
}

function select(doc, idx, { scroll = true } = {}) {
  if (doc !== state.current) showDoc(doc);
  state.selected = { doc, idx };
  activateTab('text');
  table.select(doc, idx, { scroll });
  markBar(`${doc}:${idx}`);
  highlight(idx, { scroll });
}

/** A click on marked text: its target, or the next one when marks overlap. */
function markClicked(cover) {
  const sel = state.selected;
  const at = sel && sel.doc === state.current ? cover.indexOf(sel.idx) : -1;
  select(state.current, cover[(at + 1) % cover.length]);
}

function restore(i, dropped) {
  state.docs[i].restored.set(dropped.line, dropped);
  reanalyze(i);
}

function unrestore(i, dropped) {
  state.docs[i].restored.delete(dropped.line);
  reanalyze(i);
}

// ---------------------------------------------------------------- words

function requestWords(i) {
  const doc = state.docs[i];
  if (!doc || doc.words || state.wordsJob?.doc === doc) return;
  state.wordsJob?.cancel();
  const job = engine.words(doc.result.text, state.keywordMethod, (p) => {
    if (state.docs[state.current] === doc) renderWords(doc, { progress: p });
  });
  state.wordsJob = { doc, cancel: job.cancel, promise: job.promise };
  job.promise.then(
    (answer) => {
      if (state.wordsJob?.doc === doc) state.wordsJob = null;
      doc.words = { text: doc.result.text, starts: answer.starts, ends: answer.ends, tags: answer.tags, keywords: answer.keywords };
      if (state.docs[state.current] === doc) renderWords(doc);
    },
    (e) => {
      if (state.wordsJob?.doc === doc) state.wordsJob = null;
      if (e.kind === 'restarted') status('restarted', { message: e.message }, 'error');
    },
  );
}

$('keyword-method').addEventListener('change', (e) => {
  state.keywordMethod = e.target.value;
  state.wordsJob?.cancel();
  state.wordsJob = null;
  for (const d of state.docs) d.words = null;
  showDoc(state.current);
});

$('show-tags').addEventListener('change', (e) => $('tokens').classList.toggle('show-tags', e.target.checked));

$('user-dict').value = store.get(STORE.dict) ?? '';
$('user-dict-apply').addEventListener('click', async () => {
  const dict = $('user-dict').value;
  const msg = $('user-dict-msg');
  msg.classList.remove('error');
  try {
    await engine.setUserDict(dict);
  } catch (e) {
    msg.textContent = t('userDictError', { message: e.message });
    msg.classList.add('error');
    return;
  }
  store.set(STORE.dict, dict.trim() ? dict : '');
  const n = dict.split('\n').filter((l) => l.trim()).length;
  msg.textContent = n ? t('userDictApplied', { n }) : t('userDictCleared');
  // The words (and so the targets) may read differently now.
  if (state.docs.length) {
    const keep = state.current;
    state.wordsJob?.cancel();
    state.wordsJob = null;
    await analyze(state.docs.map((d) => ({ ...d, result: null, words: null })));
    if (state.docs[keep]) showDoc(keep);
  }
});

// ---------------------------------------------------------------- tabs

function activateTab(name) {
  for (const tab of ['text', 'words']) {
    const on = tab === name;
    $(`tab-${tab}`).setAttribute('aria-selected', String(on));
    $(`tab-${tab}`).tabIndex = on ? 0 : -1;
    $(`panel-${tab}`).hidden = !on;
  }
  if (name === 'words') requestWords(state.current);
}

for (const name of ['text', 'words']) {
  $(`tab-${name}`).addEventListener('click', () => activateTab(name));
  $(`tab-${name}`).addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const other = name === 'text' ? 'words' : 'text';
    activateTab(other);
    $(`tab-${other}`).focus();
  });
}

// ---------------------------------------------------------------- export

function toolbarSay(key) {
  $('toolbar-msg').textContent = t(key);
  setTimeout(() => {
    if ($('toolbar-msg').textContent === t(key)) $('toolbar-msg').textContent = '';
  }, 3000);
}

$('export-csv').addEventListener('click', () => {
  const rows = table.shown();
  const title = state.docs.length === 1 ? state.docs[0].result.meta.title : `mubiao-${state.docs.length}`;
  download(fileName(title, 'csv'), toCsv(rows, state.docs), 'text/csv;charset=utf-8');
});

$('export-json').addEventListener('click', () => {
  const title = state.docs.length === 1 ? state.docs[0].result.meta.title : `mubiao-${state.docs.length}`;
  download(fileName(title, 'json'), toJson(state.docs), 'application/json');
});

$('copy-text').addEventListener('click', async () => {
  const doc = state.docs[state.current];
  toolbarSay((await copy(doc.result.text)) ? 'copied' : 'copyFailed');
});

$('copy-words').addEventListener('click', async () => {
  const doc = state.docs[state.current];
  requestWords(state.current);
  if (!doc.words) {
    try {
      await state.wordsJob?.promise;
    } catch {
      return; // requestWords reports why
    }
  }
  if (!doc.words) return;
  toolbarSay((await copy(segmentedText(doc.words, $('show-tags').checked))) ? 'copied' : 'copyFailed');
});

// ---------------------------------------------------------------- language, layout

function relabel() {
  $('lang').lang = getLang() === 'zh' ? 'en' : 'zh-CN';
  $('status').textContent = t(state.status.key, state.status.params);
  renderLegend();
  inputChanged();
  const n = table.shown().length;
  $('export-csv').textContent = n && n < table.all().length ? t('exportCsvShown', { n }) : t('exportCsv');
  if (state.docs.length) renderAll({ keepDoc: true });
}
onLangChange(relabel);

$('lang').addEventListener('click', () => {
  const next = getLang() === 'zh' ? 'en' : 'zh';
  store.set(STORE.lang, next);
  setLang(next);
});

// The CSV button says when it exports a filtered view.
for (const id of ['filter-status', 'filter-indicator', 'filter-file']) {
  $(id).addEventListener('change', () => {
    const n = table.shown().length;
    $('export-csv').textContent = n < table.all().length ? t('exportCsvShown', { n }) : t('exportCsv');
  });
}

/**
 * The chart is drawn after the next frame: it measures its width, and by then
 * the browser has laid out the rest, so measuring costs nothing.
 */
let chartTimer;
function drawChart() {
  clearTimeout(chartTimer);
  requestAnimationFrame(() => {
    clearTimeout(chartTimer);
    chartTimer = setTimeout(() => {
      if (!state.docs.length) return;
      renderChart(rowsOf(state.docs), { onSelect: (doc, idx) => select(doc, idx), batch: state.docs.length > 1 });
      if (state.selected) markBar(`${state.selected.doc}:${state.selected.idx}`);
    });
  });
}

new ResizeObserver(([entry]) => {
  const w = Math.round(entry.contentRect.width);
  if (Math.abs(w - chartWidth()) >= 24 && state.docs.length) drawChart();
}).observe($('chart'));

// ---------------------------------------------------------------- offline

function registerServiceWorker() {
  if (SINGLE_FILE) {
    $('offline').hidden = false; // nothing to cache: it is all in this file
    $('single-link').hidden = true;
    return;
  }
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker
    .register(scriptURL(new URL('./sw.js', location.href)))
    .then((reg) => {
      const offer = (worker) => {
        if (!worker || !navigator.serviceWorker.controller) return;
        $('update').hidden = false;
        $('update-reload').onclick = () => {
          navigator.serviceWorker.addEventListener('controllerchange', () => location.reload());
          worker.postMessage('skip-waiting');
        };
      };
      offer(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const next = reg.installing;
        next?.addEventListener('statechange', () => next.state === 'installed' && offer(next));
      });
    })
    .catch(() => {
      // Not fatal: the page works online without it.
    });
  navigator.serviceWorker.ready.then(() => {
    $('offline').hidden = false;
  });
}

// ---------------------------------------------------------------- start

setLang(store.get(STORE.lang) ?? 'zh');
input.value = store.get(STORE.draft) ?? '';
inputChanged();
// After the analyzer has loaded, so that caching for next time does not
// compete with the first load of the wasm.
engine.loaded.then(registerServiceWorker, registerServiceWorker);
