/**
 * The "Choosing an optimizer" measurement, for the data loader
 * `src/data/choosing-comparison.json.ts` and its staleness test: reads the
 * course's data files (as the housing, sentences and digits loaders do) and
 * runs `fairContender` (lib/analysis/fair-comparison.ts) for every task and
 * contender. Deterministic: no times are recorded.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { denseToJSON, parseDenseCSV, type SentencesJSON } from "../lib/datasets.js";
import { comparisonTasks, defaultContenders, type ComparisonData, type ComparisonTask } from "../lib/compare.js";
import { fairContender, type FairContenderResult, type FairOptions } from "../lib/analysis/fair-comparison.js";

/** The three tasks of the chapter, built from data/ exactly as the page builds them. */
export function choosingTasks(root = process.cwd()): ComparisonTask[] {
  const read = (f: string) => readFileSync(join(root, "data", f), "utf8");
  const housing = denseToJSON(parseDenseCSV(read("housing.csv"), { target: "MedHouseVal", ignore: ["row"] }));
  const [header, ...rows] = read("digits.csv").trim().split(/\r?\n/);
  const part = (flag: string) => [header, ...rows.filter((row) => row.slice(row.lastIndexOf(",") + 1) === flag)].join("\n");
  const parse = (text: string) => denseToJSON(parseDenseCSV(text, { target: "target", ignore: ["test"], classes: 10 }));
  const digits = { train: parse(part("0")), test: parse(part("1")) };
  const sentences = JSON.parse(read("sentences.json")) as SentencesJSON;
  return comparisonTasks({ housing, sentences, digits } as ComparisonData);
}

export const CHOOSING_OPTIONS: FairOptions = { seeds: [0, 1, 2], halfDecades: 5, validationFraction: 0.2, maxExtend: 10 };

export interface ChoosingComparison {
  readonly options: FairOptions;
  readonly tasks: { name: string; title: string; fit: number; validation: number; test: number; dim: number; epochs: number; batchSize: number; classifier: boolean }[];
  readonly results: FairContenderResult[];
}

/** Rounds to 6 significant digits to keep the JSON small (the page shows 2–3). */
const round = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : x);
export function compact(r: FairContenderResult): FairContenderResult {
  return JSON.parse(JSON.stringify(r, (_k, v) => (typeof v === "number" ? (Number.isFinite(v) ? round(v) : null) : v)), (_k, v) => (v === null ? Infinity : v));
}

export function choosingComparison(tasks = choosingTasks(), options = CHOOSING_OPTIONS, contenders = defaultContenders()): ChoosingComparison {
  const results = tasks.flatMap((t) => contenders.map((c) => fairContender(t, c, options)));
  const frac = options.validationFraction ?? 0.2;
  return {
    options,
    tasks: tasks.map((t) => {
      const validation = Math.round(frac * t.train.n);
      return { name: t.name, title: t.title, fit: t.train.n - validation, validation, test: t.test.n, dim: t.model.dim, epochs: t.epochs, batchSize: t.batchSize, classifier: t.model.accuracy !== undefined };
    }),
    results: results.map(compact),
  };
}
