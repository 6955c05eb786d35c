// DOM helpers. Text goes in as text nodes only, never parsed as markup: a string child of el() or
// svg() becomes a Text node, so article, actor and quote text can never become markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A URL safe to link to: http or https only (no javascript:, data: …), else null. */
export function safeUrl(u) {
  if (typeof u !== 'string' || u === '') return null;
  try {
    const url = new URL(u, location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'href' && !String(v).startsWith('#/') && !String(v).startsWith('/') && !safeUrl(String(v))) {
      continue; // never link to javascript: or data:
    }
    if (k.startsWith('on')) throw new Error(`no inline handlers (${k})`);
    node.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(node, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** An HTML element: el('a', {href: '#/map'}, 'Map'). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  return append(node, children);
}

/** An SVG element, the same way. */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  return append(node, children);
}

/** Remove every child. */
export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
}

/** Quad classes: names and the colours the CSS uses (class q1 … q4). */
export const QUADS = {
  1: 'verbal cooperation',
  2: 'material cooperation',
  3: 'verbal conflict',
  4: 'material conflict',
};

/** A Goldstein score with its sign, one decimal. */
export function goldstein(g) {
  if (typeof g !== 'number' || Number.isNaN(g)) return '';
  return (g > 0 ? '+' : '') + g.toFixed(1);
}

/** The class of a mean Goldstein score: coop (> 0), conflict (< 0) or neutral. */
export function tone(g) {
  if (typeof g !== 'number' || g === 0) return 'neutral';
  return g > 0 ? 'coop' : 'conflict';
}

/** A count with its noun: plural(3, 'event') is "3 events". */
export function plural(n, noun) {
  return `${Number(n).toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

/** A seeded pseudo-random generator (mulberry32): the same layouts on every load. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A view's heading and a paragraph under it. */
export function heading(title, ...lead) {
  return lead.length ? [el('h1', {}, title), el('p', { class: 'lead' }, ...lead)] : [el('h1', {}, title)];
}
