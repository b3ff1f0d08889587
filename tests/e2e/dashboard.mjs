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
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
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
  for (const b of ['West', 'RUS', 'CHN', 'TUR']) expect(legend.includes(b), `legend lacks ${b}: ${legend}`);
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
  expect((await page.textContent('.balance')).includes('No past or ongoing visits to ISL'), 'no empty state');
});

await check('visits: the timeline of a host country', async () => {
  await go('#/visits?host=AZE');
  await page.waitForSelector('circle.dot');
  const dots = await page.locator('circle.dot').count();
  const rows = await page.locator('.visits-table tbody tr').count();
  expect(dots === 6 && rows === 6, `expected 6 visits, got ${dots} dots and ${rows} rows`);
  const lanes = await page.locator('svg.timeline .tick').allTextContents();
  for (const c of ['USA', 'RUS', 'CHN', 'FRA', 'TUR', 'GEO']) expect(lanes.includes(c), `no lane for ${c}`);
  await shot('visits');
});

await check('actor: a page per actor with their timeline', async () => {
  await go('#/actors?q=Lavrov');
  await page.waitForSelector('table.data a');
  await page.click('table.data a');
  await page.waitForSelector('.tl-item');
  const t = await page.textContent('.timeline-list');
  expect(t.includes('Visit to AZE'), `timeline: ${t}`);
  expect((await page.textContent('h1')) === 'Sergei Lavrov', 'the actor page has the wrong name');
  await shot('actor');
});

await check('quotes: by speaker', async () => {
  await go('#/quotes?speaker=Blinken');
  await page.waitForSelector('.quote-item');
  expect((await page.textContent('.quote-list')).includes('The treaty is within reach'), 'Blinken quote missing');
  await shot('quotes');
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
