/**
 * One color per contender of the optimizer comparison (chapters 12–13), the
 * same as the arena's for the optimizers they share, so a method keeps its
 * color across the course. SGD with annealing is a darker grey than SGD.
 */
export const COMPARISON_COLORS: Readonly<Record<string, string>> = {
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
  rprop: "#b8b000",
  adamNoBiasCorrection: "#1f3f99",
};

/** The color scale options for Plot, over `names` in order. */
export function comparisonColor(names: readonly string[], labels?: readonly string[]): { domain: string[]; range: string[] } {
  return { domain: [...(labels ?? names)], range: names.map((n) => COMPARISON_COLORS[n] ?? "#888") };
}
