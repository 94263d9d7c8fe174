// Check 3 of issue 13, "hand-typed numbers": every number typed into a page's
// prose is in the page's allowlist with a reason (setting, year, cited, exact
// with its test, or todo). `npm run claims` prints the same report.
import { describe, expect, test } from "vitest";
import { checkNumbers, kindOf, passes } from "../../scripts/claims/allowlist.js";
import { checkPages, summary } from "../../scripts/claims/numbers.js";
import { parsePage } from "../../scripts/claims/pages.js";
import { proseNumbers } from "../../scripts/claims/prose-numbers.js";

const numbersIn = (markdown: string) => proseNumbers(parsePage(markdown)).map((n) => n.text);

describe("proseNumbers(page)", () => {
  test("finds hand-typed results as written", () => {
    expect(numbersIn("The loss ends at ≈ 69.1, about 4.5×10⁴ steps, with ε = 1e-8 and x = −5; 95% of runs; 10,000 samples.")).toEqual([
      "69.1",
      "4.5×10⁴",
      "1e-8",
      "−5",
      "95%",
      "10,000",
    ]);
  });

  test("finds spelled-out quantities that state a result", () => {
    expect(numbersIn("It is ten times lower, and tens of nanoseconds faster, by orders of magnitude.")).toEqual(["ten times", "tens of", "orders of magnitude"]);
  });

  test("skips names, ordinals, dimensions and references to parts of a text", () => {
    expect(numbersIn("L2 and x1, β₂ and ℓ₂ and x₁; the 2nd and 3rd; a 1-D and a 2D problem; D2L §11.6, chapter 6, Part II, Section 3, Algorithm 1.")).toEqual([]);
  });

  test("skips math, live expressions, code, HTML attributes, front matter and headings' numbering", () => {
    const page = [
      "---",
      "title: 6. Momentum",
      "---",
      "",
      "## 2. The ravine",
      "",
      "**3. An exercise.** Math $\\eta = 0.4$ and $$x^2 = 4$$, a value ${num(0.25)}, code `lr: 0.1`,",
      '<span style="width: 40px" data-n="7">text</span>',
      "",
      "```js",
      "const steps = 200;",
      "```",
      "",
      "1. a list item",
      "2. another",
    ].join("\n");
    expect(numbersIn(page)).toEqual([]);
  });

  test("skips the bibliography but not years cited in the text", () => {
    expect(numbersIn("As Bergstra and Bengio (2012) show.\n\n## References\n\n- J. Mach. Learn. Res. 13 (2012) 281–305.\n\n## After\n\nStep 5.\n")).toEqual(["2012", "5"]);
  });

  test("skips a bibliography collapsed in <details> with a References summary, up to its </details>", () => {
    expect(numbersIn("Step 3.\n\n<details>\n<summary><strong>References</strong></summary>\n\n- Ruder, S. (2016). An overview.\n\n</details>\n\nStep 5.\n")).toEqual(["3", "5"]);
  });

  test("names the line, front matter counted", () => {
    const found = proseNumbers(parsePage("---\ntitle: T\n---\n\n# T\n\nFirst line,\nthen 42 here.\n"));
    expect(found).toEqual([{ text: "42", line: 8, context: "then 42 here." }]);
  });
});

describe("checkNumbers(slug, numbers, allowlist)", () => {
  const numbers = proseNumbers(parsePage("With η = 0.4 for 20 steps the loss is 69.1 (Polyak, 1964).\n"));

  test("passes when every number is listed with a reason of a known kind", () => {
    const report = checkNumbers("page", numbers, {
      "0.4": "setting: the page's learning rate",
      "20": "setting: the step count",
      "69.1": "todo: hand-typed loss, compute it",
      "1964": "year: Polyak's paper",
    });
    expect(passes(report)).toBe(true);
    expect(report.byKind).toMatchObject({ setting: 2, year: 1, todo: 1 });
    expect(report.todos.map((n) => n.text)).toEqual(["69.1"]);
  });

  test("fails on an injected hand-typed number that is not listed", () => {
    const report = checkNumbers("page", numbers, { "0.4": "setting: lr", "20": "setting: steps", "1964": "year: Polyak" });
    expect(passes(report)).toBe(false);
    expect(report.unlisted.map((n) => `${n.line}: ${n.text}`)).toEqual(["1: 69.1"]);
  });

  test("fails on a stale entry, a reason of no kind, and an exact: without an existing test", () => {
    const all = { "0.4": "setting: the learning rate", "20": "setting: steps", "69.1": "todo: compute it", "1964": "year: Polyak" };
    expect(checkNumbers("page", numbers, { ...all, "0.6": "setting: gone" }).stale).toEqual(["0.6"]);
    expect(checkNumbers("page", numbers, { ...all, "20": "because" }).badReasons).toHaveLength(1);
    expect(checkNumbers("page", numbers, { ...all, "69.1": "exact: 0.9^20, checked by hand" }).badReasons[0]).toMatch(/names the test/);
    expect(checkNumbers("page", numbers, { ...all, "69.1": "exact: test/no-such.test.ts" }).badReasons[0]).toMatch(/does not exist/);
    expect(passes(checkNumbers("page", numbers, { ...all, "69.1": "exact: 2·20 − … in test/claims/numbers.test.ts" }))).toBe(true);
  });

  test("kindOf(reason)", () => {
    expect(kindOf("cited: D2L §11.6")).toBe("cited");
    expect(kindOf("guess: 3")).toBeNull();
  });
});

describe("every page's numbers are in its allowlist", () => {
  const reports = checkPages();
  for (const report of reports) {
    test(`src/${report.slug}.md: every hand-typed number is in its allowlist`, () => {
      const problems = [
        ...report.unlisted.map((n) => `line ${n.line}: "${n.text}" is not in test/claims/allowlists/${report.slug}.json — …${n.context}…`),
        ...report.stale.map((key) => `"${key}" is listed but no longer on the page`),
        ...report.badReasons,
      ];
      expect(problems).toEqual([]);
    });
  }
  test("summary", () => {
    console.log(summary(reports));
    expect(summary(reports)).toMatch(/^\d+ hand-typed numbers on \d+ pages: .*0 pages failing$/);
  });
});
