/**
 * lineageLayout(lineage, {width, highlighted}): where the lineage map puts
 * everything, in pixels, computed before anything is drawn so that a test can
 * check that nothing collides.
 *
 * - Each method is a box holding its name and year (two lines). Wide screens
 *   (width ≥ 560) put generations in columns and lanes in rows; narrow ones put
 *   generations in rows, read top to bottom, and lanes in columns. Box size and
 *   spacing come from the widest label, estimated by `textWidth`, so labels are
 *   the boxes and cannot overlap one another.
 * - Edges are straight segments from box border to box border, the arrowhead's
 *   tip a few pixels short of the target box.
 * - Only the edges of the highlighted lines of descent carry a number, counted
 *   1…n in the order of `lineage.edges` (the order of `ancestorEdges`, so the
 *   list under the map uses the same numbers). Each number sits in a badge on
 *   its edge, at the first point (from the middle outwards) clear of every box,
 *   every arrowhead, every other badge and every other edge.
 * - The narrowest layout is 256 px (a 320 px phone's column); a narrower
 *   container scales the drawing down through the svg's viewBox.
 */

export interface LineageLayoutNode { name: string; label: string; year: number; generation: number; lane: number }
export interface LineageLayoutEdge { from: string; to: string; adds: string }

export interface Box { x: number; y: number; width: number; height: number }

export interface PlacedNode<N> { node: N; box: Box; cx: number; cy: number; on: boolean }
export interface PlacedEdge<E> {
  edge: E;
  on: boolean;
  /** 1…n along the highlighted lines of descent; null on the others. */
  number: number | null;
  /** The visible segment, from the source box's border to the arrowhead's tip. */
  x1: number; y1: number; x2: number; y2: number;
  /** The arrowhead: a triangle with its tip at (x2, y2). */
  head: [number, number][];
  /** The number's badge (a circle), when the edge is numbered. */
  badge: { cx: number; cy: number; r: number } | null;
}

export interface LineageLayout<N, E> {
  width: number;
  height: number;
  vertical: boolean;
  fontSize: { name: number; year: number };
  nodes: PlacedNode<N>[];
  edges: PlacedEdge<E>[];
}

/** Average advance widths, in em, of a sans-serif (Inter's are used, rounded up). */
const EM: Record<string, number> = { " ": 0.28, "(": 0.36, ")": 0.36, ".": 0.3, "-": 0.4 };
const NARROW = new Set("ijlfrtI");
const WIDE = new Set("MWmw");

/** An estimate of the width in pixels of `text` at `fontSize`, on the generous side. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const c of text) {
    if (c in EM) em += EM[c];
    else if (NARROW.has(c)) em += 0.32;
    else if (WIDE.has(c)) em += 0.9;
    else if (/[0-9]/.test(c)) em += 0.62;
    else if (c === c.toUpperCase() && c !== c.toLowerCase()) em += 0.72;
    else em += 0.58;
  }
  return em * fontSize * (bold ? 1.08 : 1);
}

export const BREAKPOINT = 560;
const ARROW = { length: 7, halfWidth: 3.5, gap: 2 };
const BADGE_R = 8;

/** Where the segment from the box's centre towards (tx, ty) leaves the box, pushed out by `pad`. */
function exitPoint(box: Box, tx: number, ty: number, pad: number): [number, number] {
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  const dx = tx - cx, dy = ty - cy;
  const sx = dx === 0 ? Infinity : (box.width / 2 + pad) / Math.abs(dx);
  const sy = dy === 0 ? Infinity : (box.height / 2 + pad) / Math.abs(dy);
  const s = Math.min(sx, sy);
  return [cx + dx * s, cy + dy * s];
}

/** Distance from point (px, py) to the segment (x1, y1)–(x2, y2). */
export function pointSegmentDistance(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1, dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len2));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

/** Distance from a point to a box (0 inside). */
export function pointBoxDistance(px: number, py: number, b: Box): number {
  const dx = Math.max(b.x - px, 0, px - (b.x + b.width));
  const dy = Math.max(b.y - py, 0, py - (b.y + b.height));
  return Math.hypot(dx, dy);
}

export function lineageLayout<N extends LineageLayoutNode, E extends LineageLayoutEdge>(
  lineage: { nodes: readonly N[]; edges: readonly E[] },
  options: { width: number; highlighted?: readonly string[] },
): LineageLayout<N, E> {
  const width = Math.max(256, options.width);
  const vertical = width < BREAKPOINT;
  const lit = new Set(options.highlighted ?? lineage.nodes.map((n) => n.name));
  const generations = Math.max(...lineage.nodes.map((n) => n.generation));
  const lanes = Math.max(...lineage.nodes.map((n) => n.lane));
  // the smallest lane gap between two boxes of the same generation: on narrow
  // screens the boxes of a row must fit side by side
  let minLaneGap = Infinity;
  for (const a of lineage.nodes) for (const b of lineage.nodes) {
    if (a !== b && a.generation === b.generation) minLaneGap = Math.min(minLaneGap, Math.abs(a.lane - b.lane));
  }
  const margin = 2;
  const sizeBox = (name: number, pad: number) => ({
    fontSize: { name, year: name - 1 },
    pad,
    boxWidth: Math.ceil(Math.max(...lineage.nodes.map((n) => Math.max(textWidth(n.label, name, true), textWidth(String(n.year), name - 1))))) + 2 * pad,
    boxHeight: Math.ceil(name * 1.25 + (name - 1) * 1.25) + 2 * pad,
  });
  let size = vertical ? sizeBox(11, 4) : sizeBox(12, 6);
  if (vertical) {
    for (const name of [11, 10, 9]) {
      size = sizeBox(name, name >= 10 ? 4 : 3);
      if (((width - 2 * margin - size.boxWidth) / lanes) * minLaneGap >= size.boxWidth + 4) break;
    }
  }
  const { fontSize, boxWidth, boxHeight } = size;
  let height: number;
  let place: (n: N) => [number, number];
  if (vertical) {
    // generations top to bottom, lanes across the width
    const rowGap = 84;
    height = 2 * margin + boxHeight + generations * rowGap;
    const laneStep = (width - 2 * margin - boxWidth) / lanes;
    place = (n) => [margin + boxWidth / 2 + n.lane * laneStep, margin + boxHeight / 2 + n.generation * rowGap];
  } else {
    const laneStep = 64;
    height = 2 * margin + boxHeight + lanes * laneStep;
    const colStep = (width - 2 * margin - boxWidth) / generations;
    place = (n) => [margin + boxWidth / 2 + n.generation * colStep, margin + boxHeight / 2 + n.lane * laneStep];
  }
  const nodes: PlacedNode<N>[] = lineage.nodes.map((node) => {
    const [cx, cy] = place(node);
    return { node, cx, cy, on: lit.has(node.name), box: { x: cx - boxWidth / 2, y: cy - boxHeight / 2, width: boxWidth, height: boxHeight } };
  });
  const byName = new Map(nodes.map((p) => [p.node.name, p]));
  let count = 0;
  const edges: PlacedEdge<E>[] = lineage.edges.map((edge) => {
    const a = byName.get(edge.from), b = byName.get(edge.to);
    if (!a || !b) throw new RangeError(`lineage edge ${edge.from} → ${edge.to} names a method not on the map`);
    const on = a.on && b.on;
    const [x1, y1] = exitPoint(a.box, b.cx, b.cy, 1);
    const [x2, y2] = exitPoint(b.box, a.cx, a.cy, ARROW.gap);
    const len = Math.hypot(x2 - x1, y2 - y1);
    const ux = (x2 - x1) / len, uy = (y2 - y1) / len;
    const bx = x2 - ux * ARROW.length, by = y2 - uy * ARROW.length;
    const head: [number, number][] = [[x2, y2], [bx - uy * ARROW.halfWidth, by + ux * ARROW.halfWidth], [bx + uy * ARROW.halfWidth, by - ux * ARROW.halfWidth]];
    return { edge, on, number: on ? ++count : null, x1, y1, x2, y2, head, badge: null };
  });
  // Badges: from the middle of the edge outwards, the first spot clear of everything.
  const placed: { cx: number; cy: number; r: number }[] = [];
  for (const e of edges) {
    if (e.number === null) continue;
    const ts = [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8];
    let best: { cx: number; cy: number; r: number; score: number } | null = null;
    for (const t of ts) {
      const cx = e.x1 + t * (e.x2 - e.x1), cy = e.y1 + t * (e.y2 - e.y1);
      const clearance = Math.min(
        ...nodes.map((n) => pointBoxDistance(cx, cy, n.box) - BADGE_R),
        ...edges.filter((o) => o !== e).map((o) => pointSegmentDistance(cx, cy, o.x1, o.y1, o.x2, o.y2) - BADGE_R),
        ...edges.flatMap((o) => o.head.map(([hx, hy]) => Math.hypot(hx - cx, hy - cy) - BADGE_R)),
        ...placed.map((p) => Math.hypot(p.cx - cx, p.cy - cy) - 2 * BADGE_R),
      );
      if (!best || clearance > best.score) best = { cx, cy, r: BADGE_R, score: clearance };
      if (clearance >= 1) break;
    }
    e.badge = { cx: best!.cx, cy: best!.cy, r: BADGE_R };
    placed.push(e.badge);
  }
  return { width, height, vertical, fontSize, nodes, edges };
}
