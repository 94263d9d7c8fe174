/**
 * Readers for the progress consistency test (progress-consistency.e2e.test.ts):
 * what the built pages show of the exercises — the widgets a page renders,
 * the course map's badges and the progress summary on the home page, the
 * instructors' tables — read from the DOM as plain data, and the built
 * catalogue the pages load (dist/_file/data/exercises.<hash>.json).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { scrollThrough } from "./scroll-through.js";

/** The catalogue fields the test compares (src/data/exercises.json has more). */
export interface BuiltEntry {
  id: string;
  chapter: string;
  title: string;
  points: number;
  kind: "code" | "numeric" | "concept";
}

/** The catalogue as the built site serves it: the data loader's output in dist/. */
export function builtCatalogue(dist: string): BuiltEntry[] {
  const dir = join(dist, "_file", "data");
  const files = readdirSync(dir).filter((f) => /^exercises\.[0-9a-f]+\.json$/.test(f));
  if (files.length !== 1) throw new Error(`${dir} should hold one exercises.<hash>.json, found ${files.length}: build the site first`);
  return JSON.parse(readFileSync(join(dir, files[0]), "utf8")) as BuiltEntry[];
}

/** One exercise widget as rendered: NumericCheck (`.exercise-check`) or CodeExercise (`.code-exercise`), both marked `data-exercise="<id>"`. */
export interface Widget {
  id: string;
  kind: "numeric" | "code";
  /** What a code exercise's badge says ("5 points", "✓ solved · 5 of 5 points"); null for a numeric check, which shows no points. */
  badge: string | null;
}

/**
 * Scrolls through the page (cells below the first screen compute when
 * visible), then waits until its cells have settled: no inline expression still
 * shows Framework's `<observablehq-loading>` placeholder and every id in
 * `expected` is on the page. Returns when that holds or after `timeout` ms
 * (then the comparison names what is missing); never a fixed sleep.
 */
export async function settle(page: Page, expected: readonly string[], timeout = 120_000): Promise<void> {
  // Cells below the first screen wait for reached(their section) before they compute: scroll through as a reader would,
  // and again (at most 5 passes) while an expected exercise is missing — a cell whose inputs (a heavy cell
  // further up) were ready only after the pass went by computes when the reader comes back to it.
  for (let pass = 0; pass < 5; ++pass) {
    await scrollThrough(page).catch(() => undefined);
    if (await page.evaluate((ids) => ids.every((id) => document.querySelector(`[data-exercise="${CSS.escape(id)}"]`)), [...expected])) break;
  }
  await page
    .waitForFunction(
      (ids) => document.querySelectorAll("observablehq-loading").length === 0 && ids.every((id) => document.querySelector(`[data-exercise="${CSS.escape(id)}"]`)),
      [...expected],
      { timeout, polling: 100 }
    )
    .catch(() => undefined);
}

/** The exercise widgets on the page, in document order. */
export function readWidgets(page: Page): Promise<Widget[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>(".exercise-check[data-exercise], .code-exercise[data-exercise]")).map((el) => ({
      id: el.dataset.exercise ?? "",
      kind: el.classList.contains("code-exercise") ? ("code" as const) : ("numeric" as const),
      badge: el.classList.contains("code-exercise") ? (el.querySelector(".code-exercise-status")?.textContent ?? "").trim() : null,
    }))
  );
}

/** Observable error cells on the page (a CodeExercise with an unknown id throws and shows one). */
export function readErrorCells(page: Page): Promise<string[]> {
  return page.locator(".observablehq--error").allInnerTexts().then((texts) => texts.map((t) => t.trim().split("\n")[0]));
}

/** The course map's progress badge of every chapter that shows one: its text and its title (the points). */
export function readCourseMap(page: Page): Promise<Record<string, { text: string; title: string }>> {
  return page.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll<HTMLElement>(".course-map li[data-chapter]")).flatMap((li) => {
        const badge = li.querySelector<HTMLElement>(".course-map-progress");
        return badge ? [[li.dataset.chapter!, { text: (badge.textContent ?? "").trim(), title: badge.title }]] : [];
      })
    )
  );
}

/** The home page's progress summary ("In this browser: 0 of 51 checked exercises solved · 0 of 160 points."). */
export async function readSummary(page: Page): Promise<string> {
  return ((await page.textContent(".progress-export .progress-summary")) ?? "").trim();
}

/** The rows of the first table with a header cell `header`, as objects keyed by the header cells (Inputs.table's selection column has none and is dropped). */
export function readTable(page: Page, header: string): Promise<Array<Record<string, string>>> {
  return page.evaluate((name) => {
    const text = (el: Element) => (el.textContent ?? "").trim();
    const table = Array.from(document.querySelectorAll("table")).find((t) => Array.from(t.querySelectorAll("thead th")).some((th) => text(th) === name));
    if (!table) return [];
    const headers = Array.from(table.querySelectorAll("thead th")).map(text);
    return Array.from(table.querySelectorAll("tbody tr")).map((tr) =>
      Object.fromEntries(Array.from(tr.children).flatMap((td, i) => (headers[i] ? [[headers[i], text(td)]] : [])))
    );
  }, header);
}

/** The instructors' list of every exercise (ExerciseTable): each row's id, kind and points. */
export function readExerciseTable(page: Page): Promise<Array<{ id: string; kind: string; points: number }>> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>(".exercise-table tr[data-kind]")).map((tr) => ({
      id: (tr.querySelector("td code")?.textContent ?? "").trim(),
      kind: tr.dataset.kind ?? "",
      points: Number((tr.lastElementChild?.textContent ?? "").trim()),
    }))
  );
}
