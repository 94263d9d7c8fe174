import MarkdownIt from "markdown-it";
import { describe, expect, test } from "vitest";
import { markdownMath, renderMath } from "../../scripts/site/markdown-math.js";

const md = new MarkdownIt({ html: true }).use(markdownMath);

describe("markdownMath(md)", () => {
  test("renders inline $…$ with KaTeX", () => {
    const html = md.render("the rate $\\eta < 2/L$ works");
    expect(html).toContain('class="katex"');
    expect(html).toContain("the rate ");
    expect(html).not.toContain("$");
  });

  test("renders a display block spanning lines", () => {
    const html = md.render("before\n\n$$\nx_{t+1} = x_t\n- \\eta g_t\n$$\n\nafter");
    expect(html).toContain('<div class="math-display"><span class="katex-display">');
    expect(html).toContain("<p>after</p>");
  });

  test("renders a one-line display block", () => {
    expect(md.render("$$ a^2 + b^2 $$")).toContain("katex-display");
  });

  test("leaves prices, escaped dollars and Framework's ${…} alone", () => {
    expect(md.render("costs $5 and $6 today")).not.toContain("katex");
    expect(md.render("a \\$ sign")).toContain("a $ sign");
    expect(md.render("value ${x} here")).not.toContain("katex");
    expect(md.render("$ x $")).not.toContain("katex");
  });

  test("throws on a formula KaTeX cannot parse, naming it", () => {
    expect(() => md.render("broken $\\frac{1}{$ formula")).toThrow(/KaTeX could not render \$\\frac\{1\}\{\$/);
    expect(() => md.render("$$\n\\begin{aligned} x \n$$")).toThrow(/KaTeX could not render/);
  });

  test("knows the course's macros", () => {
    expect(() => renderMath("\\argmin_x f(x) \\in \\R", false)).not.toThrow();
  });
});
