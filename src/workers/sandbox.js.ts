// Data loader: bundles the sandbox worker (src/workers/sandbox-worker.ts, with
// lib/, acorn and the exercises' checks) into one classic script. Pages pass
// its URL (`FileAttachment("workers/sandbox.js").href`) to editor cells, whose
// sandbox (src/components/editor/sandbox/) fetches it once and starts it as a
// classic worker from a blob: URL inside an opaque-origin iframe. Classic, not
// a module: Chromium refuses module workers from blob: URLs in an opaque
// origin. Framework does not bundle workers itself. `npm run dev` re-runs this loader
// when lib/ or the sandbox code changes (scripts/dev.mjs).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const result = await build({
  entryPoints: [fileURLToPath(new URL("./sandbox-worker.ts", import.meta.url))],
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2022",
  minify: true,
  write: false,
  legalComments: "none",
});
process.stdout.write(result.outputFiles[0].text);
