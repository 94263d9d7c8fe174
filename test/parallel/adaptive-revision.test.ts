import { describe, expect, it } from "vitest";
import { adaptiveRevisionState, adaptiveRevisionUpdate } from "../../lib/parallel/adaptive-revision.js";
import { problemLoss, residual, sparseLeastSquares } from "../../lib/parallel/problem.js";
import { simulate } from "../../lib/parallel/simulate.js";
import { random } from "../../lib/random.js";

describe("adaptiveRevisionUpdate(state, x, j, g, zRead)", () => {
  it("with no delay (zRead = z) is AdaGrad: x −= α g / (√Σg² + ε)", () => {
    const s = adaptiveRevisionState(1, 0.7);
    const x = new Float64Array(1);
    let ada = 0;
    let sum = 0;
    for (const g of [0.3, -1.2, 2.5, 0.01, -0.4]) {
      adaptiveRevisionUpdate(s, x, 0, g, s.z[0]);
      sum += g * g;
      ada -= (0.7 * g) / (Math.sqrt(sum) + 1e-10);
      expect(x[0]).toBeCloseTo(ada, 14);
    }
  });

  it("hand-checked: two gradients in flight together, the late one's step is revised", () => {
    // α = 1. Workers A and B both read x = 0 (z = 0). B's g = 2 arrives first:
    // z′ = 4, η = 1/2, x = −1. A's g = 1 arrives: g_bck = 2, η_old = 1/2,
    // z′ = 4 + 1 + 2·1·2 = 9, η = 1/3, step = −1/3 + (1/2 − 1/3)·2 = 0.
    const s = adaptiveRevisionState(1, 1);
    const x = new Float64Array(1);
    expect(adaptiveRevisionUpdate(s, x, 0, 2, 0)).toBeCloseTo(-1, 9);
    expect(adaptiveRevisionUpdate(s, x, 0, 1, 0)).toBeCloseTo(0, 9);
    expect(x[0]).toBeCloseTo(-1, 9);
    expect(s.zPrime[0]).toBe(9);
    // Opposite signs: g = −1 after g = 2, both read at z = 0: z′ = 4 + 1 − 4 = 1,
    // z′_max stays 4, η = η_old = 1/2, the step is −(1/2)(−1) = 1/2.
    const t = adaptiveRevisionState(1, 1);
    const y = new Float64Array(1);
    adaptiveRevisionUpdate(t, y, 0, 2, 0);
    expect(adaptiveRevisionUpdate(t, y, 0, -1, 0)).toBeCloseTo(0.5, 9);
    expect(t.zPrime[0]).toBe(1);
    expect(t.zMax[0]).toBe(4);
  });

  it("rejects bad settings by name", () => {
    expect(() => adaptiveRevisionState(0, 1)).toThrow(/d must be/);
    expect(() => adaptiveRevisionState(3, -1)).toThrow(/alpha must be/);
  });
});

describe("simulate with correction \"adaptive-revision\"", () => {
  const p = sparseLeastSquares({ n: 300, d: 60, k: 3, seed: 4 });

  it("with one worker is sequential AdaGrad, step by step", () => {
    const r = simulate(p, { algorithm: "hogwild", correction: "adaptive-revision", workers: 1, lr: 0.3, grads: 200, evalEvery: 200, seed: 5 });
    const a = simulate(p, { algorithm: "hogwild", correction: "adagrad", workers: 1, lr: 0.3, grads: 200, evalEvery: 200, seed: 5 });
    const x = new Float64Array(p.d);
    const sum = new Float64Array(p.d);
    const pick = random(5 * 7919 + 0 + 1);
    for (let s = 0; s < 200; ++s) {
      const i = pick.int(p.n);
      const res = residual(p, i, x);
      for (let m = i * p.k; m < (i + 1) * p.k; ++m) {
        const g = res * p.vals[m];
        sum[p.cols[m]] += g * g;
        x[p.cols[m]] -= (0.3 * g) / (Math.sqrt(sum[p.cols[m]]) + 1e-10);
      }
    }
    expect(r.finalLoss).toBeCloseTo(problemLoss(p, x), 12);
    expect(a.finalLoss).toBeCloseTo(problemLoss(p, x), 12);
  });

  it("with many workers differs from asynchronous AdaGrad (the revision acts) and converges", () => {
    const opts = { algorithm: "hogwild", workers: 16, lr: 0.3, grads: 6000, seed: 3 } as const;
    const r = simulate(p, { ...opts, correction: "adaptive-revision" });
    const a = simulate(p, { ...opts, correction: "adagrad" });
    expect(r.diverged).toBe(false);
    expect(r.finalLoss).toBeLessThan(0.1 * r.curve[0].loss);
    expect(Math.abs(r.finalLoss - a.finalLoss)).toBeGreaterThan(1e-6 * a.finalLoss);
  });

  it("logs reads and writes: each event's staleness counts the writes between them", () => {
    const r = simulate(p, { algorithm: "hogwild", workers: 4, lr: 0.3, grads: 200, seed: 1, log: 50 });
    expect(r.events).toHaveLength(50);
    r.events.forEach((e, i) => {
      expect(e.write).toBeGreaterThanOrEqual(e.read);
      const between = r.events.slice(0, i).filter((f) => f.write > e.read).length;
      expect(e.staleness).toBe(between);
    });
  });

  it("rejects an unknown correction by name", () => {
    expect(() => simulate(p, { algorithm: "hogwild", workers: 2, lr: 0.3, grads: 10, correction: "magic" as never })).toThrow(/correction must be/);
  });
});
