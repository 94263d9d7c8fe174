// The course's web fonts, self-hosted from @fontsource packages (SIL Open Font
// License) with the woff2 files inlined: Source Serif 4 for the text (the font
// Framework's theme asks for) and Inter for the interface. Latin subsets only.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fontFacesFor, inlineWoff2, packageDir } from "../../scripts/site/inline-fonts.js";

const subsets = ["latin"];

function faces(pkg: string, sheet: string, family: string, rename: string): string {
  const dir = packageDir(pkg);
  const css = fontFacesFor(readFileSync(join(dir, sheet), "utf8"), subsets).replaceAll(`'${family}'`, `'${rename}'`);
  return inlineWoff2(css, dir);
}

const serif = "@fontsource-variable/source-serif-4";
const sans = "@fontsource-variable/inter";
process.stdout.write(
  [
    "/* Source Serif 4 and Inter (SIL Open Font License 1.1), via @fontsource-variable */",
    faces(serif, "wght.css", "Source Serif 4 Variable", "Source Serif 4"),
    faces(serif, "wght-italic.css", "Source Serif 4 Variable", "Source Serif 4"),
    faces(sans, "wght.css", "Inter Variable", "Inter"),
  ].join("\n")
);
