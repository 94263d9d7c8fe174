/**
 * FairRaceTable(results): after tuning every optimizer's learning rate on each
 * surface, the step from which each one stays within that surface's target
 * (— when it never does), the winner of each row in bold. Rows are surfaces,
 * columns optimizers.
 */
import type { TuneResult } from "../../lib/arena/tune.js";
import type { OptimizerName } from "../../lib/optimizers/registry.js";
import { standings } from "../../lib/arena/race.js";
import { optimizerColor } from "../optimizer-colors.js";
import { num } from "../format.js";
import { injectArenaStyle } from "./style.js";
import { DEFAULT_STEPS, defaultConfig, SURFACE_NAMES, SURFACE_TITLES, type SurfaceName } from "../../lib/arena/config.js";
import { tuneAll } from "../../lib/arena/tune.js";
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

export function FairRaceTable(rows: readonly FairRaceRow[]): HTMLElement {
  injectArenaStyle();
  const wrap = document.createElement("div");
  wrap.className = "arena-table";
  const table = document.createElement("table");
  table.createCaption().textContent = `Steps until the loss stays within the target, each optimizer at its own tuned η (in brackets); — never within the ${rows[0]?.steps ?? DEFAULT_STEPS} steps. Bold: the winner.`;
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
    const winner = standings(row.results.map((r) => r.result.run))[0];
    for (const r of row.results) {
      const cell = tr.insertCell();
      const s = r.result.run.stepsToTarget;
      cell.textContent = `${s === null ? "—" : s} (${num(r.result.lr, 2)})`;
      if (r.result.run === winner && s !== null) cell.style.fontWeight = "700";
    }
  }
  wrap.append(table);
  return wrap;
}
