import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { adaptPlayground, type SparseParams } from "../../src/components/editor/sandbox/playground.js";
import { momentum } from "../../lib/index.js";
import { sparseVerdict } from "../../src/components/arena/sparse-race.js";

/** A reader's momentum, the shape the playground's template asks for. */
function myMomentum({ lr = 0.1, beta = 0.9, sign = 1 }: { lr?: number; beta?: number; sign?: number } = {}) {
  return {
    name: "my momentum",
    hyper: { lr, beta },
    init: (dim: number) => ({ t: 0, dim, v: new Float64Array(dim) }),
    step(x: Float64Array, g: Float64Array, s: { t: number; v: Float64Array }) {
      s.t++;
      for (let i = 0; i < x.length; i++) {
        s.v[i] = beta * s.v[i] + g[i];
        x[i] -= sign * lr * s.v[i];
      }
    },
  };
}

describe("adaptPlayground({factory, hyper, asSgd}, params)", () => {
  test("a correct optimizer passes every check and races on the surface", () => {
    const result = adaptPlayground({ factory: myMomentum, hyper: { lr: 0.1, beta: 0.9 }, asSgd: { lr: 0.1, beta: 0 } }, { surfaces: ["ravine"], steps: 20, compare: [{ name: "momentum", hyper: { lr: 0.1, momentum: 0.9 } }] });
    expect(result.checks.map((c) => c.status)).toEqual(["pass", "pass", "pass", "pass"]);
    // the reader's momentum is torch's momentum: same path
    expect(Array.from(result.runs[0].trajectory.x)).toEqual(Array.from(result.runs[1].trajectory.x));
  });

  test("an optimizer that climbs fails the descent check with a hint", () => {
    const result = adaptPlayground({ factory: (h: object) => myMomentum({ ...h, sign: -1 }), hyper: { lr: 0.1, beta: 0 } }, { surfaces: ["ravine"], steps: 5 });
    const descent = result.checks.find((c) => c.name.startsWith("descends"))!;
    expect(descent.status).toBe("fail");
  });

  test("a wrong reduction to SGD fails, and a missing one is skipped", () => {
    const wrong = adaptPlayground({ factory: myMomentum, hyper: {}, asSgd: { lr: 0.1, beta: 0.5 } }, { steps: 5 });
    expect(wrong.checks.at(-1)).toMatchObject({ status: "fail" });
    const none = adaptPlayground({ factory: myMomentum, hyper: {} }, { steps: 5 });
    expect(none.checks.at(-1)).toMatchObject({ status: "skip" });
  });

  test("a library optimizer's factory is accepted as is", () => {
    const result = adaptPlayground({ factory: momentum, hyper: { lr: 0.05 }, asSgd: { lr: 0.05, momentum: 0 } }, { steps: 5 });
    expect(result.checks.every((c) => c.status === "pass")).toBe(true);
  });

  test("the state panel's data: the reader's buffers after every step, as plain numbers", () => {
    const lr = 0.1;
    const result = adaptPlayground({ factory: myMomentum, hyper: { lr, beta: 0.9 } }, { surfaces: ["ravine"], steps: 20 });
    const run = result.runs[0].trajectory;
    expect(result.state).not.toBeNull();
    const state = result.state!;
    expect(state.steps).toBe(run.steps);
    expect(state.buffers.map((b) => [b.name, b.length, b.kept])).toEqual([["v", 2, 2]]);
    // v after step k is (x_{k-1} − x_k)/η, since the step is x −= η v.
    for (let k = 1; k <= run.steps; ++k) {
      for (let i = 0; i < 2; ++i) expect(state.buffers[0].values[(k - 1) * 2 + i]).toBeCloseTo((run.x[(k - 1) * 2 + i] - run.x[k * 2 + i]) / lr, 10);
    }
    // plain data: it survives structured cloning (the worker's postMessage)
    expect(structuredClone(state)).toEqual(state);
  });

  test("the state record reads a replaced buffer afresh, keeps numbers, and skips t and dim", () => {
    const replacing = () => ({
      name: "replacing",
      init: (dim: number) => ({ t: 0, dim, m: [0, 0], scale: 1 }),
      step(x: Float64Array, g: Float64Array, s: { t: number; m: number[]; scale: number }) {
        s.t++;
        s.m = [s.m[0] + g[0], s.m[1] + g[1]];
        s.scale *= 0.5;
        for (let i = 0; i < x.length; i++) x[i] -= 0.01 * g[i];
      },
    });
    const result = adaptPlayground({ factory: replacing, hyper: {} }, { surfaces: ["ravine"], steps: 3 });
    const state = result.state!;
    expect(state.buffers.map((b) => b.name)).toEqual(["m", "scale"]);
    expect(Array.from(state.buffers[1].values)).toEqual([0.5, 0.25, 0.125]);
    expect(state.buffers[0].values[4]).not.toBe(0);
  });

  test("something else is rejected with what to return", () => {
    expect(() => adaptPlayground({ step() {} }, {})).toThrow(/Return an object \{factory, hyper, asSgd\}/);
  });
});

describe("adaptPlayground(…, {sparse}): the race on the sentences and its checklist item", () => {
  const sentences = JSON.parse(readFileSync(join(process.cwd(), "data", "sentences.json"), "utf8"));
  const sparse = (extra: Partial<SparseParams> = {}): SparseParams => ({ sentences, rivals: [{ name: "adagrad", label: "Adagrad", lrs: [0.316228] }], seeds: [0], validationFraction: 0.2, budgetMs: 20_000, ...extra });
  const ITEM = "trains the sparse task without diverging and ends below the untrained loss";

  test("the starting code (momentum, η = 0.01) races the rival at its given η and passes the item; the race survives structured cloning", () => {
    const result = adaptPlayground({ factory: myMomentum, hyper: { lr: 0.01, beta: 0.9 }, asSgd: { lr: 0.01, beta: 0 } }, { surfaces: ["ravine"], steps: 5, sparse: sparse() });
    expect(result.checks.map((c) => c.status)).toEqual(["pass", "pass", "pass", "pass", "pass"]);
    expect(result.checks.at(-1)!.name).toBe(ITEM);
    const race = result.sparse!;
    expect(race.entries.map((e) => [e.name, e.label])).toEqual([["yours", "my momentum"], ["adagrad", "Adagrad"]]);
    expect(race.entries[1].lrs).toEqual([0.316228]);
    expect(race.entries[0].train.max).toBeLessThan(race.initial.train);
    expect(structuredClone(race)).toEqual(race);
  });

  test("a learning rate of 0 learns nothing: the item fails, saying the loss is not below the untrained one", () => {
    const result = adaptPlayground({ factory: myMomentum, hyper: { lr: 0, beta: 0.9 } }, { steps: 5, sparse: sparse({ rivals: [] }) });
    expect(result.checks.at(-1)).toMatchObject({ name: ITEM, status: "fail" });
    expect(result.checks.at(-1)!.detail).toMatch(/not below the untrained model's 0\.693/);
  });

  test("a blow-up below the divergence limit (SGD, η = 10⁴) is called worse than the untrained model, with a hint, not 'learnt nothing'", () => {
    const result = adaptPlayground({ factory: myMomentum, hyper: { lr: 1e4, beta: 0 } }, { steps: 5, sparse: sparse({ rivals: [], seeds: [0, 1] }) });
    const mine = result.sparse!.entries[0];
    expect(mine.diverged).toBe(0);
    expect(mine.train.min).toBeGreaterThan(10 * Math.LN2);
    expect(result.checks.at(-1)).toMatchObject({ name: ITEM, status: "fail" });
    expect(result.checks.at(-1)!.detail).toMatch(/is worse than the untrained model's 0\.693 on every seed: the steps are most likely too large — try a smaller η/);
    expect(result.checks.at(-1)!.detail).not.toMatch(/learnt nothing/);
    const verdict = sparseVerdict(result.sparse!);
    expect(verdict).toMatch(/That is worse than the untrained model's 0\.693 \([\d.,]+ times it\), on the training sentences too .*: the steps are most likely too large — try a smaller η\.$/);
    expect(verdict).not.toMatch(/learnt nothing|no better/);
  });

  test("a diverging optimizer fails the item, naming the seeds and where", () => {
    const result = adaptPlayground({ factory: myMomentum, hyper: { lr: 1e9, beta: 0.9 } }, { steps: 5, sparse: sparse({ rivals: [], seeds: [0, 1] }) });
    expect(result.checks.at(-1)!.status).toBe("fail");
    expect(result.checks.at(-1)!.detail).toMatch(/diverged on 2 of 2 seeds \(epoch /);
    expect(result.sparse!.entries[0].diverged).toBe(2);
  });

  test("an optimizer that throws only on the sparse task fails the item with its message; the other races still run", () => {
    const picky = (h: { lr?: number }) => {
      const inner = myMomentum(h);
      return { ...inner, step(x: Float64Array, g: Float64Array, s: { t: number; v: Float64Array }) { if (x.length > 100) throw new RangeError("too many weights"); inner.step(x, g, s); } };
    };
    const result = adaptPlayground({ factory: picky, hyper: { lr: 0.01 } }, { surfaces: ["ravine"], steps: 5, sparse: sparse() });
    expect(result.runs.length).toBe(1);
    expect(result.checks.at(-1)).toMatchObject({ status: "fail" });
    expect(result.checks.at(-1)!.detail).toMatch(/did not finish: too many weights/);
    expect(result.sparse!.entries[0].error).toBe("too many weights");
    expect(Number.isFinite(result.sparse!.entries[1].test.median)).toBe(true);
  });

  test("sparseHyper, when returned, sets the hyperparameters of the sparse race only", () => {
    const result = adaptPlayground({ factory: myMomentum, hyper: { lr: 0 }, sparseHyper: { lr: 0.3, beta: 0.9 } }, { surfaces: ["ravine"], steps: 5, sparse: sparse({ rivals: [] }) });
    expect(result.checks.at(-1)!.status).toBe("pass");
    expect(result.runs[0].trajectory.loss[5]).toBe(result.runs[0].trajectory.loss[0]); // lr 0 on the surface
    expect(() => adaptPlayground({ factory: myMomentum, sparseHyper: 3 }, { sparse: sparse() })).toThrow(/sparseHyper \(optional\) must be an object/);
  });

  test("the template's commented hint sparseHyper {lr: 0.1, beta: 0.9} races exactly as the library's momentum at η = 0.1 (seed 1) and passes the item", () => {
    const page = readFileSync(join(process.cwd(), "src", "playground.md"), "utf8");
    expect(page).toContain("  // sparseHyper: {lr: 0.1, beta: 0.9},");
    const result = adaptPlayground({ factory: myMomentum, hyper: { lr: 0.01, beta: 0.9 }, sparseHyper: { lr: 0.1, beta: 0.9 } }, { steps: 5, sparse: sparse({ seeds: [1], rivals: [{ name: "momentum", label: "Momentum", lrs: [0.1] }] }) });
    const [mine, lib] = result.sparse!.entries;
    expect(lib.name).toBe("momentum");
    expect(mine.test.values[0]).toBeCloseTo(lib.test.values[0], 12);
    expect(mine.train.values[0]).toBeCloseTo(lib.train.values[0], 12);
    expect(result.checks.at(-1)).toMatchObject({ name: ITEM, status: "pass" });
  });

  test("a run past the time budget (slow code or a busy machine) is marked not run, not failed", () => {
    const result = adaptPlayground({ factory: myMomentum, hyper: { lr: 0.01 } }, { steps: 5, sparse: sparse({ rivals: [], budgetMs: 1e-6 }) });
    expect(result.checks.at(-1)).toMatchObject({ name: ITEM, status: "skip" });
    expect(result.checks.at(-1)!.detail).toMatch(/stopped after 0 ms of training .* a slow step, or a busy machine/);
  });

  test("an unknown rival or a missing η per seed is an error naming it", () => {
    expect(() => adaptPlayground({ factory: myMomentum, hyper: { lr: 0.01 } }, { steps: 5, sparse: sparse({ rivals: [{ name: "lion", label: "Lion", lrs: [1] }] }) })).toThrow(/unknown rival "lion"/);
    expect(() => adaptPlayground({ factory: myMomentum, hyper: { lr: 0.01 } }, { steps: 5, sparse: sparse({ rivals: [{ name: "sgd", label: "SGD", lrs: [] }] }) })).toThrow(/one learning rate per seed \(1\), got 0/);
  });
});
