/**
 * Builds an `Objective` from plain functions, for students and pages:
 *
 * ```ts
 * const bowl = objective({
 *   name: "bowl", dim: 2,
 *   value: (x) => x[0] ** 2 + 3 * x[1] ** 2,
 *   grad: (x) => [2 * x[0], 6 * x[1]],          // or write into `out` and return it
 *   domain: [[-2, 2], [-2, 2]], minima: [[0, 0]], minValue: 0,
 * });
 * ```
 *
 * `grad(x, out, t)` may write into `out` and return it (no allocation, the fast
 * way) or return a new array of length `dim`, which is copied into `out`. Both
 * functions are called once at construction, at the centre of the domain, so a
 * wrong shape fails here with a clear message rather than later inside a run.
 */
import type { Objective } from "../types.js";
import { rejectUnknownKeys, requireFunction, requireInteger, requireNumber, requireSameLength } from "../validate.js";

export interface ObjectiveSpec {
  name: string;
  dim: number;
  value: (x: Float64Array, t?: number) => number;
  grad: (x: Float64Array, out: Float64Array, t?: number) => ArrayLike<number> | void;
  hessian?: (x: Float64Array, out: Float64Array) => ArrayLike<number> | void;
  domain: ReadonlyArray<readonly [number, number]>;
  minima?: ReadonlyArray<ReadonlyArray<number>>;
  minValue?: number;
}

const KEYS = ["name", "dim", "value", "grad", "hessian", "domain", "minima", "minValue"];

/** Copies `result` into `out` unless the function wrote into `out` itself. */
function settle(owner: string, what: string, result: ArrayLike<number> | void, out: Float64Array): Float64Array {
  if (result === undefined || result === out) return out;
  if (result === null || typeof result !== "object" || typeof result.length !== "number") {
    throw new TypeError(`${owner}: ${what} must write into out or return an array of length ${out.length}, got ${result === null ? "null" : typeof result}`);
  }
  requireSameLength(owner, `the array returned by ${what}`, result.length, out.length);
  for (let i = 0; i < out.length; ++i) out[i] = result[i];
  return out;
}

export function objective(spec: ObjectiveSpec): Objective {
  const owner = "objective";
  if (spec === null || typeof spec !== "object") throw new TypeError(`${owner}: expected an object { name, dim, value, grad, domain }`);
  rejectUnknownKeys(owner, spec, KEYS);
  if (typeof spec.name !== "string" || spec.name.length === 0) {
    throw new TypeError(`${owner}: name must be a non-empty string, got ${typeof spec.name === "string" ? '""' : typeof spec.name}`);
  }
  const name = spec.name;
  const dim = requireInteger(owner, "dim", spec.dim, 1);
  const value = requireFunction<ObjectiveSpec["value"]>(owner, "value", spec.value);
  const grad = requireFunction<ObjectiveSpec["grad"]>(owner, "grad", spec.grad);
  const hessian = spec.hessian === undefined ? undefined : requireFunction<NonNullable<ObjectiveSpec["hessian"]>>(owner, "hessian", spec.hessian);
  if (!Array.isArray(spec.domain)) throw new TypeError(`${owner}: domain must be an array of ${dim} [lo, hi] intervals`);
  requireSameLength(owner, "domain", spec.domain.length, dim);
  const domain = spec.domain.map(([lo, hi], i) => {
    requireNumber(owner, `domain[${i}][0]`, lo);
    requireNumber(owner, `domain[${i}][1]`, hi);
    if (!(lo < hi)) throw new RangeError(`${owner}: domain[${i}] must be an interval [lo, hi] with lo < hi, got [${lo}, ${hi}]`);
    return [lo, hi] as const;
  });
  const minima = (spec.minima ?? []).map((point, k) => {
    requireSameLength(owner, `minima[${k}]`, point.length, dim);
    return Array.from(point, (v, i) => requireNumber(owner, `minima[${k}][${i}]`, v));
  });
  const minValue = spec.minValue === undefined ? undefined : requireNumber(owner, "minValue", spec.minValue);

  const result: Objective = {
    name,
    dim,
    value,
    grad: (x, out, t) => settle(name, "grad", grad(x, out, t), out),
    ...(hessian && { hessian: (x: Float64Array, out: Float64Array) => settle(name, "hessian", hessian(x, out), out) }),
    domain,
    minima,
    ...(minValue !== undefined && { minValue }),
  };

  // Try both functions once at the centre of the domain.
  const centre = Float64Array.from(domain, ([lo, hi]) => (lo + hi) / 2);
  const v = value(centre, 1);
  if (typeof v !== "number") throw new TypeError(`${owner}: value must return a number, got ${typeof v} at x = [${Array.from(centre).join(", ")}]`);
  result.grad(centre, new Float64Array(dim), 1);
  if (result.hessian) result.hessian(centre, new Float64Array(dim * dim));
  return result;
}
