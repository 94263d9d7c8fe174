/**
 * One fixed color per optimizer, used across the course (the arena, the
 * comparison of chapters 12–13, every chart that names optimizers), so a method
 * keeps its color whatever else is drawn beside it and whichever link restores
 * a race. The framework optimizers take Observable's categorical scheme
 * (legible on light and dark backgrounds); the textbook variants take darker or
 * lighter relatives of the optimizer they vary. Two contenders of the
 * comparison that are not registry optimizers have colors too: SGD with cosine
 * annealing (a slate blue-grey beside SGD's grey) and Adam without bias
 * correction (a cyan-blue beside Adam's blue). Every color keeps at least 3:1
 * contrast against the dark theme's backgrounds (WCAG 1.4.11 for graphics),
 * so no series vanishes in dark mode (test/components/optimizer-colors.test.ts).
 */
import type { OptimizerName } from "../lib/optimizers/registry.js";

export type ColoredName = OptimizerName | "sgdCosine" | "adamNoBiasCorrection";

export const OPTIMIZER_COLORS: Readonly<Record<ColoredName, string>> = {
  sgd: "#8a8f98",
  sgdCosine: "#6e7fa8",
  momentum: "#efb118",
  nesterov: "#ff725c",
  adagrad: "#6cc5b0",
  rmsprop: "#3ca951",
  adadelta: "#ff8ab7",
  adam: "#4269d0",
  amsgrad: "#a463f2",
  adamw: "#97bbf5",
  adamax: "#9c6b4e",
  nadam: "#e05297",
  momentumEwa: "#c99100",
  nesterovLookahead: "#d1503c",
  nesterovScheduled: "#e06a55",
  adagradEpsInside: "#3f9e89",
  adagradNoSqrt: "#2e8b74",
  amsgradReddi: "#9659db",
  rprop: "#b8b000",
  adamNoBiasCorrection: "#1f8fbf",
};

/** The color of one optimizer (grey for a name without one). */
export function optimizerColor(name: string): string {
  return (OPTIMIZER_COLORS as Readonly<Record<string, string>>)[name] ?? "#888";
}

/** The color scale options for Plot, over `names` in order (legend entries `labels`, default the names). */
export function optimizerColorScale(names: readonly string[], labels?: readonly string[]): { domain: string[]; range: string[] } {
  return { domain: [...(labels ?? names)], range: names.map(optimizerColor) };
}
