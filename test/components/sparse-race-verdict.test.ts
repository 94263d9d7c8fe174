import { describe, expect, test } from "vitest";
import { entryLabel, sparseRaceRows, sparseRaceYType, sparseVerdict } from "../../src/components/arena/sparse-race.js";
import { seedSpread } from "../../lib/analysis/seed-spread.js";
import type { RaceEntry, RaceResult } from "../../lib/analysis/sparse-race.js";

const run = (seed: number, test: number) => ({ seed, curve: [{ epoch: 0, train: Math.LN2, test: Math.LN2 }, { epoch: 3, train: test / 2, test }], diverged: !Number.isFinite(test), divergedAt: Number.isFinite(test) ? null : 0.5, train: test / 2, test });
const entry = (name: string, label: string, tests: number[], extra: Partial<RaceEntry> = {}): RaceEntry => ({
  name,
  label,
  runs: tests.map((t, i) => run(i, t)),
  train: seedSpread(tests.map((t) => t / 2)),
  test: seedSpread(tests),
  diverged: tests.filter((t) => !Number.isFinite(t)).length,
  ...extra,
});
const race = (...entries: RaceEntry[]): RaceResult => ({ task: "sentences", seeds: [0, 1, 2], fit: 1920, test: 600, epochs: 3, batchSize: 16, steps: 360, initial: { train: Math.LN2, test: Math.LN2 }, entries });

describe("sparseVerdict(race)", () => {
  test("names rank, and who is ahead, tied and behind by whether the ranges overlap", () => {
    const text = sparseVerdict(race(entry("yours", "mine", [0.5, 0.52, 0.55]), entry("sgd", "SGD", [0.6, 0.61, 0.62]), entry("adam", "Adam", [0.4, 0.41, 0.45]), entry("adagrad", "Adagrad", [0.53, 0.6, 0.7])));
    expect(text).toBe("Over 3 seeds your optimizer ends with a median test loss of 0.52 (range 0.5–0.55), rank 2 of 4 by median: ahead of SGD outside the noise (every seed of yours below every seed of theirs); within the noise of Adagrad (the ranges overlap); behind Adam outside the noise.");
  });
  test("first outside the noise against every rival", () => {
    const text = sparseVerdict(race(entry("yours", "mine", [0.3, 0.31, 0.32]), entry("sgd", "SGD", [0.6, 0.61, 0.62]), entry("adam", "Adam", [0.4, 0.41, 0.45])));
    expect(text).toMatch(/rank 1 of 3 by median: ahead of SGD and Adam outside the noise \(every seed of yours below every seed of each\)\.$/);
  });
  test("alone (no rivals picked): no rank, no comparison", () => {
    expect(sparseVerdict(race(entry("yours", "mine", [0.5, 0.5, 0.5])))).toBe("Over 3 seeds your optimizer ends with a median test loss of 0.5 (range 0.5–0.5).");
  });
  test("worse than the untrained model on the test loss but not the training loss: says the fit does not carry over", () => {
    const text = sparseVerdict(race(entry("yours", "mine", [0.7, 0.8, 0.9]), entry("sgd", "SGD", [0.5, 0.5, 0.5])));
    expect(text).toMatch(/behind SGD outside the noise\. That is worse than the untrained model's 0\.693 \(1\.15 times it\), although the training loss fell \(median 0\.4 against 0\.693\): what it fits does not carry to new sentences\.$/);
  });
  test("far worse than the untrained model on both losses (a blow-up short of divergence): says so and suggests a smaller η, never 'learnt nothing'", () => {
    const text = sparseVerdict(race(entry("yours", "mine", [603, 700, 966], { train: seedSpread([110, 150, 238]) })));
    expect(text).toBe("Over 3 seeds your optimizer ends with a median test loss of 700 (range 603–966). That is worse than the untrained model's 0.693 (1010 times it), on the training sentences too (median 150 against 0.693): the steps are most likely too large — try a smaller η.");
  });
  test("exactly the untrained loss: no better than it", () => {
    expect(sparseVerdict(race(entry("yours", "mine", [Math.LN2, Math.LN2, Math.LN2], { train: seedSpread([Math.LN2, Math.LN2, Math.LN2]) })))).toMatch(/That is no better than the untrained model's 0\.693\.$/);
  });
  test("diverged on some seeds: says how many, and the median in words when infinite", () => {
    const some = sparseVerdict(race(entry("yours", "mine", [0.5, Infinity, 0.6]), entry("sgd", "SGD", [0.5, 0.5, 0.5])));
    expect(some).toMatch(/^Your optimizer diverged on 1 of 3 seeds; counting those as an infinite loss, its median test loss is 0\.6, rank 2 of 2/);
    const most = sparseVerdict(race(entry("yours", "mine", [0.5, Infinity, Infinity]), entry("sgd", "SGD", [0.5, 0.5, 0.5])));
    expect(most).toMatch(/median test loss is infinite, rank 2 of 2/);
    expect(most).not.toMatch(/NaN|∞/);
  });
  test("diverged on every seed, or failed: not ranked, says why", () => {
    expect(sparseVerdict(race(entry("yours", "mine", [Infinity, Infinity, Infinity]), entry("sgd", "SGD", [0.5, 0.5, 0.5])))).toBe("Your optimizer diverged on all 3 seeds, so it is not ranked: try a smaller learning rate.");
    expect(sparseVerdict(race(entry("yours", "mine", [Infinity, Infinity, Infinity], { error: "x is not defined", runs: [], diverged: 0 })))).toBe("Your optimizer did not finish this race (x is not defined), so it is not ranked.");
  });
});

describe("entryLabel(entry, seeds) and sparseRaceRows(race, key)", () => {
  test("a rival shows its tuned η (per seed when they differ); a diverged or failed entrant says so", () => {
    expect(entryLabel(entry("adam", "Adam", [0.4, 0.4, 0.4], { lrs: [0.0316228, 0.0316228, 0.0316228] }), 3)).toBe("Adam, tuned η 0.0316");
    expect(entryLabel(entry("sgd", "SGD", [0.4, 0.4, 0.4], { lrs: [3.16228, 1, 3.16228] }), 3)).toBe("SGD, tuned η 3.16/1/3.16 by seed");
    expect(entryLabel(entry("yours", "mine", [0.4, Infinity, 0.4]), 3)).toBe("★ mine (diverged on 1 of 3 seeds)");
    expect(entryLabel(entry("yours", "mine", [Infinity, Infinity, Infinity], { error: "boom", runs: [], diverged: 0 }), 3)).toBe("★ mine (did not finish)");
  });
  test("rows hold the median and range per curve point and entry", () => {
    const rows = sparseRaceRows(race(entry("yours", "mine", [0.5, 0.52, 0.55])), "test");
    expect(rows).toEqual([
      { series: "★ mine", x: 0, median: Math.LN2, min: Math.LN2, max: Math.LN2 },
      { series: "★ mine", x: 3, median: 0.52, min: 0.5, max: 0.55 },
    ]);
  });
  test("sparseRaceYType: linear for ordinary losses, log once a finite loss exceeds ten times the untrained one (a diverged +∞ does not count)", () => {
    expect(sparseRaceYType(race(entry("yours", "mine", [0.5, 0.6, 0.7]), entry("sgd", "SGD", [0.5, 0.5, 0.5])))).toBe("linear");
    expect(sparseRaceYType(race(entry("yours", "mine", [Infinity, Infinity, 0.7])))).toBe("linear");
    expect(sparseRaceYType(race(entry("yours", "mine", [603, 700, 966]), entry("sgd", "SGD", [0.5, 0.5, 0.5])))).toBe("log");
    expect(sparseRaceYType(race(entry("yours", "mine", [6.9, 6.9, 6.94])))).toBe("log");
    expect(sparseRaceYType(race(entry("yours", "mine", [6.9, 6.9, 6.93])))).toBe("linear");
  });
});
