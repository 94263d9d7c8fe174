// KaTeX's stylesheet with its fonts inlined, from the same KaTeX package that
// renders the math at build time (scripts/site/markdown-math.ts), without the
// faces the course never uses (scripts/site/katex-fonts.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inlineWoff2, packageDir, packageVersion } from "../../scripts/site/inline-fonts.js";
import { dropKatexFaces, UNUSED_KATEX_FAMILIES } from "../../scripts/site/katex-fonts.js";

const dist = join(packageDir("katex"), "dist");
const css = dropKatexFaces(readFileSync(join(dist, "katex.min.css"), "utf8"));
const dropped = Object.keys(UNUSED_KATEX_FAMILIES).join(", ");
process.stdout.write(`/* KaTeX ${packageVersion("katex")} (MIT), fonts inlined; unused faces dropped: ${dropped} */\n${inlineWoff2(css, dist)}\n`);
