#!/usr/bin/env node
/**
 * Makes lib/ reachable from the Framework root: Framework refuses imports from
 * outside src/, so src/lib is a link to ../lib. It is created here, not
 * committed, because a committed symlink does not survive a Windows checkout:
 * on Windows it is a directory junction (no administrator rights needed; a
 * junction needs an absolute target), on Linux and macOS a relative symlink.
 * Runs on `npm install` and before `dev`, `build` and `test`; running it again
 * is harmless.
 */
import { lstatSync, readlinkSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * linkLib({root, platform, symlink}) creates or repairs root/src/lib → root/lib.
 * `platform` and `symlink` default to the real ones; tests pass others to check
 * the Windows branch on any machine. Returns what it did: "ok", "created" or
 * "replaced"; throws if src/lib exists and is not a link.
 */
export function linkLib({ root, platform = process.platform, symlink = symlinkSync, log = console.log }) {
  const target = join(root, "lib");
  const link = join(root, "src", "lib");
  let stat = null;
  try {
    stat = lstatSync(link);
  } catch {
    stat = null;
  }
  let action = "created";
  if (stat) {
    if (!stat.isSymbolicLink()) throw new Error(`link-lib: ${link} exists and is not a link; move it away so src/lib can point to lib/.`);
    let ok = false;
    try {
      ok = realpathSync(link) === realpathSync(target);
    } catch {
      ok = false;
    }
    if (ok) return "ok";
    log(`link-lib: replacing stale link ${link} -> ${readlinkSync(link)}`);
    rmSync(link);
    action = "replaced";
  }
  if (platform === "win32") symlink(target, link, "junction");
  else symlink("../lib", link, "dir");
  log("link-lib: src/lib -> lib");
  return action;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    linkLib({ root: resolve(dirname(fileURLToPath(import.meta.url)), "..") });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
