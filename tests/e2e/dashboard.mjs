#!/usr/bin/env node
// End-to-end test of the dashboard: ingests the project's own fixture pages
// (tests/fixtures/pages/, one of them hostile; samples/ may change with the
// demo, so it is left out), starts
// `attache serve --port 0` on 127.0.0.1, drives every view in headless
// Chromium (Debian's /usr/bin/chromium through npm's playwright-core),
// clicks a balance bar and follows it to the visits and their articles, and
// checks that no script from article text ever runs. Screenshots go to
// build/e2e-screenshots/ (E2E_SCREENSHOTS to change). Only 127.0.0.1 is
// contacted: every other request is blocked and fails the test.
//
//   node tests/e2e/dashboard.mjs     (after building attache and web/dist)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const attache = process.env.ATTACHE_BIN || path.join(root, 'build', 'attache');
const webDir = process.env.ATTACHE_WEB || path.join(root, 'web', 'dist');
const shots = process.env.E2E_SCREENSHOTS || path.join(root, 'build', 'e2e-screenshots');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

function die(msg) {
  console.error(`e2e: ${msg}`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
}

if (!existsSync(chromiumPath)) die(`no Chromium at ${chromiumPath}: install Debian's chromium (scripts/deps does), or set CHROMIUM`);
if (!existsSync(attache)) die(`no attache binary at ${attache}: build it first (cmake --build build)`);
if (!existsSync(path.join(webDir, 'index.html'))) die(`the dashboard is not built (${webDir}): (cd web && npm ci && npm run build)`);
let chromium;
try {
  ({ chromium } = createRequire(path.join(root, 'web', 'package.json'))('playwright-core'));
} catch (e) {
  die('playwright-core is not installed: (cd web && npm ci)');
}

const work = mkdtempSync(path.join(tmpdir(), 'attache-e2e-'));
const db = path.join(work, 'record.db');
mkdirSync(shots, { recursive: true });

const ingest = spawnSync(attache, ['ingest', '--quiet', '--db', db, path.join(root, 'tests', 'fixtures', 'pages')], { encoding: 'utf8' });
if (ingest.status !== 0) die(`ingest failed (${ingest.status}): ${ingest.stderr}`);

// ---- the server ----
const server = spawn(attache, ['serve', '--db', db, '--port', '0', '--web', webDir], { stdio: ['ignore', 'pipe', 'pipe'] });
let serverErr = '';
server.stderr.on('data', (d) => { serverErr += d; });
const base = await new Promise((resolve, reject) => {
  let out = '';
  const t = setTimeout(() => reject(new Error(`attache serve printed no address in 10 s: ${out} ${serverErr}`)), 10000);
  server.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/serving (http:\/\/127\.0\.0\.1:\d+\/) \(Ctrl-C stops\)/);
    if (m) { clearTimeout(t); resolve(m[1]); }
  });
  server.on('exit', (code) => { clearTimeout(t); reject(new Error(`attache serve exited (${code}): ${serverErr}`)); });
}).catch((e) => die(e.message));

// ---- the checks ----
let passed = 0;
let failed = 0;
const problems = [];
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e && e.message ? e.message.split('\n')[0] : e}`);
  }
}
function expect(cond, msg) {
  if (!cond) throw new Error(msg);
}

const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, acceptDownloads: true });
// Nothing but this server: any other request is blocked and counted.
const origin = new URL(base).origin;
await context.route('**/*', (route) => {
  const url = route.request().url();
  if (url.startsWith(origin + '/')) return route.continue();
  problems.push(`request outside 127.0.0.1 blocked: ${url}`);
  return route.abort();
});
const page = await context.newPage();
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
page.on('dialog', (d) => { problems.push(`a dialog opened: ${d.message()}`); d.dismiss().catch(() => {}); });
// The error-state checks ask for 400s on purpose; any other console error counts.
page.on('console', (m) => {
  if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 400/.test(m.text())) problems.push(`console error: ${m.text()}`);
});
page.setDefaultTimeout(10000);

const shot = (name) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
const go = async (hash) => {
  await page.goto(base + hash);
  await page.waitForSelector('.view');
};
const xssRan = () => page.evaluate(() => window.__xss !== undefined || window.__xss_url !== undefined);

await check('search: totals, a query and its results', async () => {
  await go('#/search');
  await page.waitForSelector('.stats .card');
  const cards = await page.locator('.stats .card').count();
  expect(cards >= 4, `expected the record's totals, got ${cards} cards`);
  await page.fill('#f-q', 'Baku');
  await page.click('form.filters button[type=submit]');
  await page.waitForSelector('.article-item');
  const titles = await page.locator('.article-item .title').allTextContents();
  expect(titles.some((t) => t.includes('Blinken arrives in Baku')), `no Blinken article in ${JSON.stringify(titles)}`);
  expect(page.url().includes('q=Baku'), 'the query is not in the address');
  expect(!/\bnull\b|undefined/.test(await page.textContent('.results')), 'a missing value is printed as null or undefined');
  await shot('search');
});

await check('search: an empty result says so', async () => {
  await go('#/search?q=zzqxjv');
  await page.waitForSelector('.empty');
  expect((await page.textContent('.empty')).includes('No article matches'), 'no empty-state message');
});

await check('search: a bad parameter shows the API error naming it', async () => {
  await go('#/search?from=soon');
  await page.waitForSelector('.error');
  const t = await page.textContent('.error');
  expect(t.includes('from must be a date') && t.includes('parameter: from'), `error reads: ${t}`);
  await shot('error');
});

await check('article: hostile text is shown as text, and nothing in it runs', async () => {
  await go('#/search?q=Darchiashvili');
  await page.waitForSelector('.article-item a');
  await page.click('.article-item a');
  await page.waitForSelector('.article-text');
  const text = await page.textContent('.article-text');
  expect(text.includes('<script>window.__xss=1</script>'), 'the escaped <script> of the page is not shown literally');
  expect(text.includes('<svg onload=window.__xss=1>'), 'the escaped <svg> is not shown literally');
  const title = await page.textContent('.article-title');
  expect(title.includes('<img src=x onerror=window.__xss=1>'), `title is ${title}`);
  const injected = await page.locator('main img, main script, main svg:not(.chart), main iframe, main [onerror], main [onload], main [onclick], main [onmouseover]').count();
  expect(injected === 0, `${injected} element(s) from article data became markup`);
  // Hover and click over everything the article shows, as a reader would.
  await page.hover('.article-title');
  await page.hover('.meta');
  await page.click('.article-text', { position: { x: 30, y: 30 } });
  await page.waitForTimeout(300);
  expect(!(await xssRan()), 'a script from the article ran');
  await shot('article-hostile');
});

await check('article: quotes and visits are highlighted at the right characters (UTF-8 offsets → UTF-16)', async () => {
  await go('#/search?q=%22one%20nation%22');
  await page.waitForSelector('.article-item a');
  await page.click('.article-item a');
  await page.waitForSelector('.article-text mark');
  const id = page.url().match(/#\/article\/(\d+)/)[1];
  const result = await page.evaluate(async (articleId) => {
    const a = await (await fetch(`/api/articles/${articleId}`)).json();
    const marked = (key) => [...document.querySelectorAll(`.article-text [data-marks~="${key}"]`)].map((e) => e.textContent).join('');
    const quotes = a.quotes.map((q, i) => ({ want: q.text, got: marked(`quote-${i}`) }));
    const visits = a.visits.map((v, i) => ({ visitor: v.visitor, got: marked(`visit-${i}`) }));
    return { quotes, visits, nonAscii: /[^\x00-\x7f]/.test(a.text) };
  }, id);
  expect(result.nonAscii, 'the fixture should have non-ASCII text before its quotes');
  expect(result.quotes.length > 0, 'no quotes in the Erdoğan fixture');
  for (const q of result.quotes) expect(q.got === q.want, `quote highlighted as ${JSON.stringify(q.got)}, wanted ${JSON.stringify(q.want)}`);
  expect(result.visits.length > 0 && result.visits.every((v) => v.got.length > 0), `visit mentions not highlighted: ${JSON.stringify(result.visits)}`);
  await page.click('.event-card.quote button.link');
  await shot('article');
});

await check('balance: stacked bars with axes and legend; a click lists the visits and their articles', async () => {
  await go('#/balance?host=AZE');
  await page.waitForSelector('rect.bar');
  const bars = await page.locator('rect.bar').count();
  expect(bars >= 5, `expected at least 5 bar segments, got ${bars}`);
  const legend = await page.textContent('.legend');
  for (const b of ['West', 'Russia and allies', 'China and the SCO', 'Türkiye and the OTS']) expect(legend.includes(b), `legend lacks ${b}: ${legend}`);
  const axes = await page.locator('svg.chart .axis-title').allTextContents();
  expect(axes.some((t) => t === 'Visits') && axes.some((t) => t.startsWith('Period (month)')), `axis titles: ${axes}`);
  await shot('balance');
  const bar = page.locator('rect.bar[data-period="2024-03"][data-bloc="West"]');
  expect((await bar.count()) === 1, 'no West bar for 2024-03');
  await bar.click();
  await page.waitForSelector('#explain-visits li');
  const items = await page.locator('#explain-visits > li').count();
  expect(items === 1, `expected 1 visit behind the bar, got ${items}`);
  const explained = await page.textContent('#explain-visits');
  expect(explained.includes('Stéphane Séjourné'), `visits listed: ${explained}`);
  await shot('balance-explain');
  await page.click('#explain-visits .sources a');
  await page.waitForSelector('.article-title');
  const t = await page.textContent('.article-title');
  expect(t.includes('French minister in Baku'), `the source article is ${t}`);
});

await check('balance: a host without visits shows an empty state', async () => {
  await go('#/balance?host=ISL');
  await page.waitForSelector('.empty');
  expect((await page.textContent('.balance')).includes('No past or ongoing visits to Iceland (ISL)'), 'no empty state');
});

await check('visits: the timeline of a host country, named, with CSV and PNG downloads', async () => {
  await go('#/visits?host=AZE');
  await page.waitForSelector('circle.dot');
  const dots = await page.locator('circle.dot').count();
  const rows = await page.locator('.visits-table tbody tr').count();
  expect(dots === 7 && rows === 7, `expected 7 visits, got ${dots} dots and ${rows} rows`);
  expect((await page.textContent('.visits-table')).includes('Türkiye (TUR)'), 'the table gives no country names');
  const lanes = await page.locator('svg.timeline .tick').allTextContents();
  for (const c of ['United States', 'Russia', 'China', 'France', 'Türkiye', 'Georgia']) expect(lanes.includes(c), `no lane named ${c}: ${lanes}`);
  expect((await page.textContent('h1')) === 'Visits to Azerbaijan (AZE)', `heading ${await page.textContent('h1')}`);
  await shot('visits');
  // The table and the chart download as they are on screen.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
  expect(csv.suggestedFilename() === 'attache-visits-AZE.csv', `file ${csv.suggestedFilename()}`);
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text.startsWith('\ufeffdate,visitor,visitor_role,visitor_country,visitor_country_name,'), `CSV starts ${JSON.stringify(text.slice(0, 60))}`);
  expect(text.trim().split('\r\n').length === 8, `CSV has ${text.trim().split('\r\n').length} lines, not a header and 7 visits`);
  expect(text.includes('Mevlüt Çavuşoğlu'), 'the CSV lost the letters beyond ASCII');
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#download-png')]);
  const bytes = readFileSync(await png.path());
  expect(bytes.length > 3000 && bytes.subarray(1, 4).toString() === 'PNG', `PNG of ${bytes.length} bytes`);
  // A host typed as a name, in any case, is the same host.
  await go('#/visits');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Visits by host country');
  await go('#/visits?host=azerbaijan');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Visits to Azerbaijan (AZE)');
  expect((await page.locator('circle.dot').count()) === 7, 'host=azerbaijan gives other visits than host=AZE');
});

await check('actor: a page per actor with their timeline', async () => {
  await go('#/actors?q=Lavrov');
  await page.waitForSelector('table.data a');
  await page.click('table.data a');
  await page.waitForSelector('.tl-item');
  const t = await page.textContent('.timeline-list');
  expect(t.includes('Visit to Azerbaijan'), `timeline: ${t}`);
  expect((await page.textContent('h1')) === 'Sergei Lavrov', 'the actor page has the wrong name');
  await shot('actor');
});

await check('quotes: by speaker', async () => {
  await go('#/quotes?speaker=Blinken');
  await page.waitForSelector('.quote-item');
  expect((await page.textContent('.quote-list')).includes('The treaty is within reach'), 'Blinken quote missing');
  await shot('quotes');
});

// The x of each bar's centre, by period, for one host.
const barCentres = (host) => page.evaluate((h) => {
  const out = {};
  for (const r of document.querySelectorAll(`svg.chart rect.bar[data-host="${h}"]`)) {
    out[r.dataset.period] = Number(r.getAttribute('x')) + Number(r.getAttribute('width')) / 2;
  }
  return out;
}, host);

await check('balance: a true time axis: the years without visits between 2018 and 2022 are a gap', async () => {
  await go('#/balance?host=GEO&by=year');
  await page.waitForSelector('rect.bar');
  const ticks = await page.locator('svg.chart text.period').allTextContents();
  expect(JSON.stringify(ticks) === JSON.stringify(['2018', '2019', '2020', '2021', '2022']), `axis: ${ticks}`);
  const x = await barCentres('GEO');
  expect(Object.keys(x).sort().join() === '2018,2022', `bars in ${Object.keys(x)}`);
  const slots = await page.evaluate(() => [...document.querySelectorAll('svg.chart line[data-slot]')].map((l) => Number(l.getAttribute('x1'))));
  const slot = slots[1] - slots[0];
  expect(Math.abs(x['2022'] - x['2018'] - 4 * slot) < 1, `2018 and 2022 are ${x['2022'] - x['2018']} apart, a slot is ${slot}`);
  expect((await page.textContent('h1')).includes('Georgia (GEO)'), 'the title has no country name');
  await shot('balance-time-axis-gap');
  await go('#/balance?host=AZE&by=year');
  await page.waitForSelector('rect.bar');
  const y = await barCentres('AZE');
  const empty = ['2019', '2020', '2021', '2022', '2023'].filter((p) => p in y);
  expect(empty.length === 0 && '2018' in y && '2024' in y, `AZE bars: ${Object.keys(y)}`);
});

await check('balance: the share view gives each bloc’s share of a period, with the count', async () => {
  await go('#/balance?host=Azerbaijan&by=year&mode=share');
  await page.waitForSelector('svg.chart[data-mode="share"] rect.bar');
  const shares = await page.evaluate(() => {
    const by = {};
    for (const r of document.querySelectorAll('rect.bar')) by[r.dataset.period] = (by[r.dataset.period] || 0) + Number(r.dataset.share);
    return by;
  });
  for (const [p, t] of Object.entries(shares)) expect(Math.abs(t - 1) < 0.01, `the shares of ${p} add up to ${t}`);
  const counts = await page.locator('svg.chart .bar-count').allTextContents();
  expect(counts.includes('n=6'), `counts: ${counts}`);
  const label = await page.getAttribute('rect.bar[data-period="2024"][data-bloc="West"]', 'aria-label');
  expect(/2 of 6 visits \(33%\)/.test(label), `a 2024 West bar reads ${label}`);
  await shot('balance-share');
});

await check('balance: two hosts side by side on one time axis', async () => {
  await go('#/balance?host=Azerbaijan,GEO&by=year');
  await page.waitForSelector('rect.bar[data-host="GEO"]');
  const titles = await page.locator('svg.chart .panel-title').allTextContents();
  expect(titles.length === 2 && titles[0].includes('Azerbaijan') && titles[1].includes('Georgia'), `panels: ${titles}`);
  expect((await page.locator('svg.chart').count()) === 1, 'not one chart');
  const ticks = await page.locator('svg.chart text.period').allTextContents();
  expect(ticks[0] === '2018' && ticks[ticks.length - 1] === '2024', `axis: ${ticks}`);
  const a = await barCentres('AZE');
  const g = await barCentres('GEO');
  expect(Math.abs(a['2018'] - g['2018']) < 0.5, 'the hosts’ 2018 bars are not on the same x');
  await shot('balance-side-by-side');
});

await check('balance: CSV and PNG downloads of what is on screen', async () => {
  await go('#/balance?host=AZE,GEO&by=year&mode=share');
  await page.waitForSelector('rect.bar[data-host="GEO"]');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
  expect(csv.suggestedFilename() === 'attache-balance-AZE-GEO-year-share.csv', `file ${csv.suggestedFilename()}`);
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text.startsWith('\ufeffhost,host_name,period,bloc,visits,period_total,share\r\n'), `CSV starts ${JSON.stringify(text.slice(0, 60))}`);
  expect(text.includes('GEO,Georgia,2020,,0,0,'), 'the empty year 2020 of Georgia is not in the CSV');
  expect(text.includes('AZE,Azerbaijan,2024,West,2,6,0.3333'), 'the 2024 West share of AZE is not in the CSV');
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#download-png')]);
  const bytes = readFileSync(await png.path());
  expect(bytes.length > 5000 && bytes.subarray(1, 4).toString() === 'PNG', `PNG of ${bytes.length} bytes`);
  const pngCopy = path.join(shots, 'balance-download.png');
  (await import('node:fs')).writeFileSync(pngCopy, bytes);
});

await check('actor: a page by id, with the sources of each visit', async () => {
  const id = await page.evaluate(async () => (await (await fetch('/api/actors?q=Lavrov')).json()).rows[0].id);
  await go(`#/actor/${id}`);
  await page.waitForSelector('.tl-item');
  expect((await page.textContent('h1')).startsWith('Sergei Lavrov'), 'the actor page by id has the wrong name');
  const src = await page.locator('.tl-visit .sources a').count();
  expect(src >= 1, 'no sources on the actor’s visits');
  await shot('actor-by-id');
});

await check('no script from article text ran, no dialog, no page error, no outside request', async () => {
  expect(!(await xssRan()), 'window.__xss was set');
  expect(problems.length === 0, problems.join('; '));
});

await browser.close();

// ---- stopping ----
await check('attache serve stops on SIGTERM', async () => {
  const code = await new Promise((resolve) => {
    const t = setTimeout(() => resolve('still running after 5 s'), 5000);
    server.removeAllListeners('exit');
    server.on('exit', (c) => { clearTimeout(t); resolve(c); });
    server.kill('SIGTERM');
  });
  expect(code === 0, `exit: ${code}`);
});
if (server.exitCode === null) server.kill('SIGKILL');
rmSync(work, { recursive: true, force: true });

console.log(`screenshots: ${shots}`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
