// The visits timeline of one host country: each visit a dot on its
// visitor country's lane (named, not coded), at its date, coloured by
// status; the list below.
import { api } from '../api.js';
import { empty, errorBox, h, loading, s, load } from '../dom.js';
import { downloadCsv, downloadPng } from '../download.js';
import { actorLink, articleLink, DATE_HINT, filterForm, formatDate, statusBadge } from '../format.js';
import { hostChips, hostCounts } from '../hosts.js';
import { navigate } from '../router.js';

const STATUS_COLOURS = { past: '#2f6db5', ongoing: '#16a085', planned: '#e67e22' };

// "2023-02-27" | "2023-02" | "2023" -> a day number (the middle of a month or year); null when the year is unknown.
export function dayNumber(d) {
  if (!d || !/^\d{4}/.test(d)) return null;
  const y = Number(d.slice(0, 4));
  const m = d.length >= 7 ? Number(d.slice(5, 7)) - 1 : 6;
  const day = d.length >= 10 ? Number(d.slice(8, 10)) : (d.length >= 7 ? 15 : 1);
  return Date.UTC(y, m, day) / 86400000;
}

function timeline(visits) {
  const dated = visits.filter((v) => dayNumber(v.date) !== null);
  const laneOf = (v) => v.visitor_country_name || v.visitor_country || '?';
  const lanes = [...new Set(dated.map(laneOf))].sort((a, b) => a.localeCompare(b));
  const W = 960;
  const lane = 30;
  // Room on the left for the longest country name.
  const M = { left: Math.max(70, 16 + Math.ceil(7.2 * Math.max(...lanes.map((l) => l.length)))), right: 24, top: 12, bottom: 52 };
  const H = M.top + M.bottom + Math.max(1, lanes.length) * lane;
  const days = dated.map((v) => dayNumber(v.date));
  let lo = Math.min(...days);
  let hi = Math.max(...days);
  const pad = Math.max(15, (hi - lo) * 0.05);
  lo -= pad;
  hi += pad;
  const x = (d) => M.left + ((d - lo) / (hi - lo)) * (W - M.left - M.right);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart timeline', role: 'img', 'aria-label': 'Visits over time by visitor country' });
  lanes.forEach((c, i) => {
    const yy = M.top + lane * i + lane / 2;
    svg.append(s('line', { x1: M.left, x2: W - M.right, y1: yy, y2: yy, class: 'grid' }));
    svg.append(s('text', { x: M.left - 8, y: yy + 4, class: 'tick', 'text-anchor': 'end' }, c));
  });
  const axisY = H - M.bottom;
  svg.append(s('line', { x1: M.left, x2: W - M.right, y1: axisY, y2: axisY, class: 'axis' }));
  // Year (or month, for short spans) ticks.
  const y0 = new Date(lo * 86400000).getUTCFullYear();
  const y1 = new Date(hi * 86400000).getUTCFullYear();
  const monthly = hi - lo < 800;
  const every = hi - lo < 400 ? 1 : 3;
  for (let y = y0; y <= y1; y++) {
    for (let m = 0; m < (monthly ? 12 : 1); m += monthly ? every : 1) {
      const d = Date.UTC(y, m, 1) / 86400000;
      if (d < lo || d > hi) continue;
      svg.append(s('line', { x1: x(d), x2: x(d), y1: M.top, y2: axisY + 4, class: 'grid' }));
      svg.append(s('text', { x: x(d), y: axisY + 18, class: 'tick', 'text-anchor': 'middle' }, monthly ? `${y}-${String(m + 1).padStart(2, '0')}` : String(y)));
    }
  }
  svg.append(s('text', { x: M.left + (W - M.left - M.right) / 2, y: H - 8, class: 'axis-title', 'text-anchor': 'middle' }, 'Date of the visit'));
  svg.append(s('text', { class: 'axis-title', transform: `translate(14 ${M.top + (H - M.top - M.bottom) / 2}) rotate(-90)`, 'text-anchor': 'middle' }, 'Visitor'));
  for (const v of dated) {
    const yy = M.top + lane * lanes.indexOf(laneOf(v)) + lane / 2;
    const dot = s('circle', { cx: x(dayNumber(v.date)), cy: yy, r: 7, fill: STATUS_COLOURS[v.status] || '#888', class: 'dot', tabindex: 0,
      role: 'button', 'aria-label': `${v.visitor}, ${formatDate(v.date)}, ${v.status}`,
      onclick: () => {
        const el = document.getElementById(`visit-${v.id}`);
        if (el) { el.scrollIntoView({ behavior: 'smooth', block: 'center' }); el.classList.add('flash'); }
      } }, s('title', {}, `${v.visitor} (${laneOf(v)}) · ${formatDate(v.date)} · ${v.status}`));
    svg.append(dot);
  }
  return svg;
}

export async function visitsView(root, params, alive) {
  const host = (params.get('host') || '').toUpperCase();
  const title = h('h1', {}, host ? `Visits to ${params.get('host')}` : 'Visits by host country');
  root.append(title);
  const go = (p) => navigate('visits', p);
  root.append(filterForm([
    { name: 'host', label: 'Host country', placeholder: 'AZE', size: 6 },
    { name: 'visitor_country', label: 'Visitor country', placeholder: 'RUS', size: 6 },
    { name: 'person', label: 'Person', placeholder: 'Lavrov' },
    { name: 'status', label: 'Status', options: [['', 'any'], ['past', 'past'], ['ongoing', 'ongoing'], ['planned', 'planned']] },
    { name: 'from', label: 'From', placeholder: DATE_HINT },
    { name: 'to', label: 'To', placeholder: DATE_HINT },
  ], params, go, 'Show'));
  const hostsBox = h('div', { class: 'hosts' });
  root.append(hostsBox);
  hostCounts().then((hosts) => {
    if (alive() && hosts.length) hostsBox.append(h('span', { class: 'muted' }, 'Hosts in the record: '), hostChips(hosts, host, (c) => go({ host: c })));
  }).catch(() => {});
  if (!host) {
    root.append(empty('Choose a host country above to see its visits over time.'));
    return;
  }
  const out = h('section', { 'aria-live': 'polite' }, loading());
  root.append(out);
  const query = Object.fromEntries(['visitor_country', 'person', 'status', 'from', 'to'].map((k) => [k, params.get(k)]));
  const data = await load(out, alive, () => api('visits', { host, ...query, limit: 1000 }));
  if (!data) return;
  if (!data.rows.length) {
    out.append(empty(`No visit to ${host} matches.`));
    return;
  }
  // The host by its name once the rows say it (a bloc or list keeps what was typed).
  const hosts = new Set(data.rows.map((v) => v.host_country));
  if (hosts.size === 1 && data.rows[0].host_country_name) {
    title.textContent = `Visits to ${data.rows[0].host_country_name} (${data.rows[0].host_country})`;
  }
  const dated = data.rows.filter((v) => dayNumber(v.date) !== null);
  const sorted = [...data.rows].sort((a, b) => (dayNumber(a.date) ?? Infinity) - (dayNumber(b.date) ?? Infinity));
  const chart = dated.length ? timeline(data.rows) : null;
  // Downloads of what is on screen: the rows of the table, the chart.
  const stem = `attache-visits-${[...hosts].join('-')}`;
  const csv = [['date', 'visitor', 'visitor_role', 'visitor_country', 'visitor_country_name', 'host_country', 'host_country_name', 'place', 'status', 'sources']]
    .concat(sorted.map((v) => [v.date, v.visitor, v.visitor_role, v.visitor_country, v.visitor_country_name, v.host_country, v.host_country_name, v.place, v.status,
      (v.sources || []).map((src) => src.url || src.title || src.id).join(';')]));
  out.append(h('div', { class: 'toolbar' },
    h('button', { type: 'button', id: 'download-csv', onclick: () => downloadCsv(`${stem}.csv`, csv) }, 'Download CSV'),
    chart ? h('button', { type: 'button', id: 'download-png', onclick: () => downloadPng(chart, `${stem}.png`).catch((e) => out.prepend(errorBox(e))) }, 'Download PNG') : null));
  out.append(h('ul', { class: 'legend' }, Object.entries(STATUS_COLOURS).map(([k, c]) => h('li', {}, h('span', { class: 'swatch dot-swatch', dataset: { colour: c } }), k))));
  if (chart) out.append(h('div', { class: 'chart-box' }, chart));
  else out.append(empty('None of these visits has a known year, so none is on the time axis; they are listed below.'));
  for (const el of out.querySelectorAll('.swatch[data-colour]')) el.style.backgroundColor = el.dataset.colour;
  const undatedCount = data.rows.length - dated.length;
  out.append(h('h2', {}, `${data.rows.length} visit${data.rows.length === 1 ? '' : 's'}${undatedCount ? ` (${undatedCount} without a known year)` : ''}`));
  out.append(h('table', { class: 'data visits-table' },
    h('thead', {}, h('tr', {}, ['Date', 'Visitor', 'From', 'Place', 'Status', 'Reported by'].map((t) => h('th', {}, t)))),
    h('tbody', {}, sorted.map((v) => h('tr', { id: `visit-${v.id}` },
      h('td', { class: 'nowrap' }, formatDate(v.date)),
      h('td', {}, actorLink(v.visitor), v.visitor_role ? h('div', { class: 'muted small' }, v.visitor_role) : null),
      h('td', {}, v.visitor_country_name ? `${v.visitor_country_name} (${v.visitor_country})` : (v.visitor_country || '?')),
      h('td', {}, v.place || '–'),
      h('td', {}, statusBadge(v.status)),
      h('td', {}, (v.sources || []).map((src) => h('div', {}, articleLink(src.id, src.title, src.outlet || src.url), h('span', { class: 'muted small' }, ` ${src.outlet || ''}`)))))))));
  if (data.more) out.append(h('p', { class: 'muted' }, 'Only the first 1000 visits are shown; narrow the dates.'));
}
