/**
 * Exercise strategies/gradient-noise — annealed Gaussian gradient noise
 * (Neelakantan et al., 2015).
 *
 * At step t = 1, 2, … the gradient g_t is replaced by
 *
 *     g̃_t = g_t + σ_t·ξ_t,   ξ_t ~ N(0, I),   σ_t² = η / (1 + t)^γ,
 *
 * where η sets the noise (it is not the learning rate) and γ is the decay
 * exponent (the paper uses γ = 0.55).
 *
 * 1. `noiseStd(eta, gamma, t)`: σ_t, the noise's standard deviation at step t.
 *
 * 2. `gradientNoise(eta, gamma, seed)`: returns a function `noisy(g)` that, on
 *    its t-th call (the first call is t = 1), returns a NEW array
 *    g + σ_t·ξ with the same length as g, and leaves g unchanged. Draw ξ
 *    from one seeded generator created once, `const rng = random(seed)` (the
 *    course library's, in scope), with `rng.normal()` once per coordinate in
 *    coordinate order, every call: so the same seed gives the same noise,
 *    and the result equals the library's `withGradientNoise`.
 *
 * Bad input gets a clear error: throw a RangeError when eta or gamma is
 * negative (or not a number).
 */
import { random } from "../../lib/random.js";

export function noiseStd(eta: number, gamma: number, t: number): number {
  // BEGIN SOLUTION
  return Math.sqrt(eta / (1 + t) ** gamma);
  // END SOLUTION
}

export function gradientNoise(eta: number, gamma: number, seed: number): (g: ArrayLike<number>) => Float64Array {
  // BEGIN SOLUTION
  if (!(eta >= 0)) throw new RangeError(`gradientNoise: eta must be ≥ 0, got ${eta}`);
  if (!(gamma >= 0)) throw new RangeError(`gradientNoise: gamma must be ≥ 0, got ${gamma}`);
  const rng = random(seed);
  let t = 0;
  return (g) => {
    t += 1;
    const sigma = noiseStd(eta, gamma, t);
    const out = new Float64Array(g.length);
    for (let i = 0; i < g.length; i++) out[i] = g[i] + sigma * rng.normal();
    return out;
  };
  // END SOLUTION
}
