// Search: the store's articles by full text, outlet, language and dates,
// with the record's totals above.
import { api } from '../api.js';
import { empty, errorBox, h, loading, load } from '../dom.js';
import { articleLink, DATE_HINT, filterForm, formatDate, pager } from '../format.js';
import { navigate } from '../router.js';

// The store marks matches in snippets with [ and ].
function snippet(text) {
  const out = [];
  const re = /\[([^\][]*)\]/g;
  let last = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(h('mark', {}, m[1]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

async function stats(root, alive) {
  const box = h('section', { class: 'stats', 'aria-label': 'The record' });
  root.append(box);
  try {
    const n = await api('stats');
    if (!alive()) return;
    const cards = [
      ['articles', n.articles, n.syndicated ? `+${n.syndicated} syndicated copies` : null],
      ['visits', n.visits, `from ${n.visit_reports} reports`],
      ['meetings', n.meetings, null],
      ['quotes', n.quotes, null],
      ['actors', n.actors, null],
    ];
    for (const [label, value, note] of cards) {
      box.append(h('div', { class: 'card' }, h('div', { class: 'num' }, String(value)), h('div', { class: 'label' }, label), note ? h('div', { class: 'note' }, note) : null));
    }
  } catch (e) {
    if (alive()) box.append(errorBox(e));
  }
}

export async function searchView(root, params, alive) {
  root.append(h('h1', {}, 'Search the record'));
  await stats(root, alive);
  const go = (p) => navigate('search', p);
  root.append(filterForm([
    { name: 'q', label: 'Words', placeholder: 'Lavrov visit, "state visit", minist*', wide: true },
    { name: 'outlet', label: 'Outlet', placeholder: 'Caliber.Az' },
    { name: 'lang', label: 'Language', placeholder: 'en', size: 4 },
    { name: 'from', label: 'From', placeholder: DATE_HINT },
    { name: 'to', label: 'To', placeholder: DATE_HINT },
  ], params, go));
  const results = h('section', { class: 'results', 'aria-live': 'polite' }, loading());
  root.append(results);
  const query = Object.fromEntries(['q', 'outlet', 'lang', 'from', 'to', 'offset'].map((k) => [k, params.get(k)]));
  const data = await load(results, alive, () => api('search', { ...query, limit: 25 }));
  if (!data) return;
  if (data.rows.length === 0) {
    results.append(empty(query.q ? `No article matches “${query.q}”.` : 'No articles match these filters. Is the store empty? (attache ingest --db FILE PATH…)'));
    return;
  }
  results.append(h('p', { class: 'muted' }, query.q ? `Articles matching “${query.q}”, best first` : 'Latest articles'));
  const list = h('ol', { class: 'article-list', start: Number(data.offset) + 1 });
  for (const a of data.rows) {
    const title = a.title || (a.snippet ? a.snippet.replace(/[[\]]/g, '').slice(0, 90) + '…' : null);
    list.append(h('li', { class: 'article-item' },
      h('div', { class: 'title' }, articleLink(a.id, title)),
      h('div', { class: 'meta' }, [a.outlet || 'outlet unknown', formatDate(a.published), a.lang || null].filter(Boolean).join(' · '),
        a.duplicate_of ? h('span', { class: 'badge' }, 'syndicated copy') : null),
      a.snippet ? h('p', { class: 'snippet' }, snippet(a.snippet)) : null));
  }
  results.append(list, pager(data, params, (offset) => go({ ...query, offset })) || '');
}
