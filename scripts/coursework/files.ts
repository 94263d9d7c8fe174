/** Where the coursework's files are: exercise modules, checks, tests, and the part of lib/ they need. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const EXERCISES_DIR = join(ROOT, "exercises");

export interface ExerciseFiles {
  /** Paths relative to the repository root. */
  module: string;
  check: string;
  test: string;
  hidden: string;
  /** The hidden cases themselves (`export const cases`), which the grader runs in its own process. */
  hiddenCases: string;
}

/** The files of a code exercise `<chapter>/<name>`. */
export function exerciseFiles(id: string): ExerciseFiles {
  const base = `exercises/${id}`;
  return { module: `${base}.ts`, check: `${base}.check.ts`, test: `${base}.test.ts`, hidden: `${base}.hidden.test.ts`, hiddenCases: `${base}.hidden.ts` };
}

const IMPORT = /(?:import|export)\s[^;]*?from\s+["'](\.{1,2}\/[^"']+)["']|import\s+["'](\.{1,2}\/[^"']+)["']/g;

/** The relative modules a TypeScript file imports (`./x.js` resolved to `./x.ts`), as absolute paths. */
export function localImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    let target = resolve(dirname(file), spec);
    if (target.endsWith(".js")) target = target.slice(0, -3) + ".ts";
    else if (!target.endsWith(".ts")) target += ".ts";
    if (existsSync(target)) out.push(target);
  }
  return out;
}

/** Every file reachable by relative imports from the entries (entries included), relative to the root. */
export function importClosure(entries: readonly string[], root = ROOT): string[] {
  const seen = new Set<string>();
  const stack = entries.map((e) => resolve(root, e));
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...localImports(file));
  }
  return [...seen].map((f) => relative(root, f)).sort();
}
