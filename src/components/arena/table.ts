/**
 * ArenaTable: the race in words, for every reader including those who cannot
 * see the chart — each racer's learning rate, the step from which it stays
 * within the target, its final loss, and whether it diverged (on the saddle,
 * which is unbounded below, "diverged" means the loss ran off to −∞, i.e. the
 * racer escaped for good). Rows in finishing order.
 */
import { standings, type RaceRun } from "../../lib/arena/race.js";
import { num } from "../format.js";

export interface TableContext {
  readonly surfaceTitle: string;
  readonly start: readonly [number, number];
  readonly steps: number;
  readonly target: number;
  /** The loss has no lower bound (the saddle). */
  readonly unbounded: boolean;
  readonly lr: ReadonlyMap<string, number>;
  readonly colors: ReadonlyMap<string, string>;
}

/** One sentence on a run's outcome. */
export function outcome(run: RaceRun, unbounded: boolean): string {
  const t = run.trajectory;
  if (t.diverged) return unbounded ? `loss ran off to −∞ at step ${t.divergedAt}` : `diverged at step ${t.divergedAt}`;
  return run.stepsToTarget === null ? "did not reach the target" : "reached the target";
}

export class ArenaTable {
  readonly element: HTMLElement;
  private readonly caption: HTMLTableCaptionElement;
  private readonly body: HTMLTableSectionElement;

  constructor() {
    this.element = document.createElement("div");
    this.element.className = "arena-table";
    const table = document.createElement("table");
    this.caption = table.createCaption();
    const head = table.createTHead().insertRow();
    for (const text of ["#", "optimizer", "η", "steps to target", "final loss", "outcome"]) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = text;
      head.append(th);
    }
    this.body = table.createTBody();
    this.element.append(table);
  }

  draw(runs: readonly RaceRun[], context: TableContext): void {
    const { surfaceTitle, start, steps, target } = context;
    this.caption.textContent = `Race summary: ${surfaceTitle} from (${start.map((v) => num(v, 4)).join(", ")}), ${steps} steps; a racer reaches the target when its loss stays ≤ ${num(target)} to the end.`;
    this.body.replaceChildren();
    standings(runs).forEach((run, k) => {
      const row = this.body.insertRow();
      row.insertCell().textContent = String(k + 1);
      const name = document.createElement("th");
      name.scope = "row";
      const swatch = document.createElement("span");
      swatch.className = "arena-swatch";
      swatch.style.background = context.colors.get(run.name) ?? "currentColor";
      name.append(swatch, run.title);
      row.append(name);
      row.insertCell().textContent = num(context.lr.get(run.name) ?? NaN);
      row.insertCell().textContent = run.stepsToTarget === null ? "—" : String(run.stepsToTarget);
      row.insertCell().textContent = num(run.finalLoss, 3);
      row.insertCell().textContent = outcome(run, context.unbounded);
      row.classList.toggle("arena-diverged", run.trajectory.diverged && !context.unbounded);
    });
  }
}
