import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { candidates, pageCells, violations, wrongWaits } from "../../scripts/site/deferred-cells.js";

const page = (...cells: string[]) => cells.join("\n\n");
const js = (code: string) => "```js\n" + code + "\n```";

describe("deferred cells (await reached(section))", () => {
  test("a deferred cell whose value a chart above uses is flagged", () => {
    const cells = pageCells(page("${resize(() => chart(rows))}", js('await reached("x");\nconst rows = [1, 2];')));
    expect(violations(cells).map((v) => v.reason)).toEqual([expect.stringMatching(/^used above it by/)]);
  });

  test("…also through another cell in between", () => {
    const cells = pageCells(page(js("const total = rows.length;"), "${total}", js('await reached("x");\nconst rows = [1, 2];')));
    expect(violations(cells)).toHaveLength(1);
  });

  test("a deferred view(...) is flagged", () => {
    const cells = pageCells(page(js('await reached("x");\nconst k = view(Inputs.range([0, 1]));')));
    expect(violations(cells).map((v) => v.reason)).toEqual(["a deferred cell defines a view(...)"]);
  });

  test("a deferred cell used only below it is fine, and is not a candidate twice", () => {
    const cells = pageCells(page("text", js('await reached("x");\nconst rows = [1, 2];'), "${rows.length}", js("const more = rows.concat(3);")));
    expect(violations(cells)).toEqual([]);
    expect(candidates(cells).map((c) => c.head)).toEqual(["const more = rows.concat(3);"]);
  });

  test("a cell a view or an earlier cell depends on is no candidate", () => {
    const cells = pageCells(page(js("const k = view(Inputs.range([0, n]));"), js("const n = 3;"), js("const m = 4;")));
    expect(candidates(cells).map((c) => c.head)).toEqual(["const m = 4;"]);
  });

  test("a deferred cell must wait for its own section's heading, not visibility() nor another section", () => {
    const md = page("## One", js('await reached("one");\nconst a = 1;'), "## Two", js("await visibility();\nconst b = a;"), js('await reached("one");\nconst c = b;'));
    const reasons = wrongWaits(pageCells(md)).map((v) => v.reason);
    expect(reasons).toEqual([expect.stringMatching(/^waits for visibility\(\); use await reached\("two"\)/), expect.stringMatching(/but its section's heading is "two"/)]);
  });

  test("comment lines and imports may come before the wait", () => {
    const [cell] = pageCells(page("## One", js('// why it waits\nimport {x} from "./x.js";\nawait reached("one");\nconst a = x;'))).filter((c) => !c.inline);
    expect(cell.deferred).toBe(true);
    expect(cell.waitsFor).toBe("one");
  });

  const pages = readdirSync("src").filter((f) => f.endsWith(".md"));
  test.each(pages)("src/%s: no deferred cell is used above it, is a view, or waits for anything but its own section", (file) => {
    const cells = pageCells(readFileSync(`src/${file}`, "utf8"), `/${file}`);
    expect([...violations(cells), ...wrongWaits(cells)].map((v) => `${v.cell.head}: ${v.reason}`)).toEqual([]);
  });
});
