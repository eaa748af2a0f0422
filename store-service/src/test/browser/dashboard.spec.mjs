// The editors' dashboard in real headless Chromium, driven by playwright-core. Run by DashboardBrowserTest:
//   node dashboard.spec.mjs <baseUrl> <arabicArticleId> <hostileArticleId> <screenshotDir>
// with KHABAR_BROWSER_TOOLS = the directory whose node_modules holds playwright-core.
// To have an article published, it prints "@@send <id>" and waits for the article to show up in the live feed.
// Exit code 0: every check held; anything else: a check failed (the message says which).
import { createRequire } from 'node:module';
import path from 'node:path';

const [base, arabicId, hostileId, outDir] = process.argv.slice(2);
const require = createRequire(path.join(process.env.KHABAR_BROWSER_TOOLS, 'package.json'));
const { chromium } = require('playwright-core');

function check(condition, what) {
  if (!condition) throw new Error('FAILED: ' + what);
  console.log('ok - ' + what);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(20_000);
  const problems = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`); });

  // 1. the dashboard loads under its CSP and connects to the stream
  const response = await page.goto(base, { waitUntil: 'load' });
  check(response.status() === 200, 'dashboard loads');
  check((response.headers()['content-security-policy'] || '').includes("script-src 'self'"), 'strict CSP on the page');
  await page.waitForSelector('body[data-stream="open"]');
  check(true, 'live stream open');
  await page.evaluate(() => { window.__sameDocument = true; });
  const feedItem = (id) => page.locator(`#feed-list li[data-article-id="${id}"]`);
  check(await feedItem(arabicId).count() === 0, 'Arabic article not in the feed before it is published');

  // 2. published after the page loaded, it appears at the top of the live feed, without a reload
  console.log('@@send ' + arabicId);
  await feedItem(arabicId).waitFor();
  check(await page.evaluate(() => window.__sameDocument === true), 'Arabic article appeared live, no reload');
  check(await page.$eval('#feed-list li:first-child', (li) => li.dataset.articleId) === arabicId, 'it is at the top');
  check(await feedItem(arabicId).locator('a').getAttribute('dir') === 'auto', 'feed title has dir=auto');

  // 3. the article view: highlights, right to left, quotes, topics
  await feedItem(arabicId).locator('a').click();
  await page.waitForSelector(`#article[data-article-id="${arabicId}"] [data-entity-id="Q7747"]`);
  const putin = page.locator('#article [data-entity-id="Q7747"]').first();
  check(await putin.textContent() === 'فلاديمير بوتين', 'PERSON Q7747 highlighted on its span');
  check(await putin.evaluate((e) => e.classList.contains('ent-person')), 'person class on the highlight');
  check(await putin.evaluate((e) => getComputedStyle(e).unicodeBidi) === 'isolate', 'highlight is bidi-isolated');
  check(await page.locator('#article .ent-location').first().textContent() === 'موسكو', 'LOCATION highlighted');
  check(await page.$eval('#article', (e) => getComputedStyle(e).direction) === 'rtl', 'article container is rtl');
  check(await page.$eval('#article', (e) => e.lang) === 'ar', 'article container lang=ar');
  check((await page.locator('#quotes li').count()) === 1, 'one quote listed');
  check((await page.locator('#quotes .speaker').textContent()) === 'فلاديمير بوتين', 'quote speaker from the entity list');
  check((await page.locator('#topics').textContent()).includes('medtop:11000000'), 'topic shown');
  check((await page.locator('#dates').textContent()).includes('2017-11-20'), 'date shown');
  await page.screenshot({ path: path.join(outDir, 'dashboard.png') });

  // the entity page, reached from the highlight
  await putin.click();
  await page.waitForSelector('#entity[data-entity-id="Q7747"] h2');
  check((await page.locator('#entity h2').textContent()).includes('Vladimir Putin'), 'entity page shows the names');
  check(await page.locator('#entity svg.timeline rect').count() === 30, 'timeline of 30 days');
  check(await page.locator('#cooccurring [data-entity-id="Q649"]').count() === 1, 'Moscow among co-occurring');
  await page.click('#trending-refresh');
  await page.waitForSelector('#trending-list li');
  check(true, 'trending panel rendered');

  // 4. hostile text is shown as text and never runs
  console.log('@@send ' + hostileId);
  await feedItem(hostileId).waitFor();
  const stored = await (await page.request.get(new URL('articles/' + hostileId, base).href)).json();
  check(stored.title.includes('<script>') && stored.text.includes('<img src=x'), 'stored article carries the markup');
  check(await feedItem(hostileId).locator('a').textContent() === stored.title, 'feed shows the title literally');
  await feedItem(hostileId).locator('a').click();
  await page.waitForSelector(`#article[data-article-id="${hostileId}"]`);
  check(await page.locator('#article .article-title').textContent() === stored.title, 'title shown literally');
  check(await page.locator('#article .article-text').textContent() === stored.text, 'text shown literally');
  check(await page.evaluate(() => typeof window.__pwned) === 'undefined', 'window.__pwned is undefined');
  check(await page.locator('img').count() === 0, 'no <img> element in the DOM');
  const scripts = await page.$$eval('script', (s) => s.map((e) => e.getAttribute('src')));
  check(scripts.length === 1 && scripts[0] === 'dashboard.js', 'only the dashboard script exists: ' + scripts);
  check(await page.$eval('#article', (e) => getComputedStyle(e).direction) === 'ltr', 'English article is ltr');
  await page.screenshot({ path: path.join(outDir, 'dashboard-hostile.png') });

  check(problems.length === 0, 'no page or console errors' + (problems.length ? ': ' + problems.join('; ') : ''));
} finally {
  await browser.close();
}
