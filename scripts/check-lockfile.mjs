#!/usr/bin/env node
/**
 * Checks that package-lock.json installs on every machine a student may have:
 * for every copy of rollup and esbuild in the tree, the lockfile must list the
 * native binary for macOS (arm64, x64), Windows (x64) and Linux (x64 glibc and
 * musl) at the version that copy asks for. A lockfile written on one platform
 * by an older npm can lack the others; npm then installs a tree without them
 * on a student's Mac ("Cannot find module @rollup/rollup-darwin-arm64").
 *
 * `node scripts/check-lockfile.mjs` prints the problems and exits 1 if any.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The native packages every copy of a bundler needs, by the bundler's name. */
export const REQUIRED_BINARIES = {
  rollup: ["@rollup/rollup-darwin-arm64", "@rollup/rollup-darwin-x64", "@rollup/rollup-win32-x64-msvc", "@rollup/rollup-linux-x64-gnu", "@rollup/rollup-linux-x64-musl"],
  // esbuild ships one Linux x64 binary for glibc and musl alike.
  esbuild: ["@esbuild/darwin-arm64", "@esbuild/darwin-x64", "@esbuild/win32-x64", "@esbuild/linux-x64"],
};

/**
 * Where npm would find `name` from a package installed at `from` (a lockfile
 * key such as "node_modules/tsx/node_modules/esbuild"): the nearest
 * node_modules folder up the tree that holds it, as Node resolves.
 */
function resolveIn(packages, from, name) {
  let dir = from;
  for (;;) {
    const key = `${dir}/node_modules/${name}`;
    if (packages[key]) return key;
    const up = dir.lastIndexOf("/node_modules/");
    if (up < 0) break;
    dir = dir.slice(0, up);
  }
  return packages[`node_modules/${name}`] ? `node_modules/${name}` : null;
}

/** checkLockfile(lock) → a list of problems (empty when the lockfile is complete). */
export function checkLockfile(lock) {
  const problems = [];
  if (!lock || typeof lock !== "object" || !lock.packages) return ["package-lock.json has no \"packages\" section (lockfileVersion ≥ 2 is needed)"];
  const packages = lock.packages;
  for (const [bundler, binaries] of Object.entries(REQUIRED_BINARIES)) {
    const copies = Object.keys(packages).filter((key) => key === `node_modules/${bundler}` || key.endsWith(`/node_modules/${bundler}`));
    if (copies.length === 0) problems.push(`no ${bundler} in the lockfile (expected at least one copy)`);
    for (const copy of copies) {
      const wanted = packages[copy].optionalDependencies ?? {};
      for (const binary of binaries) {
        const version = wanted[binary];
        if (!version) {
          problems.push(`${copy}@${packages[copy].version} does not list ${binary} among its optional dependencies`);
          continue;
        }
        const at = resolveIn(packages, copy, binary);
        if (!at) problems.push(`${copy}@${packages[copy].version} needs ${binary}@${version}, which the lockfile lacks`);
        else if (packages[at].version !== version) problems.push(`${copy}@${packages[copy].version} needs ${binary}@${version}; the lockfile has ${packages[at].version} at ${at}`);
      }
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const problems = checkLockfile(JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")));
  for (const problem of problems) console.error(`lockfile: ${problem}`);
  if (problems.length > 0) {
    console.error("Regenerate it with `npm install --package-lock-only` (npm ≥ 10) and check `npm ci`.");
    process.exit(1);
  }
  console.log("lockfile: every platform's rollup and esbuild binaries are listed");
}
