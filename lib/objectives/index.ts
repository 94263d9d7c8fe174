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
    note: "The seeds' ravine: plain GD zig-zags across the steep x₂ direction and crawls along x₁; momentum and adaptive methods do not.",
  },
  {
    objective: beale(),
    start: [1, 1.5],
    note: "Ruder's Beale surface: with lr = 3e-3, momentum overshoots the valley (down to y ≈ −1.5) before settling at (3, 0.5), Nesterov less (y ≈ −1.1), SGD crawls; at lr = 0.01 momentum diverges.",
  },
  {
    objective: saddle(),
    start: [-1, 1e-3],
    note: "Started almost on the ridge: SGD lingers at the saddle, while adaptive methods rescale the tiny y-gradient and escape at once.",
  },
  {
    objective: rosenbrock(),
    start: [-1.2, 1],
    note: "Rosenbrock's classic start: everyone reaches the valley quickly, then crawls along its curved floor toward (1, 1).",
  },
  {
    objective: himmelblau(),
    start: [-0.3, -0.9],
    note: "Started beside the central maximum: optimizers roll off in different directions and end in different ones of the four minima.",
  },
  {
    objective: rastrigin(),
    start: [-3.3, 3.2],
    note: "A bowl full of local minima: small steps get trapped in the nearest dimple, large steps and momentum hop across a few.",
  },
] satisfies Surface[]);
