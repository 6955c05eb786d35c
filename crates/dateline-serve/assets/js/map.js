// Map: the places of the filtered events on Natural Earth's 1:110m countries (world-atlas,
// bundled), Natural Earth projection (d3-geo). A point's area is proportional to its events,
// its colour the sign of their mean Goldstein score; each point links to its events.

import { geoGraticule10, geoNaturalEarth1, geoPath } from '/assets/vendor/d3-geo.min.js';
import feature from '/assets/vendor/topojson-client/feature.js';
import mesh from '/assets/vendor/topojson-client/mesh.js';
import * as api from './api.js';
import { href } from './router.js';
import { el, goldstein, heading, plural, svg, tone } from './util.js';

const W = 960;
const H = 500;

function basemap(world) {
  const land = feature(world, world.objects.countries);
  const borders = mesh(world, world.objects.countries, (a, b) => a !== b);
  const projection = geoNaturalEarth1().fitExtent([[8, 8], [W - 8, H - 8]], { type: 'Sphere' });
  const path = geoPath(projection);
  const g = svg('g', { class: 'basemap' });
  g.append(
    svg('path', { class: 'sphere', d: path({ type: 'Sphere' }) }),
    svg('path', { class: 'graticule', d: path(geoGraticule10()) }),
  );
  for (const c of land.features) {
    const d = path(c);
    if (d) g.append(svg('path', { class: 'country', d }, svg('title', {}, c.properties.name || '')));
  }
  g.append(svg('path', { class: 'borders', d: path(borders) }));
  return { g, projection };
}

function point(p, xy, r, filters) {
  const label = `${p.name}${p.country ? ` (${p.country})` : ''}: ${plural(p.events, 'event')}, mean Goldstein ${goldstein(p.goldstein)}`;
  return svg(
    'a',
    { href: href('events', { ...filters, place: p.name }), 'aria-label': label },
    svg('circle', { class: `place ${tone(p.goldstein)}`, cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: r.toFixed(1) }),
    svg('title', {}, label),
  );
}

function table(places, filters) {
  return el(
    'table',
    { class: 'places' },
    el('caption', {}, 'Places with the most events'),
    el('thead', {}, el('tr', {}, ...['Place', 'Country', 'Events', 'Conflict', 'Goldstein'].map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      ...places.slice(0, 15).map((p) =>
        el(
          'tr',
          {},
          el('td', {}, el('a', { href: href('events', { ...filters, place: p.name }) }, p.name)),
          el('td', {}, p.country || ''),
          el('td', { class: 'num' }, String(p.events)),
          el('td', { class: 'num' }, String(p.conflict)),
          el('td', { class: `num ${tone(p.goldstein)}` }, goldstein(p.goldstein)),
        ),
      ),
    ),
  );
}

export async function render(root, route, signal) {
  const filters = api.filtersOf(route.params);
  const [world, data] = await Promise.all([
    api.asset('/assets/vendor/countries-110m.json'),
    api.get('/api/places', { ...filters, limit: 500 }, signal),
  ]);
  const { g, projection } = basemap(world);
  const map = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'group', 'aria-label': 'Event places on a world map' }, g);
  const max = Math.max(1, ...data.places.map((p) => p.events));
  const points = svg('g', { class: 'points' });
  // the largest first, so that smaller points stay on top and can be reached
  for (const p of [...data.places].sort((a, b) => b.events - a.events)) {
    const xy = projection([p.lon, p.lat]);
    if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) continue;
    points.append(point(p, xy, 2.5 + 14 * Math.sqrt(p.events / max), filters));
  }
  map.append(points);
  const shown = data.places.length < data.total ? ` (the ${data.places.length} with the most events)` : '';
  root.append(
    ...heading('Map', `${plural(data.total, 'place')} with coordinates${shown}. Area is proportional to events; green: cooperative on average, red: conflictual. Select a point for its events.`),
    map,
    data.places.length ? table(data.places, filters) : el('p', { class: 'muted' }, 'No placed event matches these filters.'),
    el('p', { class: 'credit' }, 'Boundaries: Natural Earth 1:110m via world-atlas; projection: d3-geo.'),
  );
}
