// Data loader: bundles the sandbox worker (src/workers/sandbox-worker.ts, with
// lib/ and acorn) into one ES module that pages start with
// `new Worker(FileAttachment("workers/sandbox.js").href, {type: "module"})`.
// Framework does not bundle workers itself. `npm run dev` re-runs this loader
// when lib/ or the sandbox code changes (scripts/dev.mjs).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const result = await build({
  entryPoints: [fileURLToPath(new URL("./sandbox-worker.ts", import.meta.url))],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  write: false,
  legalComments: "none",
});
process.stdout.write(result.outputFiles[0].text);
