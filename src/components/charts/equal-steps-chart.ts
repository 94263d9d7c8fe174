/**
 * EqualStepsChart(runs, options): training loss against the step for
 * minibatch SGD and full-batch GD from the same initial weights, one line
 * per seed, coloured by batch size, log y.
 */
import * as Plot from "@observablehq/plot";
import { decadeTicks } from "../log-ticks.js";
import { num, tickNum } from "../format.js";

export interface EqualStepsLine {
  label: string;
  seed: number;
  curve: readonly { step: number; loss: number }[];
}

export function EqualStepsChart(runs: readonly EqualStepsLine[], options: { width?: number; height?: number } = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 280 } = options;
  const rows = runs.flatMap((r) => r.curve.filter((p) => p.loss > 0).map((p) => ({ ...p, label: r.label, key: `${r.label} · seed ${r.seed}` })));
  const plot = Plot.plot({
    width,
    height,
    x: { label: "step →" },
    y: { type: "log", label: "↑ training loss", grid: true, ticks: decadeTicks(rows.map((p) => p.loss)), tickFormat: tickNum },
    color: { legend: true, domain: [...new Set(runs.map((r) => r.label))] },
    marks: [
      Plot.line(rows, { x: "step", y: "loss", stroke: "label", z: "key", strokeOpacity: 0.8 }),
      Plot.tip(rows, Plot.pointer({ x: "step", y: "loss", title: (d: { key: string; step: number; loss: number }) => `${d.key}\nstep ${d.step}: loss ${num(d.loss)}` })),
    ],
  });
  const svgs = plot.tagName.toLowerCase() === "svg" ? [plot] : Array.from(plot.querySelectorAll(":scope > svg"));
  (svgs[svgs.length - 1] ?? plot).setAttribute("aria-label", `Training loss against the step for ${[...new Set(runs.map((r) => r.label))].join(" and ")}, one line per seed (${new Set(runs.map((r) => r.seed)).size} seeds).`);
  return plot;
}
