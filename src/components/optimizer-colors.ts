/**
 * One fixed color per optimizer, used across the course (the arena, the
 * comparison of chapters 12–13, every chart that names optimizers), so a method
 * keeps its color whatever else is drawn beside it and whichever link restores
 * a race. The framework optimizers take Observable's categorical scheme
 * darkened or lightened to fit the contrast band below; the textbook variants
 * take relatives of the optimizer they vary, shifted in hue and lightness. Two contenders of the
 * comparison that are not registry optimizers have colors too: SGD with cosine
 * annealing (a slate blue-grey beside SGD's grey) and Adam without bias
 * correction (a cyan-blue beside Adam's blue). Every color keeps at least 3:1
 * contrast against both themes' backgrounds (WCAG 1.4.11 for graphics: white
 * and #f6f6f6 in light mode, #1e1e1e and #161616 in dark), so no series
 * vanishes in either theme. That leaves a narrow band of luminance
 * (about 0.14–0.27), so the colors differ by hue more than by lightness; any
 * two stay at least 15 CIELAB units apart (ΔE*ab)
 * (test/components/optimizer-colors.test.ts).
 */
import type { OptimizerName } from "../lib/optimizers/registry.js";

export type ColoredName = OptimizerName | "sgdCosine" | "adamNoBiasCorrection";

export const OPTIMIZER_COLORS: Readonly<Record<ColoredName, string>> = {
  sgd: "#858a92",
  sgdCosine: "#5a71a1",
  momentum: "#b57f00",
  nesterov: "#e75c49",
  adagrad: "#3d9884",
  rmsprop: "#178f39",
  adadelta: "#d56391",
  adam: "#4269d0",
  amsgrad: "#a463f2",
  adamw: "#8782c6",
  adamax: "#9c6b4e",
  nadam: "#c63981",
  momentumEwa: "#b95300",
  nesterovLookahead: "#ce394d",
  nesterovScheduled: "#b46a21",
  adagradEpsInside: "#3d7e54",
  adagradNoSqrt: "#007f80",
  amsgradReddi: "#c132ac",
  rprop: "#928d00",
  adamNoBiasCorrection: "#007b9f",
};

/** The color of one optimizer (grey for a name without one). */
export function optimizerColor(name: string): string {
  return (OPTIMIZER_COLORS as Readonly<Record<string, string>>)[name] ?? "#888";
}

/** The color scale options for Plot, over `names` in order (legend entries `labels`, default the names). */
export function optimizerColorScale(names: readonly string[], labels?: readonly string[]): { domain: string[]; range: string[] } {
  return { domain: [...(labels ?? names)], range: names.map(optimizerColor) };
}
