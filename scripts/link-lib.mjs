#!/usr/bin/env node
/**
 * Makes lib/ reachable from the Framework root: Framework refuses imports from
 * outside src/, so src/lib is a link to ../lib. It is created here, not
 * committed, because a committed symlink does not survive a Windows checkout:
 * on Windows it is a directory junction (no administrator rights needed), on
 * Linux and macOS a relative symlink. Runs on `npm install` and before `dev`,
 * `build` and `test`; running it again is harmless.
 */
import { lstatSync, readlinkSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "lib");
const link = join(root, "src", "lib");

function existing() {
  try {
    return lstatSync(link);
  } catch {
    return null;
  }
}

const stat = existing();
if (stat) {
  if (!stat.isSymbolicLink()) {
    console.error(`link-lib: ${link} exists and is not a link; move it away so src/lib can point to lib/.`);
    process.exit(1);
  }
  let ok = false;
  try {
    ok = realpathSync(link) === realpathSync(target);
  } catch {
    ok = false;
  }
  if (ok) process.exit(0);
  console.log(`link-lib: replacing stale link ${link} -> ${readlinkSync(link)}`);
  rmSync(link);
}
if (process.platform === "win32") symlinkSync(target, link, "junction");
else symlinkSync("../lib", link, "dir");
console.log("link-lib: src/lib -> lib");
