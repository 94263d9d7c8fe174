// The numeric exercises' per-student variants (src/components/coursework/
// numeric-variants*.ts): every numeric check is either per-student or fixed
// with a reason; every drawn variant (25 students) is well-posed — a finite
// answer, its question's numbers, a tolerance that rejects the answers of
// plausible mistakes — and the question's wording stays true for the drawn
// numbers. test/coursework/variants.test.ts checks that the defaults are the
// published question and answer and that two ids get different ones.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { EXERCISES } from "../../exercises/index.js";
import { buildCatalogue } from "../../scripts/coursework/catalogue.js";
import { ROOT } from "../../scripts/coursework/files.js";
import { NUMERIC_VARIANTS, numericVariantOf } from "../../src/components/coursework/numeric-variants.js";
import { FIXED_NUMERIC, withVariantReasons } from "../../src/components/coursework/numeric-fixed.js";
import { doubleWellOf } from "../../src/components/coursework/numeric-variants-early.js";
import { isClose } from "../../src/components/coursework/exercise.js";
import { readerVariant } from "../../src/components/coursework/reader-variant.js";
import { paramsFor } from "../../lib/variant.js";
import { minimize } from "../../lib/run.js";
import { ravine } from "../../lib/objectives/ravine.js";
import { momentum, nesterov } from "../../lib/optimizers/index.js";
import { escapeSteps } from "../../lib/arena/escape.js";
import { adagradStepsToTravel } from "../../lib/analysis/adagrad.js";

const STUDENTS = Array.from({ length: 25 }, (_, k) => `student${k}`);
const NUMERIC = EXERCISES.filter((e) => e.kind === "numeric").map((e) => e.id);
const pages = [...new Set(NUMERIC.map((id) => id.split("/")[0]))].map((c) => readFileSync(join(ROOT, "src", `${c}.md`), "utf8")).join("\n");
/** The tolerance the page's NumericCheck of `id` passes (NumericCheck's default 10⁻³ when it passes none). */
function pageTolerance(id: string): number {
  const line = pages.split("\n").find((l) => l.includes(`NumericCheck({id: "${id}"`));
  if (!line) throw new Error(`no NumericCheck for ${id}`);
  const m = /tolerance: ([0-9.e-]+)/.exec(line);
  return m ? Number(m[1]) : 1e-3;
}
/** Every drawn variant of `id`: [student, params]. */
const drawn = (id: string) => STUDENTS.map((s) => [s, paramsFor(NUMERIC_VARIANTS[id], s, id)] as const);

describe("which numeric checks vary", () => {
  test("every numeric exercise is either per-student or fixed with a reason, never both", () => {
    for (const id of NUMERIC) {
      const varies = numericVariantOf(id) !== null;
      expect(varies !== Object.hasOwn(FIXED_NUMERIC, id), id).toBe(true);
    }
    expect(Object.keys(FIXED_NUMERIC).every((id) => NUMERIC.includes(id))).toBe(true);
    expect(Object.keys(NUMERIC_VARIANTS).length).toBe(NUMERIC.length - Object.keys(FIXED_NUMERIC).length);
  });
  test("a fixed check's reason names the measurement the page makes that a variant would need", () => {
    for (const [id, reason] of Object.entries(FIXED_NUMERIC)) {
      expect(reason, id).toMatch(/the page|data set/);
      expect(reason.length, id).toBeGreaterThan(60);
    }
  });
  test("the catalogue the instructors page shows gives each numeric exercise its status, and the fixed ones their reason", () => {
    const catalogue = withVariantReasons(buildCatalogue((id) => numericVariantOf(id) !== null));
    for (const e of catalogue.filter((e) => e.kind === "numeric")) {
      expect(e.variant, e.id).toBe(Object.hasOwn(NUMERIC_VARIANTS, e.id) ? "per-student" : "fixed");
      expect(e.variantReason, e.id).toBe(Object.hasOwn(FIXED_NUMERIC, e.id) ? FIXED_NUMERIC[e.id] : undefined);
    }
    // Code exercises keep what the kit says about them.
    expect(catalogue.filter((e) => e.kind === "code").every((e) => e.variantReason === undefined)).toBe(true);
  });
});

describe("every drawn variant is well-posed (25 students)", () => {
  test("a variant's tolerance is its page's NumericCheck tolerance", () => {
    for (const [id, v] of Object.entries(NUMERIC_VARIANTS)) {
      if (v.tolerance !== undefined) expect(v.tolerance, id).toBe(pageTolerance(id));
    }
  });
  test("every variant declares the answers of plausible mistakes", () => {
    for (const [id, v] of Object.entries(NUMERIC_VARIANTS)) expect(typeof v.mistakes, id).toBe("function");
  });
  test("the answer is finite, the question carries no NaN, undefined or ASCII math, and the tolerance rejects every listed mistake", () => {
    for (const [id, v] of Object.entries(NUMERIC_VARIANTS)) {
      const tolerance = v.tolerance ?? pageTolerance(id);
      for (const [s, p] of drawn(id)) {
        const answer = v.answer(p);
        const where = `${id} ${s} ${JSON.stringify(p)}`;
        expect(Number.isFinite(answer), where).toBe(true);
        expect(v.statement(p), where).not.toMatch(/NaN|undefined|Infinity|\bsqrt\b|\beta\b|\bbeta\d|\d+e-\d|\^/);
        expect(isClose(answer, answer, tolerance), where).toBe(true);
        for (const m of v.mistakes!(p)) expect(isClose(m, answer, tolerance), `${where}: mistake ${m} vs answer ${answer}`).toBe(false);
      }
    }
  });
  test("hints carry no ASCII math (eta, beta1, 1e-8, sqrt, ^)", () => {
    for (const [id, v] of Object.entries(NUMERIC_VARIANTS)) expect(v.hint, id).not.toMatch(/\beta\b|\bbeta\d|\d+e-\d|\bsqrt\b|\^/);
  });
  test("every variant's answer takes several values over 25 students (at least 4, or every value its draws allow)", () => {
    for (const [id, v] of Object.entries(NUMERIC_VARIANTS)) {
      const answers = new Set(drawn(id).map(([, p]) => v.answer(p).toPrecision(9)));
      expect(answers.size, id).toBeGreaterThanOrEqual(4);
    }
  });
});

describe("the question's wording stays true for every drawn variant (25 students)", () => {
  test('no question asks "how many times larger" or "by what factor … larger" of an answer below 1 (200 students)', () => {
    for (const [id, v] of Object.entries(NUMERIC_VARIANTS)) {
      for (let k = 0; k < 200; k++) {
        const p = paramsFor(v, `s${k}`, id);
        if (v.answer(p) < 1) expect(v.statement(p), `${id} s${k}: answer ${v.answer(p)}`).not.toMatch(/times larger|factor .*larger|larger than/);
      }
    }
  });
  test('the stability-limit questions (momentum/, nesterov/stability-limit) state the ravine\'s L, and momentum\'s its update convention, for every draw', () => {
    for (const id of ["momentum/stability-limit", "nesterov/stability-limit"]) for (const [s, p] of drawn(id)) expect(NUMERIC_VARIANTS[id].statement(p), `${id} ${s}`).toContain("L = 4");
    for (const [s, p] of drawn("momentum/stability-limit")) expect(NUMERIC_VARIANTS["momentum/stability-limit"].statement(p), s).toContain("torch's form (v ← βv + g, x ← x − ηv)");
  });
  test('"at which epoch (epochs numbered from 1) does training stop?" (strategies/patience-stop): the answer counts epochs from 1: the lowest reading is at epoch answer − patience, counted from 1', () => {
    const v = NUMERIC_VARIANTS["strategies/patience-stop"];
    for (const [s, p] of drawn("strategies/patience-stop")) {
      expect(v.statement(p), s).toContain("(epochs numbered from 1)");
      const stop = v.answer(p);
      const readings = v.statement(p).replace(/^.*reads /, "").replace(/:.*$/, "").split(", ").map(Number);
      // p.patience readings after the best one, none lower: the best is at stop − patience (numbered from 1).
      const best = stop - p.patience;
      expect(Math.min(...readings.slice(0, stop)), s).toBe(readings[best - 1]);
    }
  });
  test('"where does gradient descent … end?" (gradient-descent/double-well-start): every run settles at a minimum of its well', () => {
    const v = NUMERIC_VARIANTS["gradient-descent/double-well-start"];
    for (const [s, p] of drawn("gradient-descent/double-well-start")) {
      const x = v.answer(p);
      const f = doubleWellOf(p.a, p.b);
      expect(Math.abs(f.grad(Float64Array.of(x), new Float64Array(1))[0]), s).toBeLessThan(1e-9);
      expect(12 * x * x - 2 * p.a, s).toBeGreaterThan(0);
    }
  });
  const stabilityChecks = [
    { id: "momentum/stability-limit", method: "momentum", factory: (lr: number, p: Record<string, number>) => momentum({ lr, momentum: p.beta }) },
    { id: "nesterov/stability-limit", method: "Nesterov's method", factory: (lr: number, p: Record<string, number>) => nesterov({ lr, momentum: p.gamma }) },
  ];
  for (const { id, method, factory } of stabilityChecks) {
    test(`"the largest learning rate for which ${method} converges" (${id}): converges at 0.98 of it, diverges at 1.02`, () => {
      const v = NUMERIC_VARIANTS[id];
      for (const [s, p] of drawn(id)) {
        const limit = v.answer(p);
        expect(minimize(ravine(), factory(0.98 * limit, p), [-5, -2], { steps: 3000 }).loss.at(-1)!, s).toBeLessThan(1e-6);
        expect(minimize(ravine(), factory(1.02 * limit, p), [-5, -2], { steps: 3000 }).diverged, s).toBe(true);
      }
    });
  }
  test('"after how many steps is |y| ≥ 1 for the first time?" (arena/saddle-gd-escape): the closed form is the step a gradient-descent run first reaches it', () => {
    const v = NUMERIC_VARIANTS["arena/saddle-gd-escape"];
    for (const [s, p] of drawn("arena/saddle-gd-escape")) expect(v.answer(p), s).toBe(escapeSteps("sgd", { lr: p.lr }, 10 ** p.k));
  });
  test('"how many Adagrad steps … travel a distance" (adagrad/long-walk, answered with 2η√t): the exact count passes too, over the whole draw space (the published η = 0.5, D = 20 included), and the plausible mistakes do not', () => {
    const v = NUMERIC_VARIANTS["adagrad/long-walk"];
    const space = new Map(Array.from({ length: 400 }, (_, k) => paramsFor(v, `s${k}`, "adagrad/long-walk")).map((p) => [`${p.lr} ${p.distance}`, p]));
    space.set("defaults", v.defaults);
    expect(space.size).toBe(4 * 4 + 1);
    for (const [key, p] of space) {
      expect(isClose(adagradStepsToTravel(p.lr, p.distance), v.answer(p), v.tolerance), key).toBe(true);
      for (const m of v.mistakes!(p)) expect(isClose(m, v.answer(p), v.tolerance), `${key}: mistake ${m}`).toBe(false);
    }
  });
  test('"how far does its first step move y?" (arena/adam-first-step): η, the step the hint leads to with ε neglected, passes on every draw (200 students)', () => {
    const v = NUMERIC_VARIANTS["arena/adam-first-step"];
    for (let k = 0; k < 200; k++) {
      const p = paramsFor(v, `s${k}`, "arena/adam-first-step");
      expect(isClose(p.lr, v.answer(p), v.tolerance), `s${k} ${JSON.stringify(p)}`).toBe(true);
    }
  });
  test('"how many steps shrink the error … by a factor" (learning-rate/optimal-steps): only the right integer passes — one step fewer has not reached the factor and is rejected, one more is rejected (200 students)', () => {
    const v = NUMERIC_VARIANTS["learning-rate/optimal-steps"];
    for (let k = 0; k < 200; k++) {
      const p = paramsFor(v, `s${k}`, "learning-rate/optimal-steps");
      const t = v.answer(p);
      const rate = (p.c - p.a) / (p.c + p.a);
      expect(Number.isInteger(t)).toBe(true);
      expect(rate ** t, `s${k}`).toBeLessThanOrEqual(10 ** -p.k);
      expect(rate ** (t - 1), `s${k}`).toBeGreaterThan(10 ** -p.k);
      expect(isClose(t - 1, t, v.tolerance ?? pageTolerance("learning-rate/optimal-steps")), `s${k}`).toBe(false);
      expect(isClose(t + 1, t, v.tolerance ?? pageTolerance("learning-rate/optimal-steps")), `s${k}`).toBe(false);
    }
  });
  test('"find the multiplier μ with ‖(B + μI)⁻¹g‖ = Δ and B + μI positive semidefinite" (learning-rate/trust-multiplier): the answer is that μ', () => {
    const v = NUMERIC_VARIANTS["learning-rate/trust-multiplier"];
    for (const [s, p] of drawn("learning-rate/trust-multiplier")) {
      const mu = v.answer(p);
      expect(mu + Math.min(...p.b), s).toBeGreaterThan(0);
      expect(Math.hypot(p.g[0] / (p.b[0] + mu), p.g[1] / (p.b[1] + mu)), s).toBeCloseTo(p.radius, 8);
    }
  });
  test('"which step does it accept?" (learning-rate/backtracking-quartic): the answer passes the Armijo test and the step before it does not', () => {
    const v = NUMERIC_VARIANTS["learning-rate/backtracking-quartic"];
    for (const [s, p] of drawn("learning-rate/backtracking-quartic")) {
      const a = v.answer(p), d = -4 * p.x ** 3;
      const armijo = (alpha: number) => (p.x + alpha * d) ** 4 <= p.x ** 4 + 1e-4 * alpha * (4 * p.x ** 3) * d;
      expect(armijo(a), s).toBe(true);
      if (a < 1) expect(armijo(a / p.rho), s).toBe(false);
    }
  });
  test('"at which epoch does training stop?" (strategies/patience-stop): training stops on every curve at every patience drawn', () => {
    for (const curve of [0, 1, 2, 3]) for (const patience of [1, 2, 3]) expect(Number.isFinite(NUMERIC_VARIANTS["strategies/patience-stop"].answer({ curve, patience })), `${curve} ${patience}`).toBe(true);
  });
  test('"the sum of the gradients over one period" (adam/reddi-period): positive for every draw, so x = −1 stays the best point', () => {
    const v = NUMERIC_VARIANTS["adam/reddi-period"];
    for (const [s, p] of drawn("adam/reddi-period")) expect(v.answer(p), s).toBeGreaterThan(0);
  });
  test('"D2L uses lr = 0.005" (momentum/mse-lr-conversion) is said only of D2L\'s own rate', () => {
    const v = NUMERIC_VARIANTS["momentum/mse-lr-conversion"];
    for (const [s, p] of drawn("momentum/mse-lr-conversion")) expect(v.statement(p).startsWith("D2L uses"), s).toBe(p.lr === 0.005);
  });
  test('"golden-section search needs N evaluations" (learning-rate/golden-section-cost): τ^(N−1) is below the target and τ^(N−2) is not', () => {
    const tau = (Math.sqrt(5) - 1) / 2;
    const v = NUMERIC_VARIANTS["learning-rate/golden-section-cost"];
    for (const [s, p] of drawn("learning-rate/golden-section-cost")) {
      const N = v.answer(p);
      expect(tau ** (N - 1), s).toBeLessThan(10 ** -p.k);
      expect(tau ** (N - 2), s).toBeGreaterThanOrEqual(10 ** -p.k);
    }
  });
});

/** The label of the page's NumericCheck of `id` (NumericCheck's default "Your answer" when it passes none). */
function pageLabel(id: string): string {
  const call = new RegExp(`NumericCheck\\(\\{id: "${id.replace(/[/-]/g, "\\$&")}"([^\\n]*)`).exec(pages);
  if (!call) throw new Error(`no NumericCheck for ${id}`);
  const m = /label: "([^"]*)"/.exec(call[1]);
  return m ? m[1] : "Your answer";
}
const DIGITS: Record<string, string> = { "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9", "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9" };
/** The words and numbers of a text, sub- and superscript digits read as digits (m₃ → m3). */
const tokens = (text: string) => new Set((text.replace(/[₀-₉⁰-⁹]/g, (c) => DIGITS[c]).match(/[\p{L}\p{N}.]+/gu) ?? []).map((t) => t.replace(/\.+$/, "")).filter(Boolean));

describe("the answer field's label stays true for every drawn variant (200 students)", () => {
  test("a label naming a number or a name of the published question (m₃, t = 1000, Adam) comes from the variant's label(p); the page's label is used only when every draw keeps its words", () => {
    for (const [id, v] of Object.entries(NUMERIC_VARIANTS)) {
      const published = pageLabel(id);
      if (v.label) expect(v.label(v.defaults), `${id}: label(defaults) is the page's label`).toBe(published);
      const inDefault = tokens(v.statement(v.defaults));
      for (let k = 0; k < 200; k++) {
        const p = paramsFor(v, `s${k}`, id);
        const label = v.label ? v.label(p) : published;
        const statement = tokens(v.statement(p));
        for (const t of tokens(label)) {
          // A word of the label that the published question uses must be in this variant's question too,
          // and a number in the label always must.
          if (inDefault.has(t) || /\d/.test(t)) expect(statement.has(t), `${id} s${k}: label "${label}" says "${t}", the question is "${v.statement(p)}"`).toBe(true);
        }
      }
    }
  });
  test("the check shows the variant's label for a student id and the page's without one", () => {
    expect(readerVariant("adam/m3", null)).toBeNull();
    const v = NUMERIC_VARIANTS["adam/m3"];
    const student = Array.from({ length: 200 }, (_, k) => `s${k}`).find((s) => paramsFor(v, s, "adam/m3").t !== 3)!;
    const mine = readerVariant("adam/m3", student)!;
    expect(mine.label).toBe(`m${"₀₁₂₃₄₅₆₇₈₉"[paramsFor(v, student, "adam/m3").t]}`);
    expect(mine.statement).toContain(mine.label!);
  });
});
