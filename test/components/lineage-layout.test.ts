import { describe, expect, test } from "vitest";
import { ancestorEdges, ancestors, LINEAGE_EDGES, LINEAGE_NODES } from "../../lib/analysis/choosing.js";
import { lineageLayout, pointBoxDistance, pointSegmentDistance, textWidth, type Box } from "../../src/components/charts/lineage-layout.js";

// The boxes are sized by textWidth's estimate. Measured in Chromium with the
// site's font (getBBox, 2026-12-03): the widest label, "Momentum", is 66.0 px at
// 12 px and 55.0 px at 11 px, against estimates of 70 and 64 px.
const WIDTHS = [256, 280, 320, 358, 390, 480, 559, 560, 640, 688, 800, 1024, 1280];

function overlap(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** Does the segment cross the box (shrunk by `inset`)? Sampled every pixel. */
function segmentHitsBox(x1: number, y1: number, x2: number, y2: number, b: Box): boolean {
  const n = Math.ceil(Math.hypot(x2 - x1, y2 - y1));
  for (let i = 0; i <= n; ++i) {
    const t = i / n;
    if (pointBoxDistance(x1 + t * (x2 - x1), y1 + t * (y2 - y1), b) === 0) return true;
  }
  return false;
}

const layouts = WIDTHS.flatMap((width) => LINEAGE_NODES.map((n) => ({ width, selected: n.name, layout: lineageLayout({ nodes: LINEAGE_NODES, edges: LINEAGE_EDGES }, { width, highlighted: ancestors(n.name) }) })));

describe("lineageLayout(lineage, {width, highlighted}) at widths 256…1280 (a 320 px phone to a desktop), every optimizer selected", () => {
  test("each label fits inside its box (estimated text width)", () => {
    for (const { layout } of layouts) {
      for (const n of layout.nodes) {
        expect(textWidth(n.node.label, layout.fontSize.name, true)).toBeLessThanOrEqual(n.box.width);
        expect(layout.fontSize.name).toBeGreaterThanOrEqual(9);
      }
    }
  });

  test("no two label boxes intersect (with a 4 px gap)", () => {
    for (const { width, layout } of layouts) {
      for (const [i, a] of layout.nodes.entries()) for (const b of layout.nodes.slice(i + 1)) {
        expect(overlap(a.box, b.box, 4), `${a.node.name} and ${b.node.name} at ${width} px`).toBe(false);
      }
    }
  });

  test("every box lies inside the drawing", () => {
    for (const { layout } of layouts) {
      for (const n of layout.nodes) {
        expect(n.box.x).toBeGreaterThanOrEqual(0);
        expect(n.box.y).toBeGreaterThanOrEqual(0);
        expect(n.box.x + n.box.width).toBeLessThanOrEqual(layout.width);
        expect(n.box.y + n.box.height).toBeLessThanOrEqual(layout.height);
      }
    }
  });

  test("no edge or arrowhead crosses a box other than its own two ends", () => {
    for (const { width, layout } of layouts) {
      for (const e of layout.edges) {
        for (const n of layout.nodes) {
          if (n.node.name === e.edge.from || n.node.name === e.edge.to) continue;
          expect(segmentHitsBox(e.x1, e.y1, e.x2, e.y2, n.box), `${e.edge.from} → ${e.edge.to} crosses ${n.node.name} at ${width} px`).toBe(false);
        }
        // the arrowhead stops short of its target's box
        const target = layout.nodes.find((n) => n.node.name === e.edge.to)!;
        for (const [hx, hy] of e.head) expect(pointBoxDistance(hx, hy, target.box)).toBeGreaterThan(0);
      }
    }
  });

  test("no number badge touches a box, an arrowhead, another badge or another edge", () => {
    for (const { width, selected, layout } of layouts) {
      const badges = layout.edges.filter((e) => e.badge);
      for (const e of badges) {
        const b = e.badge!;
        const where = `badge ${e.number} (${e.edge.from} → ${e.edge.to}) with ${selected} selected at ${width} px`;
        for (const n of layout.nodes) expect(pointBoxDistance(b.cx, b.cy, n.box), `${where} on ${n.node.name}`).toBeGreaterThan(b.r);
        for (const o of layout.edges) for (const [hx, hy] of o.head) expect(Math.hypot(hx - b.cx, hy - b.cy), `${where} on the arrowhead of ${o.edge.from} → ${o.edge.to}`).toBeGreaterThan(b.r);
        for (const o of layout.edges) if (o !== e) expect(pointSegmentDistance(b.cx, b.cy, o.x1, o.y1, o.x2, o.y2), `${where} on ${o.edge.from} → ${o.edge.to}`).toBeGreaterThan(b.r);
        for (const o of badges) if (o !== e) expect(Math.hypot(o.badge!.cx - b.cx, o.badge!.cy - b.cy), `${where} on badge ${o.number}`).toBeGreaterThan(2 * b.r);
      }
    }
  });

  test("the numbers run 1…n over the selected optimizer's lines of descent, in the order of ancestorEdges (the list under the map)", () => {
    for (const { selected, layout } of layouts) {
      const numbered = layout.edges.filter((e) => e.number !== null);
      expect(numbered.map((e) => e.number)).toEqual(numbered.map((_, i) => i + 1));
      expect(numbered.map((e) => e.edge)).toEqual(ancestorEdges(selected));
      expect(numbered.every((e) => e.badge !== null)).toBe(true);
    }
  });
});

test("textWidth(text, fontSize) grows with the text and the size", () => {
  expect(textWidth("Momentum", 12)).toBeGreaterThan(textWidth("Adam", 12));
  expect(textWidth("Adam", 12)).toBeGreaterThan(textWidth("Adam", 10));
  expect(textWidth("Adam", 12, true)).toBeGreaterThan(textWidth("Adam", 12));
});
