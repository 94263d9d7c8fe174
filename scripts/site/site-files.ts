/** Every file under a directory (a built site), as absolute paths, and as paths relative to it with forward slashes. */
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Every file below `dir`, recursively, as paths joined onto `dir`. */
export function walkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walkFiles(path) : [path];
  });
}

/** A path with forward slashes, as URLs and the build's own names use them (Windows writes backslashes). */
export function toPosix(path: string): string {
  return path.split(sep).join("/");
}

/** Every file of a built site, relative to its root, with forward slashes (`_import/lib/run.js`). */
export function siteFiles(dist: string): string[] {
  return walkFiles(dist).map((file) => toPosix(relative(dist, file)));
}
