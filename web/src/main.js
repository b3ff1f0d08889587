// The dashboard: a hash router over the views. Routes:
//   #/search?q=…            articles by full text, outlet, language, dates
//   #/article/ID            one article, its quotes and visits highlighted
//   #/balance?host=AZE      visits per period stacked by bloc; click a bar
//   #/visits?host=AZE       the visits timeline of a host country
//   #/quotes?speaker=…      quotes by speaker, channel, words
//   #/actors?q=…, #/actor/NAME
import './style.css';
import { clear, errorBox, h } from './dom.js';
import { searchView } from './views/search.js';
import { articleView } from './views/article.js';
import { balanceView } from './views/balance.js';
import { visitsView } from './views/visits.js';
import { quotesView } from './views/quotes.js';
import { actorsView, actorView } from './views/actors.js';
import { parseHash } from './router.js';

const app = document.getElementById('app');

let generation = 0;

async function render() {
  const { parts, params } = parseHash();
  const view = parts[0] || 'search';
  for (const a of document.querySelectorAll('#nav a')) {
    const on = a.dataset.view === view || (view === 'article' && a.dataset.view === 'search') ||
      (view === 'actor' && a.dataset.view === 'actors');
    if (on) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const mine = ++generation;
  const root = h('div', { class: 'view', 'data-view': view });
  clear(app).append(root);
  // A view's late answer must not land in the next view.
  const alive = () => mine === generation;
  try {
    switch (view) {
      case 'search': await searchView(root, params, alive); break;
      case 'article': await articleView(root, parts[1], alive); break;
      case 'balance': await balanceView(root, params, alive); break;
      case 'visits': await visitsView(root, params, alive); break;
      case 'quotes': await quotesView(root, params, alive); break;
      case 'actors': await actorsView(root, params, alive); break;
      case 'actor': await actorView(root, parts.slice(1).join('/'), alive); break;
      default:
        root.append(h('h1', {}, 'Not found'), h('p', {}, 'There is no such page. '), h('a', { href: '#/search' }, 'Back to search'));
    }
  } catch (e) {
    if (alive()) root.append(errorBox(e));
  }
  if (alive()) document.title = `attache — ${view}`;
}

window.addEventListener('hashchange', render);
render();
