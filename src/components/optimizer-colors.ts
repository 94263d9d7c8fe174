/**
 * One fixed color per optimizer, used across the course (the arena, the
 * comparison of chapters 12–13, every chart that names optimizers), so a method
 * keeps its color whatever else is drawn beside it and whichever link restores
 * a race. The framework optimizers take Observable's categorical scheme
 * (legible on light and dark backgrounds); the textbook variants take darker or
 * lighter relatives of the optimizer they vary. Two contenders of the
 * comparison that are not registry optimizers have colors too: SGD with cosine
 * annealing (a darker grey than SGD) and Adam without bias correction.
 */
import type { OptimizerName } from "../lib/optimizers/registry.js";

export type ColoredName = OptimizerName | "sgdCosine" | "adamNoBiasCorrection";

export const OPTIMIZER_COLORS: Readonly<Record<ColoredName, string>> = {
  sgd: "#9498a0",
  sgdCosine: "#5a5e66",
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
  nesterovScheduled: "#a8382a",
  adagradEpsInside: "#3f9e89",
  adagradNoSqrt: "#1d6b5a",
  amsgradReddi: "#7a3cc4",
  rprop: "#b8b000",
  adamNoBiasCorrection: "#1f3f99",
};

/** The color of one optimizer (grey for a name without one). */
export function optimizerColor(name: string): string {
  return (OPTIMIZER_COLORS as Readonly<Record<string, string>>)[name] ?? "#888";
}

/** The color scale options for Plot, over `names` in order (legend entries `labels`, default the names). */
export function optimizerColorScale(names: readonly string[], labels?: readonly string[]): { domain: string[]; range: string[] } {
  return { domain: [...(labels ?? names)], range: names.map(optimizerColor) };
}
