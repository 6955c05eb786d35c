// The workbench: one module per view, each exporting render(root, route, signal). A route
// change aborts the view still loading and renders the new one; when a view has drawn, #view
// gets data-ready="VIEW" (what the browser tests wait for).

import * as router from './router.js';
import * as filters from './filters.js';
import { clear } from './util.js';
import { ApiError } from './api.js';
import * as events from './events.js';
import * as timeline from './timeline.js';
import * as map from './map.js';
import * as network from './network.js';
import * as article from './article.js';
import * as quotes from './quotes.js';

const VIEWS = { events, timeline, map, network, article, quotes };
const TITLES = {
  events: 'Events',
  timeline: 'Timeline',
  map: 'Map',
  network: 'Network',
  article: 'Article',
  quotes: 'Who said what',
};

let running = null;

async function render(route) {
  if (running) running.abort();
  const ctl = new AbortController();
  running = ctl;
  const root = document.getElementById('view');
  const status = document.getElementById('status');
  filters.update(route);
  document.title = `${TITLES[route.view]} · dateline`;
  root.removeAttribute('data-ready');
  clear(root);
  status.textContent = 'Loading…';
  status.className = '';
  try {
    await VIEWS[route.view].render(root, route, ctl.signal);
    if (ctl.signal.aborted) return;
    status.textContent = '';
    root.dataset.ready = route.view;
  } catch (e) {
    if (ctl.signal.aborted || e.name === 'AbortError') return;
    if (!(e instanceof ApiError)) console.error(e); // a bug: the browser tests fail on it
    status.textContent = e.message || String(e);
    status.className = 'error';
    root.dataset.ready = route.view;
  }
}

function init() {
  filters.bind();
  router.start(render);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', init);
} else {
  init();
}
