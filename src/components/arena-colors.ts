/**
 * One fixed color per optimizer, so a racer keeps its color whatever else
 * races beside it and whichever link restores the race. The framework
 * optimizers take Observable's categorical scheme (legible on light and dark
 * backgrounds); the textbook variants take darker or lighter relatives of the
 * optimizer they vary.
 */
import type { OptimizerName } from "../lib/optimizers/registry.js";

export const ARENA_COLORS: Readonly<Record<OptimizerName, string>> = {
  sgd: "#9498a0",
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
  adagradEpsInside: "#3f9e89",
  adagradNoSqrt: "#1d6b5a",
  amsgradReddi: "#7a3cc4",
  rprop: "#b8b000",
};

export function arenaColor(name: OptimizerName): string {
  return ARENA_COLORS[name] ?? "#888";
}
