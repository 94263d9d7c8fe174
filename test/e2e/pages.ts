/** The pages of a built site: every `.html` outside Framework's `_` folders, as clean URLs (`/`, `/momentum`). */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";

export function builtPages(dist: string, dir = dist): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith("_")) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return builtPages(dist, path);
    return entry.name.endsWith(".html") ? ["/" + relative(dist, path).replace(/\\/g, "/").replace(/(index)?\.html$/, "")] : [];
  });
}
