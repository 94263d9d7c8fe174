/**
 * Gradescope's autograder.zip for an assignment
 * (https://gradescope-autograders.readthedocs.io/en/latest/specs/): at its
 * root `setup.sh` (run once on Gradescope's Ubuntu image: installs Node.js 20
 * and the kit's locked dependencies with `npm ci`) and `run_autograder` (run
 * per submission: copies /autograder/submission to a scratch folder, grades
 * it, writes /autograder/results/results.json), plus the grading kit: the
 * grader, the checks, hidden cases and reference solutions, the library, and a
 * package.json + package-lock.json holding only what the grader needs (tsx,
 * typescript), cut from this repository's lockfile.
 *
 * `AUTOGRADER_ROOT` (default /autograder) moves the whole tree, so the zip can
 * be tried in a scratch folder exactly as Gradescope runs it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EXERCISES } from "../../exercises/index.js";
import { resolveChapters } from "./edition.js";
import { exerciseFiles, importClosure, ROOT } from "./files.js";
import type { Visibility } from "./grading.js";
import { zip, type ZipEntry } from "./zip.js";

/** The packages the grader runs with (and their dependencies, from the lockfile). */
const KIT_DEPENDENCIES = ["tsx", "typescript"];

interface LockPackage {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

/** package.json and package-lock.json for the kit: the lockfile's entries for `names` and everything they need. */
export function kitPackage(names = KIT_DEPENDENCIES): { packageJson: string; lock: string } {
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, LockPackage> };
  const picked: Record<string, LockPackage> = {};
  const queue = names.map((n) => `node_modules/${n}`);
  while (queue.length) {
    const key = queue.shift()!;
    if (picked[key]) continue;
    const entry = lock.packages[key];
    if (!entry) throw new Error(`package-lock.json has no ${key}`);
    picked[key] = { ...entry };
    const deps = { ...entry.dependencies, ...entry.optionalDependencies };
    for (const [name, meta] of Object.entries(entry.peerDependencies ?? {})) if (!entry.peerDependenciesMeta?.[name]?.optional) deps[name] = meta;
    for (const name of Object.keys(deps)) {
      // Node's resolution: node_modules/<name> under this package, then under each ancestor, then at the top.
      let base = key;
      let found = `node_modules/${name}`;
      for (;;) {
        if (lock.packages[`${base}/node_modules/${name}`]) {
          found = `${base}/node_modules/${name}`;
          break;
        }
        const up = base.lastIndexOf("/node_modules/");
        if (up < 0) break;
        base = base.slice(0, up);
      }
      if (lock.packages[found]) queue.push(found);
      else if (!(entry.optionalDependencies && name in entry.optionalDependencies)) throw new Error(`package-lock.json has no ${name} for ${key}`);
    }
  }
  const dependencies = Object.fromEntries(names.map((n) => [n, picked[`node_modules/${n}`].version!]));
  const root = { name: "descent-autograder", version: "1.0.0", private: true, type: "module", engines: { node: ">=20.19" }, dependencies };
  for (const entry of Object.values(picked)) {
    delete (entry as { dev?: boolean }).dev;
    delete (entry as { devOptional?: boolean }).devOptional;
  }
  const kitLock = { name: root.name, version: root.version, lockfileVersion: 3, requires: true, packages: { "": { name: root.name, version: root.version, dependencies, engines: root.engines }, ...Object.fromEntries(Object.entries(picked).sort(([a], [b]) => a.localeCompare(b))) } };
  return { packageJson: JSON.stringify(root, null, 2) + "\n", lock: JSON.stringify(kitLock, null, 2) + "\n" };
}

export const SETUP_SH = `#!/usr/bin/env bash
# Gradescope runs this once, as root, on its Ubuntu image, from /autograder/source.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  apt-get update
  apt-get install -y ca-certificates curl gnupg
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
  apt-get install -y nodejs
fi
node --version
npm ci --no-audit --no-fund
`;

export function runAutograder(chapters: readonly string[], hiddenVisibility: Visibility, timeout: number, withRoster = false): string {
  return `#!/usr/bin/env bash
# Gradescope runs this for each submission. AUTOGRADER_ROOT (default /autograder)
# lets you try it in a scratch folder: source/ (this kit), submission/, results/.
set -uo pipefail
ROOT="\${AUTOGRADER_ROOT:-/autograder}"
KIT="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d)"
ERR="$(mktemp)"
trap 'rm -rf "$WORK" "$ERR"' EXIT
cp -R "$ROOT/submission/." "$WORK/"
mkdir -p "$ROOT/results"
cd "$KIT"
# The submitter Gradescope names (submission_metadata.json) chooses the variant${withRoster ? "; the roster the kit was built with refuses anyone else" : ""}.
if ! node node_modules/tsx/dist/cli.mjs scripts/grade.ts "$WORK" --chapters ${chapters.join(",")} --hidden-visibility ${hiddenVisibility} --timeout ${timeout} --gradescope-metadata "$ROOT/submission_metadata.json"${withRoster ? ' --roster "$KIT/roster.csv"' : ""} --out "$ROOT/results" 2>"$ERR"; then
  cat "$ERR" >&2
  # The grader itself failed (not the student's code): say so, and why, rather than leave no results.
  node -e 'const fs = require("fs"); const why = fs.readFileSync(process.argv[2], "utf8").trim().split("\\n").pop() || "no message"; fs.writeFileSync(process.argv[1], JSON.stringify({ score: 0, output: "The autograder could not run (" + why.slice(0, 300) + "); please tell your instructor.", tests: [] }) + "\\n");' "$ROOT/results/results.json" "$ERR"
else
  cat "$ERR" >&2
fi
`;
}

export interface GradescopeOptions {
  chapters: readonly string[];
  hiddenVisibility?: Visibility;
  /** Seconds per case (grade.ts --timeout). */
  timeout?: number;
  /** The roster's ids (an assignment with per-student variants): shipped as roster.csv and passed to the grader. */
  roster?: readonly string[];
}

/** The files of the kit: what grade.ts imports, every hidden case and reference module, the child's scripts. */
export function kitFiles(): string[] {
  const code = EXERCISES.filter((e) => e.kind === "code");
  const entries = ["scripts/grade.ts", "exercises/checks.ts", ...code.flatMap((e) => [exerciseFiles(e.id).hiddenCases, exerciseFiles(e.id).module])];
  return [...importClosure(entries), "scripts/coursework/sandbox/serve.mjs", "scripts/coursework/sandbox/relay.mjs"].sort();
}

export function gradescopeZip({ chapters: asked, hiddenVisibility = "after_published", timeout = 5, roster }: GradescopeOptions): Buffer {
  const chapters = resolveChapters(asked);
  const { packageJson, lock } = kitPackage();
  const entries: ZipEntry[] = [
    { path: "setup.sh", data: SETUP_SH, mode: 0o755 },
    { path: "run_autograder", data: runAutograder(chapters, hiddenVisibility, timeout, !!roster), mode: 0o755 },
    ...(roster ? [{ path: "roster.csv", data: `id\n${roster.join("\n")}\n` }] : []),
    { path: "package.json", data: packageJson },
    { path: "package-lock.json", data: lock },
    ...kitFiles().map((path) => ({ path, data: readFileSync(join(ROOT, path)) })),
  ];
  return zip(entries);
}
