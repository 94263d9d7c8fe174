/**
 * optax-style convergence table: every optimizer, with a reasonable learning
 * rate, gets near the minimum of a convex quadratic and of Rosenbrock. The
 * objectives are written inline (lib/objectives is tested separately).
 */
import { describe, expect, it } from "vitest";
import * as lib from "../../lib/optimizers/index.js";
import type { Optimizer, OptimizerState } from "../../lib/types.js";
import { runSteps } from "./helpers.js";

/** f(x) = ½(x₁² + 10 x₂²), minimum at 0. */
const quadratic = {
  x0: [3, -2],
  minimum: [0, 0],
  grad(x: Float64Array, g: Float64Array): void {
    g[0] = x[0]!;
    g[1] = 10 * x[1]!;
  },
};
/** f(x, y) = (1 − x)² + 100 (y − x²)², minimum at (1, 1). */
const rosenbrock = {
  x0: [-1.2, 1],
  minimum: [1, 1],
  grad(x: Float64Array, g: Float64Array): void {
    const a = x[0]!, b = x[1]!;
    g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
    g[1] = 200 * (b - a * a);
  },
};

type Row = [name: keyof typeof lib, quadratic: [hyper: object, steps: number, tol: number], rosenbrock: [hyper: object, steps: number, tol: number]];

// Tolerances are the distance to the minimum. Constant-step adaptive methods
// (RMSprop, Adam, NAdam) end up circling the minimum at a radius set by lr;
// Adadelta crawls along Rosenbrock's valley, so it only has to get within 0.1.
const table: Row[] = [
  ["sgd", [{ lr: 0.1 }, 2000, 1e-6], [{ lr: 1e-3 }, 20000, 1e-3]],
  ["momentum", [{ lr: 0.05 }, 2000, 1e-6], [{ lr: 2e-4 }, 20000, 1e-4]],
  ["nesterov", [{ lr: 0.05 }, 2000, 1e-6], [{ lr: 2e-4 }, 20000, 1e-4]],
  ["momentumEwa", [{ lr: 0.5 }, 2000, 1e-6], [{ lr: 2e-3 }, 20000, 1e-4]],
  ["nesterovLookahead", [{ lr: 0.05 }, 2000, 1e-6], [{ lr: 2e-4 }, 20000, 1e-4]],
  ["nesterovScheduled", [{ lr: 0.1 }, 2000, 1e-6], [{ lr: 1e-3 }, 20000, 1e-3]],
  ["adagrad", [{ lr: 0.5 }, 2000, 1e-6], [{ lr: 0.5 }, 20000, 1e-4]],
  ["adagradEpsInside", [{ lr: 0.5 }, 2000, 1e-6], [{ lr: 0.5 }, 20000, 1e-4]],
  ["adagradNoSqrt", [{ lr: 5 }, 10000, 1e-6], [{ lr: 50 }, 20000, 1e-3]],
  ["rmsprop", [{ lr: 1e-3 }, 10000, 1e-2], [{ lr: 1e-3 }, 20000, 1e-2]],
  ["adadelta", [{ lr: 0.2 }, 10000, 1e-6], [{ lr: 0.1 }, 20000, 0.1]],
  ["adam", [{ lr: 0.05 }, 2000, 1e-6], [{ lr: 0.02 }, 20000, 1e-2]],
  ["amsgrad", [{ lr: 0.05 }, 2000, 1e-6], [{ lr: 0.02 }, 20000, 1e-4]],
  ["amsgradReddi", [{ lr: 0.05 }, 2000, 1e-6], [{ lr: 0.02 }, 20000, 1e-4]],
  ["adamw", [{ lr: 0.05, weightDecay: 0 }, 2000, 1e-6], [{ lr: 0.02, weightDecay: 0 }, 20000, 1e-2]],
  ["adamax", [{ lr: 0.05 }, 2000, 1e-6], [{ lr: 0.02 }, 20000, 1e-3]],
  ["nadam", [{ lr: 0.05 }, 2000, 1e-6], [{ lr: 0.02 }, 20000, 1e-2]],
  ["rprop", [{}, 2000, 1e-5], [{}, 5000, 1e-2]],
];

describe("every optimizer converges", () => {
  it("the table has a row for every optimizer", () => {
    const factories = Object.entries(lib).filter(([, v]) => typeof v === "function" && v !== lib.optimizerInfo).map(([k]) => k);
    expect(table.map((r) => r[0]).sort()).toEqual(factories.sort());
  });
  for (const [name, q, r] of table) {
    const factory = lib[name] as unknown as (o: object) => Optimizer<OptimizerState, object>;
    it(`${name}(${JSON.stringify(q[0])}) reaches the minimum of ½(x₁² + 10x₂²) within ${q[2]} in ${q[1]} steps`, () => {
      const { x } = runSteps(factory(q[0]), quadratic.x0, quadratic.grad, q[1]);
      expect(Math.hypot(x[0]! - quadratic.minimum[0]!, x[1]! - quadratic.minimum[1]!)).toBeLessThan(q[2]);
    });
    it(`${name}(${JSON.stringify(r[0])}) reaches Rosenbrock's minimum (1, 1) within ${r[2]} in ${r[1]} steps`, () => {
      const { x } = runSteps(factory(r[0]), rosenbrock.x0, rosenbrock.grad, r[1]);
      expect(Math.hypot(x[0]! - 1, x[1]! - 1)).toBeLessThan(r[2]);
    });
  }
});
