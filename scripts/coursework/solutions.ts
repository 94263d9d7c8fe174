/**
 * Solution regions in exercise modules, and the stubs that replace them.
 *
 * An instructor's exercise module marks its solution with a pair of line
 * comments:
 *
 *     export function gdStep(x, g, lr) {
 *       // BEGIN SOLUTION
 *       for (let i = 0; i < x.length; i++) x[i] -= lr * g[i];
 *       // END SOLUTION
 *     }
 *
 * In the student edition (and in the page's starter code) each region
 * becomes a stub at the same indentation that throws "not implemented".
 */
import { typescript } from "./typescript.js";

const BEGIN = /^([ \t]*)\/\/\s*BEGIN SOLUTION\b.*$/;
const END = /^[ \t]*\/\/\s*END SOLUTION\b.*$/;

export interface SolutionRegion {
  /** 0-based line numbers of the BEGIN and END markers. */
  begin: number;
  end: number;
  indent: string;
  /** The lines between the markers. */
  body: string[];
}

/** The solution regions of a module; throws on a marker without its partner. */
export function solutionRegions(text: string, file = "module"): SolutionRegion[] {
  const lines = text.split("\n");
  const regions: SolutionRegion[] = [];
  let open: { begin: number; indent: string } | null = null;
  lines.forEach((line, i) => {
    const b = BEGIN.exec(line);
    if (b) {
      if (open) throw new Error(`${file}:${i + 1}: BEGIN SOLUTION inside the region opened at line ${open.begin + 1}`);
      open = { begin: i, indent: b[1] };
    } else if (END.test(line)) {
      if (!open) throw new Error(`${file}:${i + 1}: END SOLUTION without a BEGIN SOLUTION`);
      const { begin, indent } = open as { begin: number; indent: string };
      regions.push({ begin, end: i, indent, body: lines.slice(begin + 1, i) });
      open = null;
    }
  });
  if (open) throw new Error(`${file}:${(open as { begin: number }).begin + 1}: BEGIN SOLUTION without an END SOLUTION`);
  return regions;
}

export const STUB_MESSAGE = "not implemented";

/** The module with every solution region replaced by a stub that throws "not implemented". */
export function stubSolutions(text: string, file = "module"): string {
  const lines = text.split("\n");
  const regions = solutionRegions(text, file);
  for (const r of [...regions].reverse()) {
    lines.splice(r.begin, r.end - r.begin + 1, `${r.indent}// TODO: your code here.`, `${r.indent}throw new Error("${STUB_MESSAGE}");`);
  }
  return lines.join("\n");
}

/**
 * The page's starter code for a stubbed module: plain JavaScript for the
 * sandbox (types removed, comments kept, imports dropped — the library is in
 * scope there), ending with `return {…exports}` so the checks can call them.
 */
export function starterScript(stubbed: string, exports: readonly string[]): string {
  // The module's header comment states the task; TypeScript would drop it with an erased import or interface.
  const header = /^\s*\/\*\*[\s\S]*?\*\//.exec(stubbed)?.[0].trim() ?? "";
  const ts = typescript();
  const js = ts.transpileModule(stubbed.slice(header ? stubbed.indexOf(header) + header.length : 0), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: false, verbatimModuleSyntax: false },
    reportDiagnostics: false,
  }).outputText;
  const body = js
    .split("\n")
    .filter((line) => !/^\s*import\s.*from\s+["'][^"']+["'];?\s*$/.test(line) && !/^\s*export\s*\{\s*\};?\s*$/.test(line))
    .map((line) => line.replace(/^export\s+(function|const|let|class|async function)\b/, "$1").replace(/^( {4})+/, (m) => "  ".repeat(m.length / 4)))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/\}\n(function|const|let|class|async function)\b/g, "}\n\n$1")
    .trim();
  return `${header ? header + "\n" : ""}${body}\n\n// The checks call what you return here.\nreturn {${exports.join(", ")}};\n`;
}
