// Nothing a student should not see reaches the site: the page catalogue and
// the sandbox worker bundle hold no solution and no hidden test.
import { join, relative } from "node:path";
import { build } from "esbuild";
import { describe, expect, test } from "vitest";
import { EXERCISES } from "../../exercises/index.js";
import { buildCatalogue } from "../../scripts/coursework/catalogue.js";
import { exerciseFiles, ROOT } from "../../scripts/coursework/files.js";
import { libraryLines, solutionLines } from "./solution-lines.js";

const code = EXERCISES.filter((e) => e.kind === "code");

describe("leaks", () => {
  test("the regions have distinctive lines to look for", () => {
    expect(solutionLines().length).toBeGreaterThan(20);
  });

  test("the page catalogue (src/data/exercises.json) holds no solution line", () => {
    const text = buildCatalogue().map((e) => [e.statement, e.starter ?? ""].join("\n")).join("\n");
    for (const { id, line } of solutionLines()) expect(text.includes(line), `${id}: ${line}`).toBe(false);
  });

  test("the sandbox worker bundles the checks but no exercise module and no hidden test", async () => {
    const result = await build({
      entryPoints: [join(ROOT, "src/workers/sandbox-worker.ts")],
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile!.inputs).map((p) => relative(ROOT, join(process.cwd(), p)));
    expect(inputs).toContain("exercises/checks.ts");
    for (const e of code) {
      const f = exerciseFiles(e.id);
      expect(inputs).toContain(f.check);
      expect(inputs).not.toContain(f.module);
      expect(inputs).not.toContain(f.hidden);
      expect(inputs).not.toContain(f.hiddenCases);
    }
    // The library is bundled on purpose (and public): a solution line that is also a line of lib/ proves nothing.
    const bundle = result.outputFiles[0].text;
    const library = libraryLines();
    for (const { id, line } of solutionLines()) if (!library.has(line)) expect(bundle.includes(line), `${id}: ${line}`).toBe(false);
  }, 60_000);
});
