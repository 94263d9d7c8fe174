/**
 * Build-time numbers for the momentum chapter's noisy-gradient experiment
 * (lib/analysis/momentum-noise.ts): on the ravine ½(0.2x₁² + 4x₂²) with
 * gradient noise σ = 1, the loss floor of momentum against β, measured over
 * 5 seeds (mean of f over the last 2000 of 4000 steps) next to the closed
 * form, once at a fixed η and once at a fixed effective step η/(1 − β).
 * Too many sample paths to recompute on every page load; the page draws them.
 */
import { measureNoiseFloor } from "../../lib/analysis/momentum-noise.js";
import { noiseFloor } from "../../lib/analysis/noisy-quadratic.js";

export const SETTINGS = { lambdas: [0.2, 4], sigma: 1, x0: [-5, -2], lr: 0.02, effectiveLr: 0.2, steps: 4000, tail: 2000, seeds: 5 };
const betas = [0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98];
const { lambdas, sigma, x0, steps, tail, seeds } = SETTINGS;
const row = (series: string, lr: number, beta: number) => {
  const m = measureNoiseFloor(lambdas, sigma, x0, lr, beta, { steps, tail, seeds });
  return { series, beta, lr, mean: m.mean, min: m.min, max: m.max, predicted: m.predicted };
};
const rows = [
  ...betas.map((b) => row("fixedLr", SETTINGS.lr, b)),
  ...betas.map((b) => row("fixedEffective", SETTINGS.effectiveLr * (1 - b), b)),
];
process.stdout.write(JSON.stringify({ settings: SETTINGS, sgdAtEffective: noiseFloor(lambdas, sigma, SETTINGS.effectiveLr), rows }));
