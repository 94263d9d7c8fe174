/**
 * One number style in every chart (#21): tooltips and axis ticks are written
 * by the course's formatter (`num`, `numFormat`, `tickNum`, `logAxis`), never
 * by d3 format strings such as ".3~g", which print 10⁻⁵ as "1e-5" beside the
 * prose's 10⁻⁵. A Plot tip's `format` keys are channel names ("x", "y", a
 * custom channel), not data fields: `format: {value: …}` for `y: "value"` is
 * silently ignored and Plot's default (three decimals: 10⁻⁵ → "0") is used.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const files = sources("src/components").filter((f) => !f.endsWith("format.ts"));

describe("chart number formats", () => {
  it("no chart component formats numbers with a d3 format string like \".3~g\"", () => {
    const offenders = files.flatMap((f) =>
      readFileSync(f, "utf8").split("\n").flatMap((line, i) => (/"[.,0-9]*~[gfe]"/.test(line) ? [`${f}:${i + 1}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  it("a tip's format keys name its channels, not the data fields behind x and y", () => {
    const offenders: string[] = [];
    for (const f of files) {
      readFileSync(f, "utf8").split("\n").forEach((line, i) => {
        if (!line.includes("Plot.tip(") || !line.includes("format: {")) return;
        const fields = [...line.matchAll(/\b([xy]): "(\w+)"/g)].filter(([, ch, field]) => ch !== field).map(([, , field]) => field);
        const format = /format: \{([^}]*)\}/.exec(line)?.[1] ?? "";
        const keys = [...format.matchAll(/(?:^|[{,])\s*"?([\w =/]+?)"?\s*:/g)].map((m) => m[1].trim());
        for (const k of keys) if (fields.includes(k) && k !== "x" && k !== "y") offenders.push(`${f}:${i + 1} formats "${k}"`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
