/**
 * FairRaceTable(results): after tuning every optimizer's learning rate on each
 * surface, the step from which each one stays within that surface's target —
 * the median over the tuning starts (— when the median start never does) —
 * the winner of each row in bold. Rows are surfaces,
 * columns optimizers.
 */
import type { TuneResult } from "../../lib/arena/tune.js";
import type { OptimizerName } from "../../lib/optimizers/registry.js";
import { optimizerColor } from "../optimizer-colors.js";
import { num } from "../format.js";
import { injectArenaStyle } from "./style.js";
import { DEFAULT_STEPS, defaultConfig, SURFACE_NAMES, SURFACE_TITLES, type SurfaceName } from "../../lib/arena/config.js";
import { compareTunePoints, tuneAll, TUNING_STARTS } from "../../lib/arena/tune.js";
import { optimizerInfo } from "../../lib/optimizers/registry.js";

export interface FairRaceRow {
  readonly surface: string;
  /** The step budget of the races. */
  readonly steps: number;
  readonly results: ReadonlyArray<{ readonly name: OptimizerName; readonly title: string; readonly result: TuneResult }>;
}

/**
 * Tunes the default racers on every surface (lib/arena/tune.ts `tuneAll`),
 * one surface per animation frame so the page stays responsive.
 */
export async function fairRaces(surfaces: readonly SurfaceName[] = SURFACE_NAMES): Promise<Array<FairRaceRow & { readonly name: SurfaceName }>> {
  const rows: Array<FairRaceRow & { readonly name: SurfaceName }> = [];
  for (const surface of surfaces) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const config = defaultConfig(surface);
    const tuned = tuneAll(config);
    rows.push({ name: surface, surface: SURFACE_TITLES[surface], steps: config.steps, results: tuned.map(({ racer, result }) => ({ name: racer.name, title: optimizerInfo(racer.name).title, result })) });
  }
  return rows;
}

/** The winner of a fair race: the best tuned point, judged over the tuning starts (not the race's single start). */
export function fairWinner<T extends { readonly result: TuneResult }>(results: readonly T[]): T {
  return [...results].sort((a, b) => compareTunePoints(a.result.point, b.result.point))[0];
}

export function FairRaceTable(rows: readonly FairRaceRow[]): HTMLElement {
  injectArenaStyle();
  const wrap = document.createElement("div");
  wrap.className = "arena-table";
  const table = document.createElement("table");
  table.createCaption().textContent = `Median over ${TUNING_STARTS} starts of the steps until the loss stays within the target, each optimizer at its own tuned η (in brackets); — the median start never gets there within the ${rows[0]?.steps ?? DEFAULT_STEPS} steps. Bold: the winner.`;
  const head = table.createTHead().insertRow();
  const corner = document.createElement("th");
  corner.textContent = "surface";
  head.append(corner);
  for (const r of rows[0]?.results ?? []) {
    const th = document.createElement("th");
    th.scope = "col";
    const swatch = document.createElement("span");
    swatch.className = "arena-swatch";
    swatch.style.background = optimizerColor(r.name);
    th.append(swatch, r.title);
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = row.surface;
    tr.append(th);
    const winner = fairWinner(row.results);
    for (const r of row.results) {
      const cell = tr.insertCell();
      const s = r.result.point.stepsToTarget;
      cell.textContent = `${s === null ? "—" : s} (${num(r.result.lr, 2)})`;
      if (r === winner && s !== null) cell.style.fontWeight = "700";
    }
  }
  wrap.append(table);
  return wrap;
}
