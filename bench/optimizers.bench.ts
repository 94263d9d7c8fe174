/**
 * The cost of one optimizer step, in nanoseconds per parameter, at n = 10³,
 * 10⁵ and 10⁶, measured side by side in the same run against:
 *   (i)   a hand-fused loop of the same rule written here (scalars as locals,
 *         no state object, no checks) — the target is lib ≤ 1.2× fused at 10⁶;
 *   (ii)  a memory-bandwidth floor, the STREAM triad a[i] = b[i] + s·c[i] over
 *         Float64Array (3 arrays touched; an Adam step touches 7);
 *   (iii) @tensorflow/tfjs-core's CPU backend (tf.train.sgd / momentum / adagrad /
 *         rmsprop / adam via applyGradients) for the five optimizers it has — the
 *         target is lib ≥ 25× faster at 10⁶. tfjs computes in float32 (its CPU
 *         backend has no float64), so it moves half the bytes we do. tf.train's
 *         optimizers need no chained ops, and the chained-ops side-effect import
 *         (dist/public/chained_ops/register_all_chained_ops) fails under Node's ESM
 *         loader (directory imports), so it is not imported.
 * Each figure is the median of several repetitions after a warm-up; lib and
 * fused repetitions are interleaved so that drift on a shared machine hits both.
 */
import { loadavg } from "node:os";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import * as lib from "../lib/optimizers/index.js";
import { random } from "../lib/random.js";
import type { Optimizer, OptimizerState } from "../lib/types.js";

const SIZES = [1e3, 1e5, 1e6];
const REPS = 7;
/** Steps per repetition: about 4·10⁶ parameter-updates, at least 2. */
const stepsFor = (n: number) => Math.max(2, Math.round(4e6 / n));

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function filled(n: number, seed: number, lo: number, hi: number): Float64Array {
  const r = random(seed), a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = r.between(lo, hi);
  return a;
}

// ---------------------------------------------------------------------------
// Hand-fused loops: the same rules as lib/optimizers, with scalars as locals.
// Each takes the arrays it touches and the step t.

type Fused = (x: Float64Array, g: Float64Array, b: Float64Array[], t: number) => void;
const LR = 1e-3, MU = 0.9, B1 = 0.9, B2 = 0.999, EPS = 1e-8;

function fusedSgd(x: Float64Array, g: Float64Array): void {
  for (let i = 0; i < x.length; i++) x[i] -= LR * g[i];
}
function fusedMomentum(x: Float64Array, g: Float64Array, [v]: Float64Array[], t: number): void {
  if (t === 1) for (let i = 0; i < x.length; i++) { v[i] = g[i]; x[i] -= LR * v[i]; }
  else for (let i = 0; i < x.length; i++) { v[i] = MU * v[i] + g[i]; x[i] -= LR * v[i]; }
}
function fusedNesterov(x: Float64Array, g: Float64Array, [v]: Float64Array[]): void {
  for (let i = 0; i < x.length; i++) { v[i] = MU * v[i] + g[i]; x[i] -= LR * (g[i] + MU * v[i]); }
}
function fusedMomentumEwa(x: Float64Array, g: Float64Array, [v]: Float64Array[]): void {
  for (let i = 0; i < x.length; i++) { v[i] = MU * v[i] + (1 - MU) * g[i]; x[i] -= LR * v[i]; }
}
function fusedNesterovLookahead(x: Float64Array, g: Float64Array, [u, p]: Float64Array[]): void {
  for (let i = 0; i < x.length; i++) p[i] = x[i] - MU * u[i];
  for (let i = 0; i < x.length; i++) { u[i] = MU * u[i] + LR * g[i]; x[i] -= u[i]; }
}
function fusedAdagrad(x: Float64Array, g: Float64Array, [s]: Float64Array[]): void {
  for (let i = 0; i < x.length; i++) { s[i] += g[i] * g[i]; x[i] -= LR * g[i] / (Math.sqrt(s[i]) + 1e-10); }
}
function fusedAdagradEpsInside(x: Float64Array, g: Float64Array, [s]: Float64Array[]): void {
  for (let i = 0; i < x.length; i++) { s[i] += g[i] * g[i]; x[i] -= LR * g[i] / Math.sqrt(s[i] + 1e-6); }
}
function fusedAdagradNoSqrt(x: Float64Array, g: Float64Array, [s]: Float64Array[]): void {
  for (let i = 0; i < x.length; i++) { s[i] += g[i] * g[i]; x[i] -= LR * g[i] / (s[i] + 1e-10); }
}
function fusedRmsprop(x: Float64Array, g: Float64Array, [v]: Float64Array[]): void {
  const a = 0.99;
  for (let i = 0; i < x.length; i++) { v[i] = a * v[i] + (1 - a) * g[i] * g[i]; x[i] -= LR * g[i] / (Math.sqrt(v[i]) + EPS); }
}
function fusedAdadelta(x: Float64Array, g: Float64Array, [v, u]: Float64Array[]): void {
  const rho = 0.9, eps = 1e-6;
  for (let i = 0; i < x.length; i++) {
    v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
    const d = (Math.sqrt(u[i] + eps) / Math.sqrt(v[i] + eps)) * g[i];
    u[i] = rho * u[i] + (1 - rho) * d * d;
    x[i] -= d;
  }
}
function fusedAdam(x: Float64Array, g: Float64Array, [m, v]: Float64Array[], t: number): void {
  const step = LR / (1 - B1 ** t), bc = Math.sqrt(1 - B2 ** t);
  for (let i = 0; i < x.length; i++) {
    m[i] = B1 * m[i] + (1 - B1) * g[i];
    v[i] = B2 * v[i] + (1 - B2) * g[i] * g[i];
    x[i] -= step * m[i] / (Math.sqrt(v[i]) / bc + EPS);
  }
}
function fusedAmsgrad(x: Float64Array, g: Float64Array, [m, v, w]: Float64Array[], t: number): void {
  const step = LR / (1 - B1 ** t), bc = Math.sqrt(1 - B2 ** t);
  for (let i = 0; i < x.length; i++) {
    m[i] = B1 * m[i] + (1 - B1) * g[i];
    v[i] = B2 * v[i] + (1 - B2) * g[i] * g[i];
    w[i] = Math.max(w[i], v[i]);
    x[i] -= step * m[i] / (Math.sqrt(w[i]) / bc + EPS);
  }
}
function fusedAmsgradReddi(x: Float64Array, g: Float64Array, [m, v, w]: Float64Array[]): void {
  for (let i = 0; i < x.length; i++) {
    m[i] = B1 * m[i] + (1 - B1) * g[i];
    v[i] = B2 * v[i] + (1 - B2) * g[i] * g[i];
    w[i] = Math.max(w[i], v[i]);
    x[i] -= LR * m[i] / (Math.sqrt(w[i]) + EPS);
  }
}
function fusedAdamw(x: Float64Array, g: Float64Array, [m, v]: Float64Array[], t: number): void {
  const decay = 1 - LR * 1e-2, step = LR / (1 - B1 ** t), bc = Math.sqrt(1 - B2 ** t);
  for (let i = 0; i < x.length; i++) {
    x[i] *= decay;
    m[i] = B1 * m[i] + (1 - B1) * g[i];
    v[i] = B2 * v[i] + (1 - B2) * g[i] * g[i];
    x[i] -= step * m[i] / (Math.sqrt(v[i]) / bc + EPS);
  }
}
function fusedAdamax(x: Float64Array, g: Float64Array, [m, u]: Float64Array[], t: number): void {
  const step = LR / (1 - B1 ** t);
  for (let i = 0; i < x.length; i++) {
    m[i] = B1 * m[i] + (1 - B1) * g[i];
    u[i] = Math.max(B2 * u[i], Math.abs(g[i]) + EPS);
    x[i] -= step * m[i] / u[i];
  }
}
let nadamMuProduct = 1;
function fusedNadam(x: Float64Array, g: Float64Array, [m, v]: Float64Array[], t: number): void {
  if (t === 1) nadamMuProduct = 1;
  const psi = 4e-3, mu = B1 * (1 - 0.5 * 0.96 ** (t * psi)), muNext = B1 * (1 - 0.5 * 0.96 ** ((t + 1) * psi));
  nadamMuProduct *= mu;
  const gs = (LR * (1 - mu)) / (1 - nadamMuProduct), ms = (LR * muNext) / (1 - nadamMuProduct * muNext), bc2 = 1 - B2 ** t;
  for (let i = 0; i < x.length; i++) {
    m[i] = B1 * m[i] + (1 - B1) * g[i];
    v[i] = B2 * v[i] + (1 - B2) * g[i] * g[i];
    const d = Math.sqrt(v[i] / bc2) + EPS;
    x[i] -= gs * g[i] / d;
    x[i] -= ms * m[i] / d;
  }
}
function fusedRprop(x: Float64Array, g: Float64Array, [prev, delta]: Float64Array[]): void {
  for (let i = 0; i < x.length; i++) {
    const a = g[i] * prev[i];
    const f = a > 0 ? 1.2 : a < 0 ? 0.5 : 1;
    delta[i] = Math.min(Math.max(delta[i] * f, 1e-6), 50);
    const gi = a < 0 ? 0 : g[i];
    x[i] -= Math.sign(gi) * delta[i];
    prev[i] = gi;
  }
}

/** name → [lib hyperparameters matching the fused loop, fused loop, number of extra arrays, initial value of those arrays]. */
const ROWS: [string, object, Fused, number, number][] = [
  ["sgd", { lr: LR }, fusedSgd, 0, 0],
  ["momentum", { lr: LR, momentum: MU }, fusedMomentum, 1, 0],
  ["nesterov", { lr: LR, momentum: MU }, fusedNesterov, 1, 0],
  ["adagrad", { lr: LR }, fusedAdagrad, 1, 0],
  ["rmsprop", { lr: LR }, fusedRmsprop, 1, 0],
  ["adadelta", { lr: 1 }, fusedAdadelta, 2, 0],
  ["adam", { lr: LR }, fusedAdam, 2, 0],
  ["amsgrad", { lr: LR }, fusedAmsgrad, 3, 0],
  ["adamw", { lr: LR }, fusedAdamw, 2, 0],
  ["adamax", { lr: LR }, fusedAdamax, 2, 0],
  ["nadam", { lr: LR }, fusedNadam, 2, 0],
  ["momentumEwa", { lr: LR, beta: MU }, fusedMomentumEwa, 1, 0],
  ["nesterovLookahead", { lr: LR, momentum: MU }, fusedNesterovLookahead, 2, 0],
  ["adagradEpsInside", { lr: LR, eps: 1e-6 }, fusedAdagradEpsInside, 1, 0],
  ["adagradNoSqrt", { lr: LR }, fusedAdagradNoSqrt, 1, 0],
  ["amsgradReddi", { lr: LR }, fusedAmsgradReddi, 3, 0],
  ["rprop", { lr: 0.01 }, fusedRprop, 2, -1],
];

// ---------------------------------------------------------------------------
// Measurements.

/** ns per element per call of `fn`, one figure for each of `reps` repetitions of `steps` calls. */
function timeIt(fn: () => void, n: number, steps: number, reps = REPS): number[] {
  const out: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let s = 0; s < steps; s++) fn();
    out.push(((performance.now() - t0) * 1e6) / (steps * n));
  }
  return out;
}

function triad(a: Float64Array, b: Float64Array, c: Float64Array, s: number): void {
  for (let i = 0; i < a.length; i++) a[i] = b[i] + s * c[i];
}

function measureTriad(n: number): number {
  const a = new Float64Array(n), b = filled(n, 1, -1, 1), c = filled(n, 2, -1, 1), steps = stepsFor(n);
  timeIt(() => triad(a, b, c, 0.5), n, steps);
  return median(timeIt(() => triad(a, b, c, 0.5), n, steps));
}

function measurePair(name: string, hyper: object, fused: Fused, extra: number, init: number, n: number): { lib: number; fused: number } {
  const factory = (lib as unknown as Record<string, (o: object) => Optimizer<OptimizerState, object>>)[name]!;
  const opt = factory(hyper);
  const x1 = filled(n, 3, -1, 1), x2 = Float64Array.from(x1), g = filled(n, 4, -1, 1), look = new Float64Array(n);
  const state = opt.init(n);
  const buffers = Array.from({ length: extra }, () => new Float64Array(n));
  if (init < 0) buffers[1]!.fill(0.01); // rprop's initial step sizes
  let tf = 0;
  const libStep = opt.gradientPoint
    ? () => { opt.gradientPoint!(x1, state, look); opt.step(x1, g, state); }
    : () => opt.step(x1, g, state);
  const fusedStep = () => fused(x2, g, buffers, ++tf);
  const steps = stepsFor(n);
  const libTimes: number[] = [], fusedTimes: number[] = [];
  // warm-up, then interleave single repetitions
  timeIt(libStep, n, steps, 2);
  timeIt(fusedStep, n, steps, 2);
  for (let r = 0; r < REPS; r++) {
    libTimes.push(...timeIt(libStep, n, steps, 1));
    fusedTimes.push(...timeIt(fusedStep, n, steps, 1));
  }
  return { lib: median(libTimes), fused: median(fusedTimes) };
}

const TFJS: Record<string, () => tf.Optimizer> = {
  sgd: () => tf.train.sgd(LR),
  momentum: () => tf.train.momentum(LR, MU),
  adagrad: () => tf.train.adagrad(LR),
  rmsprop: () => tf.train.rmsprop(LR, 0.99, 0, EPS),
  adam: () => tf.train.adam(LR, B1, B2, EPS),
};

function measureTfjs(name: string, n: number): number {
  const make = TFJS[name];
  if (!make) return NaN;
  const opt = make();
  const x = tf.variable(tf.tensor1d(Float32Array.from(filled(n, 3, -1, 1))), true, `x_${name}_${n}`);
  const g = tf.tensor1d(Float32Array.from(filled(n, 4, -1, 1)));
  const reps = n >= 1e6 ? 3 : 5, steps = Math.max(1, Math.round(2e5 / n));
  const step = () => opt.applyGradients({ [x.name]: g });
  for (let s = 0; s < 2; s++) step();
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let s = 0; s < steps; s++) step();
    times.push(((performance.now() - t0) * 1e6) / (steps * n));
  }
  opt.dispose();
  x.dispose();
  g.dispose();
  return median(times);
}

const fmt = (v: number, w = 8, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : "—").padStart(w);

export async function run(): Promise<void> {
  await tf.setBackend("cpu");
  await tf.ready();
  console.log("ns per parameter per step (median of repetitions); lib/fused ≤ 1.2 and tfjs/lib ≥ 25 at n = 1e6 are the targets");
  console.log("tfjs: @tensorflow/tfjs-core + tfjs-backend-cpu 4.22.0, float32, tf.train.* applyGradients");
  console.log(`load average at start: ${loadavg().map((v) => v.toFixed(2)).join(", ")} (a shared machine makes single ratios noisy)\n`);
  const header = `${"optimizer".padEnd(18)}${"n".padStart(8)}${"lib".padStart(8)}${"fused".padStart(8)}${"lib/fused".padStart(10)}${"triad".padStart(8)}${"lib/triad".padStart(10)}${"tfjs".padStart(9)}${"tfjs/lib".padStart(9)}`;
  console.log(header);
  console.log("-".repeat(header.length));
  const ratios: number[] = [], tfRatios: string[] = [];
  for (const n of SIZES) {
    const floor = measureTriad(n);
    for (const [name, hyper, fused, extra, init] of ROWS) {
      const { lib: l, fused: f } = measurePair(name, hyper, fused, extra, init, n);
      const t = measureTfjs(name, n);
      if (n === 1e6) {
        ratios.push(l / f);
        if (Number.isFinite(t)) tfRatios.push(`${name} ${(t / l).toFixed(1)}×`);
      }
      console.log(
        `${name.padEnd(18)}${n.toExponential(0).padStart(8)}${fmt(l)}${fmt(f)}${fmt(l / f, 10)}${fmt(floor)}${fmt(l / floor, 10)}${fmt(t, 9, 1)}${fmt(t / l, 9, 1)}`
      );
    }
    console.log("");
  }
  const geo = Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / ratios.length);
  console.log(`n = 1e6: lib/fused geometric mean ${geo.toFixed(2)} (range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}); tfjs/lib ${tfRatios.join(", ")}`);
}
