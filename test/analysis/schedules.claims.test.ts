// Claims of the schedules chapter about the four-schedule race on the digits MLP
// (src/schedules.md, "Four schedules on a real model"): the page's radio offers
// the peak rates 0.3, 1 and 2 with fixed seeds, so each claim is checked at
// every setting it speaks of, with the page's exact configuration.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { raceSchedules, scheduleRace, type RaceRun } from "../../lib/analysis/schedule-race.js";
import { mlp, parseDenseCSV, standardize } from "../../lib/index.js";

const lines = readFileSync(join(process.cwd(), "data", "digits.csv"), "utf8").trim().split(/\r?\n/);
const [header, ...rows] = lines;
const part = (flag: string) => [header, ...rows.filter((row) => row.slice(row.lastIndexOf(",") + 1) === flag)].join("\n");
const parse = (text: string) => parseDenseCSV(text, { target: "target", ignore: ["test"], classes: 10 });
const { data: train, stats } = standardize(parse(part("0")));
const test = standardize(parse(part("1")), { stats }).data;
const batchSize = 32, epochs = 6, seeds = [0, 1, 2];
const perEpoch = Math.ceil(train.n / batchSize);

function race(peak: number): RaceRun[] {
  return scheduleRace(mlp([64, 32, 10]), train, test, { schedules: raceSchedules(peak, epochs * perEpoch, perEpoch), batchSize, epochs, seeds });
}
const final = (runs: RaceRun[], prefix: string, key: "trainLoss" | "testLoss") =>
  runs.filter((r) => r.label.startsWith(prefix)).map((r) => (r.diverged || r[key].length < epochs ? Infinity : r[key][epochs - 1]));
const others = (runs: RaceRun[], prefix: string) => [...new Set(runs.map((r) => r.label))].filter((l) => !l.startsWith(prefix));

describe("schedules chapter: the race on the digits MLP", { timeout: 600_000 }, () => {
  it("at η₀ = 0.3 the constant rate ends with the lowest training loss in every seed, and no schedule beats it on the test set beyond the seeds' spread", () => {
    const runs = race(0.3);
    const mine = Math.max(...final(runs, "constant", "trainLoss"));
    for (const other of others(runs, "constant")) expect(mine).toBeLessThan(Math.min(...final(runs, other, "trainLoss")));
    const myTest = Math.min(...final(runs, "constant", "testLoss"));
    for (const other of others(runs, "constant")) expect(Math.max(...final(runs, other, "testLoss"))).toBeGreaterThanOrEqual(myTest);
  });

  it("at η₀ = 1 warmup + cosine ends with the lowest test loss in every seed; the constant rate has the lowest training loss in every seed, step decay ends above cosine and warmup + cosine in every seed, and those two overlap", () => {
    const runs = race(1);
    const warm = Math.max(...final(runs, "warmup", "testLoss"));
    for (const other of others(runs, "warmup")) expect(warm).toBeLessThan(Math.min(...final(runs, other, "testLoss")));
    const constantTrain = Math.max(...final(runs, "constant", "trainLoss"));
    for (const other of others(runs, "constant")) expect(constantTrain).toBeLessThan(Math.min(...final(runs, other, "trainLoss")));
    const step = final(runs, "step", "trainLoss"), cos = final(runs, "cosine", "trainLoss"), w = final(runs, "warmup", "trainLoss");
    expect(Math.min(...step)).toBeGreaterThan(Math.max(...cos, ...w));
    expect(Math.min(...cos) <= Math.max(...w) && Math.min(...w) <= Math.max(...cos)).toBe(true);
  });

  it("at η₀ = 2 the constant rate diverges, and each of the other schedules ends with a training loss above 1 in at least one seed", () => {
    const runs = race(2);
    expect(runs.filter((r) => r.label === "constant").every((r) => r.diverged)).toBe(true);
    for (const label of others(runs, "constant")) expect(Math.max(...final(runs, label, "trainLoss"))).toBeGreaterThan(1);
  });
});
