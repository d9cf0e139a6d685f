// Building the page's elements. Text only ever becomes text nodes: nothing
// here parses a string as HTML (the page's Trusted Types policy would refuse
// it anyway), so whatever an article contains is shown, never run.

/**
 * `h('td', {class: 'num', title: '…'}, 'text', child)`. Attributes that are
 * functions become listeners (`onclick`); `null`/`false` ones are left out.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  el.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false).map(node));
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';

export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  setAttrs(el, attrs);
  el.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false).map(node));
  return el;
}

function node(c) {
  return c instanceof Node ? c : document.createTextNode(String(c));
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (/^on/i.test(k)) throw new TypeError(`${k}: handlers are functions, never strings`);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

export const $ = (id) => document.getElementById(id);
