/**
 * The house's floors, lowest first: lib/ → exercises/ → src/components/ →
 * pages. A file may import from its own floor or a lower one, never a higher
 * one; inside src/components the shared helpers at the top level and the
 * charts/ room import from no other room. The coursework scripts read the
 * exercises, never the site.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = posix.join(dir, name);
    if (name === "node_modules" || name === ".observablehq" || path === "src/lib") continue;
    if (statSync(join(ROOT, path)).isDirectory()) files(path, out);
    else if (/\.(ts|mts|js|mjs|md)$/.test(name)) out.push(path);
  }
  return out;
}

/** Every relative import in a file, resolved to a repository path (src/lib is lib). */
export function importsOf(path: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    const target = posix.normalize(posix.join(posix.dirname(path), match[1]));
    found.push(target.startsWith("src/lib/") ? target.slice(4) : target);
  }
  return found;
}

function floor(path: string): number | null {
  if (path.startsWith("lib/")) return 0;
  if (path.startsWith("exercises/")) return 1;
  if (path.startsWith("src/components/")) return 2;
  if (/^src\/[^/]+\.md$/.test(path)) return 3;
  return null;
}
const NAMES = ["lib/", "exercises/", "src/components/", "a page"];

function violations(path: string, targets: string[]): string[] {
  const bad: string[] = [];
  const own = floor(path);
  for (const target of targets) {
    const theirs = floor(target);
    if (own !== null && theirs !== null && theirs > own) bad.push(`${path} (${NAMES[own]}) imports ${target} (${NAMES[theirs]})`);
    if (path.startsWith("scripts/coursework/") && target.startsWith("src/")) bad.push(`${path} (the coursework kit) imports the site's ${target}`);
    const room = /^src\/components\/(arena|editor|coursework)\//.exec(target)?.[1];
    if (room && (/^src\/components\/[^/]+$/.test(path) || path.startsWith("src/components/charts/"))) bad.push(`${path} imports ${target} from the ${room}/ room`);
  }
  return bad;
}

describe("import floors", () => {
  const all = [...files("lib"), ...files("exercises"), ...files("src"), ...files("scripts")];
  it("no file imports from a higher floor", () => {
    const bad = all.flatMap((path) => violations(path, importsOf(path, readFileSync(join(ROOT, path), "utf8"))));
    expect(bad).toEqual([]);
  });
  it("the check sees an upward import", () => {
    expect(violations("lib/run.ts", importsOf("lib/run.ts", `import { x } from "../src/components/format.js";`))).toHaveLength(1);
    expect(violations("scripts/coursework/catalogue.ts", importsOf("scripts/coursework/catalogue.ts", `import type { T } from "../../src/components/coursework/exercise.js";`))).toHaveLength(1);
    expect(violations("src/components/charts/a.ts", importsOf("src/components/charts/a.ts", `import { A } from "../arena/arena.js";`))).toHaveLength(1);
    expect(violations("src/components/charts/a.ts", importsOf("src/components/charts/a.ts", `import { fmt } from "../format.js"; import { sgd } from "../../lib/index.js";`))).toEqual([]);
  });
});
