/**
 * LineageMap(lineage, {selected, highlighted, width, colors}): the evolutionary
 * map of the optimizers — one box per method (name and year), an arrow from
 * each method to the one that extends it. The selected method's lines of
 * descent are drawn bold and numbered 1…n in the order of `lineage.edges`
 * (the same numbers as a list of `ancestorEdges` under the map); the others
 * are faded and unnumbered. Wide screens read left to right (generations as
 * columns), narrow ones top to bottom. Positions come from `lineageLayout`,
 * whose test checks that no label, box, badge or arrowhead collides.
 */
import { svg } from "htl";
import { accessibleFigure } from "./accessible-figure.js";
import { lineageLayout, type LineageLayoutEdge, type LineageLayoutNode } from "./lineage-layout.js";

export type LineageMapNode = LineageLayoutNode;
export type LineageMapEdge = LineageLayoutEdge;

export interface LineageMapOptions {
  width?: number;
  /** The node whose ancestry is highlighted. */
  selected?: string;
  /** The names on the selected node's lines of descent (itself included). */
  highlighted?: readonly string[];
  colors?: Readonly<Record<string, string>>;
}

const FG = "var(--theme-foreground)";
const MUTED = "var(--theme-foreground-faint)";
const BG = "var(--theme-background)";

export function LineageMap(lineage: { nodes: readonly LineageMapNode[]; edges: readonly LineageMapEdge[] }, options: LineageMapOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, selected, colors = {} } = options;
  const layout = lineageLayout(lineage, { width, highlighted: options.highlighted });
  const { fontSize } = layout;
  const labelOf = new Map(lineage.nodes.map((n) => [n.name, n.label]));
  const chart = svg`<svg width=${layout.width} height=${layout.height} viewBox="0 0 ${layout.width} ${layout.height}" style="max-width:100%;height:auto;font-family:var(--sans-serif);overflow:visible">
    ${layout.edges.filter((e) => !e.on).concat(layout.edges.filter((e) => e.on)).map((e) => svg`<g class="lineage-edge" stroke=${e.on ? FG : MUTED} fill=${e.on ? FG : MUTED}>
      <title>${labelOf.get(e.edge.from)} → ${labelOf.get(e.edge.to)}: ${e.edge.adds}</title>
      <line x1=${e.x1} y1=${e.y1} x2=${e.head.slice(1).reduce((s, p) => s + p[0], 0) / 2} y2=${e.head.slice(1).reduce((s, p) => s + p[1], 0) / 2} stroke-width=${e.on ? 1.8 : 1} />
      <path d=${`M${e.head.map((p) => p.join(",")).join("L")}Z`} stroke="none" />
    </g>`)}
    ${layout.nodes.map((n) => {
      const isSelected = n.node.name === selected;
      const color = colors[n.node.name] ?? "#888";
      const { x, y, width: w, height: h } = n.box;
      return svg`<g class="lineage-node" opacity=${n.on ? 1 : 0.75}>
        <rect x=${x} y=${y} width=${w} height=${h} rx="4" fill=${BG} stroke=${n.on ? color : MUTED} stroke-width=${isSelected ? 3 : 1.5} />
        <text x=${n.cx} y=${y + h / 2 - 1} text-anchor="middle" font-size=${fontSize.name} font-weight=${isSelected ? 700 : 600} fill=${n.on ? FG : MUTED}>${n.node.label}</text>
        <text x=${n.cx} y=${y + h / 2 + fontSize.year} text-anchor="middle" font-size=${fontSize.year} fill=${n.on ? FG : MUTED}>${n.node.year}</text>
      </g>`;
    })}
    ${layout.edges.filter((e) => e.badge).map((e) => svg`<g class="lineage-badge">
      <title>${e.number}. ${labelOf.get(e.edge.from)} → ${labelOf.get(e.edge.to)}: ${e.edge.adds}</title>
      <circle cx=${e.badge!.cx} cy=${e.badge!.cy} r=${e.badge!.r} fill=${BG} stroke="var(--descent-accent)" stroke-width="1.5" />
      <text x=${e.badge!.cx} y=${e.badge!.cy} dy="0.35em" text-anchor="middle" font-size="10" font-weight="700" fill=${FG}>${e.number}</text>
    </g>`)}
  </svg>`;
  const chosen = selected ? labelOf.get(selected) ?? selected : null;
  const numbered = layout.edges.filter((e) => e.number !== null);
  const rows = numbered.map((e) => ({ number: e.number, from: labelOf.get(e.edge.from), to: labelOf.get(e.edge.to), adds: e.edge.adds }));
  return accessibleFigure(chart as SVGSVGElement, {
    label: `Lineage of the optimizers: each arrow goes from a method to one that builds on it${chosen ? `; ${chosen}'s lines of descent are highlighted and numbered` : ""}`,
    summary: chosen
      ? numbered.length === 0
        ? `${chosen} has no ancestor on the map: it is where a line of descent starts.`
        : `${chosen} descends through ${numbered.length} arrow${numbered.length === 1 ? "" : "s"}, numbered as in the list under the map.`
      : undefined,
    rows,
    columns: [{ label: "#", value: "number" }, "from", "to", "adds"],
  });
}
