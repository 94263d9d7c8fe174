/**
 * Shared helper of the data scripts: fetches one exact package version with
 * `npm pack` into a temporary directory and returns the text of some of its
 * files. Nothing is installed (no dependencies, no postinstall scripts run) and
 * the temporary directory is removed afterwards.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * @param {string} spec   an exact package spec, e.g. "scikitjs@1.24.0"
 * @param {string[]} files paths inside the package, e.g. "docs/static/data/digits.csv"
 * @returns {{ integrity: string, files: Record<string, string> }}
 */
export function extractFromNpm(spec, files) {
  const dir = mkdtempSync(join(tmpdir(), "descent-data-"));
  try {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const out = execFileSync(npm, ["pack", spec, "--json", "--pack-destination", dir], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      shell: process.platform === "win32",
    });
    const [info] = JSON.parse(out);
    const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
    if (!tarball) throw new Error(`npm pack ${spec} produced no tarball`);
    execFileSync("tar", ["-xzf", tarball, ...files.map((f) => `package/${f}`)], { cwd: dir, stdio: "inherit" });
    const result = {};
    for (const f of files) result[f] = readFileSync(join(dir, "package", f), "utf8");
    return { integrity: info?.integrity ?? "", files: result };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Loads lib/ (TypeScript) from a plain `node` script through tsx's loader. */
export async function importLib(path) {
  const { register } = await import("tsx/esm/api");
  register();
  return import(new URL(`../../lib/${path}`, import.meta.url).href);
}
