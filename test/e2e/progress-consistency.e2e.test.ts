// Exercise progress adds up in the built site: every numeric check and code
// exercise a page renders is a catalogue entry with the catalogue's points,
// every numeric or code entry is on its chapter's page, and the course map,
// the home page's summary, the exercises page, the instructors' tables and the
// exported progress file all show the catalogue's counts and points, before
// and after solving one numeric check and one code exercise. (The unit test
// test/coursework/page-checks.test.ts checks the page sources; this one checks
// what the reader's browser shows.) Each page is opened once for the counts;
// waits are on DOM state, never fixed sleeps.
import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { EXERCISES } from "../../exercises/index.js";
import { builtSite } from "./built-site.js";
import { builtPages } from "./pages.js";
import { builtCatalogue, readCourseMap, readErrorCells, readExerciseTable, readSummary, readTable, readWidgets, settle, type BuiltEntry, type Widget } from "./progress-pages.js";
import { chromiumPath, distDir } from "./setup.js";

/** The exercises solved in the browser, with the answers a reader would give. */
const NUMERIC = { id: "gradient-descent/parabola-three-steps", answer: String(10 * (1 - 2 * 0.2) ** 3) }; // x ← x − 0.2·2x = 0.6x, three times from 10
const CODE = { id: "gradient-descent/gd-step", page: "/gradient-descent", solution: "function gdStep(x, g, lr) {\n  for (let i = 0; i < x.length; i++) x[i] -= lr * g[i];\n}\nreturn {gdStep};" };

/** An id that is in no catalogue: a status stored under it is stale. */
const STALE = "gradient-descent/retired-check";
const checked = (e: BuiltEntry) => e.kind === "numeric" || e.kind === "code";

/** What the reader sees of a page, read once. */
interface Visit {
  widgets: Widget[];
  errors: string[];
  courseMap?: Record<string, { text: string; title: string }>;
  summary?: string;
  chapterTable?: Array<Record<string, string>>;
  exerciseTable?: Array<{ id: string; kind: string; points: number }>;
  mainText?: string;
}

/**
 * The ids a page must show: a chapter's page (a slug of the catalogue's
 * chapters) exactly its chapter's numeric and code entries, the coding
 * exercises page exactly every code entry; any other page (the instructors'
 * demonstration) may show catalogued code exercises, and no numeric check.
 */
function expectedOn(path: string, catalogue: readonly BuiltEntry[]): { ids: string[]; exact: boolean } {
  const slug = path.slice(1);
  if (catalogue.some((e) => e.chapter === slug)) return { ids: catalogue.filter((e) => checked(e) && e.chapter === slug).map((e) => e.id), exact: true };
  if (path === "/exercises") return { ids: catalogue.filter((e) => e.kind === "code").map((e) => e.id), exact: true };
  return { ids: [], exact: false };
}

/** Every way a page's widgets disagree with the catalogue, each naming the page and the id. */
function mismatches(path: string, visit: Visit, catalogue: readonly BuiltEntry[]): string[] {
  const byId = new Map(catalogue.map((e) => [e.id, e]));
  const { ids, exact } = expectedOn(path, catalogue);
  const out = visit.errors.map((e) => `${path}: an error cell reads "${e}"`);
  const onPage = visit.widgets.map((w) => w.id);
  for (const w of visit.widgets) {
    const entry = byId.get(w.id);
    if (!entry) {
      out.push(`${path}: the ${w.kind === "code" ? "code exercise" : "numeric check"} "${w.id}" is on the page but not in the catalogue (exercises/index.ts)`);
      continue;
    }
    if (entry.kind !== w.kind) out.push(`${path}: "${w.id}" is rendered as a ${w.kind} exercise but the catalogue lists it as ${entry.kind}`);
    if (exact && !ids.includes(w.id)) out.push(`${path}: "${w.id}" is on the page but belongs to the page /${entry.chapter}`);
    if (!exact && w.kind === "numeric") out.push(`${path}: the numeric check "${w.id}" belongs on its chapter's page /${entry.chapter} only`);
    if (w.kind === "code" && w.badge !== `${entry.points} points`) out.push(`${path}: "${w.id}" shows "${w.badge}" where the catalogue gives ${entry.points} points (not attempted)`);
  }
  for (const id of new Set(onPage)) {
    const n = onPage.filter((x) => x === id).length;
    if (n > 1) out.push(`${path}: "${id}" is rendered ${n} times (progress would count it once)`);
  }
  for (const id of ids) if (!onPage.includes(id)) out.push(`${path}: the catalogue's ${byId.get(id)!.kind} exercise "${id}" is not on the page`);
  if (exact && onPage.length !== ids.length) out.push(`${path}: ${onPage.length} exercise widgets on the page, ${ids.length} in the catalogue`);
  return out;
}

/** A chapter's expected course-map numbers: its numeric and code entries, solved ones and points. */
function chapterSums(catalogue: readonly BuiltEntry[], solved: ReadonlySet<string>) {
  const sums = new Map<string, { checked: number; solved: number; points: number; maxPoints: number }>();
  for (const e of catalogue.filter(checked)) {
    const s = sums.get(e.chapter) ?? { checked: 0, solved: 0, points: 0, maxPoints: 0 };
    s.checked += 1;
    s.maxPoints += e.points;
    if (solved.has(e.id)) {
      s.solved += 1;
      s.points += e.points;
    }
    sums.set(e.chapter, s);
  }
  return sums;
}

function expectedMap(catalogue: readonly BuiltEntry[], solved: ReadonlySet<string>): Record<string, { text: string; title: string }> {
  return Object.fromEntries(
    [...chapterSums(catalogue, solved)].map(([chapter, s]) => [chapter, { text: `${s.solved === s.checked ? "✓ " : ""}${s.solved}/${s.checked} exercises solved`, title: `${s.points} of ${s.maxPoints} points` }])
  );
}

function expectedSummary(catalogue: readonly BuiltEntry[], solved: ReadonlySet<string>): string {
  const all = catalogue.filter(checked);
  const points = all.filter((e) => solved.has(e.id)).reduce((s, e) => s + e.points, 0);
  const maxPoints = all.reduce((s, e) => s + e.points, 0);
  return `In this browser: ${all.filter((e) => solved.has(e.id)).length} of ${all.length} checked exercises solved · ${points} of ${maxPoints} points.`;
}

async function open(context: BrowserContext, url: string, expected: readonly string[]): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "domcontentloaded", timeout: 120_000 });
  await settle(page, expected);
  return page;
}

/** Opens a page, waits for its cells to settle and reads what it shows of the exercises. */
async function visit(context: BrowserContext, url: string, catalogue: readonly BuiltEntry[]): Promise<Visit> {
  const path = new URL(url).pathname;
  const page = await open(context, url, expectedOn(path, catalogue).ids);
  try {
    const seen: Visit = { widgets: await readWidgets(page), errors: await readErrorCells(page) };
    if (path === "/") {
      await page.waitForSelector(".progress-export .progress-summary:not(:empty)");
      seen.courseMap = await readCourseMap(page);
      seen.summary = await readSummary(page);
    }
    if (path === "/instructors") {
      await page.waitForSelector(".exercise-table tr[data-kind]", { state: "attached" });
      seen.chapterTable = await readTable(page, "code points");
      seen.exerciseTable = await readExerciseTable(page);
      seen.mainText = ((await page.textContent("#observablehq-main")) ?? "").replace(/\s+/g, " ");
    }
    return seen;
  } finally {
    await page.close();
  }
}

describe.runIf(chromiumPath)("exercise progress adds up in the built site", () => {
  const site = builtSite();
  const catalogue = chromiumPath ? builtCatalogue(distDir) : [];
  const visits = new Map<string, Visit>();

  // Every page once, in a fresh browser profile (nothing solved), before the tests read what it showed.
  // One page at a time: cells below the first screen compute when scrolled into view, and a second
  // page loading beside it (on a 2-core machine) starved that scroll-driven work past the pass.
  beforeAll(async () => {
    const context = await site.browser.newContext({ viewport: { width: 1200, height: 900 } });
    const queue = builtPages(distDir);
    const visitNext = async (): Promise<void> => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) visits.set(path, await visit(context, site.origin + path, catalogue));
    };
    await visitNext();
    await context.close();
  }, 900_000);

  test("the built catalogue is exercises/index.ts: same ids, kinds and points", () => {
    expect(catalogue.map(({ id, kind, points }) => ({ id, kind, points }))).toEqual(EXERCISES.map(({ id, kind, points }) => ({ id, kind, points })));
  });

  test("every page renders exactly the catalogue's numeric checks and code exercises for it, once each, with the catalogue's points", () => {
    expect(visits.size).toBe(builtPages(distDir).length);
    const problems = [...visits].flatMap(([path, visit]) => mismatches(path, visit, catalogue));
    expect(problems, `\n${problems.join("\n")}\n`).toEqual([]);
    // Not vacuous: the chapters together show every numeric and code entry.
    const shown = new Set([...visits].filter(([path]) => path !== "/exercises").flatMap(([, v]) => v.widgets.map((w) => w.id)));
    expect(catalogue.filter((e) => checked(e) && !shown.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  test("the course map and the home page's summary show the catalogue's counts and points, nothing solved yet", () => {
    const home = visits.get("/")!;
    expect(home.courseMap).toEqual(expectedMap(catalogue, new Set()));
    expect(home.summary).toBe(expectedSummary(catalogue, new Set()));
  });

  test("the instructors' chapter table, totals sentence and list of every exercise show the catalogue's counts and points", () => {
    const visit = visits.get("/instructors")!;
    const slugs = [...new Set(catalogue.map((e) => e.chapter))];
    const count = (chapter: string, kind: BuiltEntry["kind"]) => catalogue.filter((e) => e.chapter === chapter && e.kind === kind);
    const sum = (entries: BuiltEntry[]) => entries.reduce((s, e) => s + e.points, 0);
    expect(visit.chapterTable!.map((row) => ({ slug: row.slug, code: row.code, "code points": row["code points"], numeric: row.numeric, written: row.written, "total points": row["total points"] }))).toEqual(
      slugs.map((slug) => ({
        slug,
        code: String(count(slug, "code").length),
        "code points": String(sum(count(slug, "code"))),
        numeric: String(count(slug, "numeric").length),
        written: String(count(slug, "concept").length),
        "total points": String(sum(catalogue.filter((e) => e.chapter === slug))),
      }))
    );
    const code = catalogue.filter((e) => e.kind === "code");
    expect(visit.mainText).toContain(
      `The catalogue holds ${code.length} code exercises worth ${sum(code)} points in ${new Set(code.map((e) => e.chapter)).size} chapters, ${catalogue.filter((e) => e.kind === "numeric").length} numeric exercises checked in the pages and ${catalogue.filter((e) => e.kind === "concept").length} written ones.`
    );
    expect(visit.exerciseTable).toEqual(catalogue.map(({ id, kind, points }) => ({ id, kind, points })));
  });

  test("solving one numeric check and one code exercise moves the course map, the summary and the exercises page by exactly their points, and the export lists exactly the catalogue", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
    const errors: string[] = [];
    context.on("page", (p) => p.on("pageerror", (e) => errors.push(e.message)));
    const chapter = await open(context, site.origin + CODE.page, expectedOn(CODE.page, catalogue).ids);
    // A status left in the browser by a check that is no longer in the catalogue (renamed or retired) must count nowhere.
    await chapter.evaluate((key) => localStorage.setItem(key, "passed"), `descent:exercise:${STALE}`);

    const check = chapter.locator(`.exercise-check[data-exercise="${NUMERIC.id}"]`);
    await check.locator("input").fill(NUMERIC.answer);
    await check.locator("button", { hasText: "Check" }).click();
    await check.locator('.exercise-feedback[data-status="passed"]').waitFor();

    const exercise = chapter.locator(`.code-exercise[data-exercise="${CODE.id}"]`);
    // The editor loads when the exercise nears the viewport; the untouched stub's run lists its checks as not attempted.
    await exercise.scrollIntoViewIfNeeded();
    await exercise.locator(".checklist").waitFor({ timeout: 30_000 });
    await exercise.locator(".cm-content").click();
    await chapter.keyboard.press("Control+A");
    await chapter.keyboard.insertText(CODE.solution);
    await exercise.locator("button", { hasText: "Run" }).click();
    const points = catalogue.find((e) => e.id === CODE.id)!.points;
    await exercise.locator(".code-exercise-status", { hasText: `✓ solved · ${points} of ${points} points` }).waitFor({ timeout: 30_000 });
    await chapter.close();

    const solved = new Set([NUMERIC.id, CODE.id]);
    const home = await open(context, site.origin + "/", []);
    await home.waitForSelector(".progress-export .progress-summary:not(:empty)");
    expect(await readCourseMap(home)).toEqual(expectedMap(catalogue, solved));
    expect(await readSummary(home)).toBe(expectedSummary(catalogue, solved));
    const before = chapterSums(catalogue, new Set()).get("gradient-descent")!;
    const after = chapterSums(catalogue, solved).get("gradient-descent")!;
    expect(after.points - before.points).toBe(catalogue.filter((e) => solved.has(e.id)).reduce((s, e) => s + e.points, 0));

    await home.fill('.progress-export input[name="student"]', "Ada Lovelace");
    const [download] = await Promise.all([home.waitForEvent("download"), home.click('.progress-export button:has-text("Export my progress")')]);
    const file = JSON.parse(readFileSync((await download.path())!, "utf8"));
    expect(file.exercises.map((e: { id: string; status: string; points: number; maxPoints: number }) => ({ id: e.id, status: e.status, points: e.points, maxPoints: e.maxPoints }))).toEqual(
      catalogue.filter(checked).map((e) => ({ id: e.id, status: solved.has(e.id) ? "passed" : "not attempted", points: solved.has(e.id) ? e.points : 0, maxPoints: e.points }))
    );
    const all = catalogue.filter(checked);
    expect(file.totals).toEqual({ solved: 2, checked: all.length, points: all.filter((e) => solved.has(e.id)).reduce((s, e) => s + e.points, 0), maxPoints: all.reduce((s, e) => s + e.points, 0) });
    await home.close();

    const exercises = await open(context, site.origin + "/exercises", expectedOn("/exercises", catalogue).ids);
    const badges = (await readWidgets(exercises)).map((w) => ({ id: w.id, badge: w.badge }));
    expect(badges).toEqual(catalogue.filter((e) => e.kind === "code").map((e) => ({ id: e.id, badge: e.id === CODE.id ? `✓ solved · ${e.points} of ${e.points} points` : `${e.points} points` })));
    // Solving stored exactly the two solved ids (beside the planted stale one).
    const stored = await exercises.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("descent:exercise:")).map((k) => k.slice("descent:exercise:".length)).sort());
    expect(stored).toEqual([...solved, STALE].sort());
    await exercises.close();
    expect(errors).toEqual([]);
    await context.close();
  });
});
