/**
 * The sentence under the momentum and Nesterov rate maps that explains how the
 * measured rate of a run (a geometric mean of the distance's shrink over steps
 * from … to) relates to the predicted one (the largest root modulus over the
 * curvatures). Generated from the numbers, so it is true wherever the reader
 * clicks; test/analysis/momentum.claims.test.ts checks each branch over the map.
 */
import * as R from "../lib/analysis/momentum-rate.js";
import { num } from "./format.js";

export type RateMethod = "momentum" | "nesterov";

export interface RateGap {
  readonly predicted: number;
  readonly measured: number;
  /** measured/predicted − 1. */
  readonly gap: number;
  /** The roots of the slowest direction (nearly) coincide: the error decays like t·rateᵗ. */
  readonly doubleRoot: boolean;
  /** (to/from)^(1/(to − from)): what the factor t adds to a geometric-mean rate over the window. */
  readonly tFactor: number;
  /** The slowest direction's roots are complex (a spiral). */
  readonly complex: boolean;
}

/** The numbers behind the note; `doubleRoot` when the slowest direction's roots are within 0.2 % of the rate of each other. */
export function rateGap(lr: number, beta: number, eigenvalues: readonly number[], measured: number, from: number, to: number, method: RateMethod): RateGap {
  const rootsOf = method === "momentum" ? R.momentumRoots : R.nesterovRoots;
  const rateAt = method === "momentum" ? R.momentumRateAt : R.nesterovRateAt;
  let slow = eigenvalues[0], predicted = -1;
  for (const l of eigenvalues) {
    const r = rateAt(lr, beta, l);
    if (r > predicted) { predicted = r; slow = l; }
  }
  const [a, b] = rootsOf(lr, beta, slow);
  const doubleRoot = Math.hypot(a.re - b.re, a.im - b.im) <= 2e-3 * predicted;
  return { predicted, measured, gap: measured / predicted - 1, doubleRoot, tFactor: (to / from) ** (1 / (to - from)), complex: a.im !== 0 };
}

/** The explanation itself, one or two sentences. */
export function rateGapNote(lr: number, beta: number, eigenvalues: readonly number[], measured: number, from: number, to: number, method: RateMethod): string {
  if (!Number.isFinite(measured)) return "";
  const g = rateGap(lr, beta, eigenvalues, measured, from, to, method);
  if (!(g.predicted < 1)) return "The prediction is a rate of at least 1: this setting does not converge.";
  const pct = num(Math.abs(100 * g.gap), 2);
  if (g.doubleRoot) {
    return `The slowest direction's two roots coincide here (critically damped), so its error decays like t·rateᵗ, not rateᵗ: over steps ${from}–${to} the factor t alone multiplies the measured rate by (${to}/${from})^(1/${to - from}) ≈ ${num(g.tFactor, 4)}, giving ${num(g.predicted * g.tFactor, 4)} — the measured value is ${pct} % ${g.gap >= 0 ? "above" : "below"} the plain prediction for that reason.`;
  }
  if (Math.abs(g.gap) < 0.005) return `The two agree to within 0.5 % (${pct} %).`;
  return `The measured rate is ${pct} % ${g.gap >= 0 ? "above" : "below"} the prediction: ${
    g.complex
      ? "in the slowest direction the roots are complex, so the distance spirals and wobbles around the predicted line, and a geometric mean over a finite window catches part of a wobble (and the faster directions have not fully died out)."
      : "the slowest direction's two real roots are close, so over a finite window the faster one has not yet died out."
  }`;
}
