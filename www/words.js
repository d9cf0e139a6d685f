// The segmentation view: the words of the cleaned text coloured by part of
// speech, the keywords with their weights, and the user dictionary.
import { $, h } from './dom.js';
import { plain } from './format.js';
import { t } from './i18n.js';

const PAGE = 4000;

/** jieba's tags, folded into the families the legend shows. */
export function posFamily(tag = '') {
  if (/^(nr|nrt|nrfg)$/.test(tag)) return 'nr';
  if (tag === 'ns') return 'ns';
  if (tag === 'nt') return 'nt';
  if (/^(n|nz|ng|vn|an)$/.test(tag)) return tag === 'vn' ? 'v' : 'n';
  if (/^v/.test(tag)) return 'v';
  if (/^(a|ad|ag|b|z)$/.test(tag)) return 'a';
  if (/^(m|mq|q)$/.test(tag)) return 'm';
  if (/^(t|tg)$/.test(tag)) return 't';
  if (/^(d|dg)$/.test(tag)) return 'd';
  if (/^(p|c|u|uj|ul|uz|ug|uv|ud|r|rr|rz|e|y|o|f|s|k|h)/.test(tag)) return 'f';
  if (/^(i|l|j)$/.test(tag)) return 'i';
  return 'x';
}
const FAMILIES = ['n', 'nr', 'ns', 'nt', 'v', 'a', 'm', 't', 'd', 'i', 'f', 'x'];

export function renderLegend() {
  $('legend').replaceChildren(
    ...FAMILIES.map((f) => h('li', {}, h('span', { class: `tok pos-${f}` }, t(`pos_${f}`)))),
  );
}

/**
 * The words of a document: `{text, starts, ends, tags, keywords}` with word
 * `i` being `text.slice(starts[i], ends[i])`.
 */
export function tokenList(words) {
  const out = [];
  for (let i = 0; i < words.starts.length; i++) {
    out.push({ word: words.text.slice(words.starts[i], words.ends[i]), span: [words.starts[i], words.ends[i]], tag: words.tags[i] });
  }
  return out;
}

/** Shows the words of `doc` (or that they are on their way). */
export function renderWords(doc, { progress } = {}) {
  const words = doc?.words;
  $('words-pending').hidden = Boolean(words);
  if (!words) {
    $('words-pending').textContent = progress === undefined ? t('wordsPending') : t('segmenting', { pct: Math.round(progress * 100) });
    $('tokens').replaceChildren();
    $('tokens-count').textContent = '';
    $('keywords').replaceChildren();
    return;
  }
  const { text, starts, ends, tags } = words;
  let count = 0;
  for (let i = 0; i < starts.length; i++) if (text.slice(starts[i], ends[i]).trim()) count++;
  $('tokens-count').textContent = t('tokensCount', { n: count });
  let shown = 0;
  const more = () => {
    const frag = [];
    const end = Math.min(starts.length, shown + PAGE);
    for (; shown < end; shown++) {
      const word = text.slice(starts[shown], ends[shown]);
      const tag = tags[shown];
      if (word === '\n') frag.push(h('br'));
      else if (!word.trim()) frag.push(' ');
      else frag.push(h('span', { class: `tok pos-${posFamily(tag)}`, dataset: { tag }, title: tag }, word));
    }
    $('tokens-more')?.remove();
    $('tokens').append(...frag);
    if (shown < starts.length) {
      $('tokens').append(
        h('button', { type: 'button', id: 'tokens-more', class: 'small', onclick: more }, t('showMore', { n: Math.min(PAGE, starts.length - shown) })),
      );
    }
  };
  $('tokens').replaceChildren();
  more();
  const top = Math.max(...words.keywords.map((k) => k.weight), 0) || 1;
  $('keywords').replaceChildren(
    ...words.keywords.map((k) => {
      const rel = k.weight / top;
      const bar = h('span', { class: 'kw-bar' });
      bar.style.width = `${(rel * 100).toFixed(1)}%`;
      return h(
        'li',
        {},
        h('span', { class: `tok pos-${posFamily(k.tag)}` }, k.word),
        h('span', { class: 'bar-track', 'aria-hidden': 'true' }, bar),
        h('span', { class: 'weight', title: String(k.weight) }, plain(rel, 2)),
      );
    }),
  );
}

/** `词 词 词` line by line; with tags `词/n 词/v`. */
export function segmentedText(words, withTags) {
  const { text, starts, ends, tags } = words;
  const lines = [[]];
  for (let i = 0; i < starts.length; i++) {
    const word = text.slice(starts[i], ends[i]);
    if (word.includes('\n')) lines.push([]);
    else if (word.trim()) lines[lines.length - 1].push(withTags && tags[i] ? `${word}/${tags[i]}` : word);
  }
  return lines.map((l) => l.join(' ')).join('\n');
}
