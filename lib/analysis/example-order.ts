/**
 * Orders of the training examples, for `train`'s `shuffle` option (chapter 4's
 * "does the order matter?" and the curricula of "More strategies"): sorted by
 * the target, easiest first, and curricula that grow from the easy examples.
 */
import type { Dataset } from "../datasets.js";
import type { Model } from "../models/model.js";
import type { Random } from "../random.js";
import { requireInteger } from "../validate.js";

/**
 * The example indices sorted by the target y, smallest first, ties in their
 * original order: a maximally meaningful order for regression, and for
 * classification all of class 0, then class 1, … — the worst order for SGD.
 */
export function sortedByTarget(data: Dataset): Int32Array {
  return Int32Array.from({ length: data.n }, (_, i) => i).sort((a, b) => data.y[a] - data.y[b] || a - b);
}

/**
 * The example indices from easiest to hardest, difficulty measured by the loss
 * of each example under reference parameters (e.g. the least-squares fit).
 */
export function easiestFirst<D extends Dataset>(model: Model<D>, data: D, params: Float64Array): Int32Array {
  const order = Int32Array.from({ length: data.n }, (_, i) => i);
  const loss = Float64Array.from(order, (i) => model.loss(params, data, order, i, i + 1));
  return order.sort((a, b) => loss[a] - loss[b] || a - b);
}

/**
 * Curriculum orders for `train`'s `shuffle` option, from `easy` (indices
 * easiest first, e.g. `easiestFirst`):
 * - "baby-steps" (Spitkovsky et al. 2010's name; Zaremba & Sutskever 2014 call
 *   it the *naive* curriculum): epoch e (0-based) trains on the easiest
 *   fraction min(1, (e + 1)/ramp) of `easy`, shuffled, so the hardest examples
 *   join only at epoch ramp − 1 (the ramp-th epoch);
 * - "combined" (Zaremba & Sutskever's *combined* strategy: their naive
 *   curriculum mixed with uniform sampling): each epoch, a pool-sized draw, half
 *   from the current curriculum pool and half uniformly from all, shuffled;
 * - "easy-to-hard": the whole easy order, unshuffled, every epoch — a fixed
 *   order, not a curriculum any of those papers uses.
 */
export function curriculumOrder(kind: "baby-steps" | "combined" | "easy-to-hard", easy: ArrayLike<number>, ramp: number): (epoch: number, rng: Random) => Int32Array {
  requireInteger("curriculumOrder", "ramp", ramp, 1);
  const n = easy.length;
  if (kind === "easy-to-hard") return () => Int32Array.from(easy);
  return (epoch, rng) => {
    const pool = Math.max(1, Math.round(Math.min(1, (epoch + 1) / ramp) * n));
    if (kind === "baby-steps") return rng.shuffle(Int32Array.from({ length: pool }, (_, k) => easy[k]));
    const out = new Int32Array(pool);
    for (let k = 0; k < pool; ++k) out[k] = k % 2 === 0 ? easy[rng.int(pool)] : easy[rng.int(n)];
    return rng.shuffle(out);
  };
}

/**
 * Batches drawn independently, with replacement, for `train`'s `shuffle`
 * option: each epoch is `n` indices drawn uniformly from 0 … n − 1, so an
 * example may appear twice in an epoch or not at all. The minibatch errors of
 * successive steps are then independent — the assumption of the small-η noise
 * floor η·tr C/(4B). Reshuffling (sampling without replacement) instead uses
 * every example exactly once per epoch, so the errors of an epoch's batches
 * sum to zero at fixed weights: they are negatively correlated, and the floor
 * is lower than the independent-noise prediction.
 */
export function withReplacement(n: number): (epoch: number, rng: Random) => Int32Array {
  requireInteger("withReplacement", "n", n, 1);
  return (_epoch, rng) => {
    const out = new Int32Array(n);
    for (let k = 0; k < n; ++k) out[k] = rng.int(n);
    return out;
  };
}
