import { describe, expect, test } from "vitest";
import { importedNames } from "../../scripts/site/import-names.js";

// Scripts written the way Framework compiles a page's imports (see import-names.ts).
const IMPORT_CELL = `import {define} from "./_observablehq/client.js";
define({id: "1", inputs: [], outputs: ["Plot","html","R"], body: async () => {
const [Plot, {html, tex: t}, R] = await Promise.all([import("./_node/plot/index.js"), import("./_import/components/html.js"), import("./_import/lib/run.js")]);
return {Plot,html,R};
}});
`;
const cell = (body: string) => `define({id: "2", inputs: ["Plot","R"], body: (Plot, R) => {\n${body}\n}});\n`;
const names = (script: string) => Object.fromEntries([...importedNames([script])].map(([spec, n]) => [spec, n === null ? null : [...n].sort()]));

describe("which names a page takes from each module (scripts/site/import-names.ts)", () => {
  test("a destructured import takes its keys; a namespace takes the properties the cells read from it", () => {
    expect(names(IMPORT_CELL + cell(`return Plot.plot({marks: [Plot.line(R.rows), Plot["dot"](R.rows, {x: "x"})]});`))).toEqual({
      "./_node/plot/index.js": ["dot", "line", "plot"],
      "./_import/components/html.js": ["html", "tex"],
      "./_import/lib/run.js": ["rows"],
    });
  });

  test("a namespace used as a value, read with a computed key, or spread needs the whole module", () => {
    expect(names(IMPORT_CELL + cell(`return draw(Plot);`))["./_node/plot/index.js"]).toBeNull();
    expect(names(IMPORT_CELL + cell(`const k = "line"; return Plot[k];`))["./_node/plot/index.js"]).toBeNull();
    expect(names(IMPORT_CELL + cell(`return {...Plot};`))["./_node/plot/index.js"]).toBeNull();
    expect(names(IMPORT_CELL + cell(`return {P: Plot};`))["./_node/plot/index.js"]).toBeNull();
  });

  test("a namespace returned from any function but the import cell's own escapes, so the whole module is kept", () => {
    expect(names(IMPORT_CELL + cell(`function f() { return {Plot}; } return f().Plot.dot();`))["./_node/plot/index.js"]).toBeNull();
    expect(names(IMPORT_CELL + cell(`return (() => { return {Plot}; })().Plot.dot();`))["./_node/plot/index.js"]).toBeNull();
  });

  test("a rest element, a spread among the imports, or eval keeps the whole module", () => {
    expect(names(`const [a, ...rest] = await Promise.all([import("p"), import("q"), import("r")]); rest[1].foo();`)).toEqual({ p: [], q: null, r: null });
    expect(names(`const [a, b, c] = await Promise.all([...[import("p"), import("q")], import("r")]); c.z;`)).toEqual({ p: null, q: null, r: null });
    expect(names(IMPORT_CELL + cell(`return eval("Plot.dot()");`))["./_node/plot/index.js"]).toBeNull();
  });

  test("a namespace imported in one module script and read in another takes the names read in both", () => {
    const other = cell(`return Plot.dot();`);
    expect([...importedNames([IMPORT_CELL + cell(`return Plot.line();`), other]).get("./_node/plot/index.js")!].sort()).toEqual(["dot", "line"]);
  });

  test("a property or key that is merely called Plot is not a use of the namespace", () => {
    expect(names(IMPORT_CELL + cell(`const o = {Plot: 1}; return [o.Plot, Plot.line];`))["./_node/plot/index.js"]).toEqual(["line"]);
  });

  test("an import() outside the compiled pattern, or a rest pattern, needs the whole module", () => {
    expect(names(`import("./_import/lib/a.js").then((m) => m.a);`)).toEqual({ "./_import/lib/a.js": null });
    expect(names(`const mods = await Promise.all([import("./_import/lib/a.js")]);`)).toEqual({ "./_import/lib/a.js": null });
    expect(names(`const {a, ...rest} = await import("./_import/lib/a.js");`)).toEqual({ "./_import/lib/a.js": null });
  });

  test("a module imported in several cells takes the union of their names, or the whole module if any cell needs it", () => {
    const twice = `const {a} = await import("./_import/lib/a.js");\nconst [{b}] = await Promise.all([import("./_import/lib/a.js")]);`;
    expect(names(twice)).toEqual({ "./_import/lib/a.js": ["a", "b"] });
    expect(names(twice + `\nimport("./_import/lib/a.js");`)).toEqual({ "./_import/lib/a.js": null });
    expect(importedNames([`const {a} = await import("./x.js");`, `const {b} = await import("./x.js");`]).get("./x.js")).toEqual(new Set(["a", "b"]));
  });

  test("an import bound to nothing takes no names (the module still runs)", () => {
    expect(names(`const [, {b}] = await Promise.all([import("./_import/lib/a.js"), import("./_import/lib/b.js")]);`)).toEqual({ "./_import/lib/a.js": [], "./_import/lib/b.js": ["b"] });
  });
});
