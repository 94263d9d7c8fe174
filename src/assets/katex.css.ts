// KaTeX's stylesheet with its fonts inlined, from the same KaTeX package that
// renders the math at build time (scripts/site/markdown-math.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inlineWoff2, packageDir, packageVersion } from "../../scripts/site/inline-fonts.js";

const dist = join(packageDir("katex"), "dist");
const css = readFileSync(join(dist, "katex.min.css"), "utf8");
process.stdout.write(`/* KaTeX ${packageVersion("katex")} (MIT), fonts inlined */\n${inlineWoff2(css, dist)}\n`);
