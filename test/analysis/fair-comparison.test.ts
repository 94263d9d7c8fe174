import { describe, expect, it } from "vitest";
import { budgetCurve, chanceSeparated, defaultRatio, extremes, fairContender, goodSpan, leaderAndTies, runsToTune, separated, spread, trainPicks, trainSelected, validationSplit } from "../../lib/analysis/fair-comparison.js";
import type { ComparisonTask, Contender } from "../../lib/compare.js";
import { denseDataset } from "../../lib/datasets.js";
import { linearRegression } from "../../lib/models/linear-regression.js";
import { sgd } from "../../lib/optimizers/index.js";
import { random } from "../../lib/random.js";

function tinyTask(): ComparisonTask {
  const rng = random(3);
  const n = 80;
  const d = 3;
  const X = Float64Array.from({ length: n * d }, () => rng.normal());
  const y = Float64Array.from({ length: n }, (_, i) => X[i * d] - 2 * X[i * d + 1] + 0.3 * rng.normal());
  const data = denseDataset(X, y, d);
  const { fit: train, validation: test } = validationSplit(data, 0.25);
  return { name: "tiny", title: "tiny", model: linearRegression(d), train, test, epochs: 2, batchSize: 5 };
}

/** Every permutation of 0..n−1. */
function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
}

describe("budgetCurve(runs, initial)", () => {
  it("equals the best-of-N average over every order of the grid, diverged runs counting as the initial loss", () => {
    const runs = [
      { validationLoss: 0.5, testLoss: 0.6 },
      { validationLoss: 0.3, testLoss: 0.45 },
      { validationLoss: Infinity, testLoss: Infinity },
      { validationLoss: 0.4, testLoss: 0.4 },
      { validationLoss: 0.9, testLoss: 1.1 },
    ];
    const initial = 2;
    const perms = permutations(runs.length);
    const brute = runs.map((_, N1) => {
      let sum = 0;
      for (const order of perms) {
        const picked = order.slice(0, N1 + 1).map((i) => runs[i]);
        const best = picked.reduce((a, b) => (b.validationLoss < a.validationLoss ? b : a));
        sum += Number.isFinite(best.validationLoss) ? best.testLoss : initial;
      }
      return sum / perms.length;
    });
    const exact = budgetCurve(runs, initial);
    exact.forEach((v, i) => expect(v).toBeCloseTo(brute[i], 12));
    expect(exact.at(-1)).toBe(0.45);
  });
  it("caps a finite blow-up at the initial test loss, so it counts the same as a diverged run", () => {
    const blownUp = [
      { validationLoss: 0.3, testLoss: 0.45 },
      { validationLoss: 5e4, testLoss: 2.3e4 },
    ];
    const diverged = [
      { validationLoss: 0.3, testLoss: 0.45 },
      { validationLoss: Infinity, testLoss: Infinity },
    ];
    expect(budgetCurve(blownUp, 2)).toEqual(budgetCurve(diverged, 2));
    expect(budgetCurve(blownUp, 2)[0]).toBeCloseTo((0.45 + 2) / 2, 12);
  });
});

describe("goodSpan(r, tol)", () => {
  const profile = (medians: number[]) => {
    const ks = medians.map((_, i) => i - 2);
    return { ks, runs: ks.map((k, i) => ({ k, lr: 10 ** (k / 2), seed: 0, diverged: false, trainLoss: 0, validationLoss: medians[i], testLoss: 0 })) };
  };
  it("counts grid points, not decades: two adjacent points span half a decade, one point none", () => {
    expect(goodSpan(profile([3, 1.05, 1, 2, 3]))).toEqual({ points: 2, decades: 0.5, lo: -1, hi: 0 });
    expect(goodSpan(profile([3, 2, 1, 2, 3]))).toEqual({ points: 1, decades: 0, lo: 0, hi: 0 });
  });
  it("takes only the contiguous run around the best point", () => {
    // k = 2 is within 10 % but cut off from the best (k = −1) by k = 0, 1.
    expect(goodSpan(profile([1.08, 1, 2, 2, 1.05]))).toEqual({ points: 2, decades: 0.5, lo: -2, hi: -1 });
  });
});

describe("extremes(items, value)", () => {
  it("keeps every item tied at the minimum and the maximum", () => {
    const e = extremes(["a", "b", "c", "d"], (x) => ({ a: 5, b: 5, c: 6, d: 7 })[x]!);
    expect(e).toEqual({ lowest: ["a", "b"], highest: ["d"], min: 5, max: 7, allTied: false });
  });
  it("says when every item ties (no widest or narrowest to name)", () => {
    expect(extremes([1, 1, 1], (x) => x).allTied).toBe(true);
    expect(() => extremes([], (x: number) => x)).toThrow(/extremes/);
  });
});

describe("chanceSeparated(nSeeds)", () => {
  it("equals the share of orderings of two same-distribution samples whose ranges do not overlap", () => {
    for (const n of [1, 2, 3, 4]) {
      // Every way to deal ranks 0..2n−1 into a first sample of size n: count the separated deals.
      let separatedDeals = 0;
      let deals = 0;
      for (let mask = 0; mask < 1 << (2 * n); ++mask) {
        const a = [...Array(2 * n).keys()].filter((i) => mask & (1 << i));
        if (a.length !== n) continue;
        const b = [...Array(2 * n).keys()].filter((i) => !(mask & (1 << i)));
        deals += 1;
        if (Math.max(...a) < Math.min(...b) || Math.max(...b) < Math.min(...a)) separatedDeals += 1;
      }
      expect(chanceSeparated(n)).toBeCloseTo(separatedDeals / deals, 12);
    }
    expect(chanceSeparated(3)).toBeCloseTo(0.1, 12);
    expect(() => chanceSeparated(0)).toThrow(/nSeeds/);
  });
});

describe("spread, separated and leaderAndTies", () => {
  it("gives the median and range over seeds", () => {
    expect(spread([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(spread([4, 1, 2, 3]).median).toBe(2.5);
    expect(() => spread([])).toThrow(/spread/);
  });
  it("names a clear winner only when its range overlaps nobody's", () => {
    const a = { contender: "a", testLoss: { median: 1, min: 0.9, max: 1.1 } };
    const b = { contender: "b", testLoss: { median: 1.2, min: 1.05, max: 1.3 } };
    const c = { contender: "c", testLoss: { median: 2, min: 1.8, max: 2.2 } };
    expect(leaderAndTies([c, b, a])).toEqual({ leader: "a", tied: ["b"], clear: false });
    expect(leaderAndTies([a, c])).toEqual({ leader: "a", tied: [], clear: true });
    expect(separated(a.testLoss, c.testLoss)).toBe(true);
    expect(separated(a.testLoss, b.testLoss)).toBe(false);
  });
});

describe("fairContender(task, contender)", () => {
  const task = tinyTask();
  it("extends the grid until every seed's validation-selected η is interior", () => {
    // Centred far below any useful rate: the starting grid's top end wins, so it must grow upwards.
    const timid: Contender = { name: "sgd", label: "SGD", family: "sgd", lr0: 1e-3, make: (lr) => sgd({ lr }) };
    const r = fairContender(task, timid, { seeds: [0, 1, 2], halfDecades: 2 });
    expect(r.ks.at(-1)!).toBeGreaterThan(2);
    expect(r.interior).toBe(true);
    for (const s of r.selected) {
      expect(s.k).toBeGreaterThan(r.ks[0]);
      expect(s.k).toBeLessThan(r.ks.at(-1)!);
      const mine = r.runs.filter((x) => x.seed === s.seed);
      expect(Math.min(...mine.map((x) => x.validationLoss))).toBe(s.validationLoss);
    }
    expect(r.budget).toHaveLength(r.ks.length);
    expect(r.budget.at(-1)).toBeCloseTo(r.selected.reduce((a, s) => a + s.testLoss, 0) / 3, 12);
    expect(runsToTune(r)).toBeGreaterThanOrEqual(1);
    expect(goodSpan(r).points).toBeGreaterThanOrEqual(1);
    // Per seed, the training-selected run has the lowest training loss of that seed, never above the validation-selected one.
    trainPicks(r).forEach((p, j) => expect(p.trainLoss).toBeLessThanOrEqual(r.selected[j].trainLoss));
    expect(trainSelected(r).trainLoss).toBeLessThanOrEqual(spread(r.selected.map((s) => s.trainLoss)).median);
  });
  it("marks a run diverged and never selects it while another run finished", () => {
    const wild: Contender = { name: "sgd", label: "SGD", family: "sgd", lr0: 0.1, make: (lr) => sgd({ lr }) };
    const r = fairContender(task, wild, { seeds: [0, 1], halfDecades: 4, maxExtend: 0 });
    expect(r.runs.some((x) => x.diverged && x.validationLoss === Infinity)).toBe(true);
    expect(r.selected.every((s) => !s.diverged)).toBe(true);
    expect(defaultRatio(r)).toBeGreaterThanOrEqual(1);
  });
  it("rejects an empty seed list and a bad half-decade count by name", () => {
    const c: Contender = { name: "sgd", label: "SGD", family: "sgd", lr0: 0.1, make: (lr) => sgd({ lr }) };
    expect(() => fairContender(task, c, { seeds: [] })).toThrow(/seeds/);
    expect(() => fairContender(task, c, { halfDecades: -1 })).toThrow(/halfDecades/);
  });
});
