// Observable Framework configuration for Descent.
// https://observablehq.com/framework/config
import { existsSync } from "node:fs";
import type MarkdownIt from "markdown-it";
import { markdownMath } from "./scripts/site/markdown-math.js";
import { markdownStripSolutions, STUDENT_BUILD } from "./scripts/site/strip-solutions.js";
import { COURSE } from "./src/course.js";

/** Only chapters whose page exists appear in the sidebar; the rest appear as they are written. */
const pages = COURSE.map((part) => ({
  name: part.name,
  open: true,
  pages: part.chapters
    .filter((chapter) => existsSync(new URL(`./src/${chapter.path}.md`, import.meta.url)))
    .map((chapter) => ({ name: chapter.title, path: `/${chapter.path}` })),
})).filter((part) => part.pages.length > 0);

export default {
  title: "Descent",
  root: "src",
  // DESCENT_OUT builds elsewhere (e.g. a scratch build beside a running one); `npm run build` writes dist/.
  // DESCENT_STUDENT_BUILD=1 (npm run build:student) builds the site without worked solutions into dist-student/.
  output: process.env.DESCENT_OUT || (STUDENT_BUILD ? "dist-student" : "dist"),
  pages,
  // Self-hosted stylesheet (themes, fonts) instead of Framework's default, which links Google Fonts.
  style: "style.css",
  globalStylesheets: [],
  // class-mode.js runs before the body is parsed (hidden solutions never flash); a11y.js
  // only fixes what cells render and keep-anchor.js only acts after a jump to a heading,
  // so both are deferred and never hold up parsing.
  head: `<link rel="icon" href="./favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="./assets/fonts.css">
<link rel="stylesheet" href="./assets/katex.css">
<script src="./assets/class-mode.js"></script>
<script src="./assets/a11y.js" defer></script>
<script src="./assets/keep-anchor.js" defer></script>`,
  // With JavaScript off, the text and equations still read (KaTeX is rendered at build time); say what does not work.
  header: `<noscript><p class="noscript-note" role="note"><strong>JavaScript is off.</strong> The text and the equations read as they are, but the charts, sliders, code cells, exercises, the arena and the course map's progress need JavaScript. Turn it on to use them.</p></noscript>`,
  footer: `Descent — an interactive course on gradient-based optimization. Code and text under the <a href="https://opensource.org/license/mit">MIT licence</a>; datasets under their own licences (see <code>data/README.md</code>).`,
  toc: true,
  pager: true,
  search: true,
  linkify: true,
  typographer: false,
  markdownIt: (md: MarkdownIt) => (STUDENT_BUILD ? md.use(markdownStripSolutions) : md).use(markdownMath),
};
