// The filter bar (in index.html) shared by the events, timeline, map and network views, and
// the navigation links, which carry the current filters so that every view follows them.

import { FILTERS, filtersOf } from './api.js';
import { go, href } from './router.js';

/** Views that show the filter bar and share its filters. */
export const FILTERED = ['events', 'timeline', 'map', 'network'];

let route = null;

/** Show the bar for a route, filled from its URL; point the nav links at its filters. */
export function update(r) {
  route = r;
  const form = document.getElementById('filters');
  const filtered = FILTERED.includes(r.view);
  form.hidden = !filtered;
  for (const k of FILTERS) {
    const input = form.elements.namedItem(k);
    if (input) input.value = r.params.get(k) || '';
  }
  const f = filtered ? filtersOf(r.params) : {};
  for (const a of document.querySelectorAll('nav a[data-view]')) {
    const v = a.dataset.view;
    if (v === r.view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
    if (FILTERED.includes(v)) a.setAttribute('href', href(v, filtered ? f : {}));
  }
}

/** The bar's values: submit goes to the same view with them (a new history entry). */
export function bind() {
  const form = document.getElementById('filters');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!route) return;
    const f = {};
    for (const k of FILTERS) {
      const input = form.elements.namedItem(k);
      if (input && input.value.trim() !== '') f[k] = input.value.trim();
    }
    if (f.country) f.country = f.country.toUpperCase();
    // a view's own parameters (the timeline's bucket) survive a change of filters
    const own = route.view === 'timeline' && route.params.get('by') ? { by: route.params.get('by') } : {};
    go(route.view, { ...f, ...own });
  });
  document.getElementById('clear-filters').addEventListener('click', () => {
    if (route) go(route.view, {});
  });
}
