// The balance: visits to one to three host countries per period, on one
// true time axis, stacked by the visitor's bloc, as counts or as each bloc's
// share of the period. A click on a bar segment lists the visits behind it
// and the articles that report them; the numbers and the chart download as
// CSV and PNG.
import { api } from '../api.js';
import { empty, errorBox, h, loading } from '../dom.js';
import { actorLink, articleLink, DATE_HINT, filterForm, formatDate, statusBadge } from '../format.js';
import { hostChips, hostCounts } from '../hosts.js';
import { navigate } from '../router.js';
import { timeChart, UNDATED } from '../chart.js';
import { downloadCsv, downloadPng } from '../download.js';

const KNOWN_COLOURS = { West: '#2f6db5', 'Russia and allies': '#c0392b', 'China and the SCO': '#d4a017', 'Türkiye and the OTS': '#16a085', 'South Caucasus': '#7b52ab', Other: '#8e8e8e' };
const PALETTE = ['#e67e22', '#27ae60', '#e84393', '#00838f', '#6d4c41', '#5c6bc0', '#9e9d24', '#ad1457'];

export function blocColours(blocs) {
  const out = {};
  let k = 0;
  for (const b of blocs) out[b] = KNOWN_COLOURS[b] || PALETTE[k++ % PALETTE.length];
  return out;
}

// Every period from `first` to `last` ("2018", "2018-Q1" or "2018-03").
export function periodRange(first, last, by) {
  if (!first || !last) return [];
  const idx = (p) => {
    const y = Number(p.slice(0, 4));
    if (by === 'year') return y;
    if (by === 'quarter') return y * 4 + Number(p.slice(6)) - 1;
    return y * 12 + Number(p.slice(5, 7)) - 1;
  };
  const name = (i) => {
    if (by === 'year') return String(i);
    if (by === 'quarter') return `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
    return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  };
  const out = [];
  for (let i = idx(first); i <= idx(last) && out.length < 5000; i++) out.push(name(i));
  return out;
}

// rows -> Map(period or "undated" -> Map(bloc -> {visits, partners}))
export function cellsOf(rows) {
  const cells = new Map();
  for (const r of rows) {
    const p = r.period === null ? UNDATED : r.period;
    if (!cells.has(p)) cells.set(p, new Map());
    const m = cells.get(p);
    if (!m.has(r.bloc)) m.set(r.bloc, { visits: 0, partners: new Map() });
    const c = m.get(r.bloc);
    c.visits += r.visits;
    const who = r.partner_name || r.partner;
    c.partners.set(who, (c.partners.get(who) || 0) + r.visits);
  }
  return cells;
}

function legend(blocs, totals, colours) {
  return h('ul', { class: 'legend', 'aria-label': 'Blocs' }, blocs.map((b) => h('li', {},
    h('span', { class: 'swatch', dataset: { colour: colours[b] } }), `${b} `, h('span', { class: 'muted' }, `(${totals.get(b)})`))));
}

// The swatches' colours are set through the DOM, not an inline style
// attribute (the page's policy forbids inline styles in markup).
function paintSwatches(root) {
  for (const el of root.querySelectorAll('.swatch[data-colour]')) el.style.backgroundColor = el.dataset.colour;
}

// What the chart shows, as rows: host, period, bloc, visits, share.
function screenRows(answers, periods, blocs) {
  const out = [['host', 'host_name', 'period', 'bloc', 'visits', 'period_total', 'share']];
  for (const a of answers) {
    const cells = cellsOf(a.rows);
    for (const p of [...periods, UNDATED]) {
      const m = cells.get(p);
      if (!m) {
        if (p !== UNDATED) out.push([a.host, a.host_name, p, '', 0, 0, '']);
        continue;
      }
      let total = 0;
      for (const c of m.values()) total += c.visits;
      for (const b of blocs) {
        const c = m.get(b);
        if (c) out.push([a.host, a.host_name, p, b, c.visits, total, (c.visits / total).toFixed(4)]);
      }
    }
  }
  return out;
}

function table(rows) {
  return h('table', { class: 'data balance-table' },
    h('thead', {}, h('tr', {}, rows[0].map((t) => h('th', {}, t)))),
    h('tbody', {}, rows.slice(1).map((r) => h('tr', {}, r.map((v) => h('td', {}, String(v)))))));
}

// The visits behind one bar: the same balance asked again with visit ids
// (the chart itself is drawn from counts alone), then those visits.
async function explain(panel, query, host, period, bloc, cell) {
  const partners = [...cell.partners.entries()].map(([k, n]) => `${k} ${n}`).join(', ');
  panel.replaceChildren(h('h2', {}, `Visits to ${host} · ${period} · ${bloc}: ${cell.visits}`), h('p', { class: 'muted' }, `Partners: ${partners}`), loading());
  panel.scrollIntoView({ behavior: 'smooth', block: 'start' });
  let data;
  try {
    const withIds = await api('balance', { ...query, host, ids: 1 });
    const ids = [];
    for (const r of withIds.rows) {
      if ((r.period === null ? UNDATED : r.period) === period && r.bloc === bloc) ids.push(...(r.visit_ids || []));
    }
    data = ids.length ? await api('visits', { ids: ids.slice(0, 1000).join(',') }) : { rows: [] };
  } catch (e) {
    panel.replaceChildren(errorBox(e));
    return;
  }
  panel.lastChild.remove();
  const list = h('ol', { class: 'visit-list', id: 'explain-visits' });
  for (const v of data.rows) {
    list.append(h('li', { class: 'visit-item' },
      h('div', { class: 'who' }, actorLink(v.visitor), v.visitor_role ? h('span', { class: 'muted' }, `, ${v.visitor_role}`) : null,
        ` (${v.visitor_country_name || v.visitor_country || 'country unknown'})`),
      h('div', {}, `${v.place || v.host_country_name || v.host_country} · ${formatDate(v.date)} `, statusBadge(v.status), h('span', { class: 'muted small' }, ` · visit #${v.id}, ${v.reports} report${v.reports === 1 ? '' : 's'}`)),
      sourceList(v.sources)));
  }
  panel.append(data.rows.length ? list : empty('These visits are no longer in the store.'));
}

export function sourceList(sources) {
  return h('ul', { class: 'sources' }, (sources || []).map((src) => h('li', {},
    articleLink(src.id, src.title, src.url),
    h('span', { class: 'muted' }, ` — ${src.outlet || 'outlet unknown'}, ${formatDate(src.date)}`))));
}

export async function balanceView(root, params, alive) {
  const hosts = (params.get('host') || '').split(',').map((x) => x.trim()).filter(Boolean).slice(0, 3);
  const by = params.get('by') || 'month';
  const status = params.get('status') || 'past,ongoing';
  const mode = params.get('mode') === 'share' ? 'share' : 'count';
  const title = h('h1', {}, 'Balance of visits');
  root.append(title,
    h('p', { class: 'lede' }, 'Visits host countries received, per period, stacked by the visitor’s bloc, on a time axis with every period of the range (an empty period is a gap). Counts are visits, not articles. Up to three hosts, separated by commas, share the axis. Click a bar to see the visits behind it.'));
  const go = (p) => navigate('balance', p);
  const current = { host: params.get('host'), by, status, mode, from: params.get('from'), to: params.get('to') };
  root.append(filterForm([
    { name: 'host', label: 'Host countries (1–3)', placeholder: 'Azerbaijan, GEO', size: 18 },
    { name: 'by', label: 'Per', options: [['month', 'month'], ['quarter', 'quarter'], ['year', 'year']], value: 'month' },
    { name: 'mode', label: 'Show', options: [['count', 'visits'], ['share', 'share of each bloc']], value: 'count' },
    { name: 'status', label: 'Visits', options: [['past,ongoing', 'done and under way'], ['planned', 'planned'], ['past,ongoing,planned', 'all']], value: 'past,ongoing' },
    { name: 'from', label: 'From', placeholder: `${DATE_HINT} or 2023-Q1` },
    { name: 'to', label: 'To', placeholder: DATE_HINT },
  ], params, go, 'Show'));
  const hostsBox = h('div', { class: 'hosts' });
  root.append(hostsBox);
  hostCounts().then((list) => {
    if (!alive()) return;
    if (list.length) hostsBox.append(h('span', { class: 'muted' }, 'Hosts in the record: '), hostChips(list, hosts[0], (c) => go({ ...current, host: c })));
  }).catch(() => {});
  if (!hosts.length) {
    root.append(empty('Choose a host country (a name or a code, e.g. Azerbaijan or AZE) above.'));
    return;
  }
  const out = h('section', { class: 'balance', 'aria-live': 'polite' }, loading());
  root.append(out);
  const query = { by, status, from: params.get('from'), to: params.get('to') };
  let answers;
  try {
    answers = await Promise.all(hosts.map((host) => api('balance', { ...query, host })));
  } catch (e) {
    if (alive()) out.replaceChildren(errorBox(e));
    return;
  }
  if (!alive()) return;
  out.replaceChildren();
  const names = answers.map((a) => (a.host_name ? `${a.host_name} (${a.host})` : a.host));
  title.textContent = `Balance of visits to ${names.join(', ')}`;
  if (answers.every((a) => !a.rows.length)) {
    out.append(empty(`No ${status.replace(/,/g, ' or ')} visits to ${names.join(', ')} from other countries in this period.`));
    return;
  }
  // One axis for every host: from the first period any host has to the last.
  const firsts = answers.map((a) => a.periods[0]).filter(Boolean).sort();
  const lasts = answers.map((a) => a.periods[a.periods.length - 1]).filter(Boolean).sort();
  const periods = periodRange(firsts[0], lasts[lasts.length - 1], by);
  const totals = new Map();
  for (const a of answers) for (const r of a.rows) totals.set(r.bloc, (totals.get(r.bloc) || 0) + r.visits);
  const blocs = [...totals.keys()].sort((x, y) => totals.get(y) - totals.get(x) || x.localeCompare(y));
  const colours = blocColours(blocs);
  const panel = h('section', { class: 'explain', id: 'explain', 'aria-live': 'polite' }, empty('Click a bar segment to list its visits and the articles reporting them.'));
  const panels = answers.map((a, i) => ({ host: a.host, label: names[i], cells: cellsOf(a.rows) }));
  const svg = timeChart({
    panels, periods, blocs, colours, by, mode,
    onPick: (host, p, b, c) => {
      for (const x of out.querySelectorAll('rect.bar.selected')) x.classList.remove('selected');
      const sel = out.querySelector(`rect.bar[data-host="${CSS.escape(host)}"][data-period="${CSS.escape(p)}"][data-bloc="${CSS.escape(b)}"]`);
      if (sel) sel.classList.add('selected');
      explain(panel, query, host, p, b, c);
    },
  });
  const rows = screenRows(answers, periods, blocs);
  const stem = `attache-balance-${answers.map((a) => a.host).join('-')}-${by}${mode === 'share' ? '-share' : ''}`;
  const summary = answers.map((a, i) => `${names[i]}: ${a.visits} visit${a.visits === 1 ? '' : 's'}, ${a.undated} undated (${Math.round(a.undated_share * 100)}%)`);
  out.append(
    h('p', { class: 'summary' }, summary.join(' · ')),
    h('div', { class: 'toolbar' },
      h('a', { href: `#/balance?${new URLSearchParams({ ...clean(current), mode: mode === 'share' ? 'count' : 'share' })}`, class: 'button', id: 'toggle-mode' },
        mode === 'share' ? 'Show visit counts' : 'Show each bloc’s share'),
      h('button', { type: 'button', id: 'download-csv', onclick: () => downloadCsv(`${stem}.csv`, rows) }, 'Download CSV'),
      h('button', { type: 'button', id: 'download-png', onclick: () => downloadPng(svg, `${stem}.png`).catch((e) => out.prepend(errorBox(e))) }, 'Download PNG')),
    legend(blocs, totals, colours),
    h('div', { class: 'chart-box' }, svg),
    panel,
    h('details', { class: 'table-box' }, h('summary', {}, 'The numbers as a table'), table(rows)));
  paintSwatches(out);
}

function clean(o) {
  const out = {};
  for (const [k, v] of Object.entries(o)) if (v) out[k] = v;
  return out;
}
