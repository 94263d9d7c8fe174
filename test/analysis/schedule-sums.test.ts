import { describe, expect, it } from "vitest";
import {
  logCheckpoints,
  partialSums,
  polynomialDecay,
  powerSeriesSum,
  recursiveDecaySums,
  recursiveOverGaussian,
  remainingFraction,
  robbinsMonroTable,
} from "../../lib/analysis/schedule-sums.js";
import { exponentialDecay, stepDecay, timeDecay, timeDecayRecursive } from "../../lib/schedules.js";

describe("schedule sums", () => {
  it("recursiveOverGaussian(d, n) is η_n/(η₀e^{−dn(n−1)/2}) of the recursive decay: ≥ 1, growing", () => {
    // d = 0.5, n = 4: Π(1 + 0.5k) = 1·1.5·2·2.5 = 7.5, Gaussian e^{−0.5·4·3/2} = e^{−3}
    expect(recursiveOverGaussian(0.5, 4)).toBeCloseTo(Math.exp(3) / 7.5, 12);
    const direct = (d: number, n: number) => timeDecayRecursive(1, d)(n + 1) / Math.exp((-d * n * (n - 1)) / 2);
    for (const n of [0, 1, 10, 50]) expect(recursiveOverGaussian(0.01, n)).toBeCloseTo(direct(0.01, n), 8);
    expect(recursiveOverGaussian(0.01, 10)).toBeCloseTo(1.0137, 4);
    expect(recursiveOverGaussian(0.01, 50)).toBeCloseTo(5.1205, 3);
    expect(recursiveOverGaussian(0.01, 100) / 7.4426e4).toBeCloseTo(1, 3);
    let last = 1;
    for (const n of [0, 2, 5, 20, 100, 300]) {
      const r = recursiveOverGaussian(0.05, n);
      expect(r).toBeGreaterThanOrEqual(last);
      last = r;
    }
    expect(() => recursiveOverGaussian(-1, 3)).toThrow(/d/);
  });

  it("partialSums(schedule, checkpoints) sums η and η² up to each checkpoint", () => {
    // timeDecay(1, 1): 1, 1/2, 1/3, 1/4 → Σ = 25/12, Σ² = 1 + 1/4 + 1/9 + 1/16 = 205/144
    const [a, b] = partialSums(timeDecay(1, 1), [2, 4]);
    expect(a).toEqual({ N: 2, sum: 1.5, sumSq: 1.25 });
    expect(b.sum).toBeCloseTo(25 / 12, 14);
    expect(b.sumSq).toBeCloseTo(205 / 144, 14);
  });

  it("partialSums of the usual time decay grows like (η₀/d)·ln N", () => {
    const [s] = partialSums(timeDecay(1, 0.1), [1e6]);
    // Σ_{n<N} 1/(1 + 0.1n) = 10·Σ 1/(10 + n) = 10·(ψ(10 + N) − ψ(10)), ψ(x) ≈ ln(x − ½)
    const psi10 = 2.251752589066721; // ψ(10)
    expect(s.sum).toBeCloseTo(10 * (Math.log(1e6 + 10 - 0.5) - psi10), 4);
  });

  it("logCheckpoints(max) is 1, 2, 5, 10, … ending at max", () => {
    expect(logCheckpoints(30)).toEqual([1, 2, 5, 10, 20, 30]);
    expect(logCheckpoints(100)).toEqual([1, 2, 5, 10, 20, 50, 100]);
  });

  it("polynomialDecay(lr0, d, p) is η₀/(1 + d·n)^p", () => {
    const s = polynomialDecay(2, 1, 0.5);
    expect([s(1), s(2), s(4)]).toEqual([2, 2 / Math.SQRT2, 1]);
  });

  it("powerSeriesSum(d, s) matches ζ(2) for d = 1, s = 2", () => {
    expect(powerSeriesSum(1, 2)).toBeCloseTo(Math.PI ** 2 / 6, 10);
  });

  it("recursiveDecaySums(lr0, d) equals the sum of timeDecayRecursive's values", () => {
    // η₀ = 1, d = 0.5: 1 + 1 + 2/3 + 1/3 + 2/15 + 2/45 + …
    const { sum, sumSq } = recursiveDecaySums(1, 0.5);
    const [p] = partialSums(timeDecayRecursive(1, 0.5), [200]);
    expect(sum).toBeCloseTo(p.sum, 14);
    expect(sumSq).toBeCloseTo(p.sumSq, 14);
    expect(sum).toBeGreaterThan(1 + 1 + 2 / 3 + 1 / 3 + 2 / 15 + 2 / 45);
    expect(sum).toBeLessThan(3.3);
  });

  it("robbinsMonroTable: only 1/t-like decays meet both conditions; the closed forms match partial sums", () => {
    const rows = robbinsMonroTable({ lr0: 0.2, d: 0.01, drop: 0.5, r: 200, p: 0.5 });
    const verdict = Object.fromEntries(rows.map((r) => [r.name.split(" ")[0], [r.first, r.second]]));
    expect(verdict).toEqual({
      constant: [true, false],
      "time-based": [true, true],
      recursive: [false, true],
      step: [false, true],
      exponential: [false, true],
      polynomial: [true, false],
    });
    const step = rows.find((r) => r.name.startsWith("step"))!;
    const [s] = partialSums(stepDecay(0.2, 0.5, 200), [20000]);
    expect(step.sum.value).toBeCloseTo(s.sum, 10);
    expect(step.sumSq.value).toBeCloseTo(s.sumSq, 10);
    const exp = rows.find((r) => r.name.startsWith("exponential"))!;
    const [e] = partialSums(exponentialDecay(0.2, 0.01), [10000]);
    expect(exp.sum.value).toBeCloseTo(e.sum, 10);
    const time = rows.find((r) => r.name.startsWith("time"))!;
    const [t] = partialSums(timeDecay(0.2, 0.01), [1e6]);
    // the tail beyond 10⁶ is ≈ η₀²/(d²·N) = 0.04/(1e-4·1e6) = 4e-4
    expect(time.sumSq.value - t.sumSq).toBeCloseTo(0.04 / (1e-4 * 1e6), 5);
  });

  it("remainingFraction: a summable schedule leaves GD stuck short of the minimum", () => {
    expect(remainingFraction(timeDecay(0.2, 0.01), 0.2, 100000)).toBeLessThan(1e-3);
    // exp decay: Π(1 − 0.04·e^(−0.01n)) → exp(−Σ…) ≈ e^(−0.04·100.5) ≈ 0.017
    const frozen = remainingFraction(exponentialDecay(0.2, 0.01), 0.2, 100000);
    expect(frozen).toBeGreaterThan(0.015);
    expect(frozen).toBeLessThan(0.02);
  });
});
