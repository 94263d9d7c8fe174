import { describe, expect, it } from "vitest";
import { adamNoBiasCorrection, ancestorEdges, ancestors, LINEAGE_EDGES, LINEAGE_NODES } from "../../lib/analysis/choosing.js";
import { adam } from "../../lib/optimizers/index.js";
import { optimizers } from "../../lib/optimizers/registry.js";

describe("the lineage map", () => {
  it("names only optimizers of the registry, each node once, every edge between nodes", () => {
    const names = new Set(optimizers.map((o) => o.name));
    const nodes = new Set(LINEAGE_NODES.map((n) => n.name));
    expect(nodes.size).toBe(LINEAGE_NODES.length);
    for (const n of nodes) expect(names.has(n)).toBe(true);
    for (const e of LINEAGE_EDGES) {
      expect(nodes.has(e.from)).toBe(true);
      expect(nodes.has(e.to)).toBe(true);
    }
  });
  it("has the seeds' lines of descent", () => {
    expect(ancestors("nesterov")).toEqual(["nesterov", "momentum", "sgd"]);
    expect(new Set(ancestors("adamw"))).toEqual(new Set(["adamw", "adam", "rmsprop", "momentum", "adagrad", "rprop", "sgd"]));
    expect(ancestors("adadelta")).toEqual(["adadelta", "adagrad", "sgd"]);
    expect(ancestorEdges("rmsprop").map((e) => e.from).sort()).toEqual(["adagrad", "rprop", "sgd"]);
  });
});

describe("adamNoBiasCorrection(options)", () => {
  it("first step: η(1 − β₁)g/(√(1 − β₂)|g| + ε), hand-derived", () => {
    // m = 0.1·2 = 0.2, v = 0.001·4 = 0.004, step = 0.1·0.2/(√0.004 + 1e-8) = 0.316227...
    const o = adamNoBiasCorrection({ lr: 0.1 });
    const s = o.init(1);
    const p = Float64Array.of(1);
    o.step(p, Float64Array.of(2), s);
    expect(1 - p[0]).toBeCloseTo((0.1 * 0.2) / (Math.sqrt(0.004) + 1e-8), 14);
    expect(s.t).toBe(1);
  });
  it("is (1 − β₁)/√(1 − β₂) ≈ 3.16 times Adam's first step, and equals Adam once the corrections are ≈ 1", () => {
    const a = adam({ lr: 0.01 });
    const b = adamNoBiasCorrection({ lr: 0.01 });
    const pa = Float64Array.of(0, 0);
    const pb = Float64Array.of(0, 0);
    const sa = a.init(2);
    const sb = b.init(2);
    a.step(pa, Float64Array.of(1, -3), sa);
    b.step(pb, Float64Array.of(1, -3), sb);
    expect(pb[0] / pa[0]).toBeCloseTo(0.1 / Math.sqrt(0.001), 5); // ε breaks exactness at 1e-7
    const c = adam({ lr: 0.01, beta1: 0.5, beta2: 0.5 });
    const d = adamNoBiasCorrection({ lr: 0.01, beta1: 0.5, beta2: 0.5 });
    const pc = Float64Array.of(0);
    const pd = Float64Array.of(0);
    const sc = c.init(1);
    const sd = d.init(1);
    for (let t = 0; t < 80; ++t) {
      const before = [pc[0], pd[0]];
      c.step(pc, Float64Array.of(1), sc);
      d.step(pd, Float64Array.of(1), sd);
      if (t === 79) expect(pd[0] - before[1]).toBeCloseTo(pc[0] - before[0], 12);
    }
  });
  it("validates its hyperparameters", () => {
    expect(() => adamNoBiasCorrection({ beta2: 1 })).toThrow(/beta2/);
    expect(() => adamNoBiasCorrection({ lr: -1 })).toThrow(/lr/);
  });
});
