/**
 * The student edition of an assignment: a standalone folder with the chosen
 * chapters' exercise modules (solutions replaced by stubs), their visible
 * tests, and a package.json whose `npm test` runs them. It holds no solution:
 * no solution region, no hidden case, and none of the library — the
 * optimizers, schedules and averages the exercises re-implement. Its `lib/`
 * is only what the exercise modules themselves import (a quadratic's
 * eigenvalues, the shared types). The visible tests replay the visible cases
 * recorded from the reference solutions (`<name>.fixture.json`, see
 * exercises/fixture.ts) instead of calling the library.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { EXERCISES, type ExerciseInfo } from "../../exercises/index.js";
import { classroomWorkflow } from "./classroom.js";
import { fixturePath } from "./fixtures.js";
import { exerciseFiles, importClosure, ROOT } from "./files.js";
import { stubSolutions } from "./solutions.js";

export const MARKER = "descent-assignment.json";

export interface AssignmentManifest {
  format: "descent-assignment";
  version: 1;
  title: string;
  chapters: string[];
  created: string;
  /** The instructor tree's commit, when known. */
  source?: string;
  /** A per-student edition: the student's id, from which the grader recovers their variants (exercises/variant.ts). */
  student?: string;
  exercises: Array<{ id: string; title: string; points: number; kind: string; statement: string; file?: string }>;
  points: { autograded: number; written: number };
}

/** The chapters that have exercises, in course order. */
export function chaptersWithExercises(): string[] {
  return [...new Set(EXERCISES.map((e) => e.chapter))];
}

/** Validates chapter names (throws listing the valid ones); none means every chapter. */
export function resolveChapters(chapters: readonly string[]): string[] {
  const valid = chaptersWithExercises();
  const unknown = chapters.filter((c) => !valid.includes(c));
  if (unknown.length) throw new Error(`no exercises for ${unknown.map((c) => JSON.stringify(c)).join(", ")}; chapters with exercises: ${valid.join(", ")}`);
  return chapters.length ? valid.filter((c) => chapters.includes(c)) : valid;
}

function versionOf(pkg: string): string {
  const json = JSON.parse(readFileSync(join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string };
  return json.version;
}

function gitCommit(): string | undefined {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

function write(dir: string, path: string, text: string): void {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function readme(m: AssignmentManifest, code: ExerciseInfo[], written: ExerciseInfo[]): string {
  const lines = [
    `# ${m.title}`,
    "",
    `Exercises from the course **Descent** (chapters: ${m.chapters.join(", ")}).`,
    "",
    ...(m.student !== undefined ? [`This is the edition of student \`${m.student}\`: some exercises are tested on problems of your own (your variant), different from your classmates'. Keep \`descent-assignment.json\` as it is: the grader reads your id from it. On the course's pages, enter the same id to see your variant.`, ""] : []),
    "## Getting started",
    "",
    "You need Node.js 20 or later and git. Clone your copy of the assignment (the link your instructor gave you, or unpack the folder you were sent) and, inside it:",
    "",
    "```sh",
    "git clone <your assignment repository> && cd <it>   # if you were given a repository",
    "npm install",
    "npm test            # runs the visible tests",
    "npm test -- adam    # only the tests whose file name contains “adam”",
    "npm run typecheck   # optional: TypeScript's checks",
    "```",
    "",
    "Each exercise is a file `exercises/<chapter>/<name>.ts` whose functions throw `not implemented`. Replace each `// TODO` stub with your code; keep the function names and signatures. The comment at the top of each file says exactly what to compute. `lib/` holds only the helpers the exercise files import; the optimizers you write are not in it.",
    "",
    "The visible tests (`*.test.ts`) call your functions with the arguments of recorded runs of a correct solution (`*.fixture.json`) and say, when they fail, at which call and where your result first differs. The exercise's page in the course runs the same cases with more detailed feedback (which common mistake your answer matches). Your grade also counts **hidden tests** of the same functions on other problems: a solution that only passes the visible tests by special-casing them will not get full marks.",
    "",
    "## Autograded exercises",
    "",
    "| exercise | file | points |",
    "|---|---|---|",
    ...code.map((e) => `| ${e.title} | \`exercises/${e.id}.ts\` | ${e.points} |`),
    "",
  ];
  if (written.length) {
    lines.push("## Written exercises", "", "Answer these on paper or in a document, as your instructor asks; they are graded by hand.", "");
    written.forEach((e, i) => lines.push(`${i + 1}. **${e.title}** (${e.points} points). ${e.statement}`));
    lines.push("");
  }
  lines.push(
    "## Handing in",
    "",
    "If your instructor uses GitHub Classroom, commit and push: every push runs the visible tests (`.github/workflows/classroom.yml`) and shows the points in your repository's Actions tab. If they use Gradescope, upload the folder there. Otherwise submit the `exercises/` folder (or the whole folder without `node_modules/`). Only the exercise modules `exercises/<chapter>/<name>.ts` are graded, each on its own, with the `lib/` files this edition gives you; changes to tests or `lib/` are ignored, and a module that imports anything else fails to load.",
    ""
  );
  return lines.join("\n");
}

export interface EditionOptions {
  chapters: readonly string[];
  out: string;
  title?: string;
  /** Replace an existing student edition in `out` (only one this kit wrote). */
  force?: boolean;
  /** A per-student edition: the student's id (recorded in descent-assignment.json). */
  student?: string;
  /** The fixtures to ship instead of the committed ones, by exercise id (a student's variant: scripts/coursework/fixtures.ts recordFixture). */
  fixtures?: Readonly<Record<string, string>>;
}

/** Writes the student edition; returns its manifest. */
export function writeStudentEdition({ chapters: asked, out, title, force = false, student, fixtures }: EditionOptions): AssignmentManifest {
  const chapters = resolveChapters(asked);
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!force) throw new Error(`${out} is not empty; choose another --out or pass --force to replace a student edition there`);
    if (!existsSync(join(out, MARKER))) throw new Error(`${out} is not empty and holds no ${MARKER}: refusing to delete it`);
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });

  const chosen = EXERCISES.filter((e) => chapters.includes(e.chapter));
  const code = chosen.filter((e) => e.kind === "code");
  const written = chosen.filter((e) => e.kind === "concept");
  if (code.length === 0 && written.length === 0) throw new Error(`chapters ${chapters.join(", ")} have no code or written exercises`);

  // Exercise files: modules stubbed, recorded visible cases and the tests that replay them; no check, no hidden case.
  for (const e of code) {
    const f = exerciseFiles(e.id);
    const name = e.id.split("/")[1];
    write(out, f.module, stubSolutions(readFileSync(join(ROOT, f.module), "utf8"), f.module));
    if (student !== undefined && !fixtures?.[e.id]) throw new Error(`no recorded fixture of ${e.id} for student ${student}`);
    write(out, fixturePath(e.id), fixtures?.[e.id] ?? readFileSync(join(ROOT, fixturePath(e.id)), "utf8"));
    write(out, f.test, [
      `// Visible tests for ${e.id}: run them with \`npm test\`. Each replays a case recorded from a correct solution (${name}.fixture.json).`,
      `import { describe, test } from "vitest";`,
      `import { replayCase, type Fixture } from "../fixture.js";`,
      `import recorded from "./${name}.fixture.json";`,
      `import * as submission from "./${name}.js";`,
      ``,
      `const fixture = recorded as unknown as Fixture;`,
      ``,
      `describe(fixture.id, () => {`,
      `  for (const c of fixture.cases) test(c.name, () => void replayCase(c, submission));`,
      `});`,
      ``,
    ].join("\n"));
  }
  // The replay harness, and the part of lib/ the exercise modules import (nothing else of the library).
  for (const path of importClosure(["exercises/fixture.ts", ...code.map((e) => exerciseFiles(e.id).module)])) {
    if (path.startsWith("lib/") || path === "exercises/fixture.ts" || path === "exercises/wire.ts") cpSync(join(ROOT, path), join(out, path));
  }
  if (existsSync(join(ROOT, "LICENSE"))) cpSync(join(ROOT, "LICENSE"), join(out, "LICENSE"));

  const name = `descent-assignment-${chapters.length === chaptersWithExercises().length ? "all" : chapters.join("-")}`.slice(0, 200);
  write(out, "package.json", JSON.stringify({
    name,
    version: "1.0.0",
    private: true,
    description: `Descent coursework: ${chapters.join(", ")}`,
    type: "module",
    engines: { node: ">=20" },
    scripts: { test: "vitest run", "test:watch": "vitest", typecheck: "tsc --noEmit -p ." },
    devDependencies: { typescript: versionOf("typescript"), vitest: versionOf("vitest") },
  }, null, 2) + "\n");
  write(out, "tsconfig.json", JSON.stringify({
    compilerOptions: {
      target: "ES2022", lib: ["ES2022", "DOM"], module: "ESNext", moduleResolution: "Bundler", strict: true,
      noImplicitOverride: true, verbatimModuleSyntax: true, skipLibCheck: true, noEmit: true, types: [], resolveJsonModule: true,
    },
    include: ["lib", "exercises", "vitest.config.ts"],
  }, null, 2) + "\n");
  write(out, "vitest.config.ts", `import { defineConfig } from "vitest/config";\n\nexport default defineConfig({\n  test: { include: ["exercises/**/*.test.ts"], testTimeout: 10_000 },\n});\n`);
  write(out, ".gitignore", "node_modules/\n");
  write(out, ".github/workflows/classroom.yml", classroomWorkflow(code));

  const manifest: AssignmentManifest = {
    format: "descent-assignment",
    version: 1,
    title: title ?? `Descent coursework: ${chapters.join(", ")}`,
    chapters,
    created: new Date().toISOString(),
    ...(gitCommit() ? { source: gitCommit() } : {}),
    ...(student !== undefined ? { student } : {}),
    exercises: chosen
      .filter((e) => e.kind !== "numeric")
      .map((e) => ({ id: e.id, title: e.title, points: e.points, kind: e.kind, statement: e.statement, ...(e.kind === "code" ? { file: exerciseFiles(e.id).module } : {}) })),
    points: { autograded: code.reduce((s, e) => s + e.points, 0), written: written.reduce((s, e) => s + e.points, 0) },
  };
  write(out, MARKER, JSON.stringify(manifest, null, 2) + "\n");
  write(out, "README.md", readme(manifest, code, written));
  return manifest;
}
