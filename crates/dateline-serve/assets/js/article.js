// Article: one stored article (dateline.article/1) with its annotations highlighted in the
// text, displaCy-style — entities with their type, times with their value, places with what
// they resolved to, quotes, event triggers with their CAMEO code — and each event listed with
// its rule, confidence and date source. Offsets are UTF-8 byte offsets into the body: the
// text between two boundaries is decoded from the body's bytes. Without an id: a search.

import * as api from './api.js';
import { go, href } from './router.js';
import { el, goldstein, heading, plural, safeUrl, QUADS } from './util.js';

/** Annotation kinds, outermost first (a quote holds entities; a trigger sits in a sentence). */
const ORDER = ['quote', 'ent', 'place', 'time', 'trigger'];

function annotations(a) {
  const out = [];
  const add = (start, end, kind, cls, label, title) => {
    if (!Number.isInteger(start) || !Number.isInteger(end) || end <= start) return null;
    const x = { start, end, kind, cls, label, title };
    out.push(x);
    return x;
  };
  for (const e of a.entities || []) {
    add(e.start, e.end, 'ent', `ent ent-${e.type}`, e.type, e.canonical && e.canonical !== e.text ? `${e.type}: ${e.canonical}` : e.type);
  }
  for (const p of a.places || []) {
    add(p.start, p.end, 'place', 'place', `→ ${p.name}${p.country ? `, ${p.country}` : ''}`, `${p.name} (GeoNames ${p.geonameid ?? '?'}, ${p.lat}, ${p.lon}) via ${p.via}`);
  }
  for (const t of a.times || []) add(t.start, t.end, 'time', 'time', t.value || t.type, `${t.type} ${t.value || ''}`);
  for (const q of a.quotes || []) {
    const who = q.speaker ? q.speaker.canonical || q.speaker.text : 'unattributed';
    add(q.start, q.end, 'quote', 'quote', null, `${q.kind} quote: ${who}${q.cue ? ` (${q.cue})` : ''}`);
  }
  const seen = new Set();
  (a.events || []).forEach((e, i) => {
    if (!Array.isArray(e.trigger)) return;
    const key = e.trigger.join('-');
    if (seen.has(key)) return;
    seen.add(key);
    const t = add(e.trigger[0], e.trigger[1], 'trigger', `trigger q${e.quad_class}`, e.cameo, `event ${i + 1}: ${e.cameo} ${e.plover || ''}`);
    if (t) t.id = `trigger-${key}`;
  });
  return out;
}

/** The body with every annotation as nested spans, split at every boundary; labels after ends. */
function highlighted(body, anns) {
  const bytes = new TextEncoder().encode(body);
  const dec = new TextDecoder();
  const cuts = new Set([0, bytes.length]);
  for (const a of anns) {
    if (a.end <= bytes.length) {
      cuts.add(a.start);
      cuts.add(a.end);
    }
  }
  const xs = [...cuts].sort((p, q) => p - q);
  const container = el('div', { class: 'body', lang: 'en' });
  const labelled = new Set();
  for (let i = 0; i + 1 < xs.length; i++) {
    const [a, b] = [xs[i], xs[i + 1]];
    const active = anns
      .filter((x) => x.start <= a && x.end >= b && x.end <= bytes.length)
      .sort((p, q) => ORDER.indexOf(p.kind) - ORDER.indexOf(q.kind));
    let node = document.createTextNode(dec.decode(bytes.subarray(a, b)));
    for (const x of [...active].reverse()) {
      const attrs = { class: x.cls, title: x.title };
      if (x.id && x.start === a) {
        attrs.id = x.id;
        attrs.tabindex = -1;
      }
      node = el('span', attrs, node);
    }
    container.append(node);
    for (const x of active) {
      if (x.end === b && x.label && !labelled.has(x)) {
        labelled.add(x);
        container.append(el('span', { class: `label label-${x.kind}`, 'aria-hidden': 'true' }, x.label));
      }
    }
  }
  return container;
}

function eventItem(e, i, articleId) {
  const who = (r) => (r ? `${r.canonical || r.text}${r.code ? ` (${r.code})` : ''}` : '—');
  const show = Array.isArray(e.trigger)
    ? el('button', { type: 'button', class: 'show-trigger', 'data-target': `trigger-${e.trigger.join('-')}` }, 'show in text')
    : null;
  return el(
    'li',
    { class: `event q${e.quad_class}` },
    el(
      'p',
      {},
      el('strong', {}, `${e.cameo} ${e.plover || ''}`),
      e.plover_mode ? ` (${e.plover_mode})` : '',
      ` ${who(e.source)} → ${who(e.target)}`,
      e.negated ? ' — negated' : '',
      e.mode && e.mode !== 'asserted' ? ` — ${e.mode}` : '',
      ' ',
      show,
    ),
    el(
      'dl',
      { class: 'facts' },
      el('dt', {}, 'date'), el('dd', {}, `${e.date || 'undated'} (from ${e.date_source})`),
      el('dt', {}, 'rule'), el('dd', {}, el('code', {}, e.rule || '')),
      el('dt', {}, 'confidence'), el('dd', {}, typeof e.confidence === 'number' ? e.confidence.toFixed(2) : ''),
      el('dt', {}, 'Goldstein'), el('dd', {}, `${goldstein(e.goldstein)} (${QUADS[e.quad_class] || ''})`),
      e.place ? [el('dt', {}, 'place'), el('dd', {}, `${e.place.name}${e.place.country ? `, ${e.place.country}` : ''}`)] : null,
    ),
    el('blockquote', {}, e.evidence || ''),
    el('span', { class: 'sr-only' }, `event ${i + 1} of article ${articleId}`),
  );
}

function meta(a) {
  const m = a.article || {};
  const url = safeUrl(m.url);
  return el(
    'p',
    { class: 'lead' },
    [m.outlet, m.published, (m.byline || []).join(', ')].filter(Boolean).join(' · '),
    m.url ? ' · ' : '',
    url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, url) : m.url ? el('span', { class: 'unsafe-url', title: 'not an http(s) link: shown as text' }, m.url) : null,
  );
}

function legend() {
  const kinds = [['ent ent-PERSON', 'person'], ['ent ent-ORG', 'organisation'], ['ent ent-GPE', 'place name'], ['ent ent-NORP', 'nationality, group'], ['time', 'time'], ['quote', 'quote'], ['trigger q1', 'event trigger']];
  return el('ul', { class: 'legend' }, ...kinds.map(([c, t]) => el('li', {}, el('span', { class: c }, t))));
}

async function search(root, route, signal) {
  const q = route.params.get('q') || '';
  const input = el('input', { name: 'q', type: 'search', value: q, placeholder: 'Moyale OR border', 'aria-label': 'Words the article contains' });
  const form = el('form', { class: 'inline' }, input, el('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go('article', { q: input.value });
  });
  root.append(...heading('Article', 'Find an article by its words (an FTS5 query), or open one from the events table.'), form);
  if (!q.trim()) return;
  const data = await api.get('/api/search', { q, limit: 50 }, signal);
  root.append(
    el('p', {}, plural(data.total, 'article')),
    el(
      'ol',
      { class: 'results' },
      ...data.articles.map((r) =>
        el('li', {}, el('a', { href: href('article', {}, r.id) }, r.title || r.id), el('span', { class: 'muted' }, ` ${r.published || ''} ${r.outlet || ''}, ${plural(r.events, 'event')}`), el('p', { class: 'snippet' }, r.snippet || '')),
      ),
    ),
  );
}

export async function render(root, route, signal) {
  if (!route.arg) return search(root, route, signal);
  const a = await api.get(`/api/articles/${encodeURIComponent(route.arg)}`, {}, signal);
  const anns = annotations(a);
  const events = a.events || [];
  const list = el('ol', { class: 'events-list' }, ...events.map((e, i) => eventItem(e, i, a.id)));
  list.addEventListener('click', (ev) => {
    const link = ev.target.closest('button.show-trigger');
    if (!link) return;
    const t = document.getElementById(link.dataset.target);
    if (t) {
      t.scrollIntoView({ block: 'center' });
      t.focus();
    }
  });
  root.append(
    ...heading((a.article && a.article.title) || a.id),
    meta(a),
    legend(),
    highlighted(a.body || '', anns),
    el('h2', {}, `Events (${events.length})`),
    events.length ? list : el('p', { class: 'muted' }, 'No event was coded in this article.'),
  );
}
