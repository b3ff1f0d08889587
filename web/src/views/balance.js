// The balance: visits to a host country per period, stacked by the
// visitor's bloc. A click on a bar segment lists the visits behind it and
// the articles that report them.
import { api } from '../api.js';
import { empty, errorBox, h, loading, s, load } from '../dom.js';
import { actorLink, articleLink, DATE_HINT, filterForm, formatDate, statusBadge } from '../format.js';
import { hostChips, hostCounts } from '../hosts.js';
import { navigate } from '../router.js';

const KNOWN_COLOURS = { West: '#2f6db5', RUS: '#c0392b', CHN: '#d4a017', TUR: '#16a085', Other: '#8e8e8e' };
const PALETTE = ['#7b52ab', '#e67e22', '#27ae60', '#e84393', '#00838f', '#6d4c41', '#5c6bc0', '#9e9d24'];

export function blocColours(blocs) {
  const out = {};
  let k = 0;
  for (const b of blocs) out[b] = KNOWN_COLOURS[b] || PALETTE[k++ % PALETTE.length];
  return out;
}

function niceStep(max) {
  if (max <= 5) return 1;
  const raw = max / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

const UNDATED = 'undated';

// rows -> {periods, blocs, cells: Map(period -> Map(bloc -> {visits, ids, partners}))}
export function stack(rows) {
  const cells = new Map();
  const totals = new Map();
  for (const r of rows) {
    const p = r.period === null ? UNDATED : r.period;
    if (!cells.has(p)) cells.set(p, new Map());
    const m = cells.get(p);
    if (!m.has(r.bloc)) m.set(r.bloc, { visits: 0, partners: new Map() });
    const c = m.get(r.bloc);
    c.visits += r.visits;
    c.partners.set(r.partner, (c.partners.get(r.partner) || 0) + r.visits);
    totals.set(r.bloc, (totals.get(r.bloc) || 0) + r.visits);
  }
  const periods = [...cells.keys()].filter((p) => p !== UNDATED).sort();
  if (cells.has(UNDATED)) periods.push(UNDATED);
  const blocs = [...totals.keys()].sort((a, b) => totals.get(b) - totals.get(a) || a.localeCompare(b));
  return { periods, blocs, cells, totals };
}

function chart(data, colours, by, onPick) {
  const { periods, blocs, cells } = data;
  const W = 960;
  const H = 380;
  const M = { left: 64, right: 16, top: 16, bottom: periods.length > 14 ? 84 : 64 };
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  let max = 1;
  for (const p of periods) {
    let t = 0;
    for (const c of cells.get(p).values()) t += c.visits;
    max = Math.max(max, t);
  }
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const y = (v) => M.top + ph - (v / top) * ph;
  const band = pw / periods.length;
  const bw = Math.min(64, band * 0.7);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': `Visits per ${by}, stacked by bloc` });
  // grid and y axis
  for (let v = 0; v <= top; v += step) {
    svg.append(s('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: v === 0 ? 'axis' : 'grid' }));
    svg.append(s('text', { x: M.left - 8, y: y(v) + 4, class: 'tick', 'text-anchor': 'end' }, String(v)));
  }
  svg.append(s('text', { class: 'axis-title', transform: `translate(16 ${M.top + ph / 2}) rotate(-90)`, 'text-anchor': 'middle' }, 'Visits'));
  svg.append(s('text', { class: 'axis-title', x: M.left + pw / 2, y: H - 8, 'text-anchor': 'middle' }, `Period (${by})${periods.includes(UNDATED) ? ' — “undated”: month not given' : ''}`));
  periods.forEach((p, i) => {
    const cx = M.left + band * i + band / 2;
    let acc = 0;
    for (const b of blocs) {
      const c = cells.get(p).get(b);
      if (!c) continue;
      const y0 = y(acc);
      const y1 = y(acc + c.visits);
      acc += c.visits;
      const partners = [...c.partners.entries()].map(([k, n]) => `${k} ${n}`).join(', ');
      const rect = s('rect', {
        x: cx - bw / 2, y: y1, width: bw, height: Math.max(1, y0 - y1), fill: colours[b], class: 'bar',
        tabindex: 0, role: 'button', 'aria-label': `${p}, ${b}: ${c.visits} visit${c.visits === 1 ? '' : 's'}`,
        dataset: { period: p, bloc: b, visits: String(c.visits) },
        onclick: () => onPick(p, b, c),
        onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick(p, b, c); } },
      }, s('title', {}, `${p} · ${b}: ${c.visits} (${partners})`));
      svg.append(rect);
      if (y0 - y1 >= 16 && bw >= 18) {
        svg.append(s('text', { x: cx, y: (y0 + y1) / 2 + 4, class: 'bar-label', 'text-anchor': 'middle' }, String(c.visits)));
      }
    }
    const rotate = periods.length > 14;
    svg.append(s('text', {
      x: cx, y: M.top + ph + 18, class: `tick ${p === UNDATED ? 'undated' : ''}`,
      'text-anchor': rotate ? 'end' : 'middle', transform: rotate ? `rotate(-45 ${cx} ${M.top + ph + 18})` : null,
    }, p));
  });
  return svg;
}

function legend(data, colours) {
  return h('ul', { class: 'legend', 'aria-label': 'Blocs' }, data.blocs.map((b) => h('li', {},
    h('span', { class: 'swatch', style: null, dataset: { colour: colours[b] } }),
    `${b} `, h('span', { class: 'muted' }, `(${data.totals.get(b)})`))));
}

// The swatches' colours are set through the DOM, not an inline style
// attribute (the page's policy forbids inline styles in markup).
function paintSwatches(root) {
  for (const el of root.querySelectorAll('.swatch[data-colour]')) el.style.backgroundColor = el.dataset.colour;
}

function table(data) {
  const { periods, blocs, cells } = data;
  return h('table', { class: 'data' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Period'), blocs.map((b) => h('th', { class: 'num' }, b)), h('th', { class: 'num' }, 'Total'))),
    h('tbody', {}, periods.map((p) => {
      let t = 0;
      const tds = blocs.map((b) => {
        const c = cells.get(p).get(b);
        t += c ? c.visits : 0;
        return h('td', { class: 'num' }, c ? String(c.visits) : '·');
      });
      return h('tr', {}, h('th', {}, p), tds, h('td', { class: 'num' }, String(t)));
    })));
}

// The visits behind one bar: the same balance asked again with visit ids
// (the chart itself is drawn from counts alone), then those visits.
async function explain(panel, query, period, bloc, cell) {
  const host = query.host;
  const partners = [...cell.partners.entries()].map(([k, n]) => `${k} ${n}`).join(', ');
  panel.replaceChildren(h('h2', {}, `Visits to ${host} · ${period} · ${bloc}: ${cell.visits}`), h('p', { class: 'muted' }, `Partners: ${partners}`), loading());
  panel.scrollIntoView({ behavior: 'smooth', block: 'start' });
  let data;
  try {
    const withIds = await api('balance', { ...query, ids: 1 });
    const ids = [];
    for (const r of withIds.rows) {
      if ((r.period === null ? UNDATED : r.period) === period && r.bloc === bloc) ids.push(...(r.visit_ids || []));
    }
    data = ids.length ? await api('visits', { ids: ids.slice(0, 1000).join(','), sources: 1 }) : { rows: [] };
  } catch (e) {
    panel.replaceChildren(errorBox(e));
    return;
  }
  panel.lastChild.remove();
  const list = h('ol', { class: 'visit-list', id: 'explain-visits' });
  for (const v of data.rows) {
    list.append(h('li', { class: 'visit-item' },
      h('div', { class: 'who' }, actorLink(v.visitor), v.visitor_role ? h('span', { class: 'muted' }, `, ${v.visitor_role}`) : null,
        ` (${v.visitor_country || '?'})`),
      h('div', {}, `${v.place || v.host_country} · ${formatDate(v.date)} `, statusBadge(v.status), h('span', { class: 'muted small' }, ` · visit #${v.id}, ${v.reports} report${v.reports === 1 ? '' : 's'}`)),
      h('ul', { class: 'sources' }, (v.sources || []).map((src) => h('li', {},
        articleLink(src.article_id, src.title, src.url || src.source),
        h('span', { class: 'muted' }, ` — ${src.outlet || 'outlet unknown'}, ${formatDate(src.published)}`))))));
  }
  panel.append(data.rows.length ? list : empty('These visits are no longer in the store.'));
}

export async function balanceView(root, params, alive) {
  const host = (params.get('host') || '').toUpperCase();
  const by = params.get('by') || 'month';
  const status = params.get('status') || 'past,ongoing';
  root.append(h('h1', {}, host ? `Balance of visits to ${host}` : 'Balance of visits'),
    h('p', { class: 'lede' }, 'Visits a host country received, per period, stacked by the visitor’s bloc. Counts are visits, not articles: one visit reported by several articles counts once. Click a bar to see the visits behind it.'));
  const go = (p) => navigate('balance', p);
  root.append(filterForm([
    { name: 'host', label: 'Host country', placeholder: 'AZE', size: 6 },
    { name: 'by', label: 'Per', options: [['month', 'month'], ['quarter', 'quarter'], ['year', 'year']], value: 'month' },
    { name: 'status', label: 'Visits', options: [['past,ongoing', 'done and under way'], ['planned', 'planned'], ['past,ongoing,planned', 'all']], value: 'past,ongoing' },
    { name: 'from', label: 'From', placeholder: DATE_HINT },
    { name: 'to', label: 'To', placeholder: DATE_HINT },
  ], params, go, 'Show'));
  const hostsBox = h('div', { class: 'hosts' });
  root.append(hostsBox);
  hostCounts().then((hosts) => {
    if (!alive()) return;
    if (hosts.length) hostsBox.append(h('span', { class: 'muted' }, 'Hosts in the record: '), hostChips(hosts, host, (c) => go({ host: c, by, status, from: params.get('from'), to: params.get('to') })));
  }).catch(() => {});
  if (!host) {
    root.append(empty('Choose a host country (ISO alpha-3 code, e.g. AZE) above.'));
    return;
  }
  const query = { host, by, status, from: params.get('from'), to: params.get('to') };
  const out = h('section', { class: 'balance', 'aria-live': 'polite' }, loading());
  root.append(out);
  const data = await load(out, alive, () => api('balance', query));
  if (!data) return;
  if (!data.rows.length) {
    out.append(empty(`No ${status.replace(/,/g, ' or ')} visits to ${host} from other countries in this period.`));
    return;
  }
  const st = stack(data.rows);
  const colours = blocColours(st.blocs);
  const panel = h('section', { class: 'explain', id: 'explain', 'aria-live': 'polite' }, empty('Click a bar segment to list its visits and the articles reporting them.'));
  const total = data.rows.reduce((n, r) => n + r.visits, 0);
  out.append(
    h('p', { class: 'summary' }, `${total} visit${total === 1 ? '' : 's'} from ${new Set(data.rows.map((r) => r.partner)).size} partner${data.rows.length === 1 ? '' : 's'} in ${st.blocs.length} bloc${st.blocs.length === 1 ? '' : 's'}.`),
    legend(st, colours),
    h('div', { class: 'chart-box' }, chart(st, colours, by, (p, b, c) => {
      for (const x of out.querySelectorAll('rect.bar.selected')) x.classList.remove('selected');
      const sel = out.querySelector(`rect.bar[data-period="${CSS.escape(p)}"][data-bloc="${CSS.escape(b)}"]`);
      if (sel) sel.classList.add('selected');
      explain(panel, query, p, b, c);
    })),
    panel,
    h('details', { class: 'table-box' }, h('summary', {}, 'The numbers as a table'), table(st)));
  paintSwatches(out);
}
