// Actors: the people and institutions of the record, and a page for each
// with their visits, meetings and quotes by date.
import { api } from '../api.js';
import { empty, errorBox, h, loading, load } from '../dom.js';
import { actorLink, articleLink, filterForm, formatDate, kindBadge, pager, statusBadge } from '../format.js';
import { navigate } from '../router.js';
import { sourceList } from './balance.js';

export async function actorsView(root, params, alive) {
  root.append(h('h1', {}, 'Actors'));
  const go = (p) => navigate('actors', p);
  root.append(filterForm([{ name: 'q', label: 'Part of a name', placeholder: 'Aliyev', wide: true }], params, go, 'Find'));
  const out = h('section', { 'aria-live': 'polite' }, loading());
  root.append(out);
  const data = await load(out, alive, () => api('actors', { q: params.get('q'), offset: params.get('offset'), limit: 50 }));
  if (!data) return;
  if (!data.rows.length) {
    out.append(empty(params.get('q') ? `No actor's name contains “${params.get('q')}”.` : 'No actors in the record yet.'));
    return;
  }
  out.append(h('table', { class: 'data' },
    h('thead', {}, h('tr', {}, ['Name', 'Role', 'Country', 'Visits', 'Meetings', 'Quotes'].map((t, i) => h('th', { class: i > 2 ? 'num' : null }, t)))),
    h('tbody', {}, data.rows.map((a) => h('tr', {},
      h('td', {}, h('a', { href: `#/actor/${a.id}`, class: 'actor-link' }, a.name), h('span', { class: 'muted small' }, ` #${a.id}`)),
      h('td', {}, a.role || '–'), h('td', {}, a.country_name || a.country || '–'),
      h('td', { class: 'num' }, String(a.visits)), h('td', { class: 'num' }, String(a.meetings)), h('td', { class: 'num' }, String(a.quotes)))))),
  pager(data, params, (offset) => go({ q: params.get('q'), offset })) || '');
}

// #/actor/12 (an id, as `attache actors` prints it) or #/actor/Sergei Lavrov.
export async function actorView(root, key, alive) {
  const heading = h('h1', {}, key || 'Actor');
  root.append(h('p', { class: 'back' }, h('a', { href: '#/actors' }, '← Actors')), heading);
  let name = key;
  if (/^\d+$/.test(key || '')) {
    let found;
    try {
      found = await api('actors', { id: key, limit: 1 });
    } catch (e) {
      if (alive()) root.append(errorBox(e));
      return;
    }
    if (!alive()) return;
    if (!found.rows.length) {
      root.append(empty(`There is no actor ${key}.`));
      return;
    }
    name = found.rows[0].name;
    heading.textContent = name;
  }
  if (!name) {
    root.append(empty('No name given.'));
    return;
  }
  const head = h('div', { class: 'actor-head' });
  const out = h('section', { 'aria-live': 'polite' }, loading());
  root.append(head, out);
  let info;
  let tl;
  try {
    [info, tl] = await Promise.all([api('actors', { q: name, limit: 20 }), api('timeline', { person: name, limit: 1000 })]);
  } catch (e) {
    if (alive()) out.replaceChildren(errorBox(e));
    return;
  }
  if (!alive()) return;
  const me = info.rows.find((a) => a.name === name) || info.rows[0];

  if (me) {
    head.append(h('p', { class: 'lede' }, [me.role, me.country_name || me.country].filter(Boolean).join(' · ') || 'Role and country unknown',
      h('span', { class: 'muted small actor-id' }, ` · actor #${me.id} (#/actor/${me.id})`)),
      h('div', { class: 'stats' }, [['visits', me.visits], ['meetings', me.meetings], ['quotes', me.quotes]].map(([l, n]) =>
        h('div', { class: 'card' }, h('div', { class: 'num' }, String(n)), h('div', { class: 'label' }, l)))));
  }
  out.replaceChildren();
  if (!tl.rows.length) {
    out.append(empty(`Nothing in the record for ${name}.`));
    return;
  }
  out.append(h('h2', {}, 'Timeline'));
  const list = h('ol', { class: 'timeline-list' });
  for (const e of tl.rows) {
    let what;
    if (e.kind === 'visit') {
      what = h('span', {}, `Visit to ${e.country_name || e.country || '?'}${e.place ? ` (${e.place})` : ''} `, statusBadge(e.status),
        ' ', h('a', { href: `#/visits?host=${encodeURIComponent(e.country || '')}`, class: 'small' }, 'host’s visits'));
    } else if (e.kind === 'meeting') {
      const ps = Array.isArray(e.participants) ? e.participants : [String(e.actor)];
      what = h('span', {}, `Meeting${e.place ? ` in ${e.place}` : ''} with `, ps.filter((p) => p !== name).flatMap((p, k) => (k ? [', ', actorLink(p)] : [actorLink(p)])), ' ', statusBadge(e.status));
    } else {
      what = h('span', {}, h('q', {}, e.text || ''));
    }
    list.append(h('li', { class: `tl-item tl-${e.kind}` }, h('span', { class: 'tl-date' }, formatDate(e.day)), kindBadge(e.kind), ' ', what,
      sourceList(e.sources)));
  }
  out.append(list, tl.more ? h('p', { class: 'muted' }, 'Only the first 1000 entries are shown.') : '');
}
