/**
 * Test functions with exact gradients, and the 2-D surfaces of the arena.
 */
import type { Objective } from "../types.js";
import { beale } from "./beale.js";
import { himmelblau } from "./himmelblau.js";
import { rastrigin } from "./rastrigin.js";
import { ravine } from "./ravine.js";
import { rosenbrock } from "./rosenbrock.js";
import { saddle } from "./saddle.js";

export { beale } from "./beale.js";
export { doubleWell, DOUBLE_WELL_STATIONARY } from "./double-well.js";
export { lessardCounterexample } from "./lessard-counterexample.js";
export { springChain, type SpringChain } from "./spring-chain.js";
export { himmelblau } from "./himmelblau.js";
export { objective, type ObjectiveSpec } from "./objective.js";
export { parabola } from "./parabola.js";
export { quadratic, symmetricEigen, type Matrix, type Quadratic, type QuadraticOptions } from "./quadratic.js";
export { rastrigin, type RastriginOptions } from "./rastrigin.js";
export { ravine } from "./ravine.js";
export { reddiOnline, type ReddiOnlineOptions } from "./reddi-online.js";
export { rosenbrock, type RosenbrockOptions } from "./rosenbrock.js";
export { saddle } from "./saddle.js";

/** A 2-D surface of the arena with the start point that shows its famous behaviour. */
export interface Surface {
  readonly objective: Objective;
  readonly start: readonly [number, number];
  /** What to watch for, one sentence for the page. */
  readonly note: string;
}

/** The 2-D surfaces of the arena, each with a recommended start. */
export const SURFACES: ReadonlyArray<Surface> = Object.freeze([
  {
    objective: ravine(),
    start: [-5, -2],
    note:
      "The ravine f = 0.1x₁² + 2x₂² from D2L's momentum section: its curvatures differ 20-fold, so any rate stable across the steep x₂ direction (η < 0.5 for gradient descent) shrinks x₁ by less than 10 % a step. Watch which optimizers zig-zag across x₂ and which make steady progress along x₁.",
  },
  {
    objective: beale(),
    start: [1, 1.5],
    note:
      "Beale's function, one of the surfaces in Ruder's overview: a long curved valley leads to the minimum at (3, 0.5). Watch which optimizers overshoot the valley floor, which crawl along it, and which diverge as the rate grows.",
  },
  {
    objective: saddle(),
    start: [-1, 1e-3],
    note:
      "Started almost on the ridge (y = 10⁻³), where the gradient's y-component is tiny. Watch which optimizers linger near the saddle and which rescale that small component and escape; set the gradient noise above zero, or start exactly on the ridge, to see what noise does.",
  },
  {
    objective: rosenbrock(),
    start: [-1.2, 1],
    note:
      "Rosenbrock's classic start (−1.2, 1): a curved valley with a nearly flat floor leads to the minimum at (1, 1). Watch how quickly each optimizer reaches the valley, and how long it then takes along the floor.",
  },
  {
    objective: himmelblau(),
    start: [-0.3, -0.9],
    note:
      "Four minima around a central maximum, with the start beside it. Watch which minimum each optimizer ends in: small changes of the rate or the start can send it to another one.",
  },
  {
    objective: rastrigin(),
    start: [-3.3, 3.2],
    note:
      "A bowl full of local minima. Watch which optimizers stop in the nearest dimple and which hop across several on their way to the centre.",
  },
] satisfies Surface[]);
