/**
 * The step after `observable build` (run by `npm run build`), for what
 * Framework's page template and file pipeline do not let us configure:
 *
 * 1. Every page: `<html lang="en">`; the viewport without `maximum-scale=1`
 *    (it blocks zooming); the sidebar's close `<label>` moved out of its `<ol>`
 *    (only `<li>` may sit in a list); a "Skip to content" link first in the
 *    body; the service worker's registration.
 * 2. Fonts: (run first, by the command line) each font is subset to what the
 *    site can show (`subset-fonts.ts`); then the stylesheets' inlined woff2 data URLs become separate files
 *    (`_file/assets/fonts/<hash>.woff2`), each `@font-face` gets
 *    `font-display: swap`, so text shows at once and a page downloads only the
 *    fonts it uses, instead of ~570 KB of render-blocking CSS.
 * 3. Modules: (run by the command line, before the service worker is
 *    written) each page's 120–140 modules are bundled into ~10–30 files
 *    (`bundle-modules.ts`).
 * 4. `sw.js`: a service worker that caches the site's own files, versioned by
 *    a hash of the whole build, so a second visit works offline and the next
 *    visit after a new build picks up the new files.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { BUNDLE_DIR, bundleModules } from "./bundle-modules.js";
import { siteFiles, toPosix, walkFiles } from "./site-files.js";
import { subsetFonts } from "./subset-fonts.js";

export const SKIP_LINK = '<a class="skip-link" href="#observablehq-main">Skip to content</a>';

/** Rewrites one page of Framework's template (see the module comment, 1). `root` is the page's relative path to the site root ("./", "../"). */
export function fixPageHtml(html: string, root = "./"): string {
  let out = html.replace(/<html(?![^>]*\blang=)([^>]*)>/, '<html lang="en"$1>');
  out = out.replace(/(<meta name="viewport" content="[^"]*?),\s*maximum-scale=[\d.]+/, "$1");
  out = out.replace(/(<nav id="observablehq-sidebar">\s*<ol>)\s*(<label id="observablehq-sidebar-close"[^>]*><\/label>)/, (_, nav: string, label: string) =>
    nav.replace("<ol>", `${label}\n  <ol>`),
  );
  if (!out.includes('class="skip-link"')) out = out.replace(/<body([^>]*)>/, `<body$1>\n${SKIP_LINK}`);
  if (!out.includes("serviceWorker.register")) {
    out = out.replace(
      "</head>",
      `<script>if ("serviceWorker" in navigator) addEventListener("load", () => navigator.serviceWorker.register(${JSON.stringify(root + "sw.js")}).catch(() => {}));</script>\n</head>`,
    );
  }
  return out;
}

/** Moves inlined woff2 fonts out of a stylesheet (see the module comment, 2). Returns the new CSS and the fonts to write, by file name. */
export function externalizeFonts(css: string, fontDir = "fonts"): { css: string; fonts: Map<string, Buffer> } {
  const fonts = new Map<string, Buffer>();
  let out = css.replace(/url\(\s*["']?data:font\/woff2;base64,([A-Za-z0-9+/=]+)["']?\s*\)/g, (_, data: string) => {
    const bytes = Buffer.from(data, "base64");
    const name = `${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.woff2`;
    fonts.set(name, bytes);
    return `url("${fontDir}/${name}")`;
  });
  out = out.replace(/@font-face\s*\{([^}]*)\}/g, (rule, body: string) =>
    /font-display\s*:/.test(body) ? rule : `@font-face{font-display:swap;${body.trim()}}`,
  );
  return { css: out, fonts };
}

/** The URL a page is linked by: `index.html` → `./`, `momentum.html` → `./momentum`. */
export function cleanUrl(file: string): string {
  const url = "./" + file.replace(/\\/g, "/");
  if (url.endsWith("/index.html")) return url.slice(0, -"index.html".length);
  return url.endsWith(".html") ? url.slice(0, -".html".length) : url;
}

/** The service worker's source for a build whose files are `urls` and whose contents hash to `version`. */
export function serviceWorker(version: string, urls: readonly string[]): string {
  return `// Descent's service worker, written by scripts/site/post-build.ts: it caches
// every file of this build so that a second visit works offline. A new build
// changes VERSION; the browser then installs the new worker on the next visit,
// which caches the new files and deletes the old cache.
const VERSION = ${JSON.stringify(`descent-${version}`)};
const FILES = ${JSON.stringify(urls)};

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("descent-") && key !== VERSION).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// A page's cache key: its clean URL without query or hash ("/momentum.html" and "/momentum?x=1" → "/momentum").
function pageKey(url) {
  const u = new URL(url);
  u.search = "";
  u.hash = "";
  u.pathname = u.pathname.replace(/\\/index(\\.html)?$/, "/").replace(/\\.html$/, "");
  return u.href;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Pages: the network first (a new build shows at once), the cache when offline.
    event.respondWith(
      fetch(request).catch(() =>
        caches.open(VERSION).then((cache) => cache.match(pageKey(request.url)).then((hit) => hit || cache.match(new URL("./404", self.location).href)))
          .then((hit) => hit || Response.error()),
      ),
    );
    return;
  }
  // Everything else is named by its content's hash: the cache first.
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
`;
}

export function postBuild(dist: string): { pages: number; fonts: number; cssBefore: number; cssAfter: number; files: number } {
  let pages = 0;
  let cssBefore = 0;
  let cssAfter = 0;
  const allFonts = new Map<string, Buffer>();
  for (const file of walkFiles(dist)) {
    const rel = toPosix(relative(dist, file));
    if (rel.endsWith(".html")) {
      const depth = rel.split("/").length - 1;
      const root = depth === 0 ? "./" : "../".repeat(depth);
      writeFileSync(file, fixPageHtml(readFileSync(file, "utf8"), root));
      pages += 1;
    } else if (rel.endsWith(".css")) {
      const css = readFileSync(file, "utf8");
      if (!css.includes("data:font/woff2")) continue;
      const { css: out, fonts } = externalizeFonts(css);
      cssBefore += Buffer.byteLength(css);
      cssAfter += Buffer.byteLength(out);
      const fontDir = join(dirname(file), "fonts");
      mkdirSync(fontDir, { recursive: true });
      for (const [name, bytes] of fonts) {
        writeFileSync(join(fontDir, name), bytes);
        allFonts.set(name, bytes);
      }
      writeFileSync(file, out);
    }
  }
  const files = siteFiles(dist)
    .filter((rel) => rel !== "sw.js" && !rel.endsWith(".map"))
    .sort();
  const hash = createHash("sha256");
  for (const rel of files) hash.update(rel).update(readFileSync(join(dist, rel)));
  const version = hash.digest("hex").slice(0, 16);
  writeFileSync(join(dist, "sw.js"), serviceWorker(version, files.map(cleanUrl)));
  return { pages, fonts: allFonts.size, cssBefore, cssAfter, files: files.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? process.env.DESCENT_OUT ?? "dist");
  if (!statSync(dist, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`post-build: no build at ${dist}`);
  const s = await subsetFonts(dist, resolve(process.env.DESCENT_SRC ?? "src"));
  const kb = (n: number) => (n / 1024).toFixed(1);
  for (const f of s.faces) console.log(`subset-fonts: ${f.family} ${f.style} ${f.weight}: ${kb(f.before)} → ${kb(f.after)} KB`);
  const before = s.faces.reduce((a, f) => a + f.before, 0);
  const after = s.faces.reduce((a, f) => a + f.after, 0);
  console.log(`subset-fonts: ${s.faces.length} faces, ${kb(before)} → ${kb(after)} KB (KaTeX keeps ${s.katexChars} characters: ${s.pages} pages, ${s.formulas} live formulas, the safety set)`);
  const b = await bundleModules(dist);
  const preloads = b.perPage.map((p) => `${p.before}→${p.after}`).join(", ");
  console.log(`bundle-modules: ${b.modulesBundled} modules → ${b.outputs} files in ${BUNDLE_DIR}/ (${b.deleted} originals deleted); page imports taken by name ${b.importsByName}, whole ${b.importsWhole}; modules preloaded per page ${preloads}`);
  const r = postBuild(dist);
  console.log(
    `post-build: ${r.pages} pages fixed; ${r.fonts} fonts moved out of CSS (${(r.cssBefore / 1024).toFixed(0)} KB → ${(r.cssAfter / 1024).toFixed(0)} KB of stylesheets); sw.js caches ${r.files} files`,
  );
}
