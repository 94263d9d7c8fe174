import { describe, expect, test } from "vitest";
import { stepVectors } from "../../lib/arena/vectors.js";
import { arenaObjective, defaultConfig, defaultHyper, surfaceOf } from "../../lib/arena/config.js";
import { runRacer } from "../../lib/arena/race.js";

const beale = surfaceOf("beale").objective;
const start = defaultConfig("beale").start;

function racer(name: "sgd" | "momentum" | "adam", lr: number) {
  return { name, hyper: { ...defaultHyper("beale", name), lr } };
}

describe("stepVectors(objective, run, lr, at)", () => {
  test("for plain gradient descent the update equals the gradient step −η∇f at every step", () => {
    const lr = 0.001;
    const run = runRacer(beale, racer("sgd", lr), start, 40, 1e-3).trajectory;
    for (const at of [0, 1, 7, 39]) {
      const v = stepVectors(beale, run, lr, at);
      expect(v.update).not.toBeNull();
      for (let i = 0; i < 2; ++i) expect(v.update![i]).toBeCloseTo(v.gradientStep[i], 14);
    }
  });

  test("the gradient step is −η times the exact gradient at the racer's position", () => {
    const lr = 0.002;
    const run = runRacer(beale, racer("momentum", lr), start, 30, 1e-3).trajectory;
    const v = stepVectors(beale, run, lr, 12.7);
    expect(v.step).toBe(12);
    expect(v.position).toEqual([run.x[24], run.x[25]]);
    const g = beale.grad(Float64Array.of(run.x[24], run.x[25]), new Float64Array(2));
    expect(v.gradient).toEqual([g[0], g[1]]);
    expect(v.gradientStep).toEqual([-lr * g[0], -lr * g[1]]);
    expect(v.update).toEqual([run.x[26] - run.x[24], run.x[27] - run.x[25]]);
  });

  test("momentum's update differs from the gradient step once velocity builds up (not at step 0)", () => {
    const lr = 0.002;
    const run = runRacer(beale, racer("momentum", lr), start, 30, 1e-3).trajectory;
    const first = stepVectors(beale, run, lr, 0);
    // torch's first momentum step copies g into the buffer: the update is exactly −η g.
    for (let i = 0; i < 2; ++i) expect(first.update![i]).toBeCloseTo(first.gradientStep[i], 14);
    const later = stepVectors(beale, run, lr, 10);
    const gap = Math.hypot(later.update![0] - later.gradientStep[0], later.update![1] - later.gradientStep[1]);
    expect(gap).toBeGreaterThan(0.1 * Math.hypot(...later.gradientStep));
  });

  test("with gradient noise the gradient is the noisy one the racer was handed for step s + 1", () => {
    const config = { ...defaultConfig("beale"), noise: 0.5, seed: 4 };
    const noisy = arenaObjective(config);
    const lr = 0.001;
    const run = runRacer(noisy, racer("sgd", lr), start, 20, 1e-3).trajectory;
    const v = stepVectors(noisy, run, lr, 5);
    for (let i = 0; i < 2; ++i) expect(v.update![i]).toBeCloseTo(v.gradientStep[i], 14);
    const exact = beale.grad(Float64Array.of(...v.position), new Float64Array(2));
    expect(Math.hypot(v.gradient[0] - exact[0], v.gradient[1] - exact[1])).toBeGreaterThan(0);
  });

  test("the last kept step has no update; `at` is clamped to [0, steps]", () => {
    const lr = 0.001;
    const run = runRacer(beale, racer("adam", lr), start, 10, 1e-3).trajectory;
    expect(stepVectors(beale, run, lr, 10).update).toBeNull();
    expect(stepVectors(beale, run, lr, 99).step).toBe(10);
    expect(stepVectors(beale, run, lr, -3).step).toBe(0);
  });

  test("a bad learning rate is a clear error naming lr", () => {
    const run = runRacer(beale, racer("sgd", 0.001), start, 5, 1e-3).trajectory;
    expect(() => stepVectors(beale, run, 0, 1)).toThrow(/lr must be a positive finite number/);
    expect(() => stepVectors(beale, run, NaN, 1)).toThrow(/lr/);
  });
});

describe("arena.md, How to read the arena (gradient and update arrows)", () => {
  test("at the defaults on Beale, Adagrad's, Adadelta's and Adam's are less than half as long as −η∇f at every step", async () => {
    const { race } = await import("../../lib/arena/race.js");
    const config = defaultConfig("beale");
    const o = arenaObjective(config);
    for (const name of ["adagrad", "adadelta", "adam"] as const) {
      const racerConfig = config.racers.find((r) => r.name === name);
      expect(racerConfig, name).toBeDefined();
      const run = race({ ...config, racers: [racerConfig!] })[0].trajectory;
      const lr = Number(racerConfig!.hyper.lr);
      expect(run.steps).toBe(config.steps);
      for (let s = 0; s < run.steps; ++s) {
        const v = stepVectors(o, run, lr, s);
        expect(Math.hypot(...v.update!), `${name} step ${s}`).toBeLessThan(0.5 * Math.hypot(...v.gradientStep));
      }
    }
  });
});
