/** Property tests over random convex quadratics and random gradient sequences (fast-check, seeded). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as lib from "../../lib/optimizers/index.js";
import { adagrad, adamax, amsgrad, amsgradReddi, momentum, rprop, sgd } from "../../lib/optimizers/index.js";
import type { Optimizer, OptimizerState } from "../../lib/types.js";

const params = { seed: 20240611, numRuns: 100 };

/** A random diagonal convex quadratic f(x) = ½ Σ a_i x_i² with a start point. */
const quadratic = fc.record({
  a: fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 1, maxLength: 6 }),
  seed: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 6, maxLength: 6 }),
}).map(({ a, seed }) => ({ a, x0: a.map((_, i) => (Math.abs(seed[i]!) < 1e-3 ? 0 : seed[i]!)) }))
  .filter(({ x0 }) => x0.some((v) => Math.abs(v) > 1e-3));

const value = (a: number[], x: Float64Array) => a.reduce((sum, ai, i) => sum + 0.5 * ai * x[i]! * x[i]!, 0);
const gradient = (a: number[], x: Float64Array, g: Float64Array) => a.forEach((ai, i) => (g[i] = ai * x[i]!));

/** Random gradient sequences: `steps` vectors of length `dim`. */
const sequences = fc.integer({ min: 1, max: 5 }).chain((dim) =>
  fc.array(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: dim, maxLength: dim }), { minLength: 1, maxLength: 40 })
);

describe("properties on random convex quadratics", () => {
  it("sgd({lr < 2/L}).step decreases the loss at every step", () => {
    fc.assert(
      fc.property(quadratic, ({ a, x0 }) => {
        const L = Math.max(...a), opt = sgd({ lr: 1 / L });
        const x = Float64Array.from(x0), g = new Float64Array(a.length), s = opt.init(a.length);
        let f = value(a, x);
        for (let t = 0; t < 50; t++) {
          gradient(a, x, g);
          opt.step(x, g, s);
          const next = value(a, x);
          if (!(next < f || (next === 0 && f === 0))) return false;
          f = next;
        }
        return true;
      }),
      params
    );
  });

  it("momentum({lr small}) ends lower than it starts and keeps its loss bounded by the start", () => {
    fc.assert(
      fc.property(quadratic, ({ a, x0 }) => {
        const L = Math.max(...a), opt = momentum({ lr: 0.01 / L, momentum: 0.5 });
        const x = Float64Array.from(x0), g = new Float64Array(a.length), s = opt.init(a.length);
        const f0 = value(a, x);
        for (let t = 0; t < 100; t++) {
          gradient(a, x, g);
          opt.step(x, g, s);
          if (value(a, x) > f0) return false;
        }
        return value(a, x) < f0;
      }),
      params
    );
  });

  it("every optimizer's first small step is a descent step", () => {
    const tiny: Record<string, object> = { rprop: { lr: 1e-7 }, adadelta: { lr: 1e-4 } };
    const factories = Object.entries(lib).filter(([k, v]) => typeof v === "function" && k !== "optimizerInfo") as [string, (o: object) => Optimizer<OptimizerState, object>][];
    fc.assert(
      fc.property(quadratic, ({ a, x0 }) => {
        const L = Math.max(...a);
        // adagradNoSqrt's first step is lr·g/g² = lr/g: small only if lr ≪ g².
        const g2 = Math.min(...a.map((ai, i) => (ai * x0[i]!) ** 2).filter((v) => v > 0));
        for (const [name, factory] of factories) {
          const opt = factory(tiny[name] ?? { lr: (name === "adagradNoSqrt" ? 1e-6 * g2 : 1e-6) / L });
          const x = Float64Array.from(x0), g = new Float64Array(a.length), point = new Float64Array(a.length), s = opt.init(a.length);
          const f0 = value(a, x);
          gradient(a, opt.gradientPoint ? opt.gradientPoint(x, s, point) : x, g);
          opt.step(x, g, s);
          if (!(value(a, x) < f0)) return false;
        }
        return true;
      }),
      { ...params, numRuns: 50 }
    );
  });
});

describe("accumulators are monotone where the math says so", () => {
  function check<S extends OptimizerState>(opt: Optimizer<S, object>, invariant: (before: S, after: S, g: number[]) => boolean) {
    fc.assert(
      fc.property(sequences, (seq) => {
        const dim = seq[0]!.length, x = new Float64Array(dim), s = opt.init(dim);
        for (const g of seq) {
          const before = structuredClone(s);
          opt.step(x, Float64Array.from(g), s);
          if (!invariant(before, s, g)) return false;
        }
        return true;
      }),
      params
    );
  }
  const every = (n: number, f: (i: number) => boolean) => Array.from({ length: n }, (_, i) => f(i)).every(Boolean);

  it("adagrad().step never decreases s, and adds exactly g²", () => {
    check(adagrad(), (b, a, g) => every(g.length, (i) => a.s[i]! >= b.s[i]! && a.s[i] === b.s[i]! + g[i]! * g[i]!));
  });
  it("amsgrad().step never decreases vMax, and vMax ≥ v", () => {
    check(amsgrad(), (b, a) => every(a.dim, (i) => a.vMax[i]! >= b.vMax[i]! && a.vMax[i]! >= a.v[i]!));
  });
  it("amsgradReddi().step never decreases vHat, and vHat ≥ v", () => {
    check(amsgradReddi(), (b, a) => every(a.dim, (i) => a.vHat[i]! >= b.vHat[i]! && a.vHat[i]! >= a.v[i]!));
  });
  it("adamax().step keeps u ≥ β₂·u_prev and u ≥ |g| + ε", () => {
    const opt = adamax({ beta2: 0.9 });
    check(opt, (b, a, g) => every(g.length, (i) => a.u[i]! >= 0.9 * b.u[i]! && a.u[i]! >= Math.abs(g[i]!) + 1e-8));
  });
  it("rprop().step keeps every step size within [stepMin, stepMax]", () => {
    check(rprop({ lr: 0.5, stepMin: 1e-3, stepMax: 2 }), (_, a) => every(a.dim, (i) => a.stepSize[i]! >= 1e-3 && a.stepSize[i]! <= 2));
  });
});

describe("state", () => {
  it("init(dim) returns t = 0, the dimension and zeroed buffers; step advances t by one", () => {
    for (const [name, factory] of Object.entries(lib)) {
      if (typeof factory !== "function" || name === "optimizerInfo") continue;
      const opt = (factory as (o: object) => Optimizer<OptimizerState, object>)({ lr: 0.1 });
      const s = opt.init(3);
      expect(s.t, name).toBe(0);
      expect(s.dim, name).toBe(3);
      opt.step(new Float64Array(3), Float64Array.of(1, 2, 3), s);
      opt.step(new Float64Array(3), Float64Array.of(1, 2, 3), s);
      expect(s.t, name).toBe(2);
    }
  });
});
