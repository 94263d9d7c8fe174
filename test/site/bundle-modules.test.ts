import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, test } from "vitest";
import { BUNDLE_DIR, bundleModules, pageImports, rewritePage } from "../../scripts/site/bundle-modules.js";

const PAGE = `<!DOCTYPE html>
<head>
<link rel="modulepreload" href="./_observablehq/client.js">
<link rel="modulepreload" href="./_import/lib/a.js">
<link rel="modulepreload" href="./_import/lib/shared.js">
<link rel="modulepreload" href="./_node/dep@1.0.0/index.js">
</head>
<script type="module">
import {define} from "./_observablehq/client.js";
define({id: "1", body: async () => {
const [{a}, {dep}] = await Promise.all([import("./_import/lib/a.js"), import("./_node/dep@1.0.0/index.js")]);
return {a, dep};
}});
define({id: "2", body: async () => {
const {a} = await import("./_import/lib/a.js");
return {a};
}});
</script>`;

describe("pageImports and rewritePage", () => {
  test("finds each bundled module a page's module script imports, once, resolved from the page", () => {
    expect(pageImports(PAGE, "momentum.html")).toEqual([
      { specifier: "./_import/lib/a.js", file: "_import/lib/a.js" },
      { specifier: "./_node/dep@1.0.0/index.js", file: "_node/dep@1.0.0/index.js" },
    ]);
    expect(pageImports(PAGE.replaceAll("./_", "../_"), "sub/page.html")[0].file).toBe("_import/lib/a.js");
  });

  test("a static import of a bundled module is an error naming it (only import() is rewritten)", () => {
    const page = PAGE.replace('import {define} from "./_observablehq/client.js";', 'import {define} from "./_observablehq/client.js";\nimport {b} from "./_import/lib/b.js";');
    expect(() => rewritePage(page, pageImports(page, "p.html"), "./_bundle/p-X.js", [])).toThrow(/static import of \.\/_import\/lib\/b\.js/);
  });

  test("Framework's own modules are not bundled", () => {
    expect(pageImports(PAGE, "p.html").map((i) => i.file)).not.toContain("_observablehq/client.js");
  });

  test("every import of a bundled module reads it from the page's entry; the preloads are replaced in place", () => {
    const out = rewritePage(PAGE, pageImports(PAGE, "p.html"), "./_bundle/p-X.js", ["./_bundle/p-X.js", "./_bundle/chunk-Y.js"]);
    expect(out).toContain('import("./_bundle/p-X.js").then((m) => m.m0), import("./_bundle/p-X.js").then((m) => m.m1)');
    expect(out).toContain('const {a} = await import("./_bundle/p-X.js").then((m) => m.m0);');
    expect(out).not.toMatch(/_import|_node/);
    expect(out).toContain('<link rel="modulepreload" href="./_observablehq/client.js">\n<link rel="modulepreload" href="./_bundle/p-X.js">\n<link rel="modulepreload" href="./_bundle/chunk-Y.js">\n</head>');
    expect(out).toContain('import {define} from "./_observablehq/client.js";');
  });
});

describe("bundleModules on a small site", () => {
  let dir = "";
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };

  const page = (imports: string[]) =>
    `<head>\n${imports.map((m) => `<link rel="modulepreload" href="./${m}">`).join("\n")}\n</head>\n<script type="module">\n` +
    `const mods = await Promise.all([${imports.map((m) => `import("./${m}")`).join(", ")}]);\nwindow.mods = mods;\n</script>\n`;

  function site() {
    dir = mkdtempSync(join(tmpdir(), "bundle-modules-"));
    write("_import/lib/counter.js", `export let count = 0;\nexport function bump() { return ++count; }\n`);
    write("_import/lib/a.js", `import { bump } from "./counter.js";\nexport const a = () => bump();\n`);
    write("_import/lib/b.js", `import { bump } from "./counter.js";\nexport const b = () => bump();\nexport const later = () => import("./lazy.js");\n`);
    write("_import/lib/lazy.js", `export const lazy = "loaded on demand";\n`);
    write("_import/lib/only-two.js", `export const two = 2;\n`);
    write("_node/dep@1.0.0/index.js", `import { stdlib } from "../../_observablehq/stdlib.js";\nexport const dep = () => stdlib;\n`);
    write("_observablehq/stdlib.js", `export const stdlib = "framework's own";\n`);
    write("_import/assets/a11y.js", `console.log("a classic script, left alone");\n`);
    write("one.html", page(["_import/lib/a.js", "_import/lib/b.js", "_node/dep@1.0.0/index.js"]));
    write("sub/two.html", page(["_import/lib/a.js", "_import/lib/only-two.js"]).replaceAll('"./_', '"../_'));
  }

  /** Loads a rewritten page's module script in Node (file URLs stand in for the site) and returns what it imported. */
  async function run(pageFile: string): Promise<unknown[]> {
    const html = readFileSync(join(dir, pageFile), "utf8");
    const script = /<script type="module">([\s\S]*?)<\/script>/.exec(html)![1];
    const base = pathToFileURL(join(dir, pageFile)).href;
    const source = script.replace(/import\("(\.[^"]+)"\)/g, (_, spec: string) => `import(${JSON.stringify(new URL(spec, base).href)})`);
    const g = globalThis as { mods?: unknown[] };
    delete g.mods;
    await import(`data:text/javascript,${encodeURIComponent(source.replace("window.mods", "globalThis.mods"))}`);
    return g.mods!;
  }

  test("pages import the same exports as before, share one instance of a shared module, and keep on-demand imports lazy", async () => {
    site();
    const report = await bundleModules(dir);
    expect(report.pages).toBe(2);
    const one = (await run("one.html")) as [{ a: () => number }, { b: () => number; later: () => Promise<{ lazy: string }> }, { dep: () => string }];
    const two = (await run("sub/two.html")) as [{ a: () => number }, { two: number }];
    expect(one[0].a()).toBe(1);
    expect(one[1].b()).toBe(2); // a and b bump the same counter: counter.js is one module, not a copy per importer
    expect(two[0].a()).toBe(3); // …and one across pages too
    expect(two[1].two).toBe(2);
    expect(one[2].dep()).toBe("framework's own");
    expect((await one[1].later()).lazy).toBe("loaded on demand");
    const lazyChunks = readdirSync(join(dir, BUNDLE_DIR)).filter((f) => readFileSync(join(dir, BUNDLE_DIR, f), "utf8").includes("loaded on demand"));
    expect(lazyChunks).toHaveLength(1);
    const preloads = [...readFileSync(join(dir, "one.html"), "utf8").matchAll(/modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
    expect(preloads.every((href) => href.startsWith("./_bundle/"))).toBe(true);
    expect(preloads.some((href) => readFileSync(join(dir, href), "utf8").includes("loaded on demand"))).toBe(false);
    expect(readFileSync(join(dir, "sub/two.html"), "utf8")).toMatch(/modulepreload" href="\.\.\/_bundle\//);
  });

  test("the bundled originals are deleted; Framework's modules and classic scripts stay; nothing left names a deleted file", async () => {
    site();
    const report = await bundleModules(dir);
    expect(report.deleted).toBe(6);
    expect(existsSync(join(dir, "_import/lib/a.js"))).toBe(false);
    expect(existsSync(join(dir, "_node/dep@1.0.0/index.js"))).toBe(false);
    expect(existsSync(join(dir, "_observablehq/stdlib.js"))).toBe(true);
    expect(existsSync(join(dir, "_import/assets/a11y.js"))).toBe(true);
    for (const file of ["one.html", "sub/two.html"]) expect(readFileSync(join(dir, file), "utf8")).not.toMatch(/_import\/lib|_node\//);
  });

  test("a bundled original that a file outside the bundles still names is kept", async () => {
    site();
    write("_import/assets/a11y.js", `import("../lib/only-two.js");\n`);
    const report = await bundleModules(dir);
    expect(report.deleted).toBe(5);
    expect(existsSync(join(dir, "_import/lib/only-two.js"))).toBe(true);
  });

  test("a page that reads only some of a namespace's names gets those; the others are left out of the bundles", async () => {
    site();
    write("_node/big@1.0.0/index.js", `export const used = () => "the used export";\nexport const unused = () => "an export no page reads";\n`);
    write(
      "three.html",
      `<head>\n<link rel="modulepreload" href="./_node/big@1.0.0/index.js">\n</head>\n<script type="module">\n` +
        `const [Big, {a}] = await Promise.all([import("./_node/big@1.0.0/index.js"), import("./_import/lib/a.js")]);\nwindow.mods = [Big.used(), typeof a];\n</script>\n`,
    );
    const report = await bundleModules(dir);
    expect(await run("three.html")).toEqual(["the used export", "function"]);
    const bundles = readdirSync(join(dir, BUNDLE_DIR)).map((f) => readFileSync(join(dir, BUNDLE_DIR, f), "utf8"));
    expect(bundles.some((text) => text.includes("the used export"))).toBe(true);
    expect(bundles.some((text) => text.includes("an export no page reads"))).toBe(false);
    // one.html and two.html read whole arrays of modules (window.mods = mods), so theirs stay whole
    expect(report.importsByName).toBe(2);
    expect(report.importsWhole).toBe(5);
  });

  test("a page that imports a module missing from the build is an error naming both", async () => {
    site();
    write("three.html", page(["_import/lib/missing.js"]));
    await expect(bundleModules(dir)).rejects.toThrow(/three\.html imports \.\/_import\/lib\/missing\.js/);
  });
});
