// Khabar editors' dashboard: one plain ES module, no framework, no build step, nothing fetched from elsewhere.
// Rule: text from the API (titles, article text, names, quotes) reaches the DOM only as text nodes
// (textContent, Element.append of strings, createTextNode) or as single attribute values; never parsed as markup.

/** The 17 top-level IPTC Media Topics. */
const TOPICS = [
  ['medtop:01000000', 'arts, culture, entertainment and media'], ['medtop:02000000', 'crime, law and justice'],
  ['medtop:03000000', 'disaster, accident and emergency incident'], ['medtop:04000000', 'economy, business and finance'],
  ['medtop:05000000', 'education'], ['medtop:06000000', 'environment'], ['medtop:07000000', 'health'],
  ['medtop:08000000', 'human interest'], ['medtop:09000000', 'labour'], ['medtop:10000000', 'lifestyle and leisure'],
  ['medtop:11000000', 'politics'], ['medtop:12000000', 'religion'], ['medtop:13000000', 'science and technology'],
  ['medtop:14000000', 'society'], ['medtop:15000000', 'sport'], ['medtop:16000000', 'conflict, war and peace'],
  ['medtop:17000000', 'weather'],
];
const RTL_LANGUAGES = new Set(['ar', 'arz', 'fa', 'ur', 'he', 'ps', 'ckb', 'yi', 'dv', 'sd', 'ug']);
const TYPE_CLASS = { PERSON: 'ent-person', LOCATION: 'ent-location', ORGANIZATION: 'ent-organization', MISC: 'ent-misc' };
const FEED_MAX = 200;
const SVG_NS = 'http://www.w3.org/2000/svg';

const $ = (selector) => document.querySelector(selector);

/** An element with attributes and children; strings become text nodes. */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, String(v));
  }
  e.append(...children.filter((c) => c != null));
  return e;
}

function svg(tag, attrs = {}) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** Only http(s) URLs become links (no javascript: or data: from the data). */
function safeUrl(url) {
  try {
    const u = new URL(url, location.href);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

function baseLanguage(language) {
  return (language || 'und').toLowerCase().split('-')[0];
}

function directionOf(language, facts) {
  const base = baseLanguage(language);
  if (RTL_LANGUAGES.has(base)) return 'rtl';
  if (base === 'und' && facts && facts.direction === 'rtl') return 'rtl';
  return 'ltr';
}

function langAttr(language) {
  return language && language !== 'und' ? language : null;
}

function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

function articleHref(id) {
  return '#article/' + encodeURIComponent(id);
}

function entityHref(id) {
  return '#entity/' + encodeURIComponent(id);
}

/** An entity's names as isolated runs (English and Arabic may sit side by side). */
function entityNames(e, fallback) {
  const names = [];
  if (e && e.nameEn) names.push(el('bdi', { lang: 'en' }, e.nameEn));
  if (e && e.nameAr) names.push(el('bdi', { lang: 'ar' }, e.nameAr));
  if (names.length === 0) names.push(el('bdi', {}, (e && e.name) || fallback || (e && e.id) || '?'));
  const out = [];
  names.forEach((n, i) => { if (i > 0) out.push(' · '); out.push(n); });
  return out;
}

/** The name an article's language would use. */
function nameIn(e, language) {
  if (!e) return null;
  return (baseLanguage(language) === 'ar' ? e.nameAr || e.name || e.nameEn : e.nameEn || e.name || e.nameAr) || e.id;
}

async function problemText(response) {
  try {
    const p = await response.json();
    return `${response.status} ${p.title || ''}: ${p.detail || ''}`;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

// ------------------------------------------------------------------------------------------------ sign-in

/**
 * A read of the API. When store-service has a read key (khabar.store.read-api-key), a 401 shows the sign-in form: the
 * key is traded once for an HttpOnly session cookie (POST /session), which fetch and EventSource then send.
 */
async function api(path) {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (response.status === 401) showSignIn('Signed out: enter the read API key.');
  return response;
}

let started = false;

function showSignIn(message) {
  if (feed.source) feed.source.close();
  feed.source = null;
  setStreamStatus('signed-out', 'signed out');
  const form = $('#signin');
  form.hidden = false;
  $('#signin-error').textContent = message || '';
  $('#signin-error').hidden = !message;
  $('#signin-key').focus();
}

async function signIn(event) {
  event.preventDefault();
  const key = $('#signin-key').value;
  const response = await fetch('/session', { method: 'POST', headers: { Authorization: 'Bearer ' + key } });
  if (!response.ok) {
    showSignIn(await problemText(response));
    return;
  }
  $('#signin-key').value = '';
  $('#signin').hidden = true;
  $('#signout').hidden = false;
  begin();
}

async function signOut() {
  await fetch('/session', { method: 'DELETE' });
  $('#signout').hidden = true;
  showSignIn(null);
}

// ------------------------------------------------------------------------------------------------ live feed

const feed = { source: null, ids: new Map() };

function setStreamStatus(status, text) {
  document.body.dataset.stream = status;
  $('#stream-status').textContent = text;
}

function showFeedError(message) {
  const p = $('#feed-error');
  p.textContent = message || '';
  p.hidden = !message;
}

function filterParams() {
  const p = new URLSearchParams();
  const entity = $('#f-entity').value.trim();
  const topic = $('#f-topic').value.trim();
  const language = $('#f-language').value.trim();
  if (entity) p.set('entity', entity);
  if (topic) p.set('topic', topic);
  if (language) p.set('language', language);
  return p;
}

function feedItem(item, live) {
  const time = item.publishedAt || item.receivedAt;
  return el('li', { class: live ? 'item live' : 'item', dataset: { articleId: item.id } },
    el('a', { href: articleHref(item.id), dir: 'auto', lang: langAttr(item.language), class: 'item-title' },
      item.title || '(untitled)'),
    el('div', { class: 'item-meta muted small' },
      el('bdi', {}, item.source || ''), ' · ', item.language || 'und', ' · ', formatTime(time)));
}

function addToFeed(item, live) {
  const list = $('#feed-list');
  const old = feed.ids.get(item.id);
  if (old) {
    if (!live) return;
    old.remove();
  }
  const node = feedItem(item, live);
  feed.ids.set(item.id, node);
  if (live) list.prepend(node);
  else list.append(node);
  if (location.hash === articleHref(item.id)) node.classList.add('selected');
  while (list.children.length > FEED_MAX) {
    const last = list.lastElementChild;
    feed.ids.delete(last.dataset.articleId);
    last.remove();
  }
}

/** (Re)connects the stream under the current filters, then fills in the newest stored articles below. */
function connect() {
  if (feed.source) feed.source.close();
  feed.ids.clear();
  $('#feed-list').replaceChildren();
  showFeedError(null);
  const params = filterParams();
  const query = params.toString();
  setStreamStatus('connecting', 'connecting…');
  // EventSource reconnects by itself and sends Last-Event-ID, so a dropped connection loses nothing.
  const source = new EventSource('/stream/articles' + (query ? '?' + query : ''));
  feed.source = source;
  source.addEventListener('open', () => {
    if (feed.source === source) setStreamStatus('open', query ? `live · ${query}` : 'live');
  });
  source.addEventListener('article', (event) => {
    if (feed.source !== source) return;
    addToFeed(JSON.parse(event.data), true);
    refreshTrendingSoon();
  });
  source.addEventListener('error', () => {
    if (feed.source !== source) return;
    if (source.readyState === EventSource.CLOSED) {
      setStreamStatus('closed', 'stream closed');
      api('/session').then((r) => r.json()).then((session) => {
        if (feed.source === source && session.required && !session.authenticated) showSignIn('Signed out: enter the read API key.');
      }).catch(() => {});
    } else {
      setStreamStatus('reconnecting', 'reconnecting…');
    }
  });
  loadRecent(params, source);
}

async function loadRecent(params, source) {
  const p = new URLSearchParams(params);
  p.set('limit', '30');
  try {
    const response = await api('/articles?' + p);
    if (feed.source !== source) return;
    if (!response.ok) {
      showFeedError(await problemText(response));
      return;
    }
    const body = await response.json();
    for (const item of body.items || []) addToFeed(item, false);
  } catch (e) {
    if (feed.source === source) showFeedError(String(e));
  }
}

// ------------------------------------------------------------------------------------------------ article view

let viewToken = 0;

function markSelected(articleId) {
  for (const li of document.querySelectorAll('#feed-list li.selected')) li.classList.remove('selected');
  const node = articleId && feed.ids.get(articleId);
  if (node) node.classList.add('selected');
}

/** A span of the event: [start, end] (schema version 2) or {start, end} (version 1). */
function span(s) {
  return Array.isArray(s) ? { start: s[0], end: s[1] } : { start: s.start, end: s.end };
}

/**
 * Entity mentions as {start, end, value, type}: version 1 events list them as `entity` annotations, version 2 events
 * only in each entity's row (`mentions`).
 */
function mentionsOf(annotations, entities) {
  const listed = annotations.filter((a) => a.kind === 'entity');
  if (listed.length) return listed;
  const out = [];
  for (const e of entities.values()) {
    for (const m of e.mentions || []) out.push({ ...span(m), value: e.id, type: e.type });
  }
  return out;
}

/** The text with each entity mention wrapped in a link carrying its type class and entity id. */
function highlightedText(text, annotations, entities, language) {
  const body = el('div', { class: 'article-text' });
  const spans = mentionsOf(annotations, entities)
    .filter((a) => a.start >= 0 && a.end <= text.length && a.end > a.start)
    .sort((x, y) => x.start - y.start || y.end - x.end);
  let pos = 0;
  for (const a of spans) {
    if (a.start < pos) continue; // overlaps the previous mention
    if (a.start > pos) body.append(document.createTextNode(text.slice(pos, a.start)));
    const entity = a.value ? entities.get(a.value) : null;
    const type = String(a.type || (entity && entity.type) || 'MISC').toUpperCase();
    const cls = 'ent ' + (TYPE_CLASS[type] || 'ent-misc');
    const surface = text.slice(a.start, a.end);
    if (a.value) {
      body.append(el('a', {
        class: cls, href: entityHref(a.value), title: `${nameIn(entity, 'en') || a.value} · ${type}`,
        dataset: { entityId: a.value, entityType: type },
      }, surface));
    } else {
      body.append(el('span', { class: cls, dataset: { entityType: type } }, surface));
    }
    pos = a.end;
  }
  if (pos < text.length) body.append(document.createTextNode(text.slice(pos)));
  return body;
}

function section(id, title, items, empty) {
  return el('section', { class: 'details', id },
    el('h3', {}, title),
    items.length ? el('ul', {}, ...items) : el('p', { class: 'muted small' }, empty));
}

function renderArticle(a) {
  const text = a.text || '';
  const annotations = a.annotations || [];
  const entities = new Map((a.entities || []).map((e) => [e.id, e]));
  const dir = directionOf(a.language, a.facts);
  const lang = langAttr(a.language);
  const slice = (x) => text.slice(Math.max(0, x.start), Math.min(text.length, x.end));

  const url = safeUrl(a.url);
  const container = el('article', { id: 'article', class: 'article', dir, lang, dataset: { articleId: a.articleId } },
    el('h2', { class: 'article-title' }, a.title || ''),
    el('p', { class: 'article-meta muted small' },
      el('bdi', {}, a.source || ''), ' · ', el('bdi', { dir: 'ltr' }, formatTime(a.publishedAt || a.receivedAt)),
      url ? ' · ' : null, url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, 'source') : null),
    highlightedText(text, annotations, entities, a.language));

  const quotes = annotations.filter((x) => x.kind === 'quote').map((q) => {
    const attrs = q.attributes || {};
    const speaker = q.value ? entities.get(q.value) : null;
    const name = nameIn(speaker, a.language) || attrs.speakerName || 'speaker unknown';
    return el('li', { class: 'quote', dataset: { speakerId: q.value || '' } },
      el('blockquote', { dir, lang }, slice(q)),
      el('div', { class: 'small' }, '— ',
        q.value ? el('a', { href: entityHref(q.value), dir: 'auto', class: 'speaker' }, name)
          : el('bdi', { class: 'speaker' }, name),
        el('span', { class: 'muted' }, ` (${q.type || 'quote'}${attrs.cue ? ', ' : ''}`),
        attrs.cue ? el('bdi', { class: 'muted' }, attrs.cue) : null,
        el('span', { class: 'muted' }, ')')));
  });
  const topics = annotations.filter((x) => x.kind === 'topic').map((t) => {
    const attrs = t.attributes || {};
    const known = TOPICS.find(([code]) => code === t.value);
    return el('li', { dataset: { topic: t.value || '' } },
      el('bdi', {}, attrs.label || (known && known[1]) || t.value || ''),
      attrs.labelAr ? ' · ' : null, attrs.labelAr ? el('bdi', { lang: 'ar' }, attrs.labelAr) : null,
      el('span', { class: 'muted small' }, ` ${t.value || ''}`,
        t.confidence != null ? ` · ${Number(t.confidence).toFixed(2)}` : ''));
  });
  const dates = annotations.filter((x) => x.kind === 'date').map((d) => {
    const attrs = d.attributes || {};
    return el('li', {},
      el('bdi', { lang }, slice(d)), ' → ', d.value || 'unanchored',
      el('span', { class: 'muted small' }, ` (${d.type || ''}${attrs.granularity ? ', ' + attrs.granularity : ''})`));
  });
  const people = (a.entities || []).map((e) => el('li', {},
    el('a', { href: entityHref(e.id), class: 'ent ' + (TYPE_CLASS[e.type] || 'ent-misc'), dataset: { entityId: e.id } },
      ...entityNames(e, e.name)),
    el('span', { class: 'muted small' }, ` ${e.type || ''} · ${(e.mentions || []).length} mention(s)`)));

  const details = el('div', { class: 'article-details' },
    section('quotes', 'Quotes', quotes, 'No quotes found.'),
    section('topics', 'Topics', topics, 'No topic.'),
    section('dates', 'Dates', dates, 'No dates.'),
    section('entities', 'Entities', people, 'No entities.'));
  return [container, details];
}

async function showArticle(id) {
  const view = $('#view');
  const token = ++viewToken;
  markSelected(id);
  view.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
  try {
    const response = await api('/articles/' + encodeURIComponent(id));
    if (token !== viewToken) return;
    if (!response.ok) {
      view.replaceChildren(el('p', { class: 'error' }, await problemText(response)));
      return;
    }
    const article = await response.json();
    if (token !== viewToken) return;
    view.replaceChildren(...renderArticle(article));
  } catch (e) {
    if (token === viewToken) view.replaceChildren(el('p', { class: 'error' }, String(e)));
  }
}

// ------------------------------------------------------------------------------------------------ entity page

function timelineChart(days) {
  const width = 600, height = 110, label = 16;
  const max = Math.max(1, ...days.map((d) => d.articles));
  const barWidth = width / Math.max(1, days.length);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height + label}`, class: 'timeline', role: 'img',
    'aria-label': 'articles per day' });
  days.forEach((d, i) => {
    const h = Math.round((d.articles / max) * height);
    const bar = svg('rect', { x: i * barWidth + 1, y: height - h, width: Math.max(1, barWidth - 2), height: h,
      class: 'bar' });
    const tip = svg('title');
    tip.textContent = `${d.day}: ${d.articles} article(s), ${d.mentions} mention(s)`;
    bar.append(tip);
    chart.append(bar);
  });
  if (days.length) {
    const first = svg('text', { x: 0, y: height + label - 3, class: 'axis' });
    first.textContent = days[0].day;
    const last = svg('text', { x: width, y: height + label - 3, class: 'axis', 'text-anchor': 'end' });
    last.textContent = days[days.length - 1].day;
    chart.append(first, last);
  }
  return chart;
}

function renderEntity(e) {
  const links = Object.entries(e.links || {}).map(([name, href]) => {
    const url = safeUrl(href);
    return url ? el('li', {}, el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, name)) : null;
  }).filter(Boolean);
  const neighbours = (e.cooccurring || []).map((n) => el('li', {},
    el('a', { href: entityHref(n.id), class: 'ent ' + (TYPE_CLASS[n.type] || 'ent-misc'), dataset: { entityId: n.id } },
      ...entityNames(n)),
    el('span', { class: 'muted small' }, ` ${n.articles} article(s) in common`)));
  const where = e.latitude != null && e.longitude != null
    ? el('p', { class: 'small' }, `${Number(e.latitude).toFixed(3)}, ${Number(e.longitude).toFixed(3)}`,
      e.countryCode ? ` · ${e.countryCode}` : '') : null;
  return el('div', { id: 'entity', class: 'entity', dataset: { entityId: e.id } },
    el('h2', { dir: 'auto' }, ...entityNames(e)),
    el('p', { class: 'muted small' }, `${e.type || ''}${e.kind ? ' · ' + e.kind : ''} · `, el('bdi', {}, e.id),
      ` · ${e.articles} article(s), ${e.mentions} mention(s)`),
    where,
    el('button', { type: 'button', onclick: () => { $('#f-entity').value = e.id; connect(); } },
      'Filter the feed by this entity'),
    el('h3', {}, 'Articles per day (30 days)'),
    timelineChart(e.timeline || []),
    section('links', 'Links', links, 'No links.'),
    section('cooccurring', 'Often named with', neighbours, 'No co-occurring entities.'));
}

async function showEntity(id) {
  const view = $('#view');
  const token = ++viewToken;
  markSelected(null);
  view.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
  try {
    const response = await api('/entities/' + encodeURIComponent(id) + '?days=30');
    if (token !== viewToken) return;
    if (!response.ok) {
      view.replaceChildren(el('p', { class: 'error' }, await problemText(response)));
      return;
    }
    const entity = await response.json();
    if (token === viewToken) view.replaceChildren(renderEntity(entity));
  } catch (e) {
    if (token === viewToken) view.replaceChildren(el('p', { class: 'error' }, String(e)));
  }
}

// ------------------------------------------------------------------------------------------------ trending

let trendingTimer = null;

/** New articles change what is trending: refresh a few seconds after a burst of arrivals, once. */
function refreshTrendingSoon() {
  if (trendingTimer) return;
  trendingTimer = setTimeout(() => { trendingTimer = null; loadTrending(); }, 3_000);
}

async function loadTrending() {
  const list = $('#trending-list');
  try {
    const response = await api('/entities/trending?window=1h&limit=15');
    if (!response.ok) {
      list.replaceChildren(el('li', { class: 'error' }, await problemText(response)));
      return;
    }
    const body = await response.json();
    const items = (body.items || []).map((t) => el('li', { dataset: { entityId: t.id } },
      el('a', { href: entityHref(t.id), class: 'ent ' + (TYPE_CLASS[t.type] || 'ent-misc') }, ...entityNames(t)),
      el('span', { class: 'muted small' },
        ` ${t.mentions} mention(s), +${Number(t.rise).toFixed(1)} · ${t.articles} article(s)`)));
    list.replaceChildren(...(items.length ? items : [el('li', { class: 'muted' }, 'Nothing rising in the last hour.')]));
    $('#trending-updated').textContent = 'updated ' + formatTime(body.to || new Date().toISOString());
  } catch (e) {
    list.replaceChildren(el('li', { class: 'error' }, String(e)));
  }
}

// ------------------------------------------------------------------------------------------------ wiring

function route() {
  const hash = location.hash.slice(1);
  const slash = hash.indexOf('/');
  const kind = slash < 0 ? hash : hash.slice(0, slash);
  let id = '';
  try {
    id = slash < 0 ? '' : decodeURIComponent(hash.slice(slash + 1));
  } catch {
    id = '';
  }
  if (kind === 'article' && id) showArticle(id);
  else if (kind === 'entity' && id) showEntity(id);
}

/** Loads the feed, trending and the current route: at start, and again after signing in. */
function begin() {
  connect();
  loadTrending();
  route();
  if (!started) {
    started = true;
    setInterval(() => { if (feed.source) loadTrending(); }, 60_000);
  }
}

async function start() {
  $('#topic-codes').append(...TOPICS.map(([code, label]) => el('option', { value: code, label })));
  const form = $('#filters');
  form.addEventListener('submit', (event) => { event.preventDefault(); connect(); });
  $('#f-entity').addEventListener('change', connect);
  $('#f-topic').addEventListener('change', connect);
  $('#f-language').addEventListener('change', connect);
  $('#trending-refresh').addEventListener('click', loadTrending);
  $('#signin').addEventListener('submit', signIn);
  $('#signout').addEventListener('click', signOut);
  window.addEventListener('hashchange', route);
  let session = { required: false, authenticated: true };
  try {
    session = await (await fetch('/session')).json();
  } catch {
    // an older store-service without /session: the read API is open
  }
  $('#signout').hidden = !session.required || !session.authenticated;
  if (session.required && !session.authenticated) showSignIn(null);
  else begin();
}

start();
