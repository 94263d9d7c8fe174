// No student process outlives the grader (scripts/coursework/child-process.ts):
// a grading of a submission whose function never returns is killed while the
// child is spinning, and then no process whose command line names the scratch
// folder (the grader's, or the child's in its scratch folder under TMPDIR) may
// survive. The polling waits are there because the kernel takes a moment to
// reap processes; how long it takes is not what is tested.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ROOT } from "../../scripts/coursework/files.js";
import { SETPRIV } from "../../scripts/coursework/child-process.js";

const scratches: string[] = [];
afterAll(() => {
  for (const s of scratches) {
    for (const pid of survivors(s)) try { process.kill(pid, "SIGKILL"); } catch { /* gone */ }
    rmSync(s, { recursive: true, force: true });
  }
});

/** The pids of the processes whose command line names `dir`. */
function survivors(dir: string): number[] {
  const ps = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  return ps.split("\n").filter((l) => l.includes(dir) && !l.includes("ps -eo")).map((l) => Number(l.trim().split(/\s+/)[0]));
}

async function until(ok: () => boolean, seconds: number): Promise<boolean> {
  for (const end = Date.now() + seconds * 1000; Date.now() < end; ) {
    if (ok()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return ok();
}

/** Starts grading a gd-step that never returns (120 s per case), with the sandbox under the scratch folder; resolves once the student's child runs. */
async function startHangingGrade(viaTsxCli: boolean): Promise<{ scratch: string; grader: ChildProcess }> {
  const scratch = mkdtempSync(join(tmpdir(), "descent-orphans-"));
  scratches.push(scratch);
  mkdirSync(join(scratch, "tmp"));
  mkdirSync(join(scratch, "submission/exercises/gradient-descent"), { recursive: true });
  writeFileSync(join(scratch, "submission/exercises/gradient-descent/gd-step.ts"), "export function gdStep(x: Float64Array): void {\n  while (true) x[0] += 0;\n}\n");
  const args = [join(ROOT, "scripts/grade.ts"), join(scratch, "submission"), "--timeout", "120", "--out", join(scratch, "out")];
  const grader = spawn(process.execPath, viaTsxCli ? [join(ROOT, "node_modules/tsx/dist/cli.mjs"), ...args] : ["--import", "tsx", ...args], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: join(scratch, "tmp") }, stdio: "ignore" });
  const started = await until(() => survivors(join(scratch, "tmp")).length > 0, 90);
  expect(started, "the student's child started").toBe(true);
  return { scratch, grader };
}

describe.skipIf(process.platform === "win32")("killing the grader leaves no student process running", () => {
  test("SIGTERM to `npm run grade`'s process (tsx) while a student's endless loop runs", async () => {
    const { scratch, grader } = await startHangingGrade(true);
    grader.kill("SIGTERM");
    expect(await until(() => survivors(scratch).length === 0, 20), `still running: ${survivors(scratch).join(", ")}`).toBe(true);
  }, 150_000);

  // SIGKILL cannot be caught: only the kernel's parent-death signal (setpriv) stops the child then.
  test.skipIf(!SETPRIV)("SIGKILL to the grader's own process while a student's endless loop runs", async () => {
    const { scratch, grader } = await startHangingGrade(false);
    grader.kill("SIGKILL");
    expect(await until(() => survivors(scratch).length === 0, 20), `still running: ${survivors(scratch).join(", ")}`).toBe(true);
  }, 150_000);
});
