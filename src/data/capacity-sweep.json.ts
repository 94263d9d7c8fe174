/**
 * Build-time numbers for the learning-rate chapter's "hyperparameters and
 * capacity" sweep (lib/analysis/capacity-sweep.ts): the digits MLP 64–h–10,
 * trained by minibatch SGD (batch 32, 20 epochs) for every hidden width h and
 * learning rate η, 3 seeds each, on 75% of the digits training images, scored
 * on the other 25% (a validation split; the test images stay unused).
 * About a minute of compute, so it runs once at build time.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDenseCSV, standardize, trainTestSplit } from "../../lib/datasets.js";
import { capacitySweep, summarizeCapacity } from "../../lib/analysis/capacity-sweep.js";

const lines = readFileSync(join(process.cwd(), "data", "digits.csv"), "utf8").trim().split(/\r?\n/);
const [header, ...rows] = lines;
const trainPart = [header, ...rows.filter((row) => row.slice(row.lastIndexOf(",") + 1) === "0")].join("\n");
const all = parseDenseCSV(trainPart, { target: "target", ignore: ["test"], classes: 10 });
const split = trainTestSplit(all, 0.25, 0);
const stats = standardize(split.train);
const trainData = stats.data;
const validation = standardize(split.test, { stats: stats.stats }).data;
const settings = { widths: [4, 8, 16, 32, 64], lrs: [0.03, 0.1, 0.3, 1, 3], seeds: [0, 1, 2], epochs: 20, batchSize: 32 };
const runs = capacitySweep(trainData, validation, settings);
process.stdout.write(JSON.stringify({ settings, nTrain: trainData.n, nValidation: validation.n, runs, ...summarizeCapacity(runs) }));
