/**
 * ComparisonCurves(best, {contenders, colors, width, x}): the training loss of
 * each optimizer at its tuned learning rate, against epochs or against the
 * measured training time, on a log scale — the comparison's tuned runs drawn by
 * TrainingCurves, in the contenders' order and colors.
 */
import { TrainingCurves } from "./training-curves.js";

export interface CurveRun { contender: string; lr: number; curve: readonly { epoch: number; loss: number; time: number }[] }

export function ComparisonCurves(
  best: readonly CurveRun[],
  options: { contenders: readonly { name: string; label: string }[]; colors: { domain: string[]; range: string[] }; width?: number; height?: number; x?: "epoch" | "time" }
): SVGSVGElement | HTMLElement {
  const { contenders, colors, width = 640, height = 300, x = "epoch" } = options;
  const colorOf = new Map(colors.domain.map((label, i) => [label, colors.range[i]]));
  const runs = contenders.flatMap((c) => best.filter((b) => b.contender === c.name).map((b) => ({ label: c.label, curve: b.curve })));
  return TrainingCurves(runs, { width, height, x, logY: true, colors: runs.map((r) => colorOf.get(r.label) ?? "#888") });
}
