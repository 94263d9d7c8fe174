import { describe, expect, it } from "vitest";
import { bestOf, compareAsync, comparisonSteps, defaultContenders, lrGrid, summarize, type ComparisonTask, type Contender } from "../lib/compare.js";
import { denseDataset } from "../lib/datasets.js";
import { linearRegression } from "../lib/models/linear-regression.js";
import { adam, sgd } from "../lib/optimizers/index.js";
import { random } from "../lib/random.js";
import { train } from "../lib/train.js";

function tinyTask(): ComparisonTask {
  const rng = random(3);
  const n = 60;
  const d = 3;
  const X = Float64Array.from({ length: n * d }, () => rng.normal());
  const y = Float64Array.from({ length: n }, (_, i) => X[i * d] - 2 * X[i * d + 1] + 0.1 * rng.normal());
  const data = denseDataset(X, y, d);
  return { name: "tiny", title: "tiny", model: linearRegression(d), train: data, test: data, epochs: 2, batchSize: 5 };
}

const contenders: Contender[] = [
  { name: "sgd", label: "SGD", family: "sgd", lr0: 0.1, make: (lr) => sgd({ lr }) },
  { name: "adam", label: "Adam", family: "adam", lr0: 0.01, make: (lr) => adam({ lr }) },
];

describe("lrGrid(lr0, halfDecades)", () => {
  it("is the half-decade grid centred on lr0", () => {
    const g = lrGrid(0.01, 2);
    expect(g.map((p) => p.k)).toEqual([-2, -1, 0, 1, 2]);
    expect(g[2].lr).toBe(0.01);
    expect(g[0].lr).toBeCloseTo(0.001, 15);
    expect(g[3].lr).toBeCloseTo(0.01 * Math.sqrt(10), 15);
  });
  it("rejects a non-positive centre", () => {
    expect(() => lrGrid(0)).toThrow(/lrGrid: lr0/);
  });
});

describe("comparisonSteps(tasks, contenders)", () => {
  it("runs every grid point of every contender, counts work exactly and reruns the best", () => {
    const task = tinyTask();
    const gen = comparisonSteps([task], contenders, { halfDecades: 1 });
    let next = gen.next();
    let yields = 0;
    while (!next.done) {
      expect(next.value.done).toBeLessThanOrEqual(next.value.total);
      yields++;
      next = gen.next();
    }
    const r = next.value;
    expect(r.finished).toBe(true);
    expect(r.runs).toHaveLength(2 * 3);
    expect(r.done).toBe(r.total);
    expect(r.total).toBe(2 * (3 + 1) * task.epochs);
    expect(yields).toBeGreaterThan(0);
    expect(r.best).toHaveLength(2);
    // The best run's loss is the smallest of its grid, and its curve ends at that loss.
    for (const b of r.best) {
      const mine = r.runs.filter((x) => x.contender === b.contender);
      expect(b.loss).toBe(Math.min(...mine.map((x) => x.loss)));
      expect(b.curve[b.curve.length - 1].loss).toBeCloseTo(b.loss, 12);
      expect(b.curve.length).toBeGreaterThan(task.epochs + 1);
    }
  });

  it("matches a plain train() run with the same seed", () => {
    const task = tinyTask();
    const gen = comparisonSteps([task], [contenders[0]], { halfDecades: 0 });
    let next = gen.next();
    while (!next.done) next = gen.next();
    const direct = train(task.model, task.train, sgd({ lr: 0.1 }), { epochs: 2, batchSize: 5, seed: 0, evalEvery: Infinity });
    expect(next.value.runs[0].loss).toBe(direct.lossPerEpoch[1]);
  });

  it("records a diverged run as such, with infinite loss, and never picks it", () => {
    const task = tinyTask();
    const wild: Contender = { name: "wild", label: "wild", family: "sgd", lr0: 100, make: (lr) => sgd({ lr }) };
    const gen = comparisonSteps([task], [wild], { halfDecades: 1 });
    let next = gen.next();
    while (!next.done) next = gen.next();
    expect(next.value.runs.every((r) => r.diverged && r.loss === Infinity)).toBe(true);
    expect(next.value.best).toHaveLength(0);
    expect(next.value.done).toBe(next.value.total);
  });
});

describe("compareAsync(tasks, contenders, options)", () => {
  it("gives the generator's result and reports progress", async () => {
    const task = tinyTask();
    const seen: number[] = [];
    const r = await compareAsync([task], contenders, { halfDecades: 1, progressMs: 0, onProgress: (p) => seen.push(p.done) });
    expect(r.finished).toBe(true);
    expect(seen[seen.length - 1]).toBe(r.total);
    expect(seen.every((v, i) => i === 0 || v >= seen[i - 1])).toBe(true);
  });
  it("stops when aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const r = await compareAsync([tinyTask()], contenders, { halfDecades: 1, signal: controller.signal });
    expect(r.done).toBeLessThan(r.total);
  });
});

describe("summarize(runs, task) and bestOf(runs)", () => {
  const runs = [
    { task: "t", contender: "a", k: -1, lr: 0.1, loss: 2, diverged: false, testLoss: 2, time: 1 },
    { task: "t", contender: "a", k: 0, lr: 0.3, loss: 1, diverged: false, testLoss: 1, time: 1 },
    { task: "t", contender: "a", k: 1, lr: 1, loss: Infinity, diverged: true, testLoss: Infinity, time: 1 },
    { task: "t", contender: "b", k: 0, lr: 1, loss: 4, diverged: false, testLoss: 4, time: 1 },
    { task: "t", contender: "b", k: 1, lr: 3, loss: 3, diverged: false, testLoss: 3, time: 1 },
  ];
  it("finds the best, the regret at the default and the width of the good range", () => {
    const [a, b] = summarize(runs, "t", 0.5);
    expect(a.best?.lr).toBe(0.3);
    expect(a.defaultRegret).toBe(1);
    expect(a.divergedCount).toBe(1);
    expect(a.goodDecades).toBe(0.5);
    expect(b.defaultRegret).toBeCloseTo(4 / 3, 15);
    expect(b.goodDecades).toBe(1); // 4 ≤ 1.5 × 3
  });
  it("bestOf ignores diverged runs and is undefined when all diverged", () => {
    expect(bestOf(runs)?.loss).toBe(1);
    expect(bestOf([runs[2]])).toBeUndefined();
  });
});

describe("defaultContenders()", () => {
  it("builds a working optimizer for every contender", () => {
    for (const c of defaultContenders()) {
      const o = c.make(c.lr0, 100);
      const s = o.init(2);
      const p = Float64Array.of(1, 1);
      o.step(p, Float64Array.of(1, -1), s);
      expect(p[0]).toBeLessThan(1);
      expect(p[1]).toBeGreaterThan(1);
    }
  });
});
