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

  test("something else is rejected with what to return", () => {
    expect(() => adaptPlayground({ step() {} }, {})).toThrow(/Return an object \{factory, hyper, asSgd\}/);
  });
});
