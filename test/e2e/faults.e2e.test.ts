// The browser checks must catch real faults, not just pass: each test below
// builds a small site with one injected fault, using the course's own
// Framework setup (KaTeX plugin, tex helper, offline build), and asserts that
// the check reports exactly that fault. A clean control page must report none.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { pinLazyNpmVersions } from "../../scripts/prepare-build.mjs";
import { launchChromium } from "./browser.js";
import { checkPage, describeProblems, type ProblemKind } from "./check-page.js";
import { serve, type StaticServer } from "./server.js";
import { chromiumPath } from "./setup.js";

const repo = process.cwd();
const fixtures = join(repo, "test", "e2e", ".fixtures");
const fence = "```";

const PAGES: Record<string, string> = {
  "ok.md": `# Clean\n\nInline $\\eta < 2/L$ and display\n\n$$\nx_{t+1} = x_t - \\eta \\nabla f(x_t)\n$$\n\n${fence}js\nimport {tex} from "./components/tex.js";\ndisplay(tex\`\\\\eta = \${0.25}\`);\n${fence}\n\nCode may say \`num(x)\` or \`\${x}\`:\n\n${fence}txt\nconst y = num(undefined) + NaN;\n${fence}\n\nThe rate is \${(0.25).toFixed(2)}.\n`,
  // Code or broken values where a number was meant (issue 13, check 1 in the browser):
  "nan.md": `# NaN\n\nThe loss is \${0 / 0}.\n`,
  "undefined-text.md": `# Undefined\n\n${fence}js\nconst rates = {};\n${fence}\n\nThe rate is \${String(rates.adam)}.\n`,
  "object-text.md": `# Object\n\nThe point is \${String({x: 1})}.\n`,
  "num-in-tex.md": `# num in a tex cell\n\n${fence}js\nimport {tex} from "./components/tex.js";\ndisplay(tex\`\\\\eta < {num(limit)}\`);\n${fence}\n`,
  "live-text.md": `# Live expression as text\n\n${fence}js\ndisplay(document.createTextNode("The rate is $" + "{eta}."));\n${fence}\n`,
  "throws.md": `# Throws\n\n${fence}js\nthrow new Error("injected fault: a cell throws");\n${fence}\n`,
  "uncaught.md": `# Uncaught\n\n${fence}js\nsetTimeout(() => { throw new Error("injected fault: uncaught"); }, 0);\n${fence}\n`,
  "cross-origin.md": `# Cross origin\n\n${fence}js\nconst img = new Image();\nimg.src = \`http://localhost:\${location.port}/pixel.png\`;\ndisplay(img);\n${fence}\n`,
  "bad-tex-cell.md": `# Bad formula in a cell\n\n${fence}js\nimport {tex} from "./components/tex.js";\ndisplay(tex\`\\\\frac{1}{\`);\n${fence}\n`,
  "missing-file.md": `# Missing file\n\n${fence}js\nconst response = await fetch("./no-such-file.json");\ndisplay(response.status);\n${fence}\n`,
};

function writeSite(name: string, pages: Record<string, string>): string {
  const dir = join(fixtures, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "src", "components"), { recursive: true });
  for (const file of ["tex.ts", "katex-options.ts", "format.ts"]) {
    copyFileSync(join(repo, "src", "components", file), join(dir, "src", "components", file));
  }
  for (const [file, source] of Object.entries(pages)) writeFileSync(join(dir, "src", file), source);
  const rel = `test/e2e/.fixtures/${name}`;
  writeFileSync(
    join(dir, "observablehq.config.ts"),
    `import { markdownMath } from "../../../../scripts/site/markdown-math.js";\n` +
      `export default { root: "${rel}/src", output: "${rel}/dist", globalStylesheets: [], markdownIt: (md: any) => md.use(markdownMath) };\n`
  );
  pinLazyNpmVersions(join(dir, "src", ".observablehq", "cache"));
  return dir;
}

function build(dir: string) {
  const bin = join(repo, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");
  return spawnSync(process.execPath, ["--import", "tsx", bin, "build", "--config", join(dir, "observablehq.config.ts")], { cwd: repo, encoding: "utf8" });
}

test("a Markdown formula KaTeX cannot parse fails the build, naming the formula and the page", () => {
  const dir = writeSite("bad-markdown-math", { "index.md": "# Bad\n\nThis is fine: $x^2$.\n\nThis is not: $\\frac{1}{$ at all.\n" });
  const result = build(dir);
  expect(result.status).not.toBe(0);
  expect(result.stdout + result.stderr).toMatch(/KaTeX could not render \$\\frac\{1\}\{\$ in \/index/);
});

test("JavaScript inside a Markdown formula fails the build, naming the page and the line", () => {
  const dir = writeSite("code-in-math", { "index.md": "# Bad\n\nFine: $x^2$ and ${1 + 1}.\n\nNot fine: $\\eta < {num(limit)}$ here.\n" });
  const result = build(dir);
  expect(result.status).not.toBe(0);
  expect(result.stdout + result.stderr).toMatch(/Code inside math in \/index[\s\S]*line 5: a function call/);
});

describe.runIf(chromiumPath)("the page check", () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const dir = writeSite("faults", PAGES);
    const result = build(dir);
    if (result.status !== 0) throw new Error(`fixture build failed:\n${result.stdout}\n${result.stderr}`);
    server = await serve(join(dir, "dist"));
    browser = await launchChromium(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("reports nothing on a clean page with math and a tex cell", async () => {
    const problems = await checkPage(browser, `${server.origin}/ok`);
    expect(problems, describeProblems(problems)).toEqual([]);
  });

  const cases: [string, ProblemKind, RegExp][] = [
    ["throws", "error-cell", /injected fault: a cell throws/],
    ["uncaught", "exception", /injected fault: uncaught/],
    ["cross-origin", "other-origin", /^http:\/\/localhost:\d+\/pixel\.png$/],
    ["bad-tex-cell", "error-cell", /KaTeX parse error/],
    ["missing-file", "http-error", /^404 .*no-such-file\.json$/],
    ["nan", "code-text", /^"NaN" in ".*The loss is NaN/],
    ["undefined-text", "code-text", /^"undefined" in ".*The rate is undefined/],
    ["object-text", "code-text", /^"\[object Object\]"/],
    ["num-in-tex", "code-text", /^"num\("/],
    ["live-text", "code-text", /^"\$\{" in ".*The rate is \$\{eta\}/],
  ];
  for (const [page, kind, detail] of cases) {
    test(`reports ${kind} on /${page}`, async () => {
      const problems = await checkPage(browser, `${server.origin}/${page}`);
      expect(problems.some((p) => p.kind === kind && detail.test(p.detail)), describeProblems(problems)).toBe(true);
    });
  }
});
