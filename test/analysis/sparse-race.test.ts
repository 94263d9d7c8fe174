import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { curveSpread, selectedRates, sparseRace, standing, type RaceEntrant } from "../../lib/analysis/sparse-race.js";
import { fairContender, validationSplit } from "../../lib/analysis/fair-comparison.js";
import { seedSpread } from "../../lib/analysis/seed-spread.js";
import { sentencesTask } from "../../lib/compare.js";
import { adagrad, sgd } from "../../lib/optimizers/index.js";
import { train } from "../../lib/train.js";

const sentences = JSON.parse(readFileSync(join(process.cwd(), "data", "sentences.json"), "utf8"));
const task = sentencesTask(sentences);
const entrant = (name: string, make: RaceEntrant["make"]): RaceEntrant => ({ name, label: name, make });

describe("sparseRace(task, entrants, options)", () => {
  test("a rival at the fair comparison's selected η ends at the test loss that comparison ranks (same split, seed and steps)", () => {
    const options = { seeds: [0, 1], halfDecades: 1, maxExtend: 3 };
    const fair = fairContender(task, { name: "sgd", label: "SGD", family: "sgd", lr0: 1, make: (lr) => sgd({ lr }) }, options);
    const lrs = selectedRates([fair], "sentences", "sgd", [0, 1]);
    expect(lrs).toEqual(fair.selected.map((s) => s.lr));
    const race = sparseRace(task, [{ ...entrant("sgd", (seed) => sgd({ lr: lrs[[0, 1].indexOf(seed)] })), lrs }], { seeds: [0, 1] });
    expect(race.entries[0].test.values).toEqual(fair.selected.map((s) => s.testLoss));
    expect(race.entries[0].train.values).toEqual(fair.selected.map((s) => s.trainLoss));
  });

  test("records the fit and test loss along the way; the first point is the untrained model's (ln 2 for zero weights)", () => {
    const race = sparseRace(task, [entrant("adagrad", () => adagrad({ lr: 0.3 }))], { seeds: [3], pointsPerEpoch: 4 });
    const { fit } = validationSplit(task.train, 0.2);
    expect(race.fit).toBe(fit.n);
    expect(race.steps).toBe(task.epochs * Math.ceil(fit.n / task.batchSize));
    expect(race.initial.train).toBeCloseTo(Math.LN2, 12);
    expect(race.initial.test).toBeCloseTo(Math.LN2, 12);
    const curve = race.entries[0].runs[0].curve;
    expect(curve[0]).toMatchObject({ epoch: 0 });
    expect(curve[0].train).toBeCloseTo(Math.LN2, 12);
    expect(curve.at(-1)!.epoch).toBe(task.epochs);
    expect(curve.length).toBe(task.epochs * 4 + 1);
    // The last point's test loss is the test loss of the trained parameters.
    const r = train(task.model, fit, adagrad({ lr: 0.3 }), { epochs: task.epochs, batchSize: task.batchSize, seed: 3, evalEvery: Infinity });
    expect(curve.at(-1)!.test).toBe(task.model.loss(r.params, task.test));
    expect(race.entries[0].diverged).toBe(0);
  });

  test("a diverging entrant says so and its final loss counts as +∞; the others are unaffected", () => {
    const race = sparseRace(task, [entrant("wild", () => sgd({ lr: 1e9 })), entrant("calm", () => sgd({ lr: 1 }))], { seeds: [0, 1] });
    const [wild, calm] = race.entries;
    expect(wild.diverged).toBe(2);
    expect(wild.runs.every((r) => r.diverged && r.divergedAt !== null)).toBe(true);
    expect(wild.test.median).toBe(Infinity);
    expect(calm.diverged).toBe(0);
    expect(Number.isFinite(calm.test.max)).toBe(true);
    // Both seeds blew up on the first step: only the starting point is drawn.
    expect(curveSpread(wild, "train").map((p) => p.epoch)).toEqual([0]);
  });

  test("curveSpread: after a seed stopped, its loss counts as +∞ in the median and range", () => {
    const pt = (epoch: number, v: number) => ({ epoch, train: v, test: v });
    const runs = [{ curve: [pt(0, 1), pt(1, 0.5), pt(2, 0.4)] }, { curve: [pt(0, 1), pt(1, 0.6)] }, { curve: [pt(0, 1), pt(1, 0.7), pt(2, 0.3)] }] as never;
    expect(curveSpread({ runs }, "test")).toEqual([
      { epoch: 0, spread: seedSpread([1, 1, 1]) },
      { epoch: 1, spread: seedSpread([0.5, 0.6, 0.7]) },
      { epoch: 2, spread: seedSpread([0.4, Infinity, 0.3]) },
    ]);
  });

  test("an entrant that throws keeps the message, and one past its time budget is stopped with a message naming the budget", () => {
    const throwing = entrant("broken", () => ({ name: "broken", hyper: {}, init: () => ({ t: 0 }), step: () => { throw new TypeError("g is not iterable"); }, with() { return this; } }) as never);
    const race = sparseRace(task, [throwing], { seeds: [0] });
    expect(race.entries[0].error).toBe("g is not iterable");
    expect(race.entries[0].test.median).toBe(Infinity);
    const slow = entrant("slow", () => {
      const inner = sgd({ lr: 1 });
      return { ...inner, name: "slow", hyper: inner.hyper, init: (d: number) => inner.init(d), step: (p: Float64Array, g: Float64Array, s: never) => { const t = performance.now(); while (performance.now() - t < 2); inner.step(p, g, s); } } as never;
    });
    const stopped = sparseRace(task, [slow], { seeds: [0], budgetMs: 50 });
    expect(stopped.entries[0].error).toMatch(/stopped after 50 ms of training \(seed 0, epoch/);
    expect(stopped.entries[0].stopped).toBe(true);
    expect(race.entries[0].stopped).toBeUndefined();
  });

  test("names the bad option and its range", () => {
    expect(() => sparseRace(task, [], { seeds: [] })).toThrow(/seeds/);
    expect(() => sparseRace(task, [], { pointsPerEpoch: 0 })).toThrow(/pointsPerEpoch/);
    expect(() => sparseRace(task, [], { budgetMs: -1 })).toThrow(/budgetMs/);
  });
});

describe("standing(entries, name)", () => {
  const e = (name: string, values: number[]) => ({ name, test: seedSpread(values) });
  test("ranks by median and sorts the others into ahead / tied / behind by whether the ranges over seeds overlap", () => {
    const entries = [e("yours", [0.5, 0.52, 0.55]), e("a", [0.4, 0.41, 0.45]), e("b", [0.53, 0.6, 0.7]), e("c", [0.6, 0.61, 0.62])];
    expect(standing(entries, "yours")).toEqual({ rank: 2, of: 4, ahead: ["c"], tied: ["b"], behind: ["a"] });
  });
  test("an equal median shares the better rank; touching ranges count as overlapping", () => {
    expect(standing([e("yours", [1, 2, 3]), e("a", [2, 2, 2])], "yours")).toMatchObject({ rank: 1, tied: ["a"] });
    expect(standing([e("yours", [1, 2]), e("a", [2, 3])], "yours")).toMatchObject({ tied: ["a"] });
  });
  test("a diverged entrant (all +∞) is behind every finite one and tied with another diverged one", () => {
    const entries = [e("yours", [Infinity, Infinity]), e("a", [0.4, 0.5]), e("b", [NaN, Infinity])];
    expect(standing(entries, "yours")).toEqual({ rank: 2, of: 3, ahead: [], tied: ["b"], behind: ["a"] });
  });
  test("alone, it is first of one; an unknown name is an error", () => {
    expect(standing([e("yours", [1])], "yours")).toEqual({ rank: 1, of: 1, ahead: [], tied: [], behind: [] });
    expect(() => standing([e("a", [1])], "yours")).toThrow(/no entrant named "yours"/);
  });
});

describe("selectedRates(results, task, name, seeds)", () => {
  const result = { task: "sentences", contender: "adam", selected: [{ seed: 1, lr: 0.1 }, { seed: 0, lr: 0.03 }] } as never;
  test("gives the selected η per seed in the order asked", () => {
    expect(selectedRates([result], "sentences", "adam", [0, 1])).toEqual([0.03, 0.1]);
  });
  test("names what is missing", () => {
    expect(() => selectedRates([result], "sentences", "sgd", [0])).toThrow(/no result for "sgd" on "sentences"/);
    expect(() => selectedRates([result], "sentences", "adam", [2])).toThrow(/no selected run for seed 2/);
  });
});
