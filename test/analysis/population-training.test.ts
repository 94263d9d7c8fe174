import { describe, expect, it } from "vitest";
import { denseDataset } from "../../lib/datasets.js";
import { random } from "../../lib/random.js";
import { comparePbtRandom, initialRates, populationBasedTraining, randomSearchEqualCompute } from "../../lib/analysis/population-training.js";

// A small noisy linear-regression task: y = 2x₁ − x₂ + 0.5 + noise.
function makeTask(n: number, seed: number) {
  const rng = random(seed);
  const X = new Float64Array(2 * n), y = new Float64Array(n);
  for (let i = 0; i < n; ++i) {
    X[2 * i] = rng.normal();
    X[2 * i + 1] = rng.normal();
    y[i] = 2 * X[2 * i] - X[2 * i + 1] + 0.5 + 0.3 * rng.normal();
  }
  return denseDataset(X, y, 2);
}
const task = { train: makeTask(200, 1), validation: makeTask(100, 2), test: makeTask(100, 3), batchSize: 10 };

describe("populationBasedTraining", () => {
  it("rejects bad options, naming the parameter and the range", () => {
    expect(() => populationBasedTraining(task, { population: 1, rounds: 3, seed: 0 })).toThrow(/population must be an integer ≥ 2, got 1/);
    expect(() => populationBasedTraining(task, { population: 4, rounds: 0, seed: 0 })).toThrow(/rounds must be an integer ≥ 1/);
    expect(() => populationBasedTraining(task, { population: 4, rounds: 2, fraction: 0.6, seed: 0 })).toThrow(/fraction must be in \(0, 0.5\]/);
    expect(() => populationBasedTraining(task, { population: 4, rounds: 2, logRange: [0, -1], seed: 0 })).toThrow(/logRange/);
  });

  it("with one round it is exactly random search (no exploit, same rates, same runs)", () => {
    const opts = { population: 6, rounds: 1, seed: 3 };
    const pbt = populationBasedTraining(task, opts);
    const rnd = randomSearchEqualCompute(task, opts);
    expect(pbt.history.map((h) => h[0].score)).toEqual(rnd.scores);
    expect(pbt.best).toBe(rnd.best);
    expect(pbt.bestTest).toBe(rnd.bestTest);
    expect(pbt.initialEtas).toEqual(initialRates(6, 3));
  });

  it("selects the final worker on validation and reports its loss on the separate test set", () => {
    const opts = { population: 6, rounds: 3, seed: 4 };
    const pbt = populationBasedTraining(task, opts);
    const rnd = randomSearchEqualCompute(task, opts);
    expect(pbt.best).toBe(Math.min(...pbt.history.map((h) => h[2].score)));
    expect(rnd.best).toBe(Math.min(...rnd.scores));
    // With the test set equal to the validation set, the reported loss is the selection score itself…
    const same = { ...task, test: task.validation };
    expect(populationBasedTraining(same, opts).bestTest).toBe(pbt.best);
    expect(randomSearchEqualCompute(same, opts).bestTest).toBe(rnd.best);
    // …and with a separate test set it is a different number, finite for a worker that did not diverge.
    expect(pbt.bestTest).not.toBe(pbt.best);
    expect(rnd.bestTest).not.toBe(rnd.best);
    expect(Number.isFinite(pbt.bestTest) && Number.isFinite(rnd.bestTest)).toBe(true);
  });

  it("each round the bottom ⌊0.2P⌋ copy a top worker's η, perturbed by ×0.8 or ×1.2; the others keep theirs", () => {
    const P = 10, R = 6;
    const run = populationBasedTraining(task, { population: P, rounds: R, seed: 5 });
    expect(run.epochs).toBe(P * R);
    for (let r = 0; r < R - 1; ++r) {
      const scores = run.history.map((h) => h[r].score);
      const order = scores.map((_, w) => w).sort((a, b) => scores[a] - scores[b] || a - b);
      const top = order.slice(0, 2), bottom = order.slice(P - 2);
      for (let w = 0; w < P; ++w) {
        const e = run.history[w][r];
        if (bottom.includes(w)) {
          expect(top).toContain(e.copiedFrom);
          const ratio = run.history[w][r + 1].eta / run.history[e.copiedFrom][r].eta;
          expect([0.8, 1.2].some((m) => Math.abs(ratio - m) < 1e-12)).toBe(true);
        } else {
          expect(e.copiedFrom).toBe(-1);
          expect(run.history[w][r + 1].eta).toBe(e.eta);
        }
      }
    }
    expect(run.history.every((h) => h[R - 1].copiedFrom === -1)).toBe(true);
  });

  it("a worker that copied a better one ends the next round below its own loss before the copy", () => {
    // After copying, a worker's loss after the next round is near the donor's, not its own old loss.
    const run = populationBasedTraining(task, { population: 5, rounds: 4, logRange: [-4, -0.5], seed: 2 });
    for (let r = 0; r < 3; ++r) {
      for (const h of run.history) {
        const e = h[r];
        if (e.copiedFrom >= 0 && Number.isFinite(run.history[e.copiedFrom][r].score)) {
          expect(h[r + 1].score).toBeLessThan(e.score);
        }
      }
    }
  });

  it("diverged workers score Infinity and are replaced", () => {
    const run = populationBasedTraining(task, { population: 5, rounds: 3, logRange: [0.5, 1], seed: 0 });
    // η ≥ 3 on standardized inputs diverges for every worker; nothing finite to copy, all stay Infinity.
    expect(run.history.every((h) => h.every((e) => e.score === Infinity))).toBe(true);
    // With some diverged: every diverged worker is in the bottom, so when at most ⌊0.2P⌋ diverged, all of them copy.
    let sawDiverged = 0;
    for (const seed of [0, 1, 2, 3]) {
      const mixed = populationBasedTraining(task, { population: 10, rounds: 3, logRange: [-2, 1], seed });
      for (let r = 0; r < 2; ++r) {
        const dead = mixed.history.filter((h) => h[r].score === Infinity);
        sawDiverged += dead.length;
        if (dead.length <= 2) for (const h of dead) expect(h[r].copiedFrom).toBeGreaterThanOrEqual(0);
      }
    }
    expect(sawDiverged).toBeGreaterThan(0);
  });
});

describe("comparePbtRandom", () => {
  it("summarizes several seeds with median, range and a verdict that needs separated ranges", () => {
    const c = comparePbtRandom(task, { population: 6, rounds: 3 }, [0, 1, 2]);
    expect(c.pbt).toHaveLength(3);
    expect(c.summary.pbt.median).toBe([...c.pbt].sort((a, b) => a - b)[1]);
    expect(c.summary.random.min).toBe(Math.min(...c.random));
    const separated = c.summary.pbt.max < c.summary.random.min ? "pbt" : c.summary.random.max < c.summary.pbt.min ? "random" : "overlap";
    expect(c.verdict).toBe(separated);
    expect(c.pbtWins).toBe(c.pbt.filter((v, i) => v < c.random[i]).length);
    // The compared numbers are test losses; the selection scores are kept apart.
    expect(c.pbt[0]).toBe(populationBasedTraining(task, { population: 6, rounds: 3, seed: 0 }).bestTest);
    expect(c.validation.pbt[0]).toBe(populationBasedTraining(task, { population: 6, rounds: 3, seed: 0 }).best);
    expect(c.validation.pbtWins).toBe(c.validation.pbt.filter((v, i) => v < c.validation.random[i]).length);
  });
});
