/**
 * Build-time experiment (a few minutes of CPU, cached by Framework): annealed
 * gradient noise on a deep MLP with a poor initialization, on the digits —
 * `deepNoiseExperiment` (lib/analysis/gradient-noise-mlp.ts) with its
 * defaults: 6 hidden layers of 32 units, weights × 0.5, SGD η = 0.1, 10
 * epochs of batches of 32, noise η ∈ {0, 0.01, 0.3, 1}, γ = 0.55, 5 seeds.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDenseCSV, standardize } from "../../lib/datasets.js";
import { deepNoiseExperiment } from "../../lib/analysis/gradient-noise-mlp.js";

const lines = readFileSync(join(process.cwd(), "data", "digits.csv"), "utf8").trim().split(/\r?\n/);
const [header, ...rows] = lines;
const part = (flag: string) => parseDenseCSV([header, ...rows.filter((row) => row.slice(row.lastIndexOf(",") + 1) === flag)].join("\n"), { target: "target", ignore: ["test"], classes: 10 });
const { data: train, stats } = standardize(part("0"));
const { data: test } = standardize(part("1"), { stats });
process.stdout.write(JSON.stringify(deepNoiseExperiment(train, test)));
