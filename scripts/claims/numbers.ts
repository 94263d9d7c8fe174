/**
 * `npm run claims [-- src/page.md …] [--write]`: lists every number typed into
 * each page's prose (outside `${…}`, math, code, HTML attributes and front
 * matter — see prose-numbers.ts for what counts) and fails unless it is in the
 * page's allowlist `test/claims/allowlists/<slug>.json` with a reason
 * (`setting:`, `year:`, `cited:`, `exact:` naming its test, or `todo:` — see
 * allowlist.ts). Ends with a count summary; exits 1 on any failure.
 *
 * `--write` adds each unlisted number to its page's allowlist — as `year:`
 * when it is a year in a citation, otherwise as `"todo: unclassified —
 * …context…"` — and drops stale entries, for a first pass that a person then
 * classifies; it never overwrites a reason.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { allowlistPath, checkNumbers, KINDS, passes, readAllowlist, type PageReport } from "./allowlist.js";
import { pageFiles, readPage, slugOf } from "./pages.js";
import { proseNumbers, type ProseNumber } from "./prose-numbers.js";

/** Checks the given pages (file names like `momentum.md`; all pages when empty). */
export function checkPages(files: string[] = pageFiles()): PageReport[] {
  return files.map((file) => {
    const slug = slugOf(file);
    return checkNumbers(slug, proseNumbers(readPage(basename(file))), readAllowlist(slug));
  });
}

export function summary(reports: PageReport[]): string {
  const total = reports.reduce((s, r) => s + r.numbers.length, 0);
  const kinds = KINDS.map((k) => `${reports.reduce((s, r) => s + r.byKind[k], 0)} ${k}`).join(", ");
  const failing = reports.filter((r) => !passes(r)).length;
  const todo = reports.reduce((s, r) => s + r.todos.length, 0);
  return (
    `${total} hand-typed numbers on ${reports.length} pages: ${kinds}; ` +
    `${todo} todo (warnings: hand-typed results not yet computed, allowed while chapters are rewritten); ` +
    `${failing} page${failing === 1 ? "" : "s"} failing`
  );
}

/** A first guess for `--write`: a year in a citation is a year; everything else is left for a person to classify. */
export function suggestedReason(n: ProseNumber): string {
  const year = /^(?:19|20)\d\d$/.test(n.text) && new RegExp(`(?:\\(|, |et al\\.,? )${n.text}\\b|\\b${n.text}\\)`).test(n.context);
  return year ? "year: publication year of the work cited" : `todo: unclassified — …${n.context}…`;
}

function main(args: string[]) {
  const write = args.includes("--write");
  const files = args.filter((a) => !a.startsWith("--")).map((a) => basename(a));
  const reports = checkPages(files.length ? files : undefined);
  for (const r of reports) {
    const line = `${r.slug}: ${r.numbers.length} numbers (${KINDS.map((k) => `${r.byKind[k]} ${k}`).join(", ")})`;
    console.log(passes(r) ? line : `✗ ${line}`);
    for (const n of r.unlisted) console.log(`  ✗ src/${r.slug}.md:${n.line} "${n.text}" not in its allowlist — …${n.context}…`);
    for (const key of r.stale) console.log(`  ✗ "${key}" is in the allowlist but no longer on the page: remove it`);
    for (const bad of r.badReasons) console.log(`  ✗ ${bad}`);
    for (const n of r.todos) console.log(`  ⚠ src/${r.slug}.md:${n.line} "${n.text}" todo — …${n.context}…`);
    if (write && !passes(r)) {
      const allowlist = readAllowlist(r.slug);
      for (const key of r.stale) delete allowlist[key];
      for (const n of r.unlisted) allowlist[n.text] ??= suggestedReason(n);
      const sorted = Object.fromEntries(Object.entries(allowlist).sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true })));
      mkdirSync(dirname(allowlistPath(r.slug)), { recursive: true });
      writeFileSync(allowlistPath(r.slug), JSON.stringify(sorted, null, 2) + "\n");
    }
  }
  console.log(summary(reports));
  if (!write && reports.some((r) => !passes(r))) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) main(process.argv.slice(2));
