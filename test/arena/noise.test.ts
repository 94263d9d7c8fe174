import { describe, expect, test } from "vitest";
import { noisyObjective, NOISE_MAX } from "../../lib/arena/noise.js";
import { arenaObjective, defaultConfig, defaultHyper } from "../../lib/arena/config.js";
import { race } from "../../lib/arena/race.js";
import { tuneAll } from "../../lib/arena/tune.js";
import { saddle } from "../../lib/objectives/index.js";

describe("noisyObjective(objective, σ, seed)", () => {
  test("σ = 0 is the objective itself", () => {
    const o = saddle();
    expect(noisyObjective(o, 0, 3)).toBe(o);
  });

  test("adds σ·z_t to the exact gradient, z_t fixed by (seed, t) whatever the order of the calls", () => {
    const exact = saddle();
    const x = Float64Array.from([0.5, 0.25]);
    const g = exact.grad(x, new Float64Array(2));
    const a = noisyObjective(exact, 2, 9), b = noisyObjective(exact, 2, 9);
    const a3 = Array.from(a.grad(x, new Float64Array(2), 3));
    const a1 = Array.from(a.grad(x, new Float64Array(2), 1));
    const b1 = Array.from(b.grad(x, new Float64Array(2), 1));
    const b3 = Array.from(b.grad(x, new Float64Array(2), 3));
    expect(a1).toEqual(b1);
    expect(a3).toEqual(b3);
    expect(a1).not.toEqual(a3);
    expect(a1).not.toEqual(Array.from(g));
    // Halving σ halves the deviation from the exact gradient.
    const half = Array.from(noisyObjective(exact, 1, 9).grad(x, new Float64Array(2), 1));
    for (let i = 0; i < 2; ++i) expect(half[i] - g[i]).toBeCloseTo((a1[i] - g[i]) / 2, 12);
    expect(noisyObjective(exact, 1, 9).value(x)).toBe(exact.value(x));
  });

  test("the noise has mean 0 and standard deviation σ (20 000 draws)", () => {
    const o = noisyObjective(saddle(), 0.5, 4);
    const x = new Float64Array(2), out = new Float64Array(2);
    let s = 0, s2 = 0;
    const n = 20000;
    for (let t = 1; t <= n / 2; ++t) {
      o.grad(x, out, t);
      for (const v of out) { s += v; s2 += v * v; }
    }
    expect(Math.abs(s / n)).toBeLessThan(0.02);
    expect(Math.sqrt(s2 / n)).toBeCloseTo(0.5, 1);
  });

  test("rejects σ outside [0, NOISE_MAX] and a non-integer seed, naming them", () => {
    expect(() => noisyObjective(saddle(), -0.1, 1)).toThrow(/sigma/);
    expect(() => noisyObjective(saddle(), NOISE_MAX + 1, 1)).toThrow(/sigma/);
    expect(() => noisyObjective(saddle(), 1, 0.5)).toThrow(/seed/);
  });
});

describe("races with gradient noise", () => {
  const ridge = (noise: number, seed = 1) => ({ ...defaultConfig("saddle"), start: [-1, 0] as const, noise, seed, racers: [{ name: "sgd" as const, hyper: { ...defaultHyper("saddle", "sgd"), lr: 0.1 } }] });

  test("on the ridge y = 0, exact gradient descent never leaves it; any noise breaks the symmetry", () => {
    expect(race(ridge(0))[0].stepsToTarget).toBeNull();
    for (const sigma of [1e-6, 0.01, 0.1, 1]) expect(race(ridge(sigma))[0].stepsToTarget).not.toBeNull();
  });

  test("the same seed gives the same race and the same tuning; another seed another race", () => {
    const a = race(ridge(0.1, 5)), b = race(ridge(0.1, 5)), c = race(ridge(0.1, 6));
    expect(Array.from(a[0].trajectory.x)).toEqual(Array.from(b[0].trajectory.x));
    expect(Array.from(a[0].trajectory.x)).not.toEqual(Array.from(c[0].trajectory.x));
    const config = { ...ridge(0.1, 5), steps: 60 };
    expect(tuneAll(config, { pointsPerDecade: 2, refine: 2 })[0].result.lr).toBe(tuneAll(config, { pointsPerDecade: 2, refine: 2 })[0].result.lr);
  });

  test("arenaObjective is the surface's own objective at σ = 0", () => {
    const config = defaultConfig("saddle");
    expect(arenaObjective(config).grad(Float64Array.from([1, 2]), new Float64Array(2), 1)).toEqual(Float64Array.from([2, -4]));
  });
});
