/**
 * Build-time numbers for the learning-rate chapter's population-based training:
 * PBT against random search at equal compute (lib/analysis/population-training.ts)
 * on the ridge-regression housing task of learning-rate-search.json.ts, over
 * 8 seeds, for each population size × number of rounds the page offers:
 * selection on a validation set, the reported loss on a separate test set.
 * The page recomputes only the single run it draws (one seed) live.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDenseCSV, standardize, trainTestSplit } from "../../lib/datasets.js";
import { comparePbtRandom } from "../../lib/analysis/population-training.js";

const csv = readFileSync(join(process.cwd(), "data", "housing.csv"), "utf8");
const { data } = standardize(parseDenseCSV(csv, { target: "MedHouseVal", ignore: ["row"] }), { target: true });
// Three-way split: the 300 held-out block groups of learning-rate-search.json.ts
// are the test set; the other 1,200 split into 900 for training and 300 for
// validation (PBT's selections and the choice of each method's final worker).
const split = trainTestSplit(data, 0.2, 0);
const inner = trainTestSplit(split.train, 0.25, 1);
const task = { train: inner.train, validation: inner.test, test: split.test, batchSize: 10 };
const SEEDS = [0, 1, 2, 3, 4, 5, 6, 7];
const settings = [5, 10].flatMap((population) => [4, 8].map((rounds) => ({ population, rounds })));
const comparisons = settings.map((s) => ({ ...s, ...comparePbtRandom(task, s, SEEDS) }));

process.stdout.write(JSON.stringify({ task: { batchSize: 10, testFraction: 0.2, splitSeed: 0, validationFraction: 0.25, validationSplitSeed: 1, nTrain: task.train.n, nValidation: task.validation.n, nTest: task.test.n, logRange: [-4, 0], fraction: 0.2 }, seeds: SEEDS, comparisons }));
