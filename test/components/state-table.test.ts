// @vitest-environment jsdom
/**
 * The playground's state panel: what it shows for plain SGD (no buffers),
 * nested and many buffers, and when the template's sentence about v applies.
 */
import { describe, expect, test } from "vitest";
import { adaptPlayground } from "../../src/components/editor/sandbox/playground.js";
import { MAX_BUFFERS } from "../../src/components/editor/sandbox/state-record.js";
import { StateTable, stepAlongV } from "../../src/components/editor/state-table.js";

type S = { t: number; dim: number; [k: string]: unknown };
const run = (init: (dim: number) => S, step: (x: Float64Array, g: Float64Array, s: S) => void, steps = 5) =>
  adaptPlayground({ factory: () => ({ name: "mine", init, step }), hyper: {} }, { surfaces: ["ravine"], steps });
const panel = (result: ReturnType<typeof run>, step = 1) => StateTable(result.state, step, { x: result.runs[0].trajectory.x, dim: result.runs[0].trajectory.dim });

function momentum(lr: number, beta: number) {
  return run(
    (dim) => ({ t: 0, dim, v: new Float64Array(dim) }),
    (x, g, s) => {
      s.t++;
      const v = s.v as Float64Array;
      for (let i = 0; i < x.length; i++) {
        v[i] = beta * v[i] + g[i];
        x[i] -= lr * v[i];
      }
    }
  );
}

describe("StateTable(record, step, {x, dim})", () => {
  test("plain SGD keeps no buffers: the table shows the position and says why there is nothing else", () => {
    const result = run((dim) => ({ t: 0, dim }), (x, g, s) => { s.t++; for (let i = 0; i < x.length; i++) x[i] -= 0.01 * g[i]; });
    expect(result.state).toMatchObject({ steps: 5, buffers: [] });
    const el = panel(result, 2);
    expect(el.querySelector("table")).not.toBeNull();
    expect(el.querySelectorAll("tbody tr").length).toBe(1);
    expect(el.querySelector("tbody th")!.textContent).toMatch(/position θ/);
    expect(el.textContent).toMatch(/keeps no buffers beside t and dim \(plain SGD needs none\), so only the position is shown/);
  });

  test("no step recorded: says so in a sentence, no table", () => {
    const el = StateTable(null, 1);
    expect(el.querySelector("table")).toBeNull();
    expect(el.textContent).toMatch(/took no step on this surface/);
  });

  test("a buffer nested in an object (state.buf.v) is recorded and shown under its path", () => {
    const result = run(
      (dim) => ({ t: 0, dim, buf: { v: new Float64Array(dim), n: 0 }, list: [new Float64Array(dim)] }),
      (x, g, s) => {
        s.t++;
        const buf = s.buf as { v: Float64Array; n: number };
        buf.n += 1;
        for (let i = 0; i < x.length; i++) {
          buf.v[i] = 0.9 * buf.v[i] + g[i];
          (s.list as Float64Array[])[0][i] = g[i];
          x[i] -= 0.01 * buf.v[i];
        }
      }
    );
    expect(result.state!.buffers.map((b) => b.name)).toEqual(["buf.v", "buf.n", "list[0]"]);
    expect(Array.from(result.state!.buffers[1].values)).toEqual([1, 2, 3, 4, 5]);
    expect(result.state!.buffers[0].values[0]).not.toBe(0);
    expect(panel(result).textContent).toMatch(/buf\.v/);
  });

  test(`more than ${MAX_BUFFERS} buffers: the first ${MAX_BUFFERS} are kept and the caption says how many were left out`, () => {
    const result = run(
      (dim) => Object.fromEntries([["t", 0], ["dim", dim], ...Array.from({ length: 11 }, (_, k) => [`b${k}`, k])]) as S,
      (x, g, s) => { s.t++; for (let i = 0; i < x.length; i++) x[i] -= 0.01 * g[i]; }
    );
    expect(result.state!.buffers.length).toBe(MAX_BUFFERS);
    expect(result.state!.omitted).toBe(11 - MAX_BUFFERS);
    expect(panel(result).querySelector("caption")!.textContent).toMatch(/the first 8 buffers only, 3 more left out/);
  });
});

describe("stepAlongV(record, x, dim): the template's sentence 'v is minus the step divided by η' shows only where it holds", () => {
  test("the template's heavy-ball momentum: x moves by −η·v on every step, and v has the sign opposite to the step", () => {
    const result = momentum(0.01, 0.9);
    const { x, dim } = result.runs[0].trajectory;
    expect(stepAlongV(result.state, x, dim)).toBeCloseTo(0.01, 12);
    // v after step 1 is −Δx/η (not +Δx/η): x −= η·v moves against v.
    const v1 = result.state!.buffers[0].values.slice(0, 2);
    for (let i = 0; i < 2; i++) expect(v1[i]).toBeCloseTo(-(x[dim + i] - x[i]) / 0.01, 9);
  });

  test("a hand-written Adam (m and v, v the second moment) or RMSprop (v only): no such sentence", () => {
    const adam = run(
      (dim) => ({ t: 0, dim, m: new Float64Array(dim), v: new Float64Array(dim) }),
      (x, g, s) => {
        s.t++;
        const [m, v] = [s.m as Float64Array, s.v as Float64Array];
        for (let i = 0; i < x.length; i++) {
          m[i] = 0.9 * m[i] + 0.1 * g[i];
          v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
          x[i] -= (0.01 * m[i] / (1 - 0.9 ** s.t)) / (Math.sqrt(v[i] / (1 - 0.999 ** s.t)) + 1e-8);
        }
      }
    );
    expect(stepAlongV(adam.state, adam.runs[0].trajectory.x, adam.runs[0].trajectory.dim)).toBeNull();
    const rms = run(
      (dim) => ({ t: 0, dim, v: new Float64Array(dim) }),
      (x, g, s) => {
        s.t++;
        const v = s.v as Float64Array;
        for (let i = 0; i < x.length; i++) {
          v[i] = 0.99 * v[i] + 0.01 * g[i] * g[i];
          x[i] -= (0.01 * g[i]) / (Math.sqrt(v[i]) + 1e-8);
        }
      }
    );
    expect(stepAlongV(rms.state, rms.runs[0].trajectory.x, rms.runs[0].trajectory.dim)).toBeNull();
  });

  test("no v, or no position: null", () => {
    const result = momentum(0.01, 0.9);
    expect(stepAlongV(result.state, undefined, undefined)).toBeNull();
    expect(stepAlongV(null, result.runs[0].trajectory.x, 2)).toBeNull();
  });
});
