/**
 * The playground's race on sparse data, the rivals' side, for the data loader
 * `src/data/playground-sparse.json.ts`: each rival the page offers is tuned on
 * the sentences with exactly the protocol of "Choosing an optimizer"
 * (`fairContender` with `CHOOSING_OPTIONS`, so the η selected per seed is the
 * one that chapter selects), then raced at that η under each seed
 * (`sparseRace`, lib/analysis/sparse-race.ts), recording its training and test
 * loss curves. The reader's optimizer is raced in the sandbox at run time with
 * the same split, seeds and curve points; only the rivals, which do not depend
 * on the reader, are computed here once. Deterministic.
 */
import { fairContender, spread, type Spread } from "../lib/analysis/fair-comparison.js";
import { selectedRates, sparseRace, type RaceEntrant, type RaceResult } from "../lib/analysis/sparse-race.js";
import { defaultContenders, type ComparisonTask } from "../lib/compare.js";
import { validationSplit } from "../lib/analysis/fair-comparison.js";
import { CHOOSING_OPTIONS, choosingTasks } from "./choosing-comparison.js";

/** The rivals the playground's "race against" control offers. */
export const SPARSE_RIVALS = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"] as const;

export interface PlaygroundSparse {
  readonly seeds: number[];
  readonly validationFraction: number;
  /** The rivals' race (every rival, each at its per-seed selected η). */
  readonly race: RaceResult;
  /** Per rival: the fair comparison's test loss over seeds at the selected η (what "Choosing an optimizer" ranks). */
  readonly fair: { name: string; testLoss: Spread }[];
}

export function playgroundSparse(task: ComparisonTask = choosingTasks().find((t) => t.name === "sentences")!, names: readonly string[] = SPARSE_RIVALS): PlaygroundSparse {
  const seeds = [...(CHOOSING_OPTIONS.seeds ?? [0, 1, 2])];
  const validationFraction = CHOOSING_OPTIONS.validationFraction ?? 0.2;
  const contenders = defaultContenders().filter((c) => names.includes(c.name));
  const fair = contenders.map((c) => fairContender(task, c, CHOOSING_OPTIONS));
  const steps = task.epochs * Math.ceil(validationSplit(task.train, validationFraction).fit.n / task.batchSize);
  const entrants: RaceEntrant[] = contenders.map((c) => {
    const lrs = selectedRates(fair, task.name, c.name, seeds);
    return { name: c.name, label: c.label, lrs, make: (seed: number) => c.make(lrs[seeds.indexOf(seed)], steps) };
  });
  const race = sparseRace(task, entrants, { seeds, validationFraction });
  return { seeds, validationFraction, race, fair: fair.map((r) => ({ name: r.contender, testLoss: spread(r.selected.map((s) => s.testLoss)) })) };
}
