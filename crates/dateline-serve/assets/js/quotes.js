// Who said what: quotes from /api/quotes grouped by speaker (canonical name), the speakers
// with the most quotes first, each quote with its cue, date and article.

import * as api from './api.js';
import { go, href } from './router.js';
import { el, heading, plural } from './util.js';

const FIELDS = [
  ['speaker', 'Speaker', 'Ruto'],
  ['q', 'Words', 'border'],
  ['from', 'From', 'YYYY-MM-DD'],
  ['to', 'To', 'YYYY-MM-DD'],
];

function form(params) {
  const f = el('form', { class: 'filters', 'aria-label': 'Quote filters' });
  for (const [name, label, placeholder] of FIELDS) {
    f.append(el('label', {}, `${label} `, el('input', { name, placeholder, value: params.get(name) || '', size: 12 })));
  }
  const kind = el(
    'select',
    { name: 'kind' },
    ...[['', 'direct and indirect'], ['direct', 'direct'], ['indirect', 'indirect']].map(([v, t]) =>
      el('option', { value: v, selected: (params.get('kind') || '') === v }, t),
    ),
  );
  f.append(el('label', {}, 'Kind ', kind), el('button', { type: 'submit' }, 'Apply'));
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = {};
    for (const [name] of FIELDS) p[name] = f.elements.namedItem(name).value;
    p.kind = kind.value;
    go('quotes', p);
  });
  return f;
}

function quote(q) {
  return el(
    'li',
    { class: 'quote-item' },
    el('blockquote', { class: q.kind }, q.text || ''),
    el(
      'p',
      { class: 'muted' },
      `— ${q.speaker || 'unattributed'}`,
      q.cue ? `, ${q.cue}` : '',
      q.kind === 'indirect' ? ' (reported)' : '',
      q.published ? `, ${q.published}` : '',
      ' · ',
      q.article ? el('a', { href: href('article', {}, q.article) }, q.title || 'article') : null,
      q.outlet ? ` (${q.outlet})` : '',
    ),
  );
}

export async function render(root, route, signal) {
  const p = route.params;
  const params = { speaker: p.get('speaker'), q: p.get('q'), kind: p.get('kind'), from: p.get('from'), to: p.get('to'), limit: 500 };
  const data = await api.get('/api/quotes', params, signal);
  const groups = new Map();
  for (const q of data.quotes) {
    const who = q.speaker_canonical || q.speaker || 'unattributed';
    if (!groups.has(who)) groups.set(who, []);
    groups.get(who).push(q);
  }
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const shown = data.quotes.length < data.total ? ` (the first ${data.quotes.length} shown)` : '';
  root.append(...heading('Who said what', `${plural(data.total, 'quote')} by ${plural(groups.size, 'speaker')}${shown}.`), form(p));
  if (!sorted.length) {
    root.append(el('p', { class: 'muted' }, 'No quote matches.'));
    return;
  }
  const index = el(
    'p',
    { class: 'speakers' },
    ...sorted.slice(0, 30).flatMap(([who, qs]) => [el('a', { href: href('quotes', { ...params, limit: '', speaker: who }) }, `${who} (${qs.length})`), ' ']),
  );
  root.append(index);
  for (const [who, qs] of sorted) {
    root.append(el('section', { class: 'speaker' }, el('h2', {}, `${who} `, el('span', { class: 'muted' }, plural(qs.length, 'quote'))), el('ul', { class: 'quotes' }, ...qs.map(quote))));
  }
}
