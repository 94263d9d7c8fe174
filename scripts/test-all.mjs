#!/usr/bin/env node
/**
 * `npm test`: everything that checks the project, in order, stopping at the
 * first stage that fails:
 *   1. type-check (Framework does not type-check),
 *   2. unit tests (vitest),
 *   3. the offline site build from a clean cache,
 *   4. browser tests against the built site (Debian's Chromium).
 * Ends with one summary line, "N passed, N failed", counting every test.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const reports = mkdtempSync(join(tmpdir(), "descent-test-"));
let passed = 0;
let failed = 0;
let skipped = 0;

function run(title, command, args) {
  console.log(`\n▶ ${title}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", shell: process.platform === "win32" });
  return result.status === 0;
}

function vitest(title, extraArgs, reportName) {
  const report = join(reports, `${reportName}.json`);
  const ok = run(title, npx, ["vitest", "run", ...extraArgs, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  try {
    const json = JSON.parse(readFileSync(report, "utf8"));
    passed += json.numPassedTests;
    failed += json.numFailedTests + (json.numRuntimeErrors ?? 0);
    skipped += json.numPendingTests + json.numTodoTests;
    if (json.numTotalTests === 0) {
      console.error(`${title}: no test ran`);
      return false;
    }
  } catch {
    failed += 1;
    console.error(`${title}: no report (the run crashed before finishing)`);
  }
  return ok;
}

function finish(ok) {
  console.log(`\n${ok ? "All checks passed." : "FAILED."}`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  process.exit(ok ? 0 : 1);
}

if (!run("type-check", npx, ["tsc", "--noEmit", "-p", "."])) {
  failed += 1;
  finish(false);
}
if (!vitest("unit tests", [], "unit")) finish(false);
if (!run("build", npm, ["run", "build"])) {
  failed += 1;
  finish(false);
}
finish(vitest("browser tests", ["--config", "test/e2e/vitest.config.ts"], "browser"));
