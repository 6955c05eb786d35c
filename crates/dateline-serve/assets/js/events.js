// Events: the filtered events, newest first, with the evidence sentence of each and a link to
// its article; "More events" walks the API's keyset cursor.

import * as api from './api.js';
import { href } from './router.js';
import { el, goldstein, heading, plural, tone, QUADS } from './util.js';

const PAGE = 50;

function actorCell(name, code, country, filters) {
  if (!name && !code) return el('td', { class: 'muted' }, '—');
  const key = code || name;
  return el(
    'td',
    {},
    el('a', { href: href('events', { ...filters, actor: key }), title: `events of ${key}` }, name || code),
    code ? el('span', { class: 'code' }, ` ${code}`) : null,
    country && country !== code ? el('span', { class: 'muted' }, ` ${country}`) : null,
  );
}

function row(e, filters) {
  const action = el(
    'td',
    { class: `action q${e.quad_class}` },
    el('span', { class: 'code', title: QUADS[e.quad_class] || '' }, e.cameo || ''),
    ' ',
    e.plover || '',
    e.negated ? el('span', { class: 'flag' }, ' not') : null,
    e.mode && e.mode !== 'asserted' ? el('span', { class: 'flag' }, ` ${e.mode}`) : null,
  );
  const place = e.place_name
    ? el('td', {}, e.place_name, e.place_country ? el('span', { class: 'muted' }, ` ${e.place_country}`) : null)
    : el('td', { class: 'muted' }, '—');
  const evidence = el(
    'td',
    { class: 'evidence' },
    el('span', {}, e.evidence || ''),
    ' ',
    e.article_id
      ? el('a', { class: 'article-link', href: href('article', {}, e.article_id) }, e.title || 'article')
      : null,
  );
  return el(
    'tr',
    {},
    el('td', { class: 'date' }, e.date || 'undated'),
    actorCell(e.source_name, e.source_code, e.source_country, filters),
    action,
    actorCell(e.target_name, e.target_code, e.target_country, filters),
    place,
    el('td', { class: `num ${tone(e.goldstein)}` }, goldstein(e.goldstein)),
    evidence,
  );
}

export async function render(root, route, signal) {
  const filters = api.filtersOf(route.params);
  const summary = el('p', { class: 'lead' });
  const tbody = el('tbody');
  const more = el('button', { type: 'button', class: 'more', hidden: true }, 'More events');
  root.append(
    ...heading('Events'),
    summary,
    el(
      'table',
      { class: 'events' },
      el('caption', { class: 'sr-only' }, 'Events matching the filters, newest first'),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...['Date', 'Source', 'CAMEO / PLOVER', 'Target', 'Place', 'Goldstein', 'Evidence'].map((h) =>
            el('th', { scope: 'col' }, h),
          ),
        ),
      ),
      tbody,
    ),
    more,
  );
  let cursor = null;
  let shown = 0;
  async function page() {
    const data = await api.get('/api/events', { ...filters, limit: PAGE, cursor }, signal);
    for (const e of data.events) tbody.append(row(e, filters));
    shown += data.events.length;
    summary.textContent =
      data.total === 0 ? 'No event matches these filters.' : `${plural(data.total, 'event')}; ${shown} shown.`;
    cursor = data.next;
    more.hidden = !cursor;
  }
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      await page();
    } catch (e) {
      summary.textContent = e.message;
    } finally {
      more.disabled = false;
    }
  });
  await page();
}
