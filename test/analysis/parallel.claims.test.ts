import { expect, test } from "vitest";
import { residual, sparseLeastSquares } from "../../lib/parallel/problem.js";
import { simulate } from "../../lib/parallel/simulate.js";

// Claims of src/parallel.md, one test per claim, titled by the sentence it protects.

test('"push η toward its sequential limit of 2" (parallel.md, Hogwild! section): one example\'s step multiplies its residual by 1 − η, and sequential SGD converges below 2 and diverges above', () => {
  const p = sparseLeastSquares({ n: 500, d: 200, k: 8, seed: 0 });
  // ‖a_i‖ = 1, so x ← x − η r a_i changes a_i·x − b_i by −η r: the residual becomes (1 − η) r.
  for (const eta of [0.5, 1, 1.9, 2.1]) {
    const x = Float64Array.from({ length: p.d }, (_, j) => Math.sin(j));
    const r = residual(p, 7, x);
    for (let m = 7 * p.k; m < 8 * p.k; ++m) x[p.cols[m]] -= eta * r * p.vals[m];
    expect(residual(p, 7, x)).toBeCloseTo((1 - eta) * r, 12);
  }
  for (const eta of [1.5, 1.9]) {
    const run = simulate(p, { algorithm: "hogwild", workers: 1, lr: eta, grads: 20000, seed: 1 });
    expect(run.finalLoss).toBeLessThan(1e-3 * run.curve[0].loss);
  }
  for (const eta of [2.1, 2.5]) {
    const run = simulate(p, { algorithm: "hogwild", workers: 1, lr: eta, grads: 20000, seed: 1 });
    expect(run.diverged || run.finalLoss > run.curve[0].loss).toBe(true);
  }
});
