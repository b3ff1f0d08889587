// The host countries the store knows, with their visit counts (from up to
// 1000 visits), for the host pickers.
import { api } from './api.js';
import { h } from './dom.js';

let cached = null;
const names = new Map();  // code -> English name

export async function hostCounts() {
  if (!cached) {
    cached = api('visits', { limit: 1000 }).then((d) => {
      const n = new Map();
      for (const v of d.rows) {
        if (!v.host_country) continue;
        n.set(v.host_country, (n.get(v.host_country) || 0) + 1);
        if (v.host_country_name) names.set(v.host_country, v.host_country_name);
      }
      return [...n.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    });
    cached.catch(() => { cached = null; });
  }
  return cached;
}

// Buttons for each host: onPick(code).
export function hostChips(hosts, current, onPick) {
  return h('div', { class: 'chips', role: 'list', 'aria-label': 'Host countries' },
    hosts.map(([code, n]) => h('button', {
      type: 'button', role: 'listitem', class: `chip ${code === current ? 'on' : ''}`,
      'aria-pressed': code === current ? 'true' : 'false', onclick: () => onPick(code),
      title: names.get(code) || code,
    }, names.get(code) || code, h('span', { class: 'count' }, String(n)))));
}
