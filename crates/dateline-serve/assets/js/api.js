// The JSON API of `dateline serve` (docs/api.md). Errors come back as {"error": "..."}; they
// are thrown as ApiError with that message, for the view to show as text.

export class ApiError extends Error {}

/** The event filters the API takes, in the order the filter bar shows them. */
export const FILTERS = ['actor', 'code', 'plover', 'quad', 'country', 'place', 'from', 'to', 'q'];

/** The event filters of a route's parameters, as a plain object without empty values. */
export function filtersOf(params) {
  const f = {};
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v !== null && v.trim() !== '') f[k] = v.trim();
  }
  return f;
}

/** GET an API path with parameters; the parsed JSON, or an ApiError. */
export async function get(path, params = {}, signal = undefined) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && String(v) !== '') q.set(k, String(v));
  }
  const qs = q.toString();
  const url = qs ? `${path}?${qs}` : path;
  let r;
  try {
    r = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(`cannot reach the server (${e.message})`);
  }
  let body = null;
  try {
    body = await r.json();
  } catch {
    body = null;
  }
  if (!r.ok) {
    const msg = body && typeof body.error === 'string' ? body.error : `HTTP ${r.status}`;
    throw new ApiError(msg);
  }
  if (body === null) throw new ApiError(`${path}: the answer is not JSON`);
  return body;
}

/** A bundled file as JSON (the map's boundaries), fetched once. */
const cache = new Map();
export function asset(path) {
  if (!cache.has(path)) {
    cache.set(
      path,
      fetch(path).then((r) => {
        if (!r.ok) throw new ApiError(`${path}: HTTP ${r.status}`);
        return r.json();
      }),
    );
  }
  return cache.get(path);
}
