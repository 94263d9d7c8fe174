import { existsSync, mkdirSync, mkdtempSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { linkLib } from "../../scripts/link-lib.mjs";

const dirs: string[] = [];
function project(): string {
  const root = mkdtempSync(join(tmpdir(), "link-lib-"));
  dirs.push(root);
  mkdirSync(join(root, "lib"));
  mkdirSync(join(root, "src"));
  writeFileSync(join(root, "lib", "index.ts"), "export {};\n");
  return root;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const quiet = () => {};

describe("linkLib({root, platform, symlink})", () => {
  it("makes a relative directory symlink on Linux and macOS", () => {
    const root = project();
    const calls: unknown[][] = [];
    const action = linkLib({ root, platform: "darwin", log: quiet, symlink: (...args: unknown[]) => { calls.push(args); symlinkSync(args[0] as string, args[1] as string); } });
    expect(action).toBe("created");
    expect(calls).toEqual([["../lib", join(root, "src", "lib"), "dir"]]);
    expect(readlinkSync(join(root, "src", "lib"))).toBe("../lib");
    expect(existsSync(join(root, "src", "lib", "index.ts"))).toBe(true);
  });

  it("makes a junction with an absolute target on Windows", () => {
    const root = project();
    const calls: unknown[][] = [];
    // A junction needs an absolute target; on this machine a symlink stands in for it.
    const action = linkLib({ root, platform: "win32", log: quiet, symlink: (...args: unknown[]) => { calls.push(args); symlinkSync(args[0] as string, args[1] as string); } });
    expect(action).toBe("created");
    expect(calls).toEqual([[join(root, "lib"), join(root, "src", "lib"), "junction"]]);
    expect(realpathSync(join(root, "src", "lib"))).toBe(realpathSync(join(root, "lib")));
  });

  it("leaves a correct link alone and repairs a stale one", () => {
    const root = project();
    linkLib({ root, log: quiet });
    expect(linkLib({ root, log: quiet })).toBe("ok");
    rmSync(join(root, "src", "lib"));
    symlinkSync("../nowhere", join(root, "src", "lib"));
    expect(linkLib({ root, log: quiet })).toBe("replaced");
    expect(realpathSync(join(root, "src", "lib"))).toBe(realpathSync(join(root, "lib")));
  });

  it("refuses to replace a real folder at src/lib, naming it", () => {
    const root = project();
    mkdirSync(join(root, "src", "lib"));
    expect(() => linkLib({ root, log: quiet })).toThrow(/src[\\/]lib exists and is not a link/);
  });
});
