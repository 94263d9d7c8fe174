/**
 * ComparisonCurves(best, {contenders, colors, width, x}): the training loss of
 * each optimizer at its tuned learning rate, against epochs or against the
 * measured training time.
 */
import * as Plot from "@observablehq/plot";

export interface CurveRun { contender: string; lr: number; curve: readonly { epoch: number; loss: number; time: number }[] }

export function ComparisonCurves(
  best: readonly CurveRun[],
  options: { contenders: readonly { name: string; label: string }[]; colors: { domain: string[]; range: string[] }; width?: number; height?: number; x?: "epoch" | "time" }
): SVGSVGElement | HTMLElement {
  const { contenders, colors, width = 640, height = 300, x = "epoch" } = options;
  const label = new Map(contenders.map((c) => [c.name, c.label]));
  const rows = best
    .filter((b) => label.has(b.contender))
    .flatMap((b) => b.curve.map((p) => ({ label: label.get(b.contender)!, epoch: p.epoch, time: p.time, loss: p.loss })))
    .filter((r) => r.loss > 0 && Number.isFinite(r.loss) && (x === "epoch" || r.time > 0));
  return Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: x === "epoch" ? { label: "epoch →", grid: true } : { type: "log", label: "training time (ms, in this browser) →", grid: true, tickFormat: "~g" },
    y: { type: "log", label: "↑ training loss", grid: true, tickFormat: "~g" },
    color: { ...colors, legend: true },
    marks: [
      Plot.line(rows, { x, y: "loss", stroke: "label", z: "label", strokeWidth: 1.6 }),
      Plot.tip(rows, Plot.pointer({ x, y: "loss", title: (d) => `${d.label}\nepoch ${Number(d.epoch.toFixed(2))}\nloss = ${Number(d.loss.toPrecision(4))}` })),
    ],
  });
}
