import { describe, expect, it } from "vitest";
import { raceSchedules, scheduleRace } from "../../lib/analysis/schedule-race.js";
import { denseDataset, linearRegression, random } from "../../lib/index.js";

describe("schedule race", () => {
  it("raceSchedules(peak, T, W): all start their decay from the peak; cosine ends near 0; warmup starts at peak/W", () => {
    const [c, s, cos, warm] = raceSchedules(0.5, 300, 30);
    expect(c.schedule(1)).toBe(0.5);
    expect(c.schedule(300)).toBe(0.5);
    expect(s.schedule(99)).toBe(0.5);
    expect(s.schedule(100)).toBeCloseTo(0.05, 15);
    expect(s.schedule(200)).toBeCloseTo(0.005, 15);
    expect(cos.schedule(1)).toBe(0.5);
    expect(cos.schedule(300)).toBeLessThan(1e-4);
    expect(warm.schedule(1)).toBeCloseTo(0.5 / 30, 15);
    expect(warm.schedule(30)).toBeCloseTo(0.5, 15);
    expect(warm.schedule(300)).toBeLessThan(1e-3);
    expect(() => raceSchedules(0.5, 300, 300)).toThrow(/warmup/);
  });

  it("scheduleRace(model, data, test, options) gives one run per schedule × seed with a loss per epoch", () => {
    const rng = random(0);
    const n = 50;
    const X = Float64Array.from({ length: 2 * n }, () => rng.normal());
    const y = Float64Array.from({ length: n }, (_, i) => X[2 * i] - 2 * X[2 * i + 1] + 0.1 * rng.normal());
    const data = denseDataset(X, y, 2, ["a", "b"]);
    const runs = scheduleRace(linearRegression(2), data, data, { schedules: raceSchedules(0.1, 3 * 5, 5), batchSize: 10, epochs: 3, seeds: [0, 1] });
    expect(runs).toHaveLength(8);
    for (const r of runs) {
      expect(r.trainLoss).toHaveLength(3);
      expect(r.testLoss).toHaveLength(3);
      expect(r.trainLoss[2]).toBeLessThan(r.trainLoss[0] + 1e-12);
    }
  });
});
