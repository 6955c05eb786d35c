// Network: actors as nodes and source→target pairs as edges, from /api/network. An edge's
// width grows with its events, its colour is the sign of their mean Goldstein score. The
// layout is a force layout (Fruchterman–Reingold) from seeded positions: the same every time.

import * as api from './api.js';
import { href } from './router.js';
import { el, goldstein, heading, plural, seeded, svg, tone } from './util.js';

const W = 960;
const H = 600;

/** Nodes and edges from the pairs; a node is an actor code (else name). */
function graph(pairs) {
  const nodes = new Map();
  const node = (id, name, country) => {
    if (!nodes.has(id)) nodes.set(id, { id, name: name || id, country, events: 0, x: 0, y: 0, dx: 0, dy: 0 });
    return nodes.get(id);
  };
  const edges = pairs.map((p) => {
    const s = node(p.source, p.source_name, p.source_country);
    const t = node(p.target, p.target_name, p.target_country);
    s.events += p.events;
    t.events += p.events;
    return { s, t, p };
  });
  return { nodes: [...nodes.values()], edges };
}

/** Positions in [0, 1]², deterministic for the same pairs. */
function layout({ nodes, edges }) {
  const rand = seeded(23);
  const n = nodes.length;
  nodes.forEach((v, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    v.x = 0.5 + 0.35 * Math.cos(a) + (rand() - 0.5) * 0.05;
    v.y = 0.5 + 0.35 * Math.sin(a) + (rand() - 0.5) * 0.05;
  });
  const k = Math.sqrt(1 / Math.max(1, n)) * 1.5;
  let temp = 0.1;
  for (let it = 0; it < 300; it++) {
    for (const v of nodes) {
      v.dx = (0.5 - v.x) * 0.05; // gravity keeps the components together
      v.dy = (0.5 - v.y) * 0.05;
    }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = nodes[i];
        const b = nodes[j];
        let dx = a.x - b.x;
        let dy = a.y - b.y;
        let d = Math.hypot(dx, dy);
        if (d < 1e-6) {
          dx = rand() - 0.5;
          dy = rand() - 0.5;
          d = Math.hypot(dx, dy);
        }
        if (d > 3 * k) continue; // no push from afar: components settle near each other
        const f = (k * k) / d;
        a.dx += (dx / d) * f;
        a.dy += (dy / d) * f;
        b.dx -= (dx / d) * f;
        b.dy -= (dy / d) * f;
      }
    }
    for (const { s, t, p } of edges) {
      if (s === t) continue;
      const dx = s.x - t.x;
      const dy = s.y - t.y;
      const d = Math.max(1e-6, Math.hypot(dx, dy));
      const f = ((d * d) / k) * (1 + Math.log2(p.events) * 0.1);
      s.dx -= (dx / d) * f;
      s.dy -= (dy / d) * f;
      t.dx += (dx / d) * f;
      t.dy += (dy / d) * f;
    }
    for (const v of nodes) {
      const d = Math.max(1e-9, Math.hypot(v.dx, v.dy));
      const step = Math.min(d, temp);
      v.x += (v.dx / d) * step;
      v.y += (v.dy / d) * step;
    }
    temp = Math.max(0.002, temp * 0.985);
  }
  // fit to the unit square
  const xs = nodes.map((v) => v.x);
  const ys = nodes.map((v) => v.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (const v of nodes) {
    v.x = x1 > x0 ? (v.x - x0) / (x1 - x0) : 0.5;
    v.y = y1 > y0 ? (v.y - y0) / (y1 - y0) : 0.5;
  }
}

function markers() {
  return svg(
    'defs',
    {},
    ...['coop', 'conflict', 'neutral'].map((t) =>
      svg(
        'marker',
        { id: `arrow-${t}`, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' },
        svg('path', { d: 'M0,0L10,5L0,10z', class: `arrowhead ${t}` }),
      ),
    ),
  );
}

function draw(g, filters) {
  const pad = 60;
  const px = (v) => pad + v.x * (W - 2 * pad);
  const py = (v) => pad + v.y * (H - 2 * pad);
  const maxNode = Math.max(1, ...g.nodes.map((v) => v.events));
  const radius = (v) => 4 + 10 * Math.sqrt(v.events / maxNode);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'network', role: 'group', 'aria-label': 'Actor network' }, markers());
  const edges = svg('g', { class: 'edges' });
  for (const { s, t, p } of g.edges) {
    if (s === t) continue;
    const [x1, y1, x2, y2] = [px(s), py(s), px(t), py(t)];
    const d = Math.max(1, Math.hypot(x2 - x1, y2 - y1));
    // bend each direction to its own side, so that A→B and B→A both show; stop at the node's rim
    const [nx, ny] = [(y1 - y2) / d, (x2 - x1) / d];
    const cx = (x1 + x2) / 2 + nx * 18;
    const cy = (y1 + y2) / 2 + ny * 18;
    const back = radius(t) + 2;
    const len = Math.hypot(x2 - cx, y2 - cy) || 1;
    const ex = x2 - ((x2 - cx) / len) * back;
    const ey = y2 - ((y2 - cy) / len) * back;
    const kind = tone(p.goldstein);
    edges.append(
      svg(
        'path',
        {
          class: `edge ${kind}`,
          d: `M${x1.toFixed(1)},${y1.toFixed(1)}Q${cx.toFixed(1)},${cy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
          'stroke-width': (1 + Math.log2(p.events) * 1.5).toFixed(1),
          'marker-end': `url(#arrow-${kind})`,
        },
        svg('title', {}, `${s.name} → ${t.name}: ${plural(p.events, 'event')} (${p.cooperation} cooperation, ${p.conflict} conflict), mean Goldstein ${goldstein(p.goldstein)}`),
      ),
    );
  }
  const nodes = svg('g', { class: 'nodes' });
  const labelled = new Set([...g.nodes].sort((a, b) => b.events - a.events).slice(0, 25));
  for (const v of g.nodes) {
    const label = `${v.name}${v.id !== v.name ? ` (${v.id})` : ''}: ${plural(v.events, 'event')}`;
    nodes.append(
      svg(
        'a',
        { href: href('events', { ...filters, actor: v.id }), 'aria-label': label },
        svg('circle', { class: 'node', cx: px(v).toFixed(1), cy: py(v).toFixed(1), r: radius(v).toFixed(1) }),
        labelled.has(v) ? svg('text', { x: px(v).toFixed(1), y: (py(v) - radius(v) - 4).toFixed(1), 'text-anchor': 'middle' }, v.id) : null,
        svg('title', {}, label),
      ),
    );
  }
  root.append(edges, nodes);
  return root;
}

export async function render(root, route, signal) {
  const filters = api.filtersOf(route.params);
  const data = await api.get('/api/network', { ...filters, limit: 80 }, signal);
  const g = graph(data.pairs);
  const shown = data.pairs.length < data.total ? `, the ${data.pairs.length} with the most events drawn` : '';
  root.append(
    ...heading(
      'Network',
      `${plural(data.total, 'actor pair')}${shown}. The 25 actors with the most events are named (hover or focus for the others). Arrows run from source to target; width grows with events; green: cooperative on average, red: conflictual. Select an actor for its events.`,
    ),
  );
  if (!g.nodes.length) {
    root.append(el('p', { class: 'muted' }, 'No event with both a source and a target matches these filters.'));
    return;
  }
  layout(g);
  root.append(draw(g, filters));
}
