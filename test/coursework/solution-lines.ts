// The lines of every solution region that could identify it, for the leak tests.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { EXERCISES } from "../../exercises/index.js";
import { exerciseFiles, ROOT } from "../../scripts/coursework/files.js";
import { solutionRegions } from "../../scripts/coursework/solutions.js";

/**
 * Every solution line that could identify a solution: not a brace, a comment,
 * a trivial declaration (`let worst = 0;`) or shorter than 16 characters.
 */
export function solutionLines(): Array<{ id: string; line: string }> {
  return EXERCISES.filter((e) => e.kind === "code").flatMap((e) => {
    const text = readFileSync(join(ROOT, exerciseFiles(e.id).module), "utf8");
    return solutionRegions(text)
      .flatMap((r) => r.body.map((l) => l.trim()))
      .filter((l) => l.length >= 16 && !l.startsWith("//") && !/^(let|const) \w+ = [\w.]+;$/.test(l))
      .map((line) => ({ id: e.id, line }));
  });
}


/** Every trimmed line of the library's sources (public: the student edition ships them). */
export function libraryLines(): Set<string> {
  const lines = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) for (const l of readFileSync(path, "utf8").split("\n")) lines.add(l.trim());
    }
  };
  walk(join(ROOT, "lib"));
  return lines;
}
