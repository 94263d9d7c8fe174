import { describe, expect, it } from "vitest";
import { delayTolerantComparison, separated, speedupSweep, spread } from "../../lib/parallel/comparisons.js";
import { sparseLeastSquares } from "../../lib/parallel/problem.js";
import { simulate } from "../../lib/parallel/simulate.js";

describe("spread / separated", () => {
  it("median, min and max of per-seed values; a winner only outside the overlap", () => {
    expect(spread([3, 1, 2])).toEqual({ values: [3, 1, 2], median: 2, min: 1, max: 3 });
    expect(spread([4, 1]).median).toBe(2.5);
    expect(separated(spread([1, 2]), spread([3, 4]))).toBe("below");
    expect(separated(spread([3, 4]), spread([1, 2]))).toBe("above");
    expect(separated(spread([1, 3]), spread([2, 4]))).toBeNull();
    expect(() => spread([])).toThrow(/at least one/);
  });
});

describe("delayTolerantComparison", () => {
  const p = sparseLeastSquares({ n: 300, d: 60, k: 6, seed: 2 });
  const shared = { workers: 16, grads: 1500, delay: { kind: "straggler", p: 0.1, factor: 10 } as const };
  const methods = [
    { label: "plain", options: { algorithm: "hogwild" as const }, steps: [0.3, 1] },
    { label: "AR", options: { algorithm: "hogwild" as const, correction: "adaptive-revision" as const }, steps: [0.5, 1] },
  ];
  it("reports each method at the step with the best median, and its per-seed values are the simulator's", () => {
    const rows = delayTolerantComparison(p, shared, [0, 1, 2], methods);
    for (const r of rows) {
      expect(r.median).toBe(Math.min(...r.byStep.map((b) => b.median)));
      expect(r.byStep.find((b) => b.step === r.step)?.median).toBe(r.median);
    }
    const ar = rows[1];
    expect(ar.values[1]).toBe(simulate(p, { ...shared, algorithm: "hogwild", correction: "adaptive-revision", lr: ar.step, seed: 1 }).finalLoss);
  });
});

describe("speedupSweep", () => {
  it("one worker against itself has speedup 1; synchronous rounds with exponential delays are slower than Hogwild!", () => {
    const p = sparseLeastSquares({ n: 400, d: 200, k: 4, seed: 1 });
    const rows = speedupSweep(p, { lr: 1, grads: 6000, evalEvery: 100 }, [0, 1, 2], [1, 8]);
    expect(rows.filter((r) => r.P === 1 && r.algorithm === "hogwild")[0].values).toEqual([1, 1, 1]);
    const hog = rows.find((r) => r.P === 8 && r.algorithm === "hogwild")!;
    const sync = rows.find((r) => r.P === 8 && r.algorithm === "sync")!;
    expect(separated(sync, hog)).toBe("below");
  });
});
