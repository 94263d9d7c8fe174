#!/usr/bin/env node
/**
 * `npm run build:student`: the site without worked solutions, in dist-student/
 * (see scripts/site/strip-solutions.ts). Sets the two variables the build reads
 * and runs `npm run build` — in Node, so it works under cmd.exe as under sh.
 */
import { spawnSync } from "node:child_process";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const result = spawnSync(npm, ["run", "build"], {
  stdio: "inherit",
  shell: process.platform === "win32",
  env: { ...process.env, DESCENT_STUDENT_BUILD: "1", DESCENT_OUT: "dist-student" },
});
process.exit(result.status ?? 1);
