// Per-student variants (exercises/variant.ts): the same id always gives the
// same parameters, two ids give different parameters and answers, the
// default variant is exactly the published one, a correct answer for one
// student fails for another, and the grader recovers a student's variant
// from their submission (and refuses an id that is not on the roster).
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkParams, visibleCases } from "../../exercises/check.js";
import { CHECKS } from "../../exercises/checks.js";
import { EXERCISES, exerciseById } from "../../exercises/index.js";
import { NUMERIC_VARIANTS } from "../../src/components/coursework/numeric-variants.js";
import { fnv1a, paramsFor, requireStudentId, variantSeed } from "../../exercises/variant.js";
import { minimize } from "../../lib/run.js";
import { parabola } from "../../lib/objectives/parabola.js";
import { sgd } from "../../lib/optimizers/sgd.js";
import { writeStudentEdition } from "../../scripts/coursework/edition.js";
import { exerciseFiles, ROOT } from "../../scripts/coursework/files.js";
import { fixturePath, recordFixture, serialize } from "../../scripts/coursework/fixtures.js";
import { casesOf, grade } from "../../scripts/coursework/grading.js";
import { readRoster } from "../../scripts/coursework/variants.js";
import type { Fixture } from "../../exercises/fixture.js";
import { variant as maxStableLrVariant, rotated } from "../../exercises/learning-rate/max-stable-lr.check.js";
import { quadratic } from "../../lib/objectives/quadratic.js";
import { pathToFileURL } from "node:url";
import { EARLY_VARIANTS } from "../../src/components/coursework/numeric-variants-early.js";
import { LATE_VARIANTS } from "../../src/components/coursework/numeric-variants-late.js";
import { isClose } from "../../src/components/coursework/exercise.js";
import { doubleWell } from "../../lib/objectives/double-well.js";
import { ravine } from "../../lib/objectives/ravine.js";
import { objective } from "../../lib/objectives/objective.js";
import { reddiOnline } from "../../lib/objectives/reddi-online.js";
import { adagrad } from "../../lib/optimizers/adagrad.js";
import { adam } from "../../lib/optimizers/adam.js";
import { projectBox } from "../../lib/run.js";
import { backtracking, newtonLineSearch } from "../../lib/line-search.js";
import { trustRegionStep } from "../../lib/analysis/trust-region.js";
import { optimalStep, stepsToReduce } from "../../lib/analysis/quadratic-rate.js";
import { timeDecayRecursive } from "../../lib/schedules.js";
import { noiseFloor } from "../../lib/analysis/noisy-quadratic.js";
import { momentumLrLimit, nesterovLrLimit, nesterovStandard, optimalMomentum } from "../../lib/analysis/momentum-rate.js";
import { curvatureAt } from "../../lib/arena/config.js";
import { adamFirstStep, gdEscapeSteps } from "../../lib/arena/escape.js";
import { earlyStopPoint, noiseVariance } from "../../lib/analysis/strategies.js";

const VARIED_CODE = Object.values(CHECKS).filter((c) => c.variant).map((c) => c.id);
const close = (a: number, b: number, rtol = 1e-3) => Math.abs(a - b) <= rtol * Math.max(Math.abs(b), 1e-9);

describe("the seed", () => {
  test("FNV-1a matches its published test vectors", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });
  test("the same student and exercise always give the same seed; another student or exercise another", () => {
    expect(variantSeed("alice", "adam/m3")).toBe(variantSeed("alice", "adam/m3"));
    expect(variantSeed("alice", "adam/m3")).not.toBe(variantSeed("bob", "adam/m3"));
    expect(variantSeed("alice", "adam/m3")).not.toBe(variantSeed("alice", "ewa/weight-age-10"));
  });
  test("a malformed id is refused with a message naming the rule", () => {
    expect(() => requireStudentId("a b")).toThrow(/student id must be 1–64 letters/);
    expect(() => requireStudentId("")).toThrow(/student id/);
  });
});

describe("two ids give different parameters and different expected answers", () => {
  test("code exercises: the visible cases' parameters and recorded answers differ", async () => {
    expect(VARIED_CODE.length).toBeGreaterThanOrEqual(16);
    for (const id of VARIED_CODE) {
      const a = checkParams(CHECKS[id], "alice");
      const b = checkParams(CHECKS[id], "bob");
      expect(a, id).not.toEqual(b);
      const fa = await recordFixture(id, "alice");
      const fb = await recordFixture(id, "bob");
      const outputs = (f: Fixture) => JSON.stringify(f.cases.map((c) => c.calls.map((k) => [k.ret, k.after])));
      expect(outputs(fa), id).not.toBe(outputs(fb));
    }
  });
  test("numeric exercises: a correct answer for alice is wrong for bob in most exercises, and every variant is a finite number", () => {
    let differ = 0;
    for (const [id, v] of Object.entries(NUMERIC_VARIANTS)) {
      const a = v.answer(paramsFor(v, "alice", id));
      const b = v.answer(paramsFor(v, "bob", id));
      expect(Number.isFinite(a) && Number.isFinite(b), id).toBe(true);
      if (!close(a, b)) differ++;
    }
    expect(differ).toBeGreaterThanOrEqual(Math.ceil(0.75 * Object.keys(NUMERIC_VARIANTS).length));
  });
  test("numeric exercises converted with library answers: for each, two ids (alice, rupert) give different parameters, questions and answers, and alice's answer fails rupert's check", () => {
    const converted = [...Object.keys(EARLY_VARIANTS), ...Object.keys(LATE_VARIANTS)];
    expect(converted.length).toBe(30);
    for (const id of converted) {
      const v = NUMERIC_VARIANTS[id];
      const [a, b] = [paramsFor(v, "alice", id), paramsFor(v, "rupert", id)];
      expect(a, id).not.toEqual(b);
      expect(v.statement(a), id).not.toBe(v.statement(b));
      expect(isClose(v.answer(a), v.answer(b), v.tolerance ?? 1e-3), `${id}: ${v.answer(a)} vs ${v.answer(b)}`).toBe(false);
    }
  });
  test("every numeric variant over 200 students gives a finite answer and a statement with no NaN or undefined", () => {
    for (const [id, v] of Object.entries(NUMERIC_VARIANTS)) {
      for (let k = 0; k < 200; k++) {
        const p = paramsFor(v, `s${k}`, id);
        expect(Number.isFinite(v.answer(p)), `${id} s${k}`).toBe(true);
        expect(v.statement(p), `${id} s${k}`).not.toMatch(/NaN|undefined|Infinity/);
      }
    }
  });
});

describe("every per-student code exercise", () => {
  const STUDENTS = Array.from({ length: 25 }, (_, k) => `student${k}`);

  test("every drawn variant is well-posed: the reference solution passes its visible and hidden cases (25 students)", async () => {
    for (const id of VARIED_CODE) {
      const module = await import(pathToFileURL(join(ROOT, exerciseFiles(id).module)).href);
      for (const student of STUDENTS) {
        const { visible, hidden } = await casesOf(id, student);
        expect(hidden.length, id).toBeGreaterThan(0);
        for (const c of [...visible, ...hidden]) {
          expect(() => c.run(module), `${id} ${student}: ${c.name}`).not.toThrow();
        }
      }
    }
  }, 120_000);

  test("the hidden cases follow the variant: alice's and bob's differ where the published ones are drawn from a seed", async () => {
    for (const id of VARIED_CODE) {
      const hidden = (await import(pathToFileURL(join(ROOT, exerciseFiles(id).hiddenCases)).href)) as { casesFor?: unknown };
      expect(typeof hidden.casesFor, `${id} has casesFor`).toBe(id === "schedules/step-decay" ? "undefined" : "function");
    }
  });

  test("a recorded answer table for one id fails the other: some call of each of bob's varied cases is not in alice's table", async () => {
    for (const id of VARIED_CODE) {
      const [alice, bob, published] = await Promise.all([recordFixture(id, "alice"), recordFixture(id, "bob"), recordFixture(id, null)]);
      const table = new Set(alice.cases.flatMap((c) => c.calls.map((k) => JSON.stringify([k.fn, k.before]))));
      const unanswered = bob.cases.filter((c) => c.calls.some((k) => !table.has(JSON.stringify([k.fn, k.before]))));
      expect(unanswered.length, `${id}: bob's cases alice's table cannot answer`).toBeGreaterThanOrEqual(1);
      // The same holds between the published variant and a student's: a table of the published answers does not pass alice's cases.
      const pub = new Set(published.cases.flatMap((c) => c.calls.map((k) => JSON.stringify([k.fn, k.before]))));
      expect(alice.cases.some((c) => c.calls.some((k) => !pub.has(JSON.stringify([k.fn, k.before])))), id).toBe(true);
    }
  });

  test("max-stable-lr: every drawn 2-D Hessian is positive definite, and at η = 0.3 its steep direction oscillates, converges, and is the slowest", () => {
    const seen = new Set<string>();
    for (let k = 0; k < 400; k++) {
      const p = paramsFor(maxStableLrVariant, `s${k}`, "learning-rate/max-stable-lr");
      seen.add(`${p.a},${p.b},${p.c}`);
      const [lmin, L] = Array.from(quadratic(rotated(p)).eigenvalues);
      expect(p.a * p.b - p.c ** 2).toBeGreaterThanOrEqual(9);
      expect(0.3 * L).toBeGreaterThan(1);
      expect(0.3 * L).toBeLessThan(2);
      expect(Math.abs(1 - 0.3 * L)).toBeGreaterThan(Math.abs(1 - 0.3 * lmin));
    }
    expect(seen.size, "every (a, b, c) the variant can draw").toBe(16);
  });
});

describe("the default variant is the published one", () => {
  test("code: without an id, the visible cases are the published cases and the committed fixtures are recorded from them", async () => {
    for (const id of VARIED_CODE) {
      expect(visibleCases(CHECKS[id], null).map((c) => c.name)).toEqual(CHECKS[id].cases.map((c) => c.name));
      expect(serialize(await recordFixture(id, null))).toBe(readFileSync(join(ROOT, fixturePath(id)), "utf8"));
    }
  });
  test("numeric: the default statement is the catalogue's, word for word", () => {
    for (const [id, v] of Object.entries(NUMERIC_VARIANTS)) {
      expect(exerciseById(id)?.kind, id).toBe("numeric");
      expect(v.statement(v.defaults), id).toBe(exerciseById(id)!.statement);
    }
  });
  test("numeric: the default answer is the answer the chapter's page checks", () => {
    const pages = EXERCISES.map((e) => e.chapter).filter((c, i, a) => a.indexOf(c) === i).map((c) => readFileSync(join(ROOT, "src", `${c}.md`), "utf8")).join("\n");
    // Answers the pages compute from the library (not a literal expression), recomputed here the same way.
    const computed: Record<string, number> = {
      "gradient-descent/parabola-three-steps": minimize(parabola(), sgd({ lr: 0.2 }), [10], { steps: 3 }).x[3],
      "gradient-descent/max-rate": 2 / (4 + Math.sqrt(5)),
      "gradient-descent/descent-lemma": 9 / 8,
      "learning-rate/ravine-limit": 2 / 4,
      "ewa/bias-steps-099": Math.ceil(Math.log(0.01) / Math.log(0.99)),
      // The checks converted later, each as its page computes it.
      "gradient-descent/double-well-start": minimize(doubleWell(), sgd({ lr: 0.01 }), [0.1], { steps: 2000 }).x[2000],
      "gradient-descent/euler-flow-gap": minimize(quadratic([[2]]), sgd({ lr: 0.1 }), [1], { steps: 10 }).x[10] - Math.exp(-2),
      "learning-rate/optimal-steps": stepsToReduce(optimalStep([0.2, 4]).rate, 1e-3),
      "learning-rate/backtracking-quartic": backtracking(objective({ name: "quartic", dim: 1, value: (x) => x[0] ** 4, grad: (x, out) => { out[0] = 4 * x[0] ** 3; return out; }, domain: [[-2, 2]] }), [1], [-4], { alpha0: 1, rho: 0.5, c: 1e-4 }).alpha,
      "learning-rate/golden-section-cost": 1 + Math.ceil((6 * Math.log(10)) / Math.log(1 / ((Math.sqrt(5) - 1) / 2))),
      "learning-rate/newton-line-step": newtonLineSearch(ravine(), [-5, -2], [1, 8]).points[1].alpha,
      "learning-rate/trust-multiplier": trustRegionStep([1, 1], [1, 0, 0, -1], 1).lambda,
      "schedules/recursive-eta4": timeDecayRecursive(0.1, 0.5)(5),
      "schedules/exponential-reach": 0.1 / (1 - Math.exp(-0.01)),
      "schedules/noise-floor": noiseFloor([1], 1, 0.1),
      "ewa/noise-equivalent-window": (20 - 1) / (20 + 1),
      "momentum/stability-limit": momentumLrLimit(0.25, 4),
      "momentum/optimal-rate-kappa-100": optimalMomentum(1, 100).rate,
      "nesterov/stability-limit": nesterovLrLimit(0.5, 4),
      "nesterov/textbook-rate-kappa-100": nesterovStandard(1, 100).rate,
      "adagrad/first-step": minimize(ravine(), adagrad({ lr: 0.4 }), [-5, -2], { steps: 1 }).x[2],
      "adam/reddi-drift": minimize(reddiOnline(), adam({ lr: 0.1, beta1: 0, beta2: 1e-4 }), [0], { steps: 6, project: projectBox(-1, 1) }).x[3],
      "arena/saddle-gd-escape": gdEscapeSteps(0.1, 1e-3),
      "arena/adam-first-step": Math.abs(adamFirstStep(0.03, -2e-3)),
      "arena/ravine-edge": 2 / curvatureAt(ravine(), [0, 0]),
      "strategies/noise-sigma": Math.sqrt(noiseVariance(0.3, 0.55, 1000)),
      "strategies/patience-stop": earlyStopPoint([0.6, 0.52, 0.49, 0.5, 0.48, 0.485, 0.49, 0.5, 0.51], 2).stopEpoch!,
    };
    for (const [id, v] of Object.entries(NUMERIC_VARIANTS)) {
      const m = new RegExp(`NumericCheck\\(\\{id: "${id}",[^}]*?answer: ([^,]+(?:\\([^)]*\\))?[^,]*),`).exec(pages);
      expect(m, `the page's NumericCheck of ${id}`).not.toBeNull();
      const expr = m![1].trim();
      const published = /^[-0-9.e*/+ ()]*$|^[-0-9.e*/+ ()]*Math\.(sqrt|ceil|log)/.test(expr) && !/[a-zA-Z_]\w*\(/.test(expr.replace(/Math\.\w+\(/g, "("))
        ? (Function(`"use strict"; return (${expr});`)() as number)
        : computed[id];
      expect(published, `${id}: ${expr}`).toBeTypeOf("number");
      expect(close(v.answer(v.defaults), published, 1e-12), `${id}: ${v.answer(v.defaults)} vs the page's ${published}`).toBe(true);
    }
  });
});

describe("grading a student's own variant", () => {
  const scratch = mkdtempSync(join(tmpdir(), "descent-variants-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const ID = "gradient-descent/gd-quadratic";

  /** alice's per-student edition of gradient-descent, with `source` as her gd-quadratic. */
  async function edition(name: string, student: string, source: string): Promise<string> {
    const dir = join(scratch, name);
    const fixtures = { [ID]: serialize(await recordFixture(ID, student)), "gradient-descent/gd-step": serialize(await recordFixture("gradient-descent/gd-step", student)) };
    writeStudentEdition({ chapters: ["gradient-descent"], out: dir, student, fixtures });
    writeFileSync(join(dir, exerciseFiles(ID).module), source);
    cpSync(join(ROOT, exerciseFiles("gradient-descent/gd-step").module), join(dir, exerciseFiles("gradient-descent/gd-step").module));
    return dir;
  }

  /** A module that answers gd-quadratic's calls from a lookup table of a fixture's recorded answers. */
  function lookupTable(f: Fixture): string {
    const table = f.cases.flatMap((c) => c.calls.map((k) => [JSON.stringify(k.before), k.ret]));
    return `const TABLE: Record<string, unknown> = ${JSON.stringify(Object.fromEntries(table))};
export function gradientDescent(A: number[][], b: number[], x0: number[], lr: number, steps: number): number[][] {
  const hit = TABLE[JSON.stringify([A, b, x0, lr, steps])];
  if (!hit) throw new Error("not in my table");
  return hit as number[][];
}
`;
  }

  let aliceFixture: Fixture;
  beforeAll(async () => {
    aliceFixture = await recordFixture(ID, "alice");
  });

  test("the grader recovers the variant from the submission: a correct submission scores full marks against its own variant", async () => {
    const dir = await edition("alice-correct", "alice", readFileSync(join(ROOT, exerciseFiles(ID).module), "utf8"));
    expect(JSON.parse(readFileSync(join(dir, "descent-assignment.json"), "utf8")).student).toBe("alice");
    const report = await grade({ submission: dir, roster: ["alice", "bob"] });
    expect(report.student).toBe("alice");
    const q = report.exercises.find((e) => e.id === ID)!;
    expect(q.score).toBe(q.maxScore);
    const { visible } = await casesOf(ID, "alice");
    const names = report.results.tests.filter((t) => t.name.startsWith(ID) && !t.name.endsWith("(hidden)")).map((t) => t.name);
    expect(names).toEqual(visible.map((c) => `${ID}: ${c.name}`));
  }, 120_000);

  test("a correct answer for one id fails for the other: alice's answers as a lookup table pass her visible cases and fail bob's", async () => {
    const source = lookupTable(aliceFixture);
    const asAlice = await grade({ submission: await edition("table-alice", "alice", source), chapters: ["gradient-descent"] });
    const asBob = await grade({ submission: await edition("table-bob", "bob", source), chapters: ["gradient-descent"] });
    const visible = (r: typeof asAlice) => r.results.tests.filter((t) => t.name.startsWith(ID) && !t.name.endsWith("(hidden)"));
    expect(visible(asAlice).every((t) => t.status === "passed")).toBe(true);
    expect(visible(asBob).filter((t) => t.status === "failed").length).toBeGreaterThanOrEqual(2);
  }, 120_000);

  test("an id that is not on the roster, or that contradicts --student, is refused", async () => {
    const dir = await edition("carol", "carol", readFileSync(join(ROOT, exerciseFiles(ID).module), "utf8"));
    await expect(grade({ submission: dir, roster: ["alice", "bob"] })).rejects.toThrow(/student carol is not on the roster/);
    await expect(grade({ submission: dir, student: "alice" })).rejects.toThrow(/edition of student carol, not alice/);
  }, 60_000);
});

describe("rosters", () => {
  test("reads the id column of a CSV with a header, or the first column without one", () => {
    expect(readRoster("name,student_id\nAlice,a1\nBob,b2\n")).toEqual(["a1", "b2"]);
    expect(readRoster("alice\nbob\n\n# a comment\ncarol")).toEqual(["alice", "bob", "carol"]);
  });
  test("a duplicate or malformed id is an error naming its line", () => {
    expect(() => readRoster("id\nalice\nalice\n", "r.csv")).toThrow(/r\.csv:3: student id alice appears twice/);
    expect(() => readRoster("id\nal ice\n", "r.csv")).toThrow(/r\.csv:2: student id must be/);
  });
});
