/**
 * The online linear losses of the course's counterexamples, f_t(x) = g_t·x in
 * one dimension, with g_t = `rare` on one step of each period and `usual` on
 * the others: Reddi, Kale & Kumar's problem against Adam (`reddiOnline`,
 * lib/analysis/adam's `reddiPeriodic`) and Hinton's minibatches against Rprop
 * (lib/analysis/rmsprop's `hintonMinibatches`). Without t, `value` is the
 * period's mean loss, ((period − 1)·usual + rare)/period · x. The domain is
 * [−1, 1]; callers add what they know of the minimum.
 */
import type { Objective } from "../types.js";

export interface PeriodicLinearSpec {
  /** Steps per period. */
  period: number;
  /** The step of each period that gets `rare`: t ≡ phase (mod period). */
  phase: number;
  /** The gradient at t ≡ phase (mod period). */
  rare: number;
  /** The gradient at the other steps. */
  usual: number;
}

/** The period's mean gradient, ((period − 1)·usual + rare)/period. */
export function periodicLinearMean({ period, rare, usual }: PeriodicLinearSpec): number {
  return ((period - 1) * usual + rare) / period;
}

/** f_t(x) = g_t·x on [−1, 1] as above, with `extra` fields (minima, minValue, hessian) merged in. */
export function periodicLinear(name: string, spec: PeriodicLinearSpec, extra: Partial<Objective> = {}): Objective {
  const { period, phase, rare, usual } = spec;
  const mean = periodicLinearMean(spec);
  const slope = (t: number | undefined) => (t === undefined ? mean : t % period === phase ? rare : usual);
  return {
    name,
    dim: 1,
    value: (x, t) => slope(t) * x[0],
    grad(_x, out, t) {
      out[0] = slope(t);
      return out;
    },
    domain: [[-1, 1]],
    minima: [],
    ...extra,
  };
}
