/**
 * The playground's race on sparse data, for the page: rows for the seed-band
 * charts (train and test loss over epochs, median and range over seeds), the
 * legend labels (a diverged or failed entrant says so), and the sentence that
 * says where the reader's optimizer lands — generated from the result:
 * rank by median test loss, and, against each rival, "ahead" or "behind" only
 * when the two ranges over seeds do not overlap (lib/analysis/seed-spread.ts),
 * "within the noise" otherwise.
 */
import { curveSpread, standing, type RaceEntry, type RaceResult } from "../../lib/analysis/sparse-race.js";
import type { SeedBandRow } from "../charts/seed-band-chart.js";
import { num } from "../format.js";

/** The name of the reader's entry (as the playground adapter names it). */
export const YOURS = "yours";

const listOf = (names: readonly string[]) => (names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`);

/** The legend label of an entry: its label, and what went wrong if anything did. */
export function entryLabel(entry: RaceEntry, seeds: number): string {
  const rates = entry.lrs ? [...new Set(entry.lrs.map((lr) => num(lr)))] : [];
  const tuned = rates.length === 0 ? "" : rates.length === 1 ? `, tuned η ${rates[0]}` : `, tuned η ${entry.lrs!.map((lr) => num(lr)).join("/")} by seed`;
  const base = entry.name === YOURS ? `★ ${entry.label}` : `${entry.label}${tuned}`;
  if (entry.error !== undefined) return `${base} (did not finish)`;
  if (entry.diverged > 0) return `${base} (diverged on ${entry.diverged} of ${seeds} seed${seeds === 1 ? "" : "s"})`;
  return base;
}

/** Rows for SeedBandChart: per entry and curve point, the median and range over seeds of the train or test loss. */
export function sparseRaceRows(race: RaceResult, key: "train" | "test"): SeedBandRow[] {
  return race.entries.flatMap((e) => curveSpread(e, key).map(({ epoch, spread }) => ({ series: entryLabel(e, race.seeds.length), x: epoch, median: spread.median, min: spread.min, max: spread.max })));
}

/**
 * The y scale for the race's charts: logarithmic when some finite loss on the
 * curves exceeds ten times the untrained one (a blow-up short of divergence),
 * which on a linear axis would press every other curve flat at the bottom.
 */
export function sparseRaceYType(race: RaceResult): "linear" | "log" {
  const limit = 10 * Math.max(race.initial.train, race.initial.test);
  const high = race.entries.some((e) => e.runs.some((r) => r.curve.some((p) => (Number.isFinite(p.train) && p.train > limit) || (Number.isFinite(p.test) && p.test > limit))));
  return high ? "log" : "linear";
}

/** The series in the order of the entries (the reader's first). */
export function sparseRaceSeries(race: RaceResult): string[] {
  return race.entries.map((e) => entryLabel(e, race.seeds.length));
}

const range = (s: { median: number; min: number; max: number }) => `${num(s.median)} (range ${num(s.min)}–${num(s.max)})`;

/**
 * Where the reader's optimizer lands, in one or two sentences generated from
 * the race: rank by median test loss, and which rivals it beats, ties or
 * trails outside or within the noise of the seeds.
 */
export function sparseVerdict(race: RaceResult, yours = YOURS): string {
  const me = race.entries.find((e) => e.name === yours);
  if (!me) return "";
  const n = race.seeds.length;
  const labelOf = (name: string) => race.entries.find((e) => e.name === name)!.label;
  if (me.error !== undefined) return `Your optimizer did not finish this race (${me.error}), so it is not ranked.`;
  if (me.diverged === n) return `Your optimizer diverged on all ${num(n)} seeds, so it is not ranked: try a smaller learning rate.`;
  const s = standing(race.entries, yours);
  const others = race.entries.length - 1;
  const head =
    me.diverged > 0
      ? `Your optimizer diverged on ${num(me.diverged)} of ${num(n)} seeds; counting those as an infinite loss, its median test loss is ${Number.isFinite(me.test.median) ? num(me.test.median) : "infinite"}`
      : `Over ${num(n)} seeds your optimizer ends with a median test loss of ${range(me.test)}`;
  const rank = others === 0 ? "" : `, rank ${num(s.rank)} of ${num(race.entries.length)} by median`;
  const parts: string[] = [];
  if (s.ahead.length) parts.push(`ahead of ${listOf(s.ahead.map(labelOf))} outside the noise (every seed of yours below every seed of ${s.ahead.length === 1 ? "theirs" : "each"})`);
  if (s.tied.length) parts.push(`within the noise of ${listOf(s.tied.map(labelOf))} (the ranges overlap)`);
  if (s.behind.length) parts.push(`behind ${listOf(s.behind.map(labelOf))} outside the noise`);
  const where = others === 0 ? "." : `: ${parts.join("; ")}.`;
  return `${head}${rank}${where}${untrainedNote(me, race.initial)}`;
}

/**
 * The sentence for a median test loss at or above the untrained model's: above
 * it on the training loss too, the steps most likely overshoot; above only on
 * the test loss, the fit does not carry to new sentences; equal, no better.
 */
function untrainedNote(me: RaceEntry, initial: RaceResult["initial"]): string {
  const t = me.test.median;
  if (!(t >= initial.test) || !Number.isFinite(t)) return "";
  if (t === initial.test) return ` That is no better than the untrained model's ${num(initial.test)}.`;
  const times = t / initial.test;
  const factor = times >= 1.1 ? ` (${num(times)} times it)` : "";
  return me.train.median > initial.train
    ? ` That is worse than the untrained model's ${num(initial.test)}${factor}, on the training sentences too (median ${num(me.train.median)} against ${num(initial.train)}): the steps are most likely too large — try a smaller η.`
    : ` That is worse than the untrained model's ${num(initial.test)}${factor}, although the training loss fell (median ${num(me.train.median)} against ${num(initial.train)}): what it fits does not carry to new sentences.`;
}
