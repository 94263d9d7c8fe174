import { readFileSync } from "node:fs";
import { pageCells, crossSection } from "./scripts/site/deferred-cells.js";
import { createMarkdownIt, parseMarkdown } from "@observablehq/framework/dist/markdown.js";
for (const f of process.argv.slice(2)) {
  const md = readFileSync(f, "utf8");
  const page = parseMarkdown(md, { path: "/x.md", md: createMarkdownIt() });
  const cells = pageCells(md, "/x.md");
  for (const v of crossSection(cells)) console.log(f, "#" + v.cell.index, "section:", v.cell.heading, "\n" + page.code[v.cell.index].node.input.split("\n").slice(0, 6).join("\n") + "\n---");
}
