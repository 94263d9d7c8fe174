/** The training loop with the real optimizers of lib/optimizers, through the public API. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  adagrad,
  adam,
  leastSquares,
  linearRegression,
  logisticRegression,
  mlp,
  momentum,
  parseDenseCSV,
  parseSentencesJSON,
  random,
  sgd,
  standardize,
  train,
  trainTestSplit,
} from "../lib/index.js";

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8");
const housing = standardize(parseDenseCSV(read("data/housing.csv"), { target: "MedHouseVal", ignore: ["row"] }), { target: true }).data;
const ols = leastSquares(housing);
const model = linearRegression(housing.d);

describe("train with lib/optimizers", () => {
  it("D2L §11.5's four runs give the documented losses after 1 and 2 epochs", () => {
    const loss = (batchSize: number, lr: number) => Array.from(train(model, housing, sgd({ lr }), { batchSize, epochs: 2 }).lossPerEpoch, (v) => +v.toFixed(4));
    expect(loss(1500, 1)).toEqual([0.2237, 0.2118]);
    expect(loss(1, 0.005)).toEqual([0.1992, 0.1898]);
    expect(loss(100, 0.4)).toEqual([0.2019, 0.1923]);
    expect(loss(10, 0.05)).toEqual([0.199, 0.1899]);
    expect(+ols.loss.toFixed(4)).toBe(0.1829);
  });

  it("the slides' momentum run (lr 0.005, momentum 0.9, batch 10) behaves like SGD at the effective lr 0.005 / (1 − 0.9)", () => {
    const r = train(model, housing, momentum({ lr: 0.005, momentum: 0.9 }), { batchSize: 10, epochs: 2 });
    const plain = train(model, housing, sgd({ lr: 0.05 }), { batchSize: 10, epochs: 2 });
    expect(r.lossPerEpoch[1]).toBeLessThan(0.2);
    expect(Math.abs(r.lossPerEpoch[1] - plain.lossPerEpoch[1])).toBeLessThan(0.005);
  });

  it("Adagrad beats SGD after one epoch on the sentences (test accuracy, every seed)", () => {
    const { train: tr, test } = parseSentencesJSON(JSON.parse(read("data/sentences.json")));
    const m = logisticRegression(tr.d);
    let a = 0;
    let s = 0;
    for (const seed of [0, 1, 2, 3, 4]) {
      const ada = m.accuracy(train(m, tr, adagrad({ lr: 0.3 }), { batchSize: 1, epochs: 1, seed, evalEvery: Infinity }).params, test);
      const plain = m.accuracy(train(m, tr, sgd({ lr: 0.3 }), { batchSize: 1, epochs: 1, seed, evalEvery: Infinity }).params, test);
      expect(ada).toBeGreaterThan(plain);
      a += ada / 5;
      s += plain / 5;
    }
    expect(a - s).toBeGreaterThan(0.025);
    expect(a).toBeGreaterThan(0.8);
  });

  it("Adam trains the 64-32-10 MLP on digits to > 93 % test accuracy in 10 epochs, with early stopping available", () => {
    const lines = read("data/digits.csv").trim().split("\n");
    const part = (flag: string) => [lines[0], ...lines.slice(1).filter((r) => r.endsWith("," + flag))].join("\n");
    const rawTrain = parseDenseCSV(part("0"), { target: "target", ignore: ["test"], classes: 10 });
    const { data: trainSet, stats } = standardize(rawTrain);
    const test = standardize(parseDenseCSV(part("1"), { target: "target", ignore: ["test"], classes: 10 }), { stats }).data;
    const net = mlp([64, 32, 10]);
    const { train: fit, test: validation } = trainTestSplit(trainSet, 0.2, 0);
    const r = train(net, fit, adam({ lr: 0.003 }), { batchSize: 32, epochs: 10, validation, earlyStopping: { patience: 3 }, evalEvery: Infinity });
    expect(r.diverged).toBe(false);
    expect(net.accuracy(r.params, test)).toBeGreaterThan(0.93);
  });

  it("is deterministic with a stateful optimizer", () => {
    const a = train(model, housing, adam({ lr: 0.01 }), { epochs: 2, seed: 9 });
    const b = train(model, housing, adam({ lr: 0.01 }), { epochs: 2, seed: 9 });
    expect(a.params).toEqual(b.params);
    expect(a.params).not.toEqual(model.init(random(9)));
  });
});
