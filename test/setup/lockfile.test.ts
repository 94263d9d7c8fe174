import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkLockfile, REQUIRED_BINARIES } from "../../scripts/check-lockfile.mjs";

const lock = JSON.parse(readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8"));

describe("checkLockfile(package-lock.json)", () => {
  it("finds every platform's rollup and esbuild binaries in the committed lockfile", () => {
    expect(checkLockfile(lock)).toEqual([]);
  });

  for (const [bundler, binaries] of Object.entries(REQUIRED_BINARIES)) {
    for (const binary of binaries) {
      it(`fails when ${binary} is removed (needed by ${bundler})`, () => {
        const broken = structuredClone(lock);
        const keys = Object.keys(broken.packages).filter((key) => key.endsWith(`node_modules/${binary}`));
        expect(keys.length).toBeGreaterThan(0);
        for (const key of keys) delete broken.packages[key];
        const problems = checkLockfile(broken);
        expect(problems.some((p: string) => p.includes(binary) && p.includes("lacks"))).toBe(true);
      });
    }
  }

  it("fails when a binary is listed at another version than its bundler asks for", () => {
    const broken = structuredClone(lock);
    broken.packages["node_modules/@rollup/rollup-darwin-arm64"].version = "0.0.1";
    expect(checkLockfile(broken).join("\n")).toMatch(/needs @rollup\/rollup-darwin-arm64@.*the lockfile has 0\.0\.1/);
  });

  it("rejects a lockfile without a packages section", () => {
    expect(checkLockfile({ lockfileVersion: 1 })).toHaveLength(1);
  });
});
