// The editors' dashboard in real headless Chromium, driven by playwright-core, fed through the whole pipeline.
// Run by DashboardIT:
//   node dashboard.spec.mjs <storeBaseUrl> <screenshotDir>
// with KHABAR_BROWSER_TOOLS = the directory whose node_modules holds playwright-core, KHABAR_READ_KEY = store's read key.
// To have an article ingested it prints "@@send <arabic|hostile>"; the test posts it to ingest-service and answers the
// article id on standard input. Exit code 0: every check held; anything else: a check failed (the message says which).
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';

const [base, outDir] = process.argv.slice(2);
const require = createRequire(path.join(process.env.KHABAR_BROWSER_TOOLS, 'package.json'));
const { chromium } = require('playwright-core');
const input = readline.createInterface({ input: process.stdin });
const answers = input[Symbol.asyncIterator]();

function check(condition, what) {
  if (!condition) throw new Error('FAILED: ' + what);
  console.log('ok - ' + what);
}

/** Asks the test to ingest an article; its id. */
async function ingest(what) {
  console.log('@@send ' + what);
  const { value } = await answers.next();
  if (!value || value.startsWith('ERROR')) throw new Error(`ingesting the ${what} article failed: ${value}`);
  return value.trim();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  // no sandbox as root; no calls home (this network is closed, and a test must not depend on it)
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems = [];
  let expectRefusal = false; // while a wrong key is tried, its 401 is the expected answer
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !(expectRefusal && m.text().includes('401'))) problems.push('console error: ' + m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !(expectRefusal && r.status() === 401)) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });

  // 1. the dashboard loads under its CSP; the read API has a key, so it asks for it first
  const response = await page.goto(base, { waitUntil: 'load' });
  check(response.status() === 200, 'dashboard loads');
  check((response.headers()['content-security-policy'] || '').includes("script-src 'self'"), 'strict CSP on the page');
  await page.waitForSelector('#signin:not([hidden])');
  check(await page.$eval('body', (b) => b.dataset.stream) === 'signed-out', 'signed out: the sign-in form is shown');
  check((await page.request.get(new URL('articles', base).href)).status() === 401, 'the read API refuses without key');
  expectRefusal = true;
  await page.fill('#signin-key', 'not-the-key');
  await page.click('#signin button[type=submit]');
  await page.waitForSelector('#signin-error:not([hidden])');
  check((await page.textContent('#signin-error')).includes('not the read API key'), 'a wrong key is refused');
  await page.screenshot({ path: path.join(outDir, 'dashboard-signin.png') });
  expectRefusal = false;
  await page.fill('#signin-key', process.env.KHABAR_READ_KEY);
  await page.click('#signin button[type=submit]');
  await page.waitForSelector('body[data-stream="open"]');
  check(await page.locator('#signin').isHidden(), 'signed in: live stream open');
  const cookies = await context.cookies();
  check(cookies.length === 1 && cookies[0].httpOnly && cookies[0].sameSite === 'Strict', 'session cookie is HttpOnly, SameSite=Strict');
  check(await page.evaluate(() => document.cookie) === '', 'the page script cannot read the session');
  await page.evaluate(() => { window.__sameDocument = true; });
  const feedItem = (id) => page.locator(`#feed-list li[data-article-id="${id}"]`);

  // 2. the seed article, posted to ingest-service after the page loaded, appears at the top of the feed, no reload
  const arabicId = await ingest('arabic');
  check(await feedItem(arabicId).count() === 0, 'Arabic article not in the feed before it went through the pipeline');
  await feedItem(arabicId).waitFor({ timeout: 90_000 });
  check(await page.evaluate(() => window.__sameDocument === true), 'Arabic article appeared live, no reload');
  check(await page.$eval('#feed-list li:first-child', (li) => li.dataset.articleId) === arabicId, 'it is at the top');
  check(await feedItem(arabicId).locator('a').getAttribute('dir') === 'auto', 'feed title has dir=auto');

  // 3. the article view: entity highlights, right to left, quotes with speakers, topics, dates
  const stored = async (id) => (await page.request.get(new URL('articles/' + encodeURIComponent(id), base).href)).json();
  const arabic = await stored(arabicId);
  await feedItem(arabicId).locator('a').click();
  await page.waitForSelector(`#article[data-article-id="${arabicId}"] [data-entity-id="Q7747"]`);
  check(await page.locator('#article .article-title').textContent() === arabic.title, 'title as stored');
  const putin = page.locator('#article .article-text [data-entity-id="Q7747"]').first();
  check((await putin.textContent()).endsWith('بوتين'), 'Putin (Q7747) highlighted on his span');
  check(await putin.evaluate((e) => e.classList.contains('ent-person')), 'person class on the highlight');
  check(await putin.evaluate((e) => getComputedStyle(e).unicodeBidi) === 'isolate', 'highlight is bidi-isolated');
  const highlights = await page.locator('#article .article-text [data-entity-id]').count();
  const mentions = arabic.entities.reduce((n, e) => n + e.mentions.length, 0);
  check(highlights === mentions && highlights >= 10, `every mention highlighted (${highlights} of ${mentions})`);
  check(await page.locator('#article .article-text .ent-location').count() > 0, 'places highlighted');
  check(await page.locator('#article .article-text [data-entity-id="Q44329"]').count() > 0, 'Assad (Q44329) highlighted');
  check(await page.$eval('#article', (e) => getComputedStyle(e).direction) === 'rtl', 'article container is rtl');
  check(await page.$eval('#article', (e) => e.lang) === 'ar', 'article container lang=ar');
  const speakers = await page.locator('#quotes li .speaker').allTextContents();
  check(speakers.length >= 4 && speakers[0].endsWith('بوتين'), 'quotes listed with speakers: ' + speakers.join(', '));
  check((await page.locator('#topics').textContent()).includes('medtop:'), 'IPTC topics shown');
  check(await page.locator('#dates li').count() > 0, 'dates shown');
  await page.screenshot({ path: path.join(outDir, 'dashboard.png') });

  // the entity page, reached from the highlight
  await putin.click();
  await page.waitForSelector('#entity[data-entity-id="Q7747"] h2');
  check((await page.locator('#entity h2').textContent()).includes('Vladimir Putin'), 'entity page shows the names');
  check(await page.locator('#entity svg.timeline rect').count() === 30, 'timeline of 30 days');
  check(await page.locator('#cooccurring [data-entity-id="Q44329"]').count() === 1, 'Assad among co-occurring');
  await page.screenshot({ path: path.join(outDir, 'dashboard-entity.png') });
  await page.waitForSelector('#trending-list li[data-entity-id="Q7747"]');
  check(true, 'Putin among trending entities (refreshed after the article arrived)');
  await page.click('#trending-refresh');
  await page.waitForSelector('#trending-list li[data-entity-id="Q44329"]');
  check(true, 'Assad too, after a manual refresh');

  // 4. hostile markup is shown as text and never runs
  const hostileId = await ingest('hostile');
  await feedItem(hostileId).waitFor({ timeout: 90_000 });
  const hostile = await stored(hostileId);
  console.log('stored title: ' + JSON.stringify(hostile.title));
  console.log('stored text: ' + JSON.stringify(hostile.text));
  check(hostile.text.includes('<script>') && hostile.text.includes('<img src=x onerror'), 'stored text carries markup as text');
  check(await feedItem(hostileId).locator('a').textContent() === hostile.title, 'feed shows the title literally');
  await feedItem(hostileId).locator('a').click();
  await page.waitForSelector(`#article[data-article-id="${hostileId}"]`);
  check(await page.locator('#article .article-title').textContent() === hostile.title, 'title shown literally');
  check(await page.locator('#article .article-text').textContent() === hostile.text, 'text shown literally');
  check(await page.evaluate(() => typeof window.__pwned) === 'undefined', 'window.__pwned is undefined');
  check(await page.locator('img').count() === 0, 'no <img> element in the DOM');
  const scripts = await page.$$eval('script', (s) => s.map((e) => e.getAttribute('src')));
  check(scripts.length === 1 && scripts[0] === 'dashboard.js', 'only the dashboard script exists: ' + scripts);
  check(await page.$eval('#article', (e) => getComputedStyle(e).direction) === 'ltr', 'English article is ltr');
  await page.screenshot({ path: path.join(outDir, 'dashboard-hostile.png') });

  check(problems.length === 0, 'no page or console errors' + (problems.length ? ': ' + problems.join('; ') : ''));
} finally {
  input.close();
  process.stdin.destroy();
  await browser.close();
}
