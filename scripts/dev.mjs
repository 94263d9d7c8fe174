#!/usr/bin/env node
/**
 * `npm run dev`: Framework's preview server with live reload, plus one thing
 * it cannot know: the sandbox worker (src/workers/sandbox.js.ts) is a data
 * loader that bundles lib/ (and the exercises' checks), and Framework re-runs
 * a loader only when the loader file itself changes. So this script watches
 * lib/, exercises/ and the sandbox code, and touches the loaders when they change: editing lib/ then updates the
 * pages' own cells (Framework follows those imports) and the editable cells.
 * Extra arguments go to `observable preview` (e.g. `npm run dev -- --port 3100`).
 */
import { spawn } from "node:child_process";
import { utimesSync, watch } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const loader = join(root, "src", "workers", "sandbox.js.ts");
const watched = [join(root, "lib"), join(root, "exercises"), join(root, "src", "components", "editor", "sandbox"), join(root, "src", "workers", "sandbox-worker.ts")];
// The exercise catalogue (starter code, checks) is a loader too.
const catalogue = join(root, "src", "data", "exercises.json.ts");

let timer;
function touchLoader() {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const now = new Date();
    try {
      utimesSync(loader, now, now);
      utimesSync(catalogue, now, now);
    } catch (error) {
      console.warn(`dev: could not touch ${loader}: ${error.message}`);
    }
  }, 150);
}
for (const path of watched) {
  try {
    watch(path, { recursive: true }, (_event, file) => {
      if (!file || /\.(ts|js|mjs)$/.test(String(file))) touchLoader();
    });
  } catch {
    watch(path, () => touchLoader());
  }
}

const require = createRequire(import.meta.url);
const bin = join(dirname(require.resolve("@observablehq/framework/package.json")), "dist", "bin", "observable.js");
const child = spawn(process.execPath, [bin, "preview", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
child.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
