// Quotes by speaker, channel (the outlet spoken to) and words.
import { api } from '../api.js';
import { empty, h, loading, load } from '../dom.js';
import { actorLink, articleLink, DATE_HINT, filterForm, formatDate, pager } from '../format.js';
import { navigate } from '../router.js';

export async function quotesView(root, params, alive) {
  root.append(h('h1', {}, 'Quotes'));
  const go = (p) => navigate('quotes', p);
  root.append(filterForm([
    { name: 'speaker', label: 'Speaker', placeholder: 'Lavrov' },
    { name: 'channel', label: 'Told to (outlet)', placeholder: 'Turan' },
    { name: 'q', label: 'Words', placeholder: 'balance', wide: true },
    { name: 'from', label: 'From', placeholder: DATE_HINT },
    { name: 'to', label: 'To', placeholder: DATE_HINT },
  ], params, go));
  const out = h('section', { 'aria-live': 'polite' }, loading());
  root.append(out);
  const query = Object.fromEntries(['speaker', 'channel', 'q', 'from', 'to', 'offset'].map((k) => [k, params.get(k)]));
  const data = await load(out, alive, () => api('quotes', { ...query, limit: 25 }));
  if (!data) return;
  if (!data.rows.length) {
    out.append(empty('No quote matches.'));
    return;
  }
  out.append(h('ol', { class: 'quote-list' }, data.rows.map((q) => h('li', { class: 'quote-item' },
    h('blockquote', {}, q.text),
    h('div', {}, '— ', actorLink(q.speaker), q.speaker_role ? h('span', { class: 'muted' }, `, ${q.speaker_role}`) : null,
      q.channel ? h('span', { class: 'muted' }, `, to ${q.channel}`) : null),
    h('div', { class: 'muted small' }, articleLink(q.article_id, q.article_title, q.outlet || 'the article'), ` · ${q.outlet || ''} · ${formatDate(q.published)} · ${q.direct ? 'direct' : 'reported'}`)))),
  pager(data, params, (offset) => go({ ...query, offset })) || '');
}
