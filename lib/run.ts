/**
 * The runner: `minimize(objective, optimizer, x0, { steps })` runs an optimizer
 * on a test function and returns its whole trajectory in flat Float64Arrays,
 * ready for a chart. It is the inner loop of the arena page (10 optimizers ×
 * 500 steps per animation frame), so it allocates everything once, up front,
 * and nothing per step.
 *
 * Layout of a `Trajectory` with `steps` steps taken in `dim` dimensions:
 * - `x`: (steps + 1) × dim, row-major; row i is the position after i steps (row 0 is x0).
 * - `loss[i]`, `gradNorm[i]`: f and ‖∇f‖₂ at row i. For an online objective the
 *   function at row i is f_{i+1}, the one whose gradient the next step uses.
 * - `effectiveLr`: steps × dim; row i − 1 is −(x_i − x_{i−1}) / g for the gradient g
 *   that step i used, per coordinate (NaN where g is 0). For plain SGD every entry is lr.
 * - `state[name]`: steps × length, row i − 1 a copy of the optimizer's buffer after step i.
 *
 * Divergence: a run stops at the first step i whose loss or position is NaN or
 * ±∞, or whose |loss| exceeds `divergeAbove` (default 1e12, absolute). It
 * reports `diverged: true`, `divergedAt: i` and a `reason`, and keeps only rows
 * whose numbers are all finite: the row of a step that exceeded the threshold
 * with finite numbers is kept (steps = i), a non-finite one is dropped
 * (steps = i − 1). Row 0 is always kept, so a result is never empty.
 */
import type { Objective, Optimizer, OptimizerState, Schedule } from "./types.js";
import { rejectUnknownKeys, requireFunction, requireInRange, requireInteger, requireSameLength } from "./validate.js";

/** Any optimizer; one with `gradientPoint` (look-ahead Nesterov) gets its gradient evaluated at that point. */
type MaybeLookAhead = Optimizer<OptimizerState, Record<string, unknown>>;

export interface MinimizeOptions {
  /** The number of steps to take, an integer in [0, 1e7]. */
  steps: number;
  /** Overrides the optimizer's learning rate: the run uses `optimizer.with({ lr: schedule })`. */
  schedule?: Schedule;
  /** Applied to the parameters, in place, after every step (e.g. `projectBox(-1, 1)`). Not applied to x0. */
  project?: (params: Float64Array) => void;
  /** Copy the optimizer's Float64Array state buffers after every step: `true` for all, or a list of names. */
  record?: boolean | readonly string[];
  /** A run whose |loss| exceeds this has diverged. Default 1e12; `Infinity` turns the test off. */
  divergeAbove?: number;
}

export interface Trajectory {
  readonly dim: number;
  /** The number of steps taken (and kept): `x` has steps + 1 rows. */
  readonly steps: number;
  readonly x: Float64Array;
  readonly loss: Float64Array;
  readonly gradNorm: Float64Array;
  readonly effectiveLr: Float64Array;
  readonly state?: Record<string, Float64Array>;
  readonly diverged: boolean;
  readonly divergedAt: number | null;
  readonly reason?: string;
}

export const DEFAULT_DIVERGE_ABOVE = 1e12;
const MAX_STEPS = 1e7;
const OPTIONS = ["steps", "schedule", "project", "record", "divergeAbove"];

/** Reads x0 into a fresh Float64Array, checking its length and that every entry is finite. */
function readPoint(owner: string, x0: unknown, dim: number): Float64Array {
  if (x0 === null || typeof x0 !== "object" || typeof (x0 as ArrayLike<number>).length !== "number") {
    throw new TypeError(`${owner}: x0 must be an array or Float64Array of ${dim} numbers`);
  }
  const a = x0 as ArrayLike<unknown>;
  requireSameLength(owner, "x0", a.length, dim);
  const x = new Float64Array(dim);
  for (let i = 0; i < dim; ++i) {
    const v = a[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new RangeError(`${owner}: x0[${i}] must be a finite number, got ${typeof v === "number" ? String(v) : typeof v}`);
    }
    x[i] = v;
  }
  return x;
}

function checkObjective(owner: string, objective: unknown): Objective {
  const o = objective as Objective;
  if (o === null || typeof o !== "object" || typeof o.value !== "function" || typeof o.grad !== "function") {
    throw new TypeError(`${owner}: objective must be an Objective { name, dim, value, grad, domain, minima }`);
  }
  requireInteger(owner, "objective.dim", o.dim, 1);
  return o;
}

function checkOptimizer(owner: string, optimizer: unknown): MaybeLookAhead {
  const o = optimizer as MaybeLookAhead;
  if (o === null || typeof o !== "object" || typeof o.init !== "function" || typeof o.step !== "function") {
    throw new TypeError(`${owner}: optimizer must be an Optimizer { name, hyper, init, step, with }, e.g. sgd({ lr: 0.1 })`);
  }
  return o;
}

/** The names of the Float64Array buffers in an optimizer state. */
function stateBuffers(state: OptimizerState): string[] {
  return Object.keys(state).filter((k) => (state as unknown as Record<string, unknown>)[k] instanceof Float64Array);
}

/**
 * Runs `optimizer` on `objective` from `x0` for `options.steps` steps and
 * returns the trajectory (see the module comment for its layout). Never throws
 * on NaN: a diverging run stops and says so.
 *
 * @example
 * const traj = minimize(ravine(), sgd({ lr: 0.4 }), [-5, -2], { steps: 20 });
 * traj.x[2 * 20 + 1]; // x₂ after 20 steps = −2·(−0.6)²⁰
 */
export function minimize(
  objective: Objective,
  optimizer: Optimizer<any, any>,
  x0: ArrayLike<number>,
  options: MinimizeOptions
): Trajectory {
  const owner = "minimize";
  checkObjective(owner, objective);
  let opt = checkOptimizer(owner, optimizer);
  if (options === null || typeof options !== "object") {
    throw new TypeError(`${owner}: options must be an object { steps, schedule?, project?, record?, divergeAbove? }`);
  }
  rejectUnknownKeys(owner, options, OPTIONS);
  const dim = objective.dim;
  const params = readPoint(owner, x0, dim);
  const steps = requireInteger(owner, "steps", options.steps, 0, MAX_STEPS);
  if (options.schedule !== undefined) {
    requireFunction(owner, "schedule", options.schedule);
    if (typeof opt.with !== "function") throw new TypeError(`${owner}: a schedule needs optimizer.with({ lr }), which ${opt.name} lacks`);
    opt = opt.with({ lr: options.schedule }) as MaybeLookAhead;
  }
  const project = options.project === undefined ? undefined : requireFunction<(p: Float64Array) => void>(owner, "project", options.project);
  const divergeAbove =
    options.divergeAbove === undefined || options.divergeAbove === Infinity
      ? (options.divergeAbove ?? DEFAULT_DIVERGE_ABOVE)
      : requireInRange(owner, "divergeAbove", options.divergeAbove, 0, Infinity, { loOpen: true });

  const state = opt.init(dim);
  const stateRecord = state as unknown as Record<string, Float64Array>;
  let names: string[] = [];
  if (options.record === true) names = stateBuffers(state);
  else if (Array.isArray(options.record)) {
    const available = stateBuffers(state);
    for (const name of options.record) {
      if (!available.includes(name)) {
        throw new TypeError(`${owner}: record names ${JSON.stringify(name)}, which is not a Float64Array buffer of ${opt.name}'s state; its buffers are ${available.length ? available.join(", ") : "(none)"}`);
      }
    }
    names = [...options.record];
  } else if (options.record !== undefined && options.record !== false) {
    throw new TypeError(`${owner}: record must be true, false or a list of state buffer names`);
  }
  // The contract updates state buffers in place, so the references are read once.
  const buffers: Float64Array[] = names.map((name) => stateRecord[name]);
  const recorded: Float64Array[] = buffers.map((buffer) => new Float64Array(steps * buffer.length));

  const x = new Float64Array((steps + 1) * dim);
  const loss = new Float64Array(steps + 1);
  const gradNorm = new Float64Array(steps + 1);
  const effectiveLr = new Float64Array(steps * dim);
  const g = new Float64Array(dim);
  const gradientPoint = typeof opt.gradientPoint === "function" ? opt.gradientPoint.bind(opt) : undefined;
  const lookAt = gradientPoint ? new Float64Array(dim) : g;
  const gAtParams = gradientPoint ? new Float64Array(dim) : g;
  // `step` gets a copy of the gradient (the contract lets it overwrite it);
  // `g` itself stays as evaluated, for the effective learning rate below.
  const gStep = new Float64Array(dim);

  // Row 0.
  x.set(params, 0);
  objective.grad(params, gAtParams, 1);
  loss[0] = objective.value(params, 1);
  gradNorm[0] = euclidean(gAtParams);

  let taken = 0;
  let divergedAt: number | null = null;
  let reason: string | undefined;
  const firstProblem = problem(loss[0], gradNorm[0], divergeAbove);
  if (firstProblem) {
    divergedAt = 0;
    reason = `${firstProblem} at the start x0`;
  }

  for (let t = 1; t <= steps && divergedAt === null; ++t) {
    if (gradientPoint) objective.grad(gradientPoint(params, state, lookAt), g, t);
    gStep.set(g);
    opt.step(params, gStep, state);
    if (project) project(params);

    const row = t * dim, prev = row - dim;
    let finite = true;
    for (let i = 0; i < dim; ++i) {
      const p = params[i];
      if (p - p !== 0) finite = false;
      x[row + i] = p;
      effectiveLr[prev + i] = g[i] === 0 ? NaN : (x[prev + i] - p) / g[i];
    }
    for (let k = 0; k < buffers.length; ++k) {
      const buffer = buffers[k], into = recorded[k];
      const n = buffer.length, at = (t - 1) * n;
      for (let i = 0; i < n; ++i) into[at + i] = buffer[i];
    }
    if (!finite) {
      divergedAt = t;
      reason = `the position is not finite after step ${t}`;
      break;
    }

    const f = objective.value(params, t + 1);
    objective.grad(params, gAtParams, t + 1);
    loss[t] = f;
    gradNorm[t] = euclidean(gAtParams);
    const bad = problem(f, gradNorm[t], divergeAbove);
    if (bad) {
      divergedAt = t;
      reason = `${bad} after step ${t}`;
      if (Number.isFinite(f) && Number.isFinite(gradNorm[t])) taken = t;
      break;
    }
    taken = t;
  }

  const rows = taken + 1;
  const result: {
    -readonly [K in keyof Trajectory]: Trajectory[K];
  } = {
    dim,
    steps: taken,
    x: rows === steps + 1 ? x : x.subarray(0, rows * dim),
    loss: rows === steps + 1 ? loss : loss.subarray(0, rows),
    gradNorm: rows === steps + 1 ? gradNorm : gradNorm.subarray(0, rows),
    effectiveLr: taken === steps ? effectiveLr : effectiveLr.subarray(0, taken * dim),
    diverged: divergedAt !== null,
    divergedAt,
  };
  if (names.length > 0) {
    result.state = {};
    names.forEach((name, k) => {
      const length = stateRecord[name].length;
      result.state![name] = taken === steps ? recorded[k] : recorded[k].subarray(0, taken * length);
    });
  }
  if (reason !== undefined) result.reason = reason;
  return result;
}

/** ‖g‖₂, rescaled when the plain sum of squares overflows (a gradient of 1e200 has a finite norm). */
function euclidean(g: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < g.length; ++i) sum += g[i] * g[i];
  if (sum < Infinity) return Math.sqrt(sum);
  let scale = 0;
  for (let i = 0; i < g.length; ++i) scale = Math.max(scale, Math.abs(g[i]));
  if (!(scale < Infinity)) return scale; // ∞ or NaN
  sum = 0;
  for (let i = 0; i < g.length; ++i) sum += (g[i] / scale) * (g[i] / scale);
  return scale * Math.sqrt(sum);
}

/** Why a row ends the run, or "" when it does not. */
function problem(f: number, gNorm: number, divergeAbove: number): string {
  if (Number.isNaN(f)) return "the loss is NaN";
  if (!Number.isFinite(f)) return `the loss is ${f}`;
  if (Math.abs(f) > divergeAbove) return `|loss| = ${f} exceeds divergeAbove = ${divergeAbove}`;
  if (!Number.isFinite(gNorm)) return "the gradient is not finite";
  return "";
}

/** The position after `i` steps, a copy of row i of `traj.x`. */
export function positionAt(traj: Trajectory, i: number): Float64Array {
  requireInteger("positionAt", "i", i, 0, traj.steps);
  return traj.x.slice(i * traj.dim, (i + 1) * traj.dim);
}

/** One row per position: `{ step, x1, …, x_dim, loss, gradNorm }`, the shape Observable Plot wants. */
export function trajectoryRows(traj: Trajectory): Array<Record<string, number>> {
  const rows: Array<Record<string, number>> = [];
  for (let i = 0; i <= traj.steps; ++i) {
    const row: Record<string, number> = { step: i };
    for (let j = 0; j < traj.dim; ++j) row[`x${j + 1}`] = traj.x[i * traj.dim + j];
    row.loss = traj.loss[i];
    row.gradNorm = traj.gradNorm[i];
    rows.push(row);
  }
  return rows;
}

/**
 * The projection onto the box [lo, hi] (per coordinate when given arrays):
 * clamps each coordinate in place. Use as `minimize(..., { project: projectBox(-1, 1) })`.
 */
export function projectBox(lo: number | ArrayLike<number>, hi: number | ArrayLike<number>): (params: Float64Array) => void {
  const owner = "projectBox";
  const isNum = (v: unknown) => typeof v === "number";
  if (isNum(lo) && isNum(hi)) {
    const l = lo as number, h = hi as number;
    if (Number.isNaN(l) || Number.isNaN(h) || !(l <= h)) {
      throw new RangeError(`${owner}: lo must be ≤ hi (and neither NaN), got lo = ${l}, hi = ${h}`);
    }
    return (params) => {
      for (let i = 0; i < params.length; ++i) {
        const p = params[i];
        params[i] = p < l ? l : p > h ? h : p;
      }
    };
  }
  const n = isNum(lo) ? (hi as ArrayLike<number>).length : (lo as ArrayLike<number>).length;
  const los = Float64Array.from({ length: n }, (_, i) => (isNum(lo) ? (lo as number) : (lo as ArrayLike<number>)[i]));
  const his = Float64Array.from({ length: n }, (_, i) => (isNum(hi) ? (hi as number) : (hi as ArrayLike<number>)[i]));
  if (!isNum(lo)) requireSameLength(owner, "lo", (lo as ArrayLike<number>).length, n);
  if (!isNum(hi)) requireSameLength(owner, "hi", (hi as ArrayLike<number>).length, n);
  for (let i = 0; i < n; ++i) {
    if (Number.isNaN(los[i]) || Number.isNaN(his[i]) || !(los[i] <= his[i])) {
      throw new RangeError(`${owner}: lo[${i}] must be ≤ hi[${i}] (and neither NaN), got lo = ${los[i]}, hi = ${his[i]}`);
    }
  }
  return (params) => {
    if (params.length !== n) throw new RangeError(`${owner}: params has length ${params.length}, but the box has ${n} coordinates`);
    for (let i = 0; i < n; ++i) {
      const p = params[i];
      params[i] = p < los[i] ? los[i] : p > his[i] ? his[i] : p;
    }
  };
}
