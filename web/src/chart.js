// A bar chart on a true time axis: one slot per period of the range (empty
// periods stay empty, so a gap in time is a gap on the page), the visits of
// unknown month in a separate slot at the right, and one panel per host on
// the same axis. Bars are stacked by bloc, as counts or as each bloc's share
// of the period's visits.
import { s } from './dom.js';

export const UNDATED = 'undated';

function niceStep(max) {
  if (max <= 5) return 1;
  const raw = max / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

const pct = (x) => `${Math.round(x * 100)}%`;

// panels: [{host, label, cells: Map(period -> Map(bloc -> {visits, partners}))}]
// periods: every period of the range, in order (undated excluded).
export function timeChart({ panels, periods, blocs, colours, by, mode, onPick }) {
  const hasUndated = panels.some((p) => p.cells.has(UNDATED));
  const slots = hasUndated ? [...periods, UNDATED] : [...periods];
  const W = 960;
  const multi = panels.length > 1;
  const headH = multi ? 26 : 0;  // each host's name, above its plot
  const panelH = multi ? 190 : 300;
  const gapH = 24;
  const every = Math.max(1, Math.ceil(slots.length / 24));
  const rotate = slots.length / every > 12;
  const M = { left: 64, right: 16, top: 20, bottom: rotate ? 96 : 70 };
  const H = M.top + panels.length * panelH + (panels.length - 1) * gapH + M.bottom;
  const pw = W - M.left - M.right;
  const band = pw / Math.max(1, slots.length + (hasUndated ? 0.6 : 0));
  const slotX = (i) => M.left + band * i + (hasUndated && i === slots.length - 1 ? band * 0.6 : 0) + band / 2;
  const bw = Math.max(2, Math.min(48, band * 0.72));
  const share = mode === 'share';
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'data-mode': share ? 'share' : 'count',
    'aria-label': `Visits per ${by}${share ? ', each bloc’s share' : ''}, stacked by bloc, ${panels.map((p) => p.label).join(', ')}`,
  });
  let max = 1;
  for (const p of panels) {
    for (const m of p.cells.values()) {
      let t = 0;
      for (const c of m.values()) t += c.visits;
      max = Math.max(max, t);
    }
  }
  const step = share ? 0.25 : niceStep(max);
  const top = share ? 1 : Math.ceil(max / step) * step;
  panels.forEach((panel, k) => {
    const y0p = M.top + k * (panelH + gapH) + headH;
    const ph = panelH - headH - 8;
    const y = (v) => y0p + ph - (v / top) * ph;
    for (let v = 0; v <= top + 1e-9; v += step) {
      svg.append(s('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: v === 0 ? 'axis' : 'grid' }));
      svg.append(s('text', { x: M.left - 8, y: y(v) + 4, class: 'tick', 'text-anchor': 'end' }, share ? pct(v) : String(v)));
    }
    if (multi) {
      svg.append(s('text', { x: M.left, y: y0p - headH, class: 'panel-title', 'data-host': panel.host }, panel.label));
    }
    slots.forEach((p, i) => {
      const m = panel.cells.get(p);
      if (!m) return;
      let total = 0;
      for (const c of m.values()) total += c.visits;
      const cx = slotX(i);
      let acc = 0;
      for (const b of blocs) {
        const c = m.get(b);
        if (!c) continue;
        const v = share ? c.visits / total : c.visits;
        const ya = y(acc);
        const yb = y(acc + v);
        acc += v;
        const partners = [...c.partners.entries()].map(([n, x]) => `${n} ${x}`).join(', ');
        const label = `${panel.host} ${p}, ${b}: ${c.visits} of ${total} visit${total === 1 ? '' : 's'} (${pct(c.visits / total)})`;
        svg.append(s('rect', {
          x: cx - bw / 2, y: yb, width: bw, height: Math.max(1, ya - yb), fill: colours[b], class: 'bar',
          tabindex: 0, role: 'button', 'aria-label': label,
          dataset: { host: panel.host, period: p, bloc: b, visits: String(c.visits), share: (c.visits / total).toFixed(4) },
          onclick: () => onPick(panel.host, p, b, c),
          onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick(panel.host, p, b, c); } },
        }, s('title', {}, `${label}; ${partners}`)));
        if (ya - yb >= 16 && bw >= 22) {
          svg.append(s('text', { x: cx, y: (ya + yb) / 2 + 4, class: 'bar-label', 'text-anchor': 'middle' },
            share ? `${pct(c.visits / total)}` : String(c.visits)));
        }
      }
      if (share) svg.append(s('text', { x: cx, y: y(1) - 3, class: 'bar-count', 'text-anchor': 'middle' }, `n=${total}`));
    });
  });
  // The one time axis: a tick per slot, labels thinned to fit.
  const axisY = M.top + panels.length * panelH + (panels.length - 1) * gapH;
  slots.forEach((p, i) => {
    const cx = slotX(i);
    svg.append(s('line', { x1: cx, x2: cx, y1: axisY - 8, y2: axisY - 4, class: 'axis', 'data-slot': p }));
    if (i % every !== 0 && p !== UNDATED) return;
    svg.append(s('text', {
      x: cx, y: axisY + 10, class: `tick period ${p === UNDATED ? 'undated' : ''}`, 'data-period': p,
      'text-anchor': rotate ? 'end' : 'middle', transform: rotate ? `rotate(-45 ${cx} ${axisY + 10})` : null,
    }, p));
  });
  if (hasUndated) {
    const xs = (slotX(slots.length - 2) + slotX(slots.length - 1)) / 2;
    svg.append(s('line', { x1: xs, x2: xs, y1: M.top, y2: axisY, class: 'separator' }));
  }
  svg.append(s('text', { class: 'axis-title', transform: `translate(16 ${M.top + (axisY - M.top) / 2}) rotate(-90)`, 'text-anchor': 'middle' }, share ? 'Share of visits' : 'Visits'));
  svg.append(s('text', { class: 'axis-title', x: M.left + pw / 2, y: H - 6, 'text-anchor': 'middle' },
    `Period (${by}), every ${by} of the range${hasUndated ? ' — “undated”: month not given' : ''}`));
  return svg;
}
