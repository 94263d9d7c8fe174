import { describe, expect, test } from "vitest";
import { adaptPlayground } from "../../src/components/editor/sandbox/playground.js";
import { momentum } from "../../lib/index.js";

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
