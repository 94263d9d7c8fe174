/**
 * `npm run bench`: runs every `bench/*.bench.ts` in alphabetical order; each
 * exports `async function run(): Promise<void>` that prints its own table.
 * `npm run bench -- optimizers` runs only the files whose name contains
 * "optimizers". Benchmarks are never timed tests: they report, they do not fail.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();

if (files.length === 0) {
  console.error(`bench: no bench/*.bench.ts file matches ${filters.join(", ")}`);
  process.exitCode = 1;
}
console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run?: () => Promise<void> };
  if (typeof mod.run !== "function") {
    console.error(`bench: ${file} does not export run()`);
    process.exitCode = 1;
    continue;
  }
  console.log(`\n== ${file} ==`);
  const start = performance.now();
  await mod.run();
  console.log(`(${file}: ${((performance.now() - start) / 1000).toFixed(1)} s)`);
}
