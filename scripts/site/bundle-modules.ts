/**
 * Bundles each page's JavaScript modules into a few files (run by
 * `post-build.ts`, after `observable build`).
 *
 * Framework serves every module a page imports as its own file: a chapter
 * loads 120–140 of them (our `lib/` and `components/` files one by one, and
 * Plot's dependency `d3` as 30 packages), all preloaded at once. The browser
 * spends most of a chapter's first second fetching and handling those
 * requests, not running them (`npx tsx scripts/perf/waterfall.ts /momentum`).
 *
 * This step gives each page one entry module that re-exports everything the
 * page imports, bundles all the entries with esbuild with code splitting
 * (code used by several pages goes into shared chunks, each module still in
 * exactly one file, so a module's state is shared as before), and rewrites
 * the page:
 *
 *   import("./_import/lib/run.8dfffac5.js")
 *     → import("./_bundle/momentum-XXXX.js").then((m) => m.m3)
 *
 * and its `<link rel="modulepreload">` list to the entry and the chunks it
 * imports statically. A module a component loads on demand (`import("katex")`
 * in `tex.ts`) stays a separate chunk, loaded when asked for, as before.
 *
 * Framework's own client, runtime and stdlib (`_observablehq/`) are left
 * as they are and kept out of the bundles. The bundled originals are deleted
 * unless a file outside the bundles still names them.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, posix, relative, resolve } from "node:path";
import { build, type Metafile, type Plugin } from "esbuild";
import { importedNames, type ImportNames } from "./import-names.js";
import { siteFiles, toPosix } from "./site-files.js";

/** The directory, under the site root, that the bundles are written to. */
export const BUNDLE_DIR = "_bundle";

/** A module a page imports: the specifier as written in the page and the file it names, relative to the site root. */
export interface PageImport {
  specifier: string;
  file: string;
}

const MODULE_SCRIPT = /<script type="module">([\s\S]*?)<\/script>/g;
/** `import("./x.js")` and `from "./x.js"`, for the module folders that are bundled. */
const SPECIFIER = /(\bimport\(\s*|\bfrom\s*)"((?:\.\.?\/)+(?:_import|_node)\/[^"]+\.js)"/g;
/** Framework's preload of a module that is bundled. */
const BUNDLED_PRELOAD = /<link rel="modulepreload" href="(?:\.\.?\/)+(?:_import|_node)\/[^"]+">\n?/g;

/** The modules a page's inline module scripts import from `_import/` and `_node/`, in order of first appearance. */
export function pageImports(html: string, pageFile: string): PageImport[] {
  const seen = new Map<string, PageImport>();
  for (const [, script] of html.matchAll(MODULE_SCRIPT)) {
    for (const [, , specifier] of script.matchAll(SPECIFIER)) {
      if (seen.has(specifier)) continue;
      seen.set(specifier, { specifier, file: posix.normalize(posix.join(posix.dirname(pageFile), specifier)) });
    }
  }
  return [...seen.values()];
}

/**
 * The source of a page's entry module, resolved from the site root (relative,
 * so no drive letter reads as a package name on Windows). Per import, `m0`,
 * `m1`, … is what the page's `import()` receives:
 * - the names the page takes from it, when `names` knows them
 *   (import-names.ts): `import * as i0 from "./_node/plot.js"; export const m0 = {["line"]: i0.line};`
 *   — esbuild keeps only what is read from `i0`, and a name the module lacks
 *   is `undefined`, as it was before;
 * - otherwise the whole module: `export * as m0 from "./_import/lib/run.js";`.
 */
export function entrySource(imports: readonly PageImport[], names: ImportNames = new Map()): string {
  return imports
    .map((imp, i) => {
      const file = JSON.stringify(`./${imp.file}`);
      const taken = names.get(imp.specifier);
      if (!taken) return `export * as m${i} from ${file};\n`;
      const read = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? `i${i}.${name}` : `i${i}[${JSON.stringify(name)}]`);
      // Computed keys: a plain `"__proto__": …` would set the object's prototype instead of a property.
      const fields = [...taken].sort().map((name) => `[${JSON.stringify(name)}]: ${read(name)}`);
      return `import * as i${i} from ${file};\nexport const m${i} = {${fields.join(", ")}};\n`;
    })
    .join("");
}

/**
 * Rewrites a page's module scripts to import from its entry (`entryUrl`,
 * relative to the page) and replaces its preloads of bundled modules with
 * `preloads` (relative to the page).
 */
export function rewritePage(html: string, imports: readonly PageImport[], entryUrl: string, preloads: readonly string[]): string {
  const index = new Map(imports.map((imp, i) => [imp.specifier, i]));
  let out = html.replace(MODULE_SCRIPT, (whole, script: string) => {
    const body = script.replace(SPECIFIER, (match, head: string, specifier: string) => {
      const i = index.get(specifier);
      if (i === undefined) return match;
      // Framework writes every cell's import as a dynamic import(); a static one would need its names rewritten too.
      if (!head.startsWith("import(")) throw new Error(`bundle-modules: a static import of ${specifier}; only import() is rewritten`);
      return `${head}${JSON.stringify(entryUrl)}).then((m) => m.m${i}`;
    });
    return whole.replace(script, body);
  });
  let first = -1;
  out = out.replace(BUNDLED_PRELOAD, (_match, offset: number) => {
    if (first < 0) first = offset;
    return "";
  });
  const links = preloads.map((href) => `<link rel="modulepreload" href="${href}">\n`).join("");
  if (first >= 0) out = out.slice(0, first) + links + out.slice(first);
  else out = out.replace("</head>", `${links}</head>`);
  return out;
}

/** Keeps Framework's own modules out of the bundles: they are imported from their place in the site. */
function frameworkExternal(dist: string, outdir: string): Plugin {
  return {
    name: "framework-external",
    setup(b) {
      b.onResolve({ filter: /_observablehq\// }, (args) => {
        const target = resolve(args.resolveDir, args.path);
        return { path: toPosix(relative(outdir, target)).replace(/^(?!\.)/, "./"), external: true };
      });
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        throw new Error(`bundle-modules: bare import "${args.path}" in ${relative(dist, args.importer)}; the build names every module by path`);
      });
    },
  };
}

/** The output files an output imports statically, transitively (itself included), as paths relative to the site root. */
function staticClosure(meta: Metafile, output: string, dist: string): string[] {
  const seen = new Set<string>();
  const visit = (out: string) => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const imp of meta.outputs[out]?.imports ?? []) {
      if (imp.kind === "import-statement" && !imp.external) visit(imp.path);
    }
  };
  visit(output);
  return [...seen].map((out) => toPosix(relative(dist, resolve(out))));
}

export interface BundleReport {
  pages: number;
  /** Modules that went into the bundles. */
  modulesBundled: number;
  /** Page imports that take only the names the page uses (import-names.ts), and those that take the whole module. */
  importsByName: number;
  importsWhole: number;
  /** Per page: modules preloaded before → after (Framework's own excluded). */
  perPage: { page: string; before: number; after: number }[];
  outputs: number;
  deleted: number;
}

export async function bundleModules(dist: string): Promise<BundleReport> {
  dist = resolve(dist);
  const outdir = join(dist, BUNDLE_DIR);
  const pages = siteFiles(dist)
    .filter((rel) => rel.endsWith(".html"))
    .sort();
  const plans = pages
    .map((page) => {
      const html = readFileSync(join(dist, page), "utf8");
      return { page, html, imports: pageImports(html, page), names: importedNames([...html.matchAll(MODULE_SCRIPT)].map((m) => m[1])) };
    })
    .filter((plan) => plan.imports.length > 0);
  for (const plan of plans) {
    for (const imp of plan.imports) {
      if (!existsSync(join(dist, imp.file))) throw new Error(`bundle-modules: ${plan.page} imports ${imp.specifier}, which is not in the build`);
    }
  }
  const entryName = (page: string) => page.replace(/\.html$/, "").replace(/[^A-Za-z0-9-]/g, "_");
  const result = await build({
    entryPoints: plans.map((plan) => ({ in: `descent-page:${plan.page}`, out: entryName(plan.page) })),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outdir,
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    minify: true,
    keepNames: true,
    legalComments: "none",
    metafile: true,
    write: true,
    logLevel: "silent",
    plugins: [
      {
        name: "descent-page-entries",
        setup(b) {
          b.onResolve({ filter: /^descent-page:/ }, (args) => ({ path: args.path.slice("descent-page:".length), namespace: "descent-page" }));
          b.onLoad({ filter: /.*/, namespace: "descent-page" }, (args) => {
            const plan = plans.find((p) => p.page === args.path)!;
            return { contents: entrySource(plan.imports, plan.names), resolveDir: dist, loader: "js" };
          });
        },
      },
      frameworkExternal(dist, outdir),
    ],
  });
  const meta = result.metafile!;
  const entryOutputs = new Map<string, string>();
  for (const [out, info] of Object.entries(meta.outputs)) {
    if (info.entryPoint?.startsWith("descent-page:")) entryOutputs.set(info.entryPoint.slice("descent-page:".length), out);
  }
  const perPage: BundleReport["perPage"] = [];
  for (const plan of plans) {
    const output = entryOutputs.get(plan.page);
    if (!output) throw new Error(`bundle-modules: esbuild wrote no entry for ${plan.page}`);
    const root = posix.relative(posix.dirname(plan.page), ".") || ".";
    const url = (rel: string) => `${root}/${rel}`;
    const closure = staticClosure(meta, output, dist);
    const entryUrl = url(closure[0]);
    const before = (plan.html.match(BUNDLED_PRELOAD) ?? []).length;
    writeFileSync(join(dist, plan.page), rewritePage(plan.html, plan.imports, entryUrl, closure.map(url)));
    perPage.push({ page: plan.page, before, after: closure.length });
  }
  // The bundled originals, unless a file that is not itself bundled still names one.
  const bundled = new Set(Object.keys(meta.inputs).filter((input) => !input.startsWith("descent-page:")).map((input) => toPosix(relative(dist, resolve(input)))));
  const others = siteFiles(dist)
    .filter((rel) => !bundled.has(rel) && /\.(html|js|css)$/.test(rel));
  const named = new Set<string>();
  for (const rel of others) {
    const text = readFileSync(join(dist, rel), "utf8");
    for (const file of bundled) if (text.includes(`/${posix.basename(file)}`)) named.add(file);
  }
  let deleted = 0;
  for (const file of bundled) {
    if (named.has(file)) {
      console.warn(`bundle-modules: kept ${file}: a file outside the bundles names it`);
      continue;
    }
    rmSync(join(dist, file));
    deleted += 1;
  }
  const imports = plans.flatMap((plan) => plan.imports.map((imp) => plan.names.get(imp.specifier)));
  const importsByName = imports.filter((names) => names instanceof Set).length;
  return { pages: plans.length, modulesBundled: bundled.size, importsByName, importsWhole: imports.length - importsByName, perPage, outputs: Object.keys(meta.outputs).length, deleted };
}

