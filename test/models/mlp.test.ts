import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { denseDataset, parseDenseCSV, standardize } from "../../lib/datasets.js";
import { mlp } from "../../lib/models/mlp.js";
import { random } from "../../lib/random.js";
import { gradError } from "./gradcheck.js";

describe("mlp(sizes)", () => {
  it("counts parameters layer by layer and initializes like torch.nn.Linear", () => {
    const net = mlp([64, 32, 10]);
    expect(net.dim).toBe(64 * 32 + 32 + 32 * 10 + 10);
    const p = net.init(random(0));
    expect(Math.max(...Array.from(p.subarray(0, 64 * 32 + 32), Math.abs))).toBeLessThanOrEqual(1 / 8);
    expect(Math.max(...Array.from(p.subarray(64 * 32 + 32), Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(32));
  });

  it("with no hidden layer is softmax regression: loss at zero is log(classes)", () => {
    const data = denseDataset(Float64Array.of(1, 2, 3, 4), Float64Array.of(0, 2), 2, undefined, { classes: 3 });
    const net = mlp([2, 3]);
    expect(net.loss(new Float64Array(net.dim), data)).toBeCloseTo(Math.log(3), 15);
  });

  it("grad matches central differences (two hidden layers)", () => {
    const rng = random(4);
    const n = 12;
    const X = Float64Array.from({ length: n * 5 }, () => rng.normal());
    const y = Float64Array.from({ length: n }, () => rng.int(4));
    const data = denseDataset(X, y, 5, undefined, { classes: 4 });
    const net = mlp([5, 7, 6, 4]);
    const p = net.init(random(2));
    expect(gradError(net, p, data, [0, 3, 3, 7, 11], 1e-5)).toBeLessThan(1e-7);
  });

  it("trains on digits by minibatch SGD to > 90 % test accuracy in 5 epochs", () => {
    const text = readFileSync(new URL("../../data/digits.csv", import.meta.url), "utf8").trim().split("\n");
    const pick = (flag: string) => [text[0], ...text.slice(1).filter((r) => r.endsWith("," + flag))].join("\n");
    const raw = parseDenseCSV(pick("0"), { target: "target", ignore: ["test"], classes: 10 });
    const rawTest = parseDenseCSV(pick("1"), { target: "target", ignore: ["test"], classes: 10 });
    const { data: train, stats } = standardize(raw);
    const { data: test } = standardize(rawTest, { stats });
    const net = mlp([64, 32, 10]);
    const params = net.init(random(0));
    const g = new Float64Array(net.dim);
    const rng = random(1);
    const order = Int32Array.from({ length: train.n }, (_, i) => i);
    for (let epoch = 0; epoch < 5; ++epoch) {
      rng.shuffle(order);
      for (let s = 0; s < train.n; s += 32) {
        net.grad(params, train, order, g, s, Math.min(s + 32, train.n));
        for (let j = 0; j < net.dim; ++j) params[j] -= 0.1 * g[j];
      }
    }
    expect(net.accuracy(params, test)).toBeGreaterThan(0.9);
    expect(net.predict(params, test, 0)).toBe(test.y[0]);
  });

  it("rejects bad input", () => {
    expect(() => mlp([3])).toThrow(/sizes must list at least 2 layer sizes/);
    expect(() => mlp([3, 0, 2])).toThrow(/sizes\[1\] must be a finite number in \[1, ∞\), got 0/);
    expect(() => mlp([3, 1])).toThrow(/the last size \(classes\) must be at least 2, got 1/);
    const data = denseDataset(Float64Array.of(1, 2), Float64Array.of(5), 2);
    expect(() => mlp([2, 3]).loss(new Float64Array(9), data)).toThrow(/y\[0\] must be a class in \[0, 2\], got 5/);
    expect(() => mlp([4, 3]).loss(new Float64Array(15), data)).toThrow(/data has d = 2 features, the network expects 4/);
  });
});
