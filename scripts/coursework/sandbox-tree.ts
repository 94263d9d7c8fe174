/**
 * The scratch folder a student's module runs in (see remote.ts): the module
 * and the part of lib/ its exercise imports, compiled to JavaScript, plus the
 * child's server. Nothing else — no check, no hidden case, no reference, no
 * optimizer the exercise does not hand out — so a submission that imports the
 * library's solution (`../../lib/optimizers/adam.js`) fails to load.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { typescript } from "./typescript.js";
import { CheckFailure } from "../../exercises/check.js";
import { exerciseFiles, importClosure, ROOT } from "./files.js";

const HERE = dirname(fileURLToPath(import.meta.url));

/** TypeScript to an ES module; throws a CheckFailure naming the first syntax error. */
export function compile(text: string, file: string): string {
  const ts = typescript();
  const out = ts.transpileModule(text, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false, isolatedModules: true },
  });
  const error = out.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (error) {
    const where = error.file && error.start !== undefined ? error.file.getLineAndCharacterOfPosition(error.start) : null;
    throw new CheckFailure(`${file} does not parse${where ? ` (line ${where.line + 1}, column ${where.character + 1})` : ""}: ${ts.flattenDiagnosticMessageText(error.messageText, "\n")}`);
  }
  return out.outputText;
}

function put(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** The lib/ files an exercise hands to the student: what its module imports, and nothing else. */
export function providedLibrary(id: string): string[] {
  return importClosure([exerciseFiles(id).module]).filter((p) => p.startsWith("lib/"));
}

export interface SandboxTree {
  dir: string;
  /** The student's module as a file: URL. */
  module: string;
}

/** Writes the scratch folder for one exercise; `source` is the student's module (TypeScript). Throws a CheckFailure when it does not parse. */
export function sandboxTree(id: string, source: string, parent = tmpdir()): SandboxTree {
  const compiled = compile(source, exerciseFiles(id).module);
  const dir = mkdtempSync(join(parent, "descent-run-"));
  put(dir, "package.json", '{"type": "module"}\n');
  cpSync(join(HERE, "sandbox", "serve.mjs"), join(dir, "serve.mjs"));
  put(dir, "wire.js", compile(readFileSync(join(ROOT, "exercises", "wire.ts"), "utf8"), "wire.ts"));
  for (const path of providedLibrary(id)) put(dir, path.replace(/\.ts$/, ".js"), compile(readFileSync(join(ROOT, path), "utf8"), path));
  const module = exerciseFiles(id).module.replace(/\.ts$/, ".js");
  put(dir, module, compiled);
  return { dir, module: pathToFileURL(join(dir, module)).href };
}
