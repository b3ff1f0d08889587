// Small formatting helpers shared by the views.
import { h } from './dom.js';

export function formatDate(d) {
  if (!d) return 'date unknown';
  if (d.startsWith('XXXX-')) return `${d.slice(5)} (year unknown)`;
  return d.replace('T', ' ');
}

export function statusBadge(status) {
  return h('span', { class: `badge status-${/^(planned|ongoing|past)$/.test(status) ? status : 'other'}` }, status || 'unknown');
}

export function kindBadge(kind) {
  return h('span', { class: `badge kind-${/^(visit|meeting|quote)$/.test(kind) ? kind : 'other'}` }, kind);
}

export function articleLink(id, title, fallback) {
  return h('a', { href: `#/article/${encodeURIComponent(id)}`, class: 'article-link' }, title || fallback || `Article ${id}`);
}

export function actorLink(name) {
  if (!name) return null;
  return h('a', { href: `#/actor/${encodeURIComponent(name)}`, class: 'actor-link' }, name);
}

export function field(label, value) {
  return h('div', { class: 'field' }, h('label', {}, label), value);
}

// A form whose inputs map to route parameters. `fields`: [{name, label, placeholder, type, options}]
export function filterForm(fields, params, onSubmit, submitLabel = 'Search') {
  const inputs = {};
  const controls = fields.map((f) => {
    let input;
    if (f.options) {
      input = h('select', { name: f.name, id: `f-${f.name}` },
        f.options.map(([v, label]) => h('option', { value: v, selected: (params.get(f.name) || f.value || '') === v }, label)));
    } else {
      input = h('input', { name: f.name, id: `f-${f.name}`, type: f.type || 'text', placeholder: f.placeholder || '', size: f.size || null });
      input.value = params.get(f.name) || f.value || '';
    }
    inputs[f.name] = input;
    return h('div', { class: `control ${f.wide ? 'wide' : ''}` }, h('label', { for: `f-${f.name}` }, f.label), input);
  });
  const form = h('form', {
    class: 'filters',
    onsubmit: (e) => {
      e.preventDefault();
      const out = {};
      for (const [k, el] of Object.entries(inputs)) out[k] = el.value.trim();
      onSubmit(out);
    },
  }, controls, h('div', { class: 'control' }, h('label', {}, '\u00a0'), h('button', { type: 'submit' }, submitLabel)));
  return form;
}

export function pager(data, params, go) {
  const offset = Number(data.offset || 0);
  const limit = Number(data.limit || 50);
  if (offset === 0 && !data.more) return null;
  return h('div', { class: 'pager' },
    offset > 0 ? h('button', { type: 'button', onclick: () => go(Math.max(0, offset - limit)) }, '← Previous') : null,
    h('span', { class: 'muted' }, `rows ${offset + 1}–${offset + data.rows.length}`),
    data.more ? h('button', { type: 'button', onclick: () => go(offset + limit) }, 'Next →') : null);
}

export const DATE_HINT = 'YYYY-MM-DD';
