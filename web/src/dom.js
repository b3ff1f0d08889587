// DOM building without HTML strings. Article text and every other value from
// the store is hostile: it only ever becomes a Text node or an attribute
// value, never markup (no innerHTML anywhere in the dashboard).

const SVG_NS = 'http://www.w3.org/2000/svg';

function appendChildren(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

function setProps(el, props) {
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.setAttribute('class', v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'href') el.setAttribute('href', safeHref(v));
    else el.setAttribute(k, String(v));
  }
}

// h('p', {class: 'x'}, 'text', child...): an HTML element.
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  appendChildren(el, children);
  return el;
}

// s('rect', {...}): an SVG element.
export function s(tag, props, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setProps(el, props);
  appendChildren(el, children);
  return el;
}

// Links: our own routes (#/...), or http(s) addresses from the data. Anything
// else (javascript:, data:, ...) becomes an inert link.
export function safeHref(v) {
  const u = String(v);
  if (u.startsWith('#/')) return u;
  if (/^https?:\/\//i.test(u)) return u;
  return '#/';
}

export function externalLink(url, text) {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  return h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'external' }, text || url);
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function errorBox(err) {
  const param = err && err.param ? ` (parameter: ${err.param})` : '';
  return h('div', { class: 'error', role: 'alert' }, h('strong', {}, 'Error: '), String(err && err.message ? err.message : err), param);
}

export function empty(text) {
  return h('p', { class: 'empty' }, text);
}

export function loading() {
  return h('p', { class: 'muted loading' }, 'Loading…');
}

// Runs `request` for the view that owns `out`: on success, empties `out` and
// returns the data; on failure shows the error there and returns null; once
// the view is gone (`alive()` false), returns null and touches nothing.
export async function load(out, alive, request) {
  let data;
  try {
    data = await request();
  } catch (e) {
    if (alive()) out.replaceChildren(errorBox(e));
    return null;
  }
  if (!alive()) return null;
  out.replaceChildren();
  return data;
}
