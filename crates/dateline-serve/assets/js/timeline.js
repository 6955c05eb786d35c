// Timeline: events per day, week or month as bars stacked by quad class, and the mean
// Goldstein score of each period as a line (right axis, -10 to +10). Dragging across the plot
// (a brush) sets from/to to the periods covered; the filter bar and the other views follow.

import * as api from './api.js';
import { go, href } from './router.js';
import { el, heading, plural, svg, QUADS } from './util.js';

const DAY = 86400000;
const W = 960;
const H = 340;
const M = { top: 16, right: 48, bottom: 44, left: 48 };

const iso = (t) => new Date(t).toISOString().slice(0, 10);
const parseDay = (s) => Date.parse(`${s}T00:00:00Z`);

/** The period after p. */
function next(p, by) {
  if (by === 'month') {
    const [y, m] = p.split('-').map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return iso(parseDay(p) + (by === 'week' ? 7 : 1) * DAY);
}

/** Every period from the first to the last, gaps included (at most 2,000; else those given). */
function periods(names, by) {
  const sorted = [...new Set(names)].sort();
  if (sorted.length < 2) return sorted;
  const all = [sorted[0]];
  while (all[all.length - 1] < sorted[sorted.length - 1] && all.length <= 2000) {
    all.push(next(all[all.length - 1], by));
  }
  return all.length > 2000 ? sorted : all;
}

/** The days a period covers, for from/to. */
function bounds(p, by) {
  if (by === 'month') return [p, p];
  return [p, by === 'week' ? iso(parseDay(p) + 6 * DAY) : p];
}

/** The bucket that keeps the plot readable for the events' span. */
function autoBy(buckets) {
  const days = buckets.map((b) => b.period).filter((p) => p.length === 10).sort();
  if (days.length < 2) return 'day';
  const span = (parseDay(days[days.length - 1]) - parseDay(days[0])) / DAY;
  return span <= 120 ? 'day' : span <= 730 ? 'week' : 'month';
}

function draw(data, by, filters) {
  const byPeriod = new Map();
  for (const b of data.buckets) {
    const e = byPeriod.get(b.period) || { total: 0, quads: {}, gsum: 0 };
    e.total += b.events;
    e.quads[b.quad_class] = (e.quads[b.quad_class] || 0) + b.events;
    e.gsum += b.goldstein * b.events;
    byPeriod.set(b.period, e);
  }
  const ps = periods([...byPeriod.keys()], by);
  const max = Math.max(1, ...[...byPeriod.values()].map((e) => e.total));
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const bw = pw / Math.max(1, ps.length);
  const x = (i) => M.left + i * bw;
  const y = (n) => M.top + ph - (n / max) * ph;
  const yg = (g) => M.top + ph / 2 - (g / 10) * (ph / 2);
  const plot = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'timeline',
    role: 'group',
    tabindex: 0,
    'aria-label': `Events per ${by} by quad class, with the mean Goldstein score. Arrow keys choose periods, Shift extends, Enter filters to them.`,
  });
  const axes = svg('g', { class: 'axis' });
  for (const t of [0, 0.5, 1]) {
    const n = Math.round(max * t);
    axes.append(
      svg('line', { x1: M.left, x2: W - M.right, y1: y(n), y2: y(n), class: 'grid' }),
      svg('text', { x: M.left - 6, y: y(n) + 4, 'text-anchor': 'end' }, String(n)),
    );
  }
  for (const g of [-10, 0, 10]) {
    axes.append(svg('text', { x: W - M.right + 6, y: yg(g) + 4, class: 'gs' }, (g > 0 ? '+' : '') + g));
  }
  const every = Math.max(1, Math.ceil(ps.length / 10));
  ps.forEach((p, i) => {
    if (i % every === 0) {
      axes.append(svg('text', { x: x(i) + bw / 2, y: H - M.bottom + 16, 'text-anchor': 'middle' }, p));
    }
  });
  const bars = svg('g', { class: 'bars' });
  const lines = []; // the Goldstein line, broken where a period has no event
  let line = null;
  ps.forEach((p, i) => {
    const e = byPeriod.get(p);
    if (!e) {
      line = null;
      return;
    }
    if (!line) {
      line = [];
      lines.push(line);
    }
    let acc = 0;
    const g = svg('g', { class: 'period' });
    for (const q of [1, 2, 3, 4]) {
      const n = e.quads[q] || 0;
      if (!n) continue;
      g.append(
        svg('rect', {
          class: `bar q${q}`,
          x: x(i) + bw * 0.1,
          width: Math.max(1, bw * 0.8),
          y: y(acc + n),
          height: y(acc) - y(acc + n),
        }),
      );
      acc += n;
    }
    const mean = e.gsum / e.total;
    const detail = Object.entries(e.quads).map(([q, n]) => `${QUADS[q]} ${n}`).join(', ');
    g.append(svg('title', {}, `${p}: ${plural(e.total, 'event')} (${detail}); mean Goldstein ${mean.toFixed(1)}`));
    bars.append(g);
    line.push(`${x(i) + bw / 2},${yg(mean)}`);
  });
  plot.append(axes, bars);
  for (const l of lines) {
    if (l.length > 1) plot.append(svg('polyline', { class: 'goldstein', points: l.join(' ') }));
    for (const pt of l) {
      const [cx, cy] = pt.split(',');
      plot.append(svg('circle', { class: 'goldstein-dot', cx, cy, r: 2.5 }));
    }
  }
  const say = el('p', { class: 'brush-status', 'aria-live': 'polite' });
  brush(plot, ps, by, filters, { x0: M.left, bw, top: M.top, ph }, say);
  return [plot, say];
}

/** Drag across the plot to choose periods, or from the keyboard: arrows move, Shift+arrows
 * extend, Home/End jump, Enter applies, Escape cancels. from/to become the periods' first and
 * last days. */
function brush(plot, ps, by, filters, g, say) {
  const band = svg('rect', { class: 'brush', y: g.top, height: g.ph, width: 0, x: 0 });
  plot.append(band);
  let start = null;
  let keys = null; // [anchor, cursor] of a keyboard selection
  const at = (ev) => {
    const box = plot.getBoundingClientRect();
    const vx = ((ev.clientX - box.left) / box.width) * W;
    return Math.min(ps.length - 1, Math.max(0, Math.floor((vx - g.x0) / g.bw)));
  };
  const order = (a, b) => (a <= b ? [a, b] : [b, a]);
  const show = (a, b) => {
    const [lo, hi] = order(a, b);
    band.setAttribute('x', g.x0 + lo * g.bw);
    band.setAttribute('width', (hi - lo + 1) * g.bw);
    say.textContent = `Selected ${ps[lo]}${hi > lo ? ` to ${ps[hi]}` : ''}: release or press Enter to filter.`;
  };
  const apply = (a, b) => {
    const [lo, hi] = order(a, b);
    go('timeline', { ...filters, from: bounds(ps[lo], by)[0], to: bounds(ps[hi], by)[1], by });
  };
  plot.addEventListener('pointerdown', (ev) => {
    if (!ps.length) return;
    start = at(ev);
    show(start, start);
    plot.setPointerCapture(ev.pointerId);
  });
  plot.addEventListener('pointermove', (ev) => {
    if (start !== null) show(start, at(ev));
  });
  plot.addEventListener('pointerup', (ev) => {
    if (start === null) return;
    const a = start;
    start = null;
    apply(a, at(ev));
  });
  plot.addEventListener('keydown', (ev) => {
    const moves = { ArrowLeft: -1, ArrowRight: 1, Home: -Infinity, End: Infinity };
    if (ev.key === 'Enter' && keys) {
      apply(keys[0], keys[1]);
    } else if (ev.key === 'Escape') {
      keys = null;
      band.setAttribute('width', 0);
      say.textContent = '';
    } else if (ev.key in moves && ps.length) {
      const cursor = keys ? keys[1] + moves[ev.key] : moves[ev.key] < 0 ? ps.length - 1 : 0;
      const c = Math.min(ps.length - 1, Math.max(0, cursor));
      keys = [ev.shiftKey && keys ? keys[0] : c, c];
      show(keys[0], keys[1]);
    } else {
      return;
    }
    ev.preventDefault();
  });
}

function legend() {
  return el(
    'ul',
    { class: 'legend' },
    ...[1, 2, 3, 4].map((q) => el('li', {}, el('span', { class: `swatch q${q}` }), `${q} ${QUADS[q]}`)),
    el('li', {}, el('span', { class: 'swatch goldstein' }), 'mean Goldstein (right axis)'),
  );
}

export async function render(root, route, signal) {
  const filters = api.filtersOf(route.params);
  const asked = route.params.get('by') || 'auto';
  let data = await api.get('/api/timeline', { ...filters, by: asked === 'auto' ? 'day' : asked }, signal);
  let by = asked;
  if (asked === 'auto') {
    by = autoBy(data.buckets);
    if (by !== 'day') data = await api.get('/api/timeline', { ...filters, by }, signal);
  }
  const choose = el(
    'p',
    { class: 'by' },
    'Per: ',
    ...['auto', 'day', 'week', 'month'].map((b) =>
      el('a', { href: href('timeline', { ...filters, by: b }), 'aria-current': b === asked ? 'true' : null }, b),
    ),
    filters.from || filters.to
      ? el('a', { href: href('timeline', { ...filters, from: '', to: '', by: asked }), class: 'reset' }, 'all dates')
      : null,
  );
  const note = `${plural(data.total, 'event')}; ${data.imprecise} dated less precisely than a ${by} and ${data.undated} undated are not drawn.`;
  root.append(
    ...heading('Timeline', note, ' Drag across the bars (or focus the chart and use the arrow keys) to filter every view to those dates.'),
    choose,
    legend(),
    ...(data.buckets.length ? draw(data, by, filters) : [el('p', { class: 'muted' }, 'No dated event matches these filters.')]),
  );
}
