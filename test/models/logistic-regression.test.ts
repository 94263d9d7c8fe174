import { describe, expect, it } from "vitest";
import { bagOfWords } from "../../lib/datasets.js";
import { logisticRegression } from "../../lib/models/logistic-regression.js";
import { random } from "../../lib/random.js";
import { gradError } from "./gradcheck.js";

/** A random sparse set: `n` rows over `d` columns, 1..4 nonzeros each. */
function sparse(n: number, d: number, seed: number, counts = false) {
  const rng = random(seed);
  const tokens = Array.from({ length: n }, () => Array.from({ length: 1 + rng.int(4) }, () => rng.int(d)));
  const labels = Array.from({ length: n }, () => rng.int(2));
  return bagOfWords(tokens, labels, Array.from({ length: d }, (_, j) => `w${j}`), { counts });
}

describe("logisticRegression(d)", () => {
  it("loss is the mean of log(1 + e^z) − y z, worked by hand", () => {
    const data = bagOfWords([[0], [0, 1]], [1, 0], ["a", "b"]);
    const m = logisticRegression(2);
    // w = (1, −1), b = 0: z = [1, 0]; losses log(1+e) − 1 = 0.31326..., log 2 = 0.69314...
    const p = Float64Array.of(1, -1, 0);
    expect(m.loss(p, data)).toBeCloseTo((Math.log1p(Math.E) - 1 + Math.LN2) / 2, 15);
    // σ(z) − y = [σ(1) − 1, 0.5]; grad = ½ [σ(1) − 1 + 0.5, 0.5, σ(1) − 1 + 0.5]
    const g = new Float64Array(3);
    m.grad(p, data, [0, 1], g);
    const s = 1 / (1 + Math.exp(-1));
    expect(g[0]).toBeCloseTo((s - 1 + 0.5) / 2, 15);
    expect(g[1]).toBeCloseTo(0.25, 15);
    expect(g[2]).toBeCloseTo((s - 1 + 0.5) / 2, 15);
    expect(m.accuracy(p, data)).toBe(1); // z = 1 > 0 predicts 1 (y = 1); z = 0 predicts 0 (y = 0)
  });

  it("grad matches central differences (binary and count features)", () => {
    for (const counts of [false, true]) {
      const data = sparse(30, 12, 3, counts);
      const m = logisticRegression(12);
      const rng = random(9);
      const p = Float64Array.from({ length: 13 }, () => rng.normal());
      expect(gradError(m, p, data, [0, 4, 4, 9, 29, 17])).toBeLessThan(1e-8);
    }
  });

  it("is stable for huge logits", () => {
    const data = bagOfWords([[0]], [0], ["a"]);
    const m = logisticRegression(1);
    expect(m.loss(Float64Array.of(800, 0), data)).toBe(800);
    expect(m.loss(Float64Array.of(-800, 0), data)).toBe(0);
  });

  it("costs the batch's nonzeros: writes only touched coordinates and the bias", () => {
    const d = 100_000;
    const data = sparse(50, d, 5);
    const m = logisticRegression(d);
    const p = new Float64Array(d + 1).fill(0.01);
    const out = new Float64Array(d + 1);
    m.grad(p, data, [0, 1], out); // a new buffer is zeroed once
    const first = new Set(m.touched());
    m.grad(p, data, [2, 3], out);
    const second = new Set(m.touched());
    const expected = new Set([d]);
    for (const i of [2, 3]) for (let k = data.indptr[i]; k < data.indptr[i + 1]; ++k) expected.add(data.indices[k]);
    expect(second).toEqual(expected);
    // Plant sentinels at coordinates neither batch touches: the next call must not write them.
    const untouched = [7, 50_000, 99_999].filter((j) => !first.has(j) && !second.has(j));
    for (const j of untouched) out[j] = 12345;
    m.grad(p, data, [4], out);
    for (const j of untouched) expect(out[j]).toBe(12345);
    // ...while what the previous batch touched is zeroed again, so the gradient is exact.
    for (const j of untouched) out[j] = 0;
    const fresh = new Float64Array(d + 1);
    m.grad(p, data, [4], fresh);
    expect(out).toEqual(fresh);
  });

  it("rejects bad input", () => {
    expect(() => logisticRegression(1.5)).toThrow(/d must be an integer/);
    expect(() => logisticRegression(3).loss(new Float64Array(4), sparse(2, 5, 0))).toThrow(/data has d = 5 features, the model expects 3/);
  });
});
