// The recorded visible cases (exercises/<id>.fixture.json) are regenerated in
// memory from the reference solutions and the live library, and must equal
// the committed files: they cannot drift. And a recording catches a wrong answer.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { replayCase, type Fixture } from "../../exercises/fixture.js";
import { EXERCISES } from "../../exercises/index.js";
import { ROOT } from "../../scripts/coursework/files.js";
import { fixturePath, recordFixture, serialize } from "../../scripts/coursework/fixtures.js";

const code = EXERCISES.filter((e) => e.kind === "code").map((e) => e.id);

describe("fixtures", () => {
  test.each(code)("%s: the committed fixture equals a fresh recording (npm run coursework:fixtures)", async (id) => {
    const fresh = serialize(await recordFixture(id));
    expect(readFileSync(join(ROOT, fixturePath(id)), "utf8")).toBe(fresh);
  });

  test.each(code)("%s: the reference solution replays every recorded case", async (id) => {
    const fixture = JSON.parse(readFileSync(join(ROOT, fixturePath(id)), "utf8")) as Fixture;
    const module = await import(join(ROOT, `exercises/${id}.ts`));
    for (const c of fixture.cases) expect(replayCase(c, module)).toMatch(/recorded calls match/);
  });

  test("a wrong step fails its replay, naming the call and the coordinate", () => {
    const fixture = JSON.parse(readFileSync(join(ROOT, fixturePath("adam/adam-step")), "utf8")) as Fixture;
    const sgd = { adamStep: (x: Float64Array, g: Float64Array, s: { t: number }, h: { lr: number }) => { s.t += 1; x.forEach((_, i) => (x[i] -= h.lr * g[i])); } };
    expect(() => replayCase(fixture.cases[0], sgd)).toThrow(/Call 1 of 30, to adamStep\(.*\): afterwards argument 1\[0\] should be/);
  });

  test("a schedule (a function returned, then called) replays too, and a wrong one fails", () => {
    const fixture = JSON.parse(readFileSync(join(ROOT, fixturePath("schedules/step-decay")), "utf8")) as Fixture;
    const wrong = { stepDecay: (lr0: number, d: number, r: number) => (t: number) => lr0 * d ** Math.ceil(t / r) };
    expect(() => replayCase(fixture.cases[0], wrong)).toThrow(/the value returned should be 1, yours is 0\.5/);
  });
});
