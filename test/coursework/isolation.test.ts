// The grader cannot be fooled from inside a submission: student code runs in
// its own process, confined to a scratch folder, with a minimal environment;
// patching the library or the built-ins there changes nothing the checks
// compute; an endless loop or a syntax error is graded quickly and says why.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { CHECKS } from "../../exercises/checks.js";
import { exerciseFiles, ROOT } from "../../scripts/coursework/files.js";
import { runRemote } from "../../scripts/coursework/grading.js";
import { RemoteModule } from "../../scripts/coursework/remote.js";
import { sandboxTree } from "../../scripts/coursework/sandbox-tree.js";
import { rmSync } from "node:fs";

const reference = (id: string) => readFileSync(join(ROOT, exerciseFiles(id).module), "utf8");
const adamCases = CHECKS["adam/adam-step"].cases as never[];

/** Plain SGD where Adam's step should be. */
const SGD_BODY = `export function adamStep(x: Float64Array, g: Float64Array, state: { t: number }, hyper: { lr: number }): void {
  state.t += 1;
  for (let i = 0; i < x.length; i++) x[i] -= hyper.lr * g[i];
}
`;

describe("a submission that patches the library or the built-ins", () => {
  test("the 15/15 exploit (plain SGD, plus the library's adam patched at import) scores 0", () => {
    const source = `import { adam } from "../../lib/optimizers/adam.js";
import { sgd } from "../../lib/optimizers/sgd.js";
const proto = Object.getPrototypeOf(adam());
proto.step = sgd({ lr: 0.1 }).step;
${SGD_BODY}`;
    const { results } = runRemote("adam/adam-step", source, adamCases);
    expect(results.map((r) => r.pass)).toEqual(adamCases.map(() => false));
    // The library's optimizers are not in the submission's folder: the import itself fails.
    expect(results[0].message).toMatch(/could not be loaded.*(Cannot find module|ERR_MODULE_NOT_FOUND|adam\.js)/s);
  }, 60_000);

  test("patching Math, Number and the array prototypes in its own process fools no comparison", () => {
    const source = `Math.abs = () => 0; Math.max = () => 0; Number.isFinite = () => true;
Array.prototype.every = () => true; Float64Array.prototype.every = () => true;
Object.defineProperty(Object.prototype, "rtol", { get: () => 1e300, configurable: true });
${SGD_BODY}`;
    const { results } = runRemote("adam/adam-step", source, adamCases);
    expect(results.map((r) => r.pass)).toEqual(adamCases.map(() => false));
    expect(results[0].message).toMatch(/first differ from the library's adam/);
  }, 60_000);

  test("the reference solution, run the same way, passes every case", () => {
    const { results, starts } = runRemote("adam/adam-step", reference("adam/adam-step"), adamCases);
    expect(results.filter((r) => !r.pass)).toEqual([]);
    expect(starts).toHaveLength(1);
  }, 60_000);
});

describe("the submission's process", () => {
  const probe = `import { readFileSync } from "node:fs";
export function gdStep(): unknown {
  let readLibrary = "read";
  try { readFileSync(${JSON.stringify(join(ROOT, "lib/optimizers/adam.ts"))}, "utf8"); } catch (e) { readLibrary = (e as { code?: string }).code ?? String(e); }
  return { env: Object.keys(process.env).sort(), cwd: process.cwd(), readLibrary };
}
`;
  const tree = sandboxTree("gradient-descent/gd-step", probe);
  const remote = new RemoteModule({ dir: tree.dir, module: tree.module });
  afterAll(() => {
    remote.close();
    rmSync(tree.dir, { recursive: true, force: true });
  });

  test("has only PATH, HOME and TMPDIR (and LANG) in its environment, runs in its scratch folder, and cannot read the instructor's files", () => {
    remote.start();
    remote.beginCase(10);
    const out = (remote.exports.gdStep as () => Record<string, unknown>)();
    expect(out.env).toEqual(["HOME", "LANG", "PATH", "TMPDIR"]);
    expect(out.cwd).toBe(tree.dir);
    expect(out.readLibrary).toBe("ERR_ACCESS_DENIED");
  }, 60_000);

  test("cannot import a file outside its folder either", () => {
    const source = `import { readFileSync } from "node:fs";
export const leaked = readFileSync(${JSON.stringify(join(ROOT, "exercises/adam/adam-step.ts"))}, "utf8");
${SGD_BODY}`;
    const { results } = runRemote("adam/adam-step", source, adamCases.slice(0, 1));
    expect(results[0].pass).toBe(false);
    expect(results[0].message).toMatch(/ERR_ACCESS_DENIED|Access to this API has been restricted/);
  }, 60_000);
});

describe("time and errors", () => {
  test("an endless loop is graded as failed, with a clear message, after one time-out (not one per case)", () => {
    const cases = [...CHECKS["gradient-descent/gd-step"].cases] as never[];
    const { results, starts, timings } = runRemote("gradient-descent/gd-step", "export function gdStep(x: Float64Array): void { while (x.length >= 0) {} }\n", cases, { timeout: 2 });
    expect(results.every((r) => !r.pass)).toBe(true);
    expect(results[0].message).toMatch(/did not return in time: a case may take 2 s of CPU time.*endless loop/s);
    // the remaining cases are not run at all (one child start): the grading time is one case's limit, whatever the case count
    expect(starts).toHaveLength(1);
    expect(timings.timedOut).toBe(true);
    for (const r of results.slice(1)) expect(r.message).toMatch(/^Timed out: not run, because the case “.+” of this exercise ran out of time \(2 s\)/);
  }, 120_000);

  // Limits count the child's CPU time on Linux (cpu-time.ts): waiting costs nothing until the wall-clock backstop.
  const SLEEP = (ms: number) => `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});`;

  test.runIf(process.platform === "linux")("a case that takes longer than its limit in wall-clock time but uses little CPU time passes (what a loaded machine looks like)", () => {
    const cases = [...CHECKS["gradient-descent/gd-step"].cases].slice(0, 1) as never[];
    const source = `export function gdStep(x: Float64Array, g: Float64Array, lr: number): void {\n  ${SLEEP(1500)}\n  for (let i = 0; i < x.length; i++) x[i] -= lr * g[i];\n}\n`;
    const { results, timings } = runRemote("gradient-descent/gd-step", source, cases, { timeout: 1 });
    expect(results.filter((r) => !r.pass)).toEqual([]);
    expect(timings.timedOut).toBe(false);
  }, 60_000);

  test.runIf(process.platform === "linux")("a case that waits forever is stopped by the wall-clock backstop, and the message says it was waiting", () => {
    const cases = [...CHECKS["gradient-descent/gd-step"].cases].slice(0, 2) as never[];
    const source = `export function gdStep(): void {\n  ${SLEEP(600_000)}\n}\n`;
    const { results, starts, timings } = runRemote("gradient-descent/gd-step", source, cases, { timeout: 1 });
    expect(results[0].pass).toBe(false);
    expect(results[0].message).toMatch(/did not return in time: a case may take 6 s of wall-clock time.*less than 1 s of CPU time.*waiting/s);
    expect(results[1].message).toMatch(/^Timed out: not run/);
    expect(starts).toHaveLength(1);
    expect(timings.timedOut).toBe(true);
  }, 60_000);

  test("a module that loops when imported fails every case after the per-case limit, counted from when its process is ready", () => {
    const cases = [...CHECKS["gradient-descent/gd-step"].cases] as never[];
    const { results, timings } = runRemote("gradient-descent/gd-step", "while (true) {}\nexport function gdStep(): void {}\n", cases, { timeout: 3 });
    expect(results.every((r) => !r.pass && /did not finish loading within 3 s of CPU time/.test(r.message))).toBe(true);
    expect(timings.timedOut).toBe(true);
  }, 60_000);

  test("a syntax error fails every case, naming the line", () => {
    const cases = [...CHECKS["gradient-descent/gd-step"].cases] as never[];
    const { results } = runRemote("gradient-descent/gd-step", "export function gdStep(x, g, lr) {\n  for (let i = 0; i < x.length; i++ {\n}\n", cases);
    expect(results.every((r) => !r.pass)).toBe(true);
    expect(results[0].message).toMatch(/gd-step\.ts does not parse \(line 2, column \d+\)/);
  });

  test("a stub reports “not implemented”, as in the page", () => {
    const cases = [...CHECKS["gradient-descent/gd-step"].cases] as never[];
    const { results } = runRemote("gradient-descent/gd-step", 'export function gdStep(): void {\n  throw new Error("not implemented");\n}\n', cases);
    expect(results.every((r) => !r.pass && r.notImplemented)).toBe(true);
  }, 60_000);
});
