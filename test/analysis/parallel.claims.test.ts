import { expect, test } from "vitest";
import { residual, sparseLeastSquares } from "../../lib/parallel/problem.js";
import { simulate } from "../../lib/parallel/simulate.js";
import { timelineWindow } from "../../lib/parallel/timeline.js";
import { separated, speedupSweep, type SpeedupRow } from "../../lib/parallel/comparisons.js";
import type { DelayDistribution } from "../../lib/parallel/delays.js";

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

test('"Every dot of another worker that falls inside a bar is an update the gradient did not see … the stalest … — a straggler\'s long bar spans many short ones" (parallel.md, opening timeline): at every worker count and both delay settings', () => {
  const problem = sparseLeastSquares({ n: 200, d: 100, k: 4, seed: 0 });
  for (const straggler of [false, true]) {
    for (let P = 2; P <= 12; ++P) {
      // the page's hero cell
      const run = simulate(problem, { algorithm: "hogwild", workers: P, lr: 1, grads: 20 * P, seed: 0, log: 20 * P, delay: straggler ? { kind: "straggler", p: 0.1, factor: 10, spread: 0.5 } : { kind: "exponential" } });
      const hero = timelineWindow(run.events, 6 * P, P); // throws if the log misses a gradient in flight at the edge
      expect(new Set(run.events.map((e) => e.write)).size).toBe(run.events.length); // no two writes coincide: no dot sits on a bar's end
      for (const e of hero.events) {
        const dotsInside = run.events.filter((o) => o.worker !== e.worker && o.write > e.read && o.write < e.write).length;
        expect(e.staleness).toBe(dotsInside);
      }
      const w = hero.stalest;
      expect(w.staleness).toBe(Math.max(...hero.events.map((e) => e.staleness)));
      if (straggler) {
        // durations split cleanly into normal (≤ 0.79) and straggler (≥ 2.6), so the page's test "duration > 2" names a straggler
        for (const e of run.events) expect(e.write - e.read < 0.79 || e.write - e.read > 2.63).toBe(true);
        if (w.write - w.read > 2) {
          const shortInside = run.events.filter((o) => o.worker !== w.worker && o.read > w.read && o.write < w.write && o.write - o.read < 0.79).length;
          expect(shortInside).toBeGreaterThanOrEqual(5);
        }
      }
    }
  }
});

test('"Pick the \\"stragglers\\" distribution and, from 8 workers on, the synchronous curve drops further (at 2 workers it rises a little …); pick \\"constant\\" and it catches up with Hogwild!" (parallel.md, speedup sweep at the other controls\' defaults)', () => {
  const p = sparseLeastSquares({ n: 5000, d: 2000, k: 8, seed: 0 });
  const sweep = (delay: DelayDistribution) => speedupSweep(p, { lr: 1, grads: 15000, delay, latency: 0, evalEvery: 500 }, [0, 1, 2], [2, 8, 64]);
  const sync = (rows: SpeedupRow[], P: number) => rows.find((r) => r.P === P && r.algorithm === "sync")!;
  const exp = sweep({ kind: "exponential" });
  const strag = sweep({ kind: "straggler", p: 0.1, factor: 10 });
  expect(separated(sync(strag, 8), sync(exp, 8))).toBe("below");
  expect(separated(sync(strag, 64), sync(exp, 64))).toBe("below");
  expect(separated(sync(strag, 2), sync(exp, 2))).toBe("above");
  // E[max of two]: exponential 1 + 1/2 = 1.5; stragglers (0.526 w.p. 0.9, 5.26 w.p. 0.1) 0.81 × 0.526 + 0.19 × 5.26 ≈ 1.43
  expect(0.81 * (1 / 1.9) + 0.19 * (10 / 1.9)).toBeLessThan(1.5);
  const constant = speedupSweep(p, { lr: 1, grads: 15000, delay: { kind: "constant" }, latency: 0, evalEvery: 500 }, [0, 1, 2], [64]);
  expect(separated(constant[1], constant[0])).toBeNull(); // synchronous within the seed spread of Hogwild!
});
