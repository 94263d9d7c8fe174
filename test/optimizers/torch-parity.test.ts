/**
 * Trajectories against torch.optim in float64. The fixture comes from
 * scripts/torch-reference.py (see it for the problems and the NAdam fix); the
 * gradients here repeat its arithmetic operation for operation.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as lib from "../../lib/optimizers/index.js";
import type { Optimizer, OptimizerState } from "../../lib/types.js";
import { TORCH_PARITY_TOLERANCE } from "../../scripts/claims/torch-parity.js";

interface Case {
  optimizer: string;
  hyper: Record<string, unknown>;
  schedule?: { kind: "invsqrt" | "exponential"; lr0: number; gamma?: number };
  torch: string;
  problem: "quadratic" | "rosenbrock";
  steps: number;
  trajectory: { t: number; x: number[] }[];
}
const fixture = JSON.parse(readFileSync(new URL("../fixtures/torch-optim.json", import.meta.url), "utf8")) as {
  problems: Record<string, { x0: number[] }>;
  cases: Case[];
};

const A = [1.0, 0.1, 4.0, 0.5];
const B = [0.5, 1.0, 0.2, 2.0];
const grads = {
  quadratic(x: Float64Array, t: number, g: Float64Array): void {
    for (let i = 0; i < 4; i++) {
      const c = ((((7 * t + 3 * i) % 11) - 5) / 5);
      g[i] = A[i]! * x[i]! + B[i]! * c;
    }
    if (t % 5 === 0) g[3] = 0;
  },
  rosenbrock(x: Float64Array, _t: number, g: Float64Array): void {
    const a = x[0]!, b = x[1]!;
    g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
    g[1] = 200 * (b - a * a);
  },
};

function schedule(s: NonNullable<Case["schedule"]>): (t: number) => number {
  return s.kind === "invsqrt" ? (t) => s.lr0 / Math.sqrt(t) : (t) => s.lr0 * s.gamma! ** (t - 1);
}

/** The largest relative error |x − y| / max(|y|, 1e-3) over a trajectory. */
function run(c: Case): number {
  const factory = (lib as unknown as Record<string, (o: object) => Optimizer<OptimizerState, object>>)[c.optimizer]!;
  const opt = factory(c.schedule ? { ...c.hyper, lr: schedule(c.schedule) } : c.hyper);
  const x = Float64Array.from(fixture.problems[c.problem]!.x0);
  const g = new Float64Array(x.length);
  const state = opt.init(x.length);
  let worst = 0, k = 0;
  for (let t = 1; t <= c.steps; t++) {
    grads[c.problem](x, t, g);
    opt.step(x, g, state);
    const row = c.trajectory[k];
    if (row && row.t === t) {
      for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i]! - row.x[i]!) / Math.max(Math.abs(row.x[i]!), 1e-3));
      k++;
    }
  }
  expect(k).toBe(c.trajectory.length);
  return worst;
}

describe("optimizer(hyper).step(params, grad, state) matches torch.optim in float64", () => {
  it("covers every framework optimizer", () => {
    const covered = new Set(fixture.cases.map((c) => c.optimizer));
    for (const name of ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "amsgrad", "adamw", "adamax", "nadam", "rprop"]) {
      expect(covered, name).toContain(name);
    }
  });
  for (const c of fixture.cases) {
    const label = `${c.optimizer}(${JSON.stringify(c.hyper)}${c.schedule ? ` + ${c.schedule.kind} schedule` : ""}) on ${c.problem} matches ${c.torch.split("(")[0]}`;
    it(label, () => {
      expect(run(c)).toBeLessThan(TORCH_PARITY_TOLERANCE); // the reference page states this tolerance
    });
  }
});
