/**
 * ScheduleRaceChart(runs, options): training and test loss at each epoch's
 * end for every schedule (colour) and seed (one line each), side by side,
 * log y. A diverged run ends where it diverged and says so in the legend.
 */
import * as Plot from "@observablehq/plot";
import { decadeTicks } from "../log-ticks.js";
import { num, tickNum } from "../format.js";

export interface RaceLine {
  label: string;
  seed: number;
  trainLoss: readonly number[];
  testLoss: readonly number[];
  diverged: boolean;
}

export function ScheduleRaceChart(runs: readonly RaceLine[], options: { width?: number; height?: number } = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 300 } = options;
  const labels = [...new Set(runs.map((r) => r.label))];
  const name = (label: string) => (runs.some((r) => r.label === label && r.diverged) ? `${label} — diverged (some seeds)` : label);
  const rows = runs.flatMap((r) => (["training", "test"] as const).flatMap((set) =>
    (set === "training" ? r.trainLoss : r.testLoss).map((loss, k) => ({ set, epoch: k + 1, loss, label: name(r.label), key: `${r.label} · ${r.seed}` })).filter((p) => Number.isFinite(p.loss) && p.loss > 0)));
  const plot = Plot.plot({
    width,
    height,
    marginRight: 10,
    fx: { label: null, domain: ["training", "test"], tickFormat: (s: string) => `${s} loss` },
    x: { label: "epoch →", ticks: 4 },
    y: { type: "log", label: "↑ loss", grid: true, ticks: decadeTicks(rows.map((p) => p.loss)), tickFormat: tickNum },
    color: { legend: true, domain: labels.map(name) },
    marks: [
      Plot.frame({ strokeOpacity: 0.15 }),
      Plot.line(rows, { fx: "set", x: "epoch", y: "loss", stroke: "label", z: "key", strokeOpacity: 0.75 }),
      Plot.tip(rows, Plot.pointer({ fx: "set", x: "epoch", y: "loss", title: (d: { key: string; set: string; epoch: number; loss: number }) => `${d.key}\n${d.set} loss after epoch ${d.epoch}: ${num(d.loss)}` })),
    ],
  });
  const svgs = plot.tagName.toLowerCase() === "svg" ? [plot] : Array.from(plot.querySelectorAll(":scope > svg"));
  (svgs[svgs.length - 1] ?? plot).setAttribute("aria-label", `Training loss (left) and test loss (right) after each epoch for the schedules ${labels.join(", ")}, one line per seed.`);
  return plot;
}
