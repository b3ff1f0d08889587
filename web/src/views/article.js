// One article: its text with the quotes and the words reporting visits and
// meetings highlighted, and the lists of them beside it. Offsets from the
// store are UTF-8 bytes; toUtf16 converts them.
import { api } from '../api.js';
import { empty, errorBox, externalLink, h, loading, load } from '../dom.js';
import { actorLink, formatDate, statusBadge } from '../format.js';
import { toUtf16 } from '../utf8.js';

const WORD = /[\p{L}\p{N}\p{M}'’\-]/u;

// The end of the word starting at `i` (at least one character).
function wordEnd(text, i) {
  let j = i;
  while (j < text.length && WORD.test(text[j])) j++;
  return Math.max(j, Math.min(i + 1, text.length));
}

// Marks: {start, end, kind, key, label} in UTF-16 indices.
function collectMarks(article) {
  const text = article.text || '';
  const at = toUtf16(text);
  const marks = [];
  (article.quotes || []).forEach((q, i) => {
    const start = at(q.begin);
    const end = at(q.end);
    if (end > start) marks.push({ start, end, kind: 'quote', key: `quote-${i}`, label: `Quote: ${q.speaker}` });
  });
  for (const [kind, list] of [['visit', article.visits || []], ['meeting', article.meetings || []]]) {
    list.forEach((ev, i) => {
      for (const m of ev.mentions || []) {
        const start = at(m);
        if (start >= text.length) continue;
        const label = kind === 'visit' ? `Visit: ${ev.visitor} to ${ev.host_country_name || ev.host_country || '?'}` : `Meeting: ${(ev.participants || []).join(', ')}`;
        marks.push({ start, end: wordEnd(text, start), kind, key: `${kind}-${i}`, label });
      }
    });
  }
  return marks;
}

// The text as Text nodes and <mark> spans: one span per stretch covered by
// the same marks; the first span of each mark carries its id.
function highlighted(text, marks) {
  const cuts = new Set([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  const seen = new Set();
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    const piece = text.slice(a, b);
    const on = marks.filter((m) => m.start <= a && m.end >= b);
    if (on.length === 0) {
      out.push(piece);
      continue;
    }
    const kinds = [...new Set(on.map((m) => m.kind))];
    const span = h('mark', {
      class: kinds.map((x) => `hl-${x}`).join(' '),
      title: on.map((m) => m.label).join('\n'),
      dataset: { marks: on.map((m) => m.key).join(' ') },
    }, piece);
    for (const m of on) {
      if (!seen.has(m.key)) {
        seen.add(m.key);
        if (!span.id) span.id = `m-${m.key}`;
      }
    }
    out.push(span);
  }
  return out;
}

function jumpTo(key) {
  const el = document.getElementById(`m-${key}`) || document.querySelector(`[data-marks~="${key}"]`);
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'center' });
  for (const x of document.querySelectorAll('.flash')) x.classList.remove('flash');
  for (const x of document.querySelectorAll(`[data-marks~="${key}"]`)) x.classList.add('flash');
}

export async function articleView(root, idText, alive) {
  root.append(loading());
  const id = Number(idText);
  if (!Number.isInteger(id) || id < 1) {
    root.replaceChildren(errorBox(new Error(`'${idText}' is not an article id`)));
    return;
  }
  const a = await load(root, alive, () => api(`articles/${id}`));
  if (!a) return;
  const marks = collectMarks(a);
  const meta = [a.outlet, formatDate(a.published), a.lang, (a.authors || []).join(', ') || null, a.section].filter(Boolean).join(' · ');
  root.append(h('article', { class: 'article' },
    h('p', { class: 'back' }, h('a', { href: '#/search' }, '← Search')),
    h('h1', { class: 'article-title' }, a.title || '(no title)'),
    a.subtitle ? h('p', { class: 'subtitle' }, a.subtitle) : null,
    h('p', { class: 'meta' }, meta, ' ', externalLink(a.url, 'original page ↗')),
    a.duplicate_of ? h('p', { class: 'note' }, 'A syndicated copy of ', h('a', { href: `#/article/${a.duplicate_of}` }, `article ${a.duplicate_of}`), '; its events are counted there.') : null,
    h('div', { class: 'legend-inline' },
      h('span', {}, h('mark', { class: 'hl-quote' }, 'quote')),
      h('span', {}, h('mark', { class: 'hl-visit' }, 'visit')),
      h('span', {}, h('mark', { class: 'hl-meeting' }, 'meeting'))),
  ));
  const layout = h('div', { class: 'article-layout' });
  const body = h('div', { class: 'article-text', id: 'article-text' }, highlighted(a.text || '', marks));
  const side = h('aside', { class: 'article-side' });
  layout.append(body, side);
  root.append(layout);

  side.append(h('h2', {}, `Visits (${(a.visits || []).length})`));
  if (!(a.visits || []).length) side.append(empty('No visit reported.'));
  (a.visits || []).forEach((v, i) => {
    side.append(h('div', { class: 'event-card visit', dataset: { key: `visit-${i}` } },
      h('div', {}, actorLink(v.visitor), v.visitor_role ? h('span', { class: 'muted' }, `, ${v.visitor_role}`) : null),
      h('div', {}, `${v.visitor_country_name || v.visitor_country || '?'} → ${v.host_country_name || v.host_country || '?'}${v.place ? ` (${v.place})` : ''} · ${formatDate(v.date)} `, statusBadge(v.status)),
      h('div', { class: 'muted small' }, `CAMEO ${v.cameo || '–'} · ${v.plover_type || ''}${v.plover_mode ? ' / ' + v.plover_mode : ''} · visit #${v.id}`),
      (v.mentions || []).length ? h('button', { type: 'button', class: 'link', onclick: () => jumpTo(`visit-${i}`) }, 'show in text') : null));
  });
  side.append(h('h2', {}, `Meetings (${(a.meetings || []).length})`));
  if (!(a.meetings || []).length) side.append(empty('No meeting reported.'));
  (a.meetings || []).forEach((m, i) => {
    side.append(h('div', { class: 'event-card meeting' },
      h('div', {}, (m.participants || []).flatMap((p, k) => (k ? [', ', actorLink(p)] : [actorLink(p)]))),
      h('div', {}, `${m.place || 'place unknown'} · ${formatDate(m.date)} `, statusBadge(m.status)),
      (m.mentions || []).length ? h('button', { type: 'button', class: 'link', onclick: () => jumpTo(`meeting-${i}`) }, 'show in text') : null));
  });
  side.append(h('h2', {}, `Quotes (${(a.quotes || []).length})`));
  if (!(a.quotes || []).length) side.append(empty('No quote found.'));
  (a.quotes || []).forEach((q, i) => {
    side.append(h('div', { class: 'event-card quote' },
      h('div', {}, actorLink(q.speaker), q.speaker_role ? h('span', { class: 'muted' }, `, ${q.speaker_role}`) : null),
      h('blockquote', {}, q.text),
      h('div', { class: 'muted small' }, `${q.direct ? 'direct' : 'reported'} · “${q.cue}”${q.channel ? ` · to ${q.channel}` : ''}`),
      h('button', { type: 'button', class: 'link', onclick: () => jumpTo(`quote-${i}`) }, 'show in text')));
  });
}
