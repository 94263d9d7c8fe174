/**
 * Adapters turn what a reader's code returns into plain data a chart can
 * draw, and reject a result of the wrong shape with a message that says what
 * was expected. They run in the sandbox worker (and in Node for tests), next
 * to the library, because functions (a schedule, an optimizer's `step`)
 * cannot leave the worker.
 *
 * - `data`: any plain, structured-cloneable value.
 * - `schedule`: a function `(t) => lr`, sampled at t = 1 … params.steps.
 * - `optimizer`: an object `{init, step}` (the library's contract), run with
 *   `minimize` on each surface in params.surfaces, beside the library
 *   optimizers in params.compare.
 * - `objective`: a 2-D objective (or the spec `objective()` takes), sampled on
 *   a grid for contours and run with the optimizers in params.compare.
 * (The playground's adapter is in playground.ts; `adapt` in adapt.ts picks one by name.)
 */
import { SURFACES } from "../../../lib/objectives/index.js";
import { objective as makeObjective } from "../../../lib/objectives/objective.js";
import { optimizerInfo } from "../../../lib/optimizers/registry.js";
import { minimize, type Trajectory } from "../../../lib/run.js";
import type { Objective, Optimizer, OptimizerState } from "../../../lib/types.js";
import { sampleGrid } from "../../surface-grid.js";

/** A result of the wrong shape: the message tells the reader what to return instead. */
export class ShapeError extends Error {
  override name = "ShapeError";
}

export interface Run {
  surface: string;
  label: string;
  trajectory: Trajectory;
}

export interface CompareSpec {
  /** A library optimizer's name in the registry ("sgd", "adam", …). */
  name: string;
  hyper?: Record<string, number | boolean>;
  label?: string;
}

const MAX_STEPS = 20_000;

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "function") return "a function";
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

function requireReturned(value: unknown, expected: string): void {
  if (value === undefined) throw new ShapeError(`The code returned nothing. End it with \`return\` followed by ${expected}.`);
}

function stepsParam(params: Record<string, unknown>, fallback: number): number {
  const steps = params.steps ?? fallback;
  if (typeof steps !== "number" || !Number.isInteger(steps) || steps < 1 || steps > MAX_STEPS) {
    throw new RangeError(`params.steps must be an integer in [1, ${MAX_STEPS}], got ${String(steps)}`);
  }
  return steps;
}

export function adaptData(value: unknown): unknown {
  requireReturned(value, "the data to plot");
  try {
    return structuredClone(value);
  } catch {
    throw new ShapeError(`The code returned ${describe(value)} that is not plain data (numbers, strings, arrays and objects of them). Did you return a function instead of calling it?`);
  }
}

export function adaptSchedule(value: unknown, params: Record<string, unknown>): { values: Float64Array } {
  requireReturned(value, "a schedule, a function (t) => learning rate");
  if (typeof value !== "function") throw new ShapeError(`A schedule must be a function (t) => learning rate; the code returned ${describe(value)}.`);
  const steps = stepsParam(params, 100);
  const values = new Float64Array(steps);
  for (let t = 1; t <= steps; ++t) {
    const lr = (value as (t: number) => unknown)(t);
    if (typeof lr !== "number" || !Number.isFinite(lr) || lr < 0) {
      throw new ShapeError(`The schedule must return a finite number ≥ 0 at every step; at t = ${t} it returned ${describe(lr)}.`);
    }
    values[t - 1] = lr;
  }
  return { values };
}

/** Wraps a reader's `{init, step}` object in the library's Optimizer contract, or throws a ShapeError. */
export function asOptimizer(value: unknown): Optimizer<OptimizerState, Record<string, unknown>> {
  requireReturned(value, "an optimizer: an object with init(dim) and step(params, grad, state)");
  const o = value as Partial<Optimizer>;
  if (value === null || typeof value !== "object" || typeof o.init !== "function" || typeof o.step !== "function") {
    throw new ShapeError(`An optimizer is an object with two functions, init(dim) → state and step(params, grad, state); the code returned ${describe(value)}${value && typeof value === "object" ? ` with keys ${Object.keys(value).join(", ") || "(none)"}` : ""}.`);
  }
  const optimizer = {
    name: typeof o.name === "string" ? o.name : "your optimizer",
    hyper: (o.hyper ?? {}) as Record<string, unknown>,
    init: (dim: number) => {
      const state = o.init!(dim) as OptimizerState;
      if (state === null || typeof state !== "object") throw new ShapeError(`init(${dim}) must return a state object, got ${describe(state)}.`);
      return state;
    },
    step: (p: Float64Array, g: Float64Array, s: OptimizerState) => o.step!(p, g, s),
    with() {
      throw new ShapeError("minimize's `schedule` option is not available for your own optimizer: put the schedule in your step.");
    },
  };
  return optimizer as Optimizer<OptimizerState, Record<string, unknown>>;
}

function surfaceByName(name: unknown): { objective: Objective; start: readonly number[] } {
  const surface = SURFACES.find((s) => s.objective.name === name);
  if (!surface) throw new RangeError(`unknown surface ${JSON.stringify(name)}; known: ${SURFACES.map((s) => s.objective.name).join(", ")}`);
  return surface;
}

/** Runs the library optimizers in `compare` on `objective` from `start`. */
export function compareRuns(objective: Objective, start: readonly number[], steps: number, compare: unknown, surface: string): Run[] {
  if (compare === undefined) return [];
  if (!Array.isArray(compare)) throw new TypeError("params.compare must be an array of {name, hyper, label}");
  return (compare as CompareSpec[]).map((spec) => {
    const info = optimizerInfo(spec.name);
    const optimizer = info.factory(spec.hyper ?? {});
    return { surface, label: spec.label ?? info.name, trajectory: minimize(objective, optimizer, start, { steps }) };
  });
}

export function adaptOptimizer(value: unknown, params: Record<string, unknown>): { runs: Run[] } {
  const optimizer = asOptimizer(value);
  const steps = stepsParam(params, 200);
  const surfaces = (params.surfaces as unknown[] | undefined) ?? ["ravine"];
  const runs: Run[] = [];
  for (const name of surfaces) {
    const { objective, start } = surfaceByName(name);
    const from = (params.start as number[] | undefined) ?? start;
    runs.push({ surface: objective.name, label: optimizer.name, trajectory: minimize(objective, optimizer, from, { steps }) });
    runs.push(...compareRuns(objective, from, steps, params.compare, objective.name));
  }
  return { runs };
}

export interface ObjectiveResult {
  name: string;
  domain: [number, number][];
  minima: number[][];
  grid: { nx: number; ny: number; values: Float64Array };
  runs: Run[];
}

export function adaptObjective(value: unknown, params: Record<string, unknown>): ObjectiveResult {
  requireReturned(value, "an objective: {name, dim, value(x), grad(x, out), domain}");
  if (value === null || typeof value !== "object") throw new ShapeError(`An objective is an object {name, dim: 2, value(x), grad(x, out), domain}; the code returned ${describe(value)}.`);
  let f: Objective;
  try {
    f = makeObjective(value as Parameters<typeof makeObjective>[0]);
  } catch (error) {
    throw new ShapeError((error as Error).message);
  }
  if (f.dim !== 2) throw new ShapeError(`This cell draws contours, so the objective must have dim 2; it has dim ${f.dim}.`);
  const [xr, yr] = f.domain as [readonly [number, number], readonly [number, number]];
  const { nx, ny, values } = sampleGrid((point) => f.value(point, 1), xr, yr, 120, 90);
  const steps = stepsParam(params, 100);
  const start = (params.start as number[] | undefined) ?? [xr[0] + 0.8 * (xr[1] - xr[0]), yr[0] + 0.8 * (yr[1] - yr[0])];
  return {
    name: f.name,
    domain: [Array.from(xr) as [number, number], Array.from(yr) as [number, number]],
    minima: f.minima.map((m) => Array.from(m)),
    grid: { nx, ny, values },
    runs: compareRuns(f, start, steps, params.compare, f.name),
  };
}
