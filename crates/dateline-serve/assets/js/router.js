// Routes live in the hash: #/VIEW[/ARG][?key=value&…]. Every filter is in the URL, so a URL
// can be shared and the back button returns to the previous filters. Hashes that do not start
// with "#/" are in-page anchors and left alone.

export const VIEWS = ['events', 'timeline', 'map', 'network', 'article', 'quotes'];

/** The route of the current location: {view, arg, params: URLSearchParams}. */
export function current() {
  const hash = location.hash;
  if (!hash.startsWith('#/')) return null;
  const [path, query = ''] = hash.slice(2).split('?', 2);
  const [view, ...rest] = path.split('/');
  let arg = null;
  if (rest.length) {
    try {
      arg = decodeURIComponent(rest.join('/'));
    } catch {
      arg = null;
    }
  }
  return {
    view: VIEWS.includes(view) ? view : 'events',
    arg,
    params: new URLSearchParams(query),
  };
}

/** The hash of a route; empty parameters are left out. */
export function href(view, params = {}, arg = null) {
  const q = new URLSearchParams();
  const entries = params instanceof URLSearchParams ? params.entries() : Object.entries(params);
  for (const [k, v] of entries) {
    if (v !== null && v !== undefined && String(v).trim() !== '') q.set(k, String(v).trim());
  }
  const path = arg === null ? view : `${view}/${encodeURIComponent(arg)}`;
  const qs = q.toString();
  return `#/${path}${qs ? `?${qs}` : ''}`;
}

/** Go to a route (a new history entry). */
export function go(view, params = {}, arg = null) {
  location.hash = href(view, params, arg);
}

/** Call render(route) now and on every change of the hash. */
export function start(render) {
  window.addEventListener('hashchange', () => {
    const r = current();
    if (r) render(r);
  });
  const r = current();
  if (r) {
    render(r);
  } else {
    history.replaceState(null, '', href('events'));
    render(current());
  }
}
