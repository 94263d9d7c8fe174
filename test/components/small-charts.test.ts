import { describe, expect, test } from "vitest";
import { stalenessStats, stalenessSummary } from "../../src/components/charts/staleness-histogram.js";
import { stepSizeSummary } from "../../src/components/charts/step-size-chart.js";

describe("stepSizeSummary(rows)", () => {
  test("gives each run's first and last step size", () => {
    const rows = [
      { label: "yours", step: 1, alpha: 0.5 },
      { label: "yours", step: 2, alpha: 0.25 },
      { label: "library", step: 1, alpha: 0.1 },
    ];
    expect(stepSizeSummary(rows)).toBe("yours: η at step 1 is 0.5, at step 2 0.25; library: η at step 1 is 0.1, at step 1 0.1.");
  });
  test("says so when there is nothing to show", () => {
    expect(stepSizeSummary([])).toBe("No run has a positive step size to show.");
  });
});

describe("stalenessStats(staleness), stalenessSummary(staleness)", () => {
  test("counts, mean and mode of an uncapped histogram", () => {
    // τ = 0: 2 updates, τ = 1: 5, τ = 2: 3, last bin (τ ≥ 3) empty → mean (0·2 + 1·5 + 2·3) / 10 = 1.1
    const s = Int32Array.from([2, 5, 3, 0]);
    expect(stalenessStats(s)).toEqual({ updates: 10, mean: 1.1, mode: 1, capped: false });
    expect(stalenessSummary(s)).toBe("10 updates; the most frequent staleness is τ = 1 (5 updates); mean τ 1.1.");
  });
  test("a full last bin makes the mean a lower bound and says what the bar gathers", () => {
    const s = Int32Array.from([1, 1, 2]);
    expect(stalenessSummary(s)).toBe("4 updates; the most frequent staleness is τ = 2 (2 updates); mean τ at least 1.25 (the last bar gathers τ ≥ 2: 2 updates).");
  });
});
