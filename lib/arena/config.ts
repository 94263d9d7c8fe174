/**
 * The arena's configuration: which surface, where the race starts, how many
 * steps, the target loss, and which optimizers race with which
 * hyperparameters. It is plain data (it round-trips through the URL hash, see
 * `hash.ts`), and everything here is pure: no DOM.
 *
 * Per-surface defaults. An optimizer's learning rate means different things in
 * different families, so the default is set per family and per surface:
 * - the gradient family (`sgd`, `momentum`, `nesterov`, `nesterovLookahead`,
 *   `momentumEwa`) moves by η·g, so η must be below 2/L for the curvature L the
 *   run meets; the default is a fraction of the largest stable η at the start;
 * - the normalized family (Adam and relatives, RMSprop, Adagrad, Rprop) moves
 *   each coordinate by about η per step whatever the gradient's size, so η is a
 *   length: a fixed fraction of the map's width;
 * - Adadelta keeps the paper's η = 1 (its point is to have no learning rate);
 * - Adagrad without the square root moves by η·g/Σg², so η has units of g and
 *   is set from the gradient at the start.
 * These are starting points, not tuned values: `tune.ts` finds the best η.
 */
import type { Objective } from "../types.js";
import { SURFACES, type Surface } from "../objectives/index.js";
import { optimizerInfo, optimizers, type HyperSpec, type OptimizerInfo, type OptimizerName } from "../optimizers/registry.js";
import { noisyObjective } from "./noise.js";

export type SurfaceName = "ravine" | "beale" | "saddle" | "rosenbrock" | "himmelblau" | "rastrigin";

/** One optimizer in the race: its registry name and every hyperparameter, by name. */
export interface RacerConfig {
  readonly name: OptimizerName;
  readonly hyper: Readonly<Record<string, number | boolean>>;
}

export interface ArenaConfig {
  readonly surface: SurfaceName;
  readonly start: readonly [number, number];
  /** Steps per run, an integer in [STEPS_MIN, STEPS_MAX]. */
  readonly steps: number;
  /** The target loss: a run "arrives" at the first step whose loss is ≤ target. */
  readonly target: number;
  /** The racers, each optimizer at most once, at most MAX_RACERS. */
  readonly racers: readonly RacerConfig[];
  /** The racer whose state the panel shows (null: the first). */
  readonly focus: OptimizerName | null;
  /** The step the playback shows, in [0, steps]. */
  readonly at: number;
  /** σ of the Gaussian noise added to every gradient coordinate, in [0, NOISE_MAX] (0: exact gradients; see `noise.ts`). */
  readonly noise: number;
  /** The seed of that noise, an integer in [0, SEED_MAX]: the same seed gives the same race. */
  readonly seed: number;
}

export const STEPS_MIN = 10;
export const STEPS_MAX = 2000;
export const MAX_RACERS = optimizers.length;

/** The surfaces, by name, with their recommended start and note (lib/objectives `SURFACES`). */
export const ARENA_SURFACES: ReadonlyMap<SurfaceName, Surface> = new Map(SURFACES.map((s) => [s.objective.name as SurfaceName, s]));

export const SURFACE_NAMES = [...ARENA_SURFACES.keys()];

/** Display names of the surfaces. */
export const SURFACE_TITLES: Readonly<Record<SurfaceName, string>> = {
  ravine: "Ill-conditioned quadratic 0.1x₁² + 2x₂²",
  beale: "Beale",
  saddle: "Saddle x² − y²",
  rosenbrock: "Rosenbrock",
  himmelblau: "Himmelblau",
  rastrigin: "Rastrigin",
};

/**
 * The default target loss per surface. With a known minimum f*, a gap
 * f − f* ≤ 10⁻³ (Rastrigin: 10⁻³ means the global minimum, which most runs
 * never find). The saddle is unbounded below: its target f ≤ −1 means "escaped".
 */
export const DEFAULT_TARGETS: Readonly<Record<SurfaceName, number>> = {
  ravine: 1e-3,
  beale: 1e-3,
  saddle: -1,
  rosenbrock: 1e-3,
  himmelblau: 1e-3,
  rastrigin: 1e-3,
};

/** Ruder's cast (SGD, momentum, NAG, Adagrad, Adadelta, RMSprop) plus Adam. */
export const DEFAULT_RACERS: readonly OptimizerName[] = ["sgd", "momentum", "nesterov", "adagrad", "adadelta", "rmsprop", "adam"];

export const DEFAULT_STEPS = 500;

export function surfaceOf(name: SurfaceName): Surface {
  const s = ARENA_SURFACES.get(name);
  if (!s) throw new TypeError(`arena: unknown surface ${JSON.stringify(name)}; known surfaces are ${SURFACE_NAMES.join(", ")}`);
  return s;
}

const GRADIENT_FAMILY = new Set<OptimizerName>(["sgd", "momentum", "nesterov", "nesterovLookahead", "momentumEwa"]);

/** The largest |eigenvalue| of the 2×2 Hessian at x (0 when the objective has none). */
export function curvatureAt(objective: Objective, x: readonly number[]): number {
  if (!objective.hessian || objective.dim !== 2) return 0;
  const h = objective.hessian(Float64Array.from(x), new Float64Array(4));
  const mean = (h[0] + h[3]) / 2;
  const radius = Math.hypot((h[0] - h[3]) / 2, h[1]);
  return Math.max(Math.abs(mean + radius), Math.abs(mean - radius));
}

/** The width of the surface's map (the longer side of its domain). */
function span(objective: Objective): number {
  return Math.max(...objective.domain.map(([lo, hi]) => hi - lo));
}

function clampToSpec(spec: HyperSpec, value: number): number {
  return Math.min(spec.max, Math.max(spec.min, value));
}

/** A number rounded to 2 significant digits, so defaults read well in a control. */
function round2(value: number): number {
  return Number(value.toPrecision(2));
}

/**
 * The default learning rate of `name` on `surface` from `start` (see the module
 * comment for the rule of each family), clamped to the control's range.
 */
export function defaultLr(surface: SurfaceName, name: OptimizerName, start: readonly number[] = surfaceOf(surface).start): number {
  const info = optimizerInfo(name);
  const spec = info.hyper.find((h) => h.name === "lr")!;
  const objective = surfaceOf(surface).objective;
  let lr: number;
  if (GRADIENT_FAMILY.has(name)) {
    // L: the largest curvature at the start or at any minimum. Gradient descent
    // is stable for η < 2/L; η = 1.6/L overshoots the stiff direction a little
    // (on the seeds' ravine it is their η = 0.4, factor 1 − 0.4·4 = −0.6).
    // Heavy ball with μ = 0.9 is stable for η < 2(1 + μ)/L, but its long-run
    // step along flat directions is η/(1 − μ): η = 0.5/L keeps both sane.
    const L = Math.max(curvatureAt(objective, start), ...objective.minima.map((m) => curvatureAt(objective, m)), 1e-3);
    lr = name === "sgd" ? 1.6 / L : 0.5 / L;
    if (name === "momentumEwa") lr /= 1 - (info.hyper.find((h) => h.name === "beta")!.default as number); // its step is η(1 − β)
  } else if (name === "adadelta") {
    lr = 1;
  } else if (name === "adagradNoSqrt") {
    const g = objective.grad(Float64Array.from(start), new Float64Array(objective.dim));
    lr = 0.05 * span(objective) * Math.max(Math.hypot(...g), 1e-3);
  } else if (name === "adagrad" || name === "adagradEpsInside") {
    lr = 0.05 * span(objective); // Adagrad's step shrinks like 1/√t, so it starts larger
  } else {
    lr = 0.01 * span(objective);
  }
  return clampToSpec(spec, round2(lr));
}

/** Every hyperparameter of `name` at its default, with the surface's default learning rate. */
export function defaultHyper(surface: SurfaceName, name: OptimizerName, start?: readonly number[]): Record<string, number | boolean> {
  const info = optimizerInfo(name);
  const hyper: Record<string, number | boolean> = {};
  for (const spec of info.hyper) hyper[spec.name] = spec.default;
  hyper.lr = defaultLr(surface, name, start);
  return hyper;
}

/** The arena's opening race: Beale from Ruder's start, his optimizers plus Adam. */
export function defaultConfig(surface: SurfaceName = "beale"): ArenaConfig {
  const s = surfaceOf(surface);
  return {
    surface,
    start: [s.start[0], s.start[1]],
    steps: DEFAULT_STEPS,
    target: DEFAULT_TARGETS[surface],
    racers: DEFAULT_RACERS.map((name) => ({ name, hyper: defaultHyper(surface, name) })),
    focus: null,
    at: DEFAULT_STEPS,
    noise: 0,
    seed: DEFAULT_SEED,
  };
}

/** The noise seed of a fresh race. */
export const DEFAULT_SEED = 1;

/** The objective the racers see: the surface's, with the configuration's gradient noise (if any). */
export function arenaObjective(config: Pick<ArenaConfig, "surface" | "noise" | "seed">): Objective {
  return noisyObjective(surfaceOf(config.surface).objective, config.noise, config.seed);
}

/**
 * The factory's options for a racer: every hyperparameter the registry
 * describes, booleans as booleans, integers as integers.
 */
export function optimizerOf(info: OptimizerInfo, hyper: Readonly<Record<string, number | boolean>>) {
  const options: Record<string, number | boolean> = {};
  for (const spec of info.hyper) {
    const value = hyper[spec.name] ?? spec.default;
    options[spec.name] = spec.boolean ? Boolean(value) : Number(value);
  }
  return info.factory(options);
}

/** The minimum value of the surface, or −∞ (the saddle). */
export function floorOf(objective: Objective): number {
  return objective.minValue ?? -Infinity;
}
