/**
 * Gradient noise for the arena: the exact gradient plus Gaussian noise,
 *
 *   g̃_t = ∇f(x_t) + σ·z_t,   z_t ~ N(0, I) independent across steps,
 *
 * the simplest model of a minibatch gradient (unbiased, variance σ² per
 * coordinate). The noise is a fixed sequence indexed by the step t that
 * `minimize` passes to `grad` (t = 1 for the gradient of the first step), drawn
 * from `random(seed)`: the same seed gives the same z_1, z_2, … in every run, so
 * every racer meets the same noise at the same step (common random numbers),
 * every start the tuner tries meets it too, and a race with noise is as
 * reproducible as one without. The loss `value` is left exact. Pure: no DOM.
 */
import type { Objective } from "../types.js";
import { random } from "../random.js";
import { requireInRange, requireInteger } from "../validate.js";

/** The largest σ the arena's control allows. */
export const NOISE_MAX = 10;
/** Seeds are integers in [0, SEED_MAX]. */
export const SEED_MAX = 2 ** 31 - 1;

/**
 * `objective` with σ·z_t added to its gradient at step t (see the module
 * comment). σ = 0 returns `objective` itself.
 */
export function noisyObjective(objective: Objective, sigma: number, seed: number): Objective {
  requireInRange("noisyObjective", "sigma", sigma, 0, NOISE_MAX);
  requireInteger("noisyObjective", "seed", seed, 0, SEED_MAX);
  if (sigma === 0) return objective;
  const dim = objective.dim;
  const rng = random(seed);
  // z_1, z_2, … drawn in order and kept, so a step's noise does not depend on the order of the calls.
  let table = new Float64Array(64 * dim);
  let filled = 0;
  const noiseAt = (t: number): number => {
    const need = t * dim;
    if (need > table.length) {
      const grown = new Float64Array(Math.max(need, 2 * table.length));
      grown.set(table);
      table = grown;
    }
    while (filled < need) table[filled++] = rng.normal();
    return (t - 1) * dim;
  };
  return {
    ...objective,
    name: objective.name,
    value: (x, t) => objective.value(x, t),
    grad(x, out, t = 1) {
      objective.grad(x, out, t);
      const at = noiseAt(Math.max(1, Math.floor(t)));
      for (let i = 0; i < dim; ++i) out[i] += sigma * table[at + i];
      return out;
    },
  };
}
