/**
 * What every optimizer in this folder shares: reading and validating the
 * options object, resolving a learning rate (a number or a schedule of the
 * step) and checking the shapes handed to `step`. The update rules themselves
 * live one per file, each in a plain top-level loop over Float64Arrays.
 */
import type { LearningRate, OptimizerState, Schedule } from "../types.js";
import { rejectUnknownKeys, requireInRange, requireInteger } from "../validate.js";

/**
 * Merges `options` over `defaults` after rejecting keys that are not
 * hyperparameters of `owner`. An option explicitly set to `undefined` keeps its
 * default, so `adam({ lr: undefined })` is `adam()`.
 */
export function readOptions<H extends object>(owner: string, options: unknown, defaults: H): H {
  if (options === undefined) return { ...defaults };
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`${owner}: options must be an object of hyperparameters, got ${options === null ? "null" : Array.isArray(options) ? "an array" : typeof options}`);
  }
  rejectUnknownKeys(owner, options, Object.keys(defaults));
  const merged = { ...defaults } as Record<string, unknown>;
  for (const [key, value] of Object.entries(options)) if (value !== undefined) merged[key] = value;
  return merged as H;
}

/** Validates a learning rate: a finite number ≥ 0 or a schedule `(t) => number`. */
export function validateLr(owner: string, lr: unknown): LearningRate {
  if (typeof lr === "function") return lr as Schedule;
  if (lr === undefined) {
    throw new TypeError(`${owner}: lr is required: a finite number in [0, ∞) or a schedule (t) => number`);
  }
  if (typeof lr !== "number") {
    throw new TypeError(`${owner}: lr must be a finite number in [0, ∞) or a schedule (t) => number, got ${typeof lr === "string" ? JSON.stringify(lr) : lr === null ? "null" : Array.isArray(lr) ? "an array" : typeof lr}`);
  }
  return requireInRange(owner, "lr", lr, 0, Infinity);
}

/** A decay rate such as β₁, β₂, α or ρ: a number in [0, 1). */
export function validateRate(owner: string, name: string, value: unknown): number {
  return requireInRange(owner, name, value, 0, 1, { hiOpen: true });
}

/** A strictly positive ε. */
export function validateEps(owner: string, value: unknown, name = "eps"): number {
  return requireInRange(owner, name, value, 0, Infinity, { loOpen: true });
}

/** A number ≥ 0 (momentum, weight decay, lr decay, ...). */
export function validateNonNegative(owner: string, name: string, value: unknown): number {
  return requireInRange(owner, name, value, 0, Infinity);
}

/**
 * The learning rate at the 1-based step `t`. A schedule that returns a
 * negative or non-finite number is a RangeError naming the step.
 */
export function learningRate(owner: string, lr: LearningRate, t: number): number {
  if (typeof lr === "number") return lr;
  const value = lr(t);
  if (typeof value !== "number" || !(value >= 0) || value === Infinity) {
    throw new RangeError(`${owner}: the lr schedule returned ${typeof value === "number" ? String(value) : typeof value} at step ${t}; it must return a finite number in [0, ∞)`);
  }
  return value;
}

/** Validates the dimension given to `init`: an integer ≥ 1. */
export function initDim(owner: string, dim: unknown): number {
  return requireInteger(`${owner}.init`, "dim", dim, 1);
}

/** Throws a RangeError naming the mismatch when params, grad and state disagree on the dimension. */
export function checkStep(owner: string, params: Float64Array, grad: Float64Array, state: OptimizerState, method = "step", gradName = "grad"): void {
  if (params.length !== state.dim) {
    throw new RangeError(`${owner}.${method}: params has length ${params.length}, but state.dim is ${state.dim} (the state was made by init(${state.dim}))`);
  }
  if (grad.length !== params.length) {
    throw new RangeError(`${owner}.${method}: ${gradName} has length ${grad.length}, but params has length ${params.length}`);
  }
}
