/**
 * The page-side exercise catalogue (src/data/exercises.json): every
 * exercise's id, chapter, title, points, statement and kind, and for code
 * exercises the starter code (the stubbed module as JavaScript) and the names
 * of the visible checks. It holds no solution and no hidden test: a test
 * checks that (test/coursework/leaks.test.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CHECKS } from "../../exercises/checks.js";
import { EXERCISES } from "../../exercises/index.js";
import type { CatalogueEntry } from "../../exercises/catalogue-entry.js";
import { exerciseFiles, ROOT } from "./files.js";
import { starterScript, stubSolutions } from "./solutions.js";

/**
 * `numericVaries(id)`: whether a numeric exercise has per-student variants
 * (src/components/coursework/numeric-variants.ts; the data loader passes it,
 * since the kit does not import the site). Without it, numeric entries carry
 * no `variant` field.
 */
export function buildCatalogue(numericVaries?: (id: string) => boolean): CatalogueEntry[] {
  return EXERCISES.map((e) => {
    const entry: CatalogueEntry = { id: e.id, chapter: e.chapter, title: e.title, points: e.points, statement: e.statement, kind: e.kind };
    if (e.kind === "numeric") return numericVaries ? { ...entry, variant: numericVaries(e.id) ? "per-student" : "fixed" } : entry;
    if (e.kind !== "code") return entry;
    const check = CHECKS[e.id];
    if (!check) throw new Error(`exercises/checks.ts has no check for the code exercise ${e.id}`);
    const file = exerciseFiles(e.id).module;
    const stubbed = stubSolutions(readFileSync(join(ROOT, file), "utf8"), file);
    return { ...entry, starter: starterScript(stubbed, check.exports), exports: [...check.exports], checks: check.cases.map((c) => c.name), variant: check.variant ? "per-student" : "fixed" };
  });
}
