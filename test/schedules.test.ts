import { describe, expect, it } from "vitest";
import {
  constant,
  cosine,
  exponentialDecay,
  linearWarmup,
  schedulePoints,
  sequence,
  stepDecay,
  timeDecay,
  timeDecayRecursive,
} from "../lib/schedules.js";

/** Expects two arrays to agree entrywise to ~1e-15 relative. */
function expectClose(actual: ArrayLike<number>, expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => expect(Math.abs(actual[i] - e)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(e))));
}

describe("schedules", () => {
  it("constant(lr) is lr at every step", () => {
    expectClose(schedulePoints(constant(0.3), 3), [0.3, 0.3, 0.3]);
  });

  it("timeDecay(lr0, d) is η₀/(1 + d·(t − 1))", () => {
    // η₀ = 1, d = 0.5: 1/(1 + 0), 1/(1 + 0.5), 1/(1 + 1), 1/(1 + 1.5), 1/(1 + 2)
    expectClose(schedulePoints(timeDecay(1, 0.5), 5), [1, 1 / 1.5, 0.5, 0.4, 1 / 3]);
  });

  it("timeDecayRecursive(lr0, d) follows η_{n+1} = η_n/(1 + d·n) with η(t) = η_{t−1}", () => {
    // η_0 = 1; η_1 = η_0/(1 + 0) = 1; η_2 = η_1/(1 + 0.5) = 2/3; η_3 = η_2/(1 + 1) = 1/3;
    // η_4 = η_3/(1 + 1.5) = 2/15; η_5 = η_4/(1 + 2) = 2/45
    expectClose(schedulePoints(timeDecayRecursive(1, 0.5), 6), [1, 1, 2 / 3, 1 / 3, 2 / 15, 2 / 45]);
  });

  it("timeDecayRecursive(lr0, d) equals η₀/Π_{k=1}^{t−2}(1 + d·k) in any call order", () => {
    const s = timeDecayRecursive(0.5, 0.1);
    for (const t of [50, 3, 1, 200, 17, 2, 200, 1000]) {
      let product = 1;
      for (let k = 1; k <= t - 2; ++k) product *= 1 + 0.1 * k;
      expect(s(t)).toBeCloseTo(0.5 / product, 12);
      expect(Math.abs(s(t) - 0.5 / product)).toBeLessThanOrEqual(1e-12 * (0.5 / product));
    }
    expect(s(0)).toBeNaN();
    expect(s(2.5)).toBeNaN();
  });

  it("timeDecayRecursive(lr0, d) decays super-polynomially, unlike timeDecay(lr0, d)", () => {
    // For η ~ t^(−p), log(η(2t)/η(t)) → −p·log 2, a constant. For the recursive
    // form it keeps falling (Π(1 + d·k) grows like a factorial).
    const rec = timeDecayRecursive(1, 0.1), usual = timeDecay(1, 0.1);
    const drop = (s: (t: number) => number, t: number) => Math.log(s(2 * t) / s(t));
    expect(drop(usual, 1000)).toBeCloseTo(Math.log((1 + 99.9) / (1 + 199.9)), 12); // ≈ −log 2
    expect(drop(rec, 10)).toBeGreaterThan(drop(rec, 20));
    expect(drop(rec, 20)).toBeGreaterThan(drop(rec, 40));
    expect(drop(rec, 40)).toBeLessThan(-50); // e^(−50) in one doubling, vs 1/2 for 1/t
    expect(rec(5000)).toBe(0); // underflowed, and the cache stops there
  });

  it("stepDecay(lr0, d, r) is η₀·d^⌊t/r⌋ (the seeds' ⌊(1 + n)/r⌋ with n = t − 1)", () => {
    // η₀ = 1, d = 0.5, r = 2: ⌊1/2⌋ = 0, ⌊2/2⌋ = 1, ⌊3/2⌋ = 1, ⌊4/2⌋ = 2, ⌊5/2⌋ = 2
    expectClose(schedulePoints(stepDecay(1, 0.5, 2), 5), [1, 0.5, 0.5, 0.25, 0.25]);
    // r = 10: the first drop is at step 10
    const p = schedulePoints(stepDecay(0.1, 0.5, 10), 11);
    expect(Array.from(p.slice(0, 9))).toEqual(new Array(9).fill(0.1));
    expectClose(p.slice(9), [0.05, 0.05]);
  });

  it("exponentialDecay(lr0, d) is η₀·e^(−d·(t − 1))", () => {
    // d = ln 2 halves the rate each step: 2, 1, 0.5, 0.25
    expectClose(schedulePoints(exponentialDecay(2, Math.LN2), 4), [2, 1, 0.5, 0.25]);
  });

  it("cosine(lr0, T, lrMin) anneals from η₀ at t = 1 to lrMin at t = T + 1, then stays", () => {
    // T = 4, n = t − 1: (1 + cos(πn/4))/2 = 1, (1 + √½)/2, ½, (1 − √½)/2, 0, then 0
    const h = Math.SQRT1_2;
    expectClose(schedulePoints(cosine(1, 4), 6), [1, (1 + h) / 2, 0.5, (1 - h) / 2, 0, 0]);
    // lrMin = 0.1: 0.1 + 0.9·(same)
    expectClose(schedulePoints(cosine(1, 2, 0.1), 4), [1, 0.55, 0.1, 0.1]);
  });

  it("linearWarmup(lr0, warmupSteps) ramps η₀·t/W up to η₀", () => {
    expectClose(schedulePoints(linearWarmup(1, 4), 6), [0.25, 0.5, 0.75, 1, 1, 1]);
  });

  it("sequence(schedules, boundaries) restarts each schedule's count after its boundary", () => {
    // warmup over steps 1–2 (0.5, 1), then timeDecay(1, 1) from its own step 1: 1, 1/2, 1/3
    expectClose(schedulePoints(sequence([linearWarmup(1, 2), timeDecay(1, 1)], [2]), 5), [0.5, 1, 1, 0.5, 1 / 3]);
    // three pieces: constant 3 for t ≤ 1, constant 2 for t = 2, 3, then constant 1
    expectClose(schedulePoints(sequence([constant(3), constant(2), constant(1)], [1, 3]), 5), [3, 2, 2, 1, 1]);
  });

  it("schedulePoints(schedule, 0) is empty", () => {
    expect(schedulePoints(constant(1), 0).length).toBe(0);
  });

  it("schedules throw at construction naming the parameter, value and range", () => {
    expect(() => constant(-1)).toThrow(/constant: lr must be a finite number in \[0, ∞\), got -1/);
    expect(() => timeDecay(1, NaN)).toThrow(/timeDecay: d must be a finite number in \[0, ∞\), got NaN/);
    expect(() => timeDecayRecursive(Infinity, 1)).toThrow(/timeDecayRecursive: lr0/);
    expect(() => stepDecay(1, 2, 10)).toThrow(/stepDecay: d must be a finite number in \[0, 1\], got 2/);
    expect(() => stepDecay(1, 0.5, 0)).toThrow(/stepDecay: r must be a finite number in \(0, ∞\), got 0/);
    expect(() => exponentialDecay(1, -0.1)).toThrow(/exponentialDecay: d/);
    expect(() => cosine(1, 0)).toThrow(/cosine: T must be a finite number in \[1, ∞\), got 0/);
    expect(() => cosine(1, 10, 2)).toThrow(/cosine: lrMin must be a finite number in \[0, 1\], got 2/);
    expect(() => linearWarmup(1, 2.5)).toThrow(/linearWarmup: warmupSteps must be an integer/);
    expect(() => sequence([], [])).toThrow(/sequence: schedules must be a non-empty array/);
    expect(() => sequence([constant(1), constant(2)], [])).toThrow(/boundaries must have schedules.length − 1 = 1 entries, got 0/);
    expect(() => sequence([constant(1), constant(2), constant(3)], [5, 5])).toThrow(/boundaries\[1\] must be a finite number in \[6, ∞\), got 5/);
    expect(() => schedulePoints(constant(1), -1)).toThrow(/schedulePoints: steps/);
    expect(() => schedulePoints(3 as never, 1)).toThrow(/schedulePoints: schedule must be a function, got 3/);
  });
});
