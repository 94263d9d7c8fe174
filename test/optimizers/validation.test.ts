/** Bad input fails early with a message naming the parameter, the value and the accepted range. */
import { describe, expect, it } from "vitest";
import * as lib from "../../lib/optimizers/index.js";
import { adagrad, adam, momentum, nadam, nesterovLookahead, rmsprop, rprop, sgd } from "../../lib/optimizers/index.js";

describe("hyperparameter validation", () => {
  const cases: [string, () => unknown, ErrorConstructor, RegExp][] = [
    ["negative lr", () => adam({ lr: -1 }), RangeError, /^adam: lr must be a finite number in \[0, ∞\), got -1$/],
    ["NaN lr", () => adam({ lr: NaN }), RangeError, /adam: lr .*got NaN/],
    ["infinite lr", () => adam({ lr: Infinity }), RangeError, /adam: lr .*got Infinity/],
    ["string lr", () => adam({ lr: "0.1" as never }), TypeError, /adam: lr must be a finite number in \[0, ∞\) or a schedule .*got "0.1"/],
    ["missing required lr", () => sgd({} as never), TypeError, /sgd: lr is required/],
    ["beta1 = 1", () => adam({ beta1: 1 }), RangeError, /^adam: beta1 must be a finite number in \[0, 1\), got 1$/],
    ["negative beta2", () => nadam({ beta2: -0.1 }), RangeError, /nadam: beta2 .*\[0, 1\), got -0.1/],
    ["eps = 0", () => adam({ eps: 0 }), RangeError, /adam: eps must be a finite number in \(0, ∞\), got 0/],
    ["negative momentum", () => momentum({ lr: 0.1, momentum: -0.5 }), RangeError, /momentum: momentum .*\[0, ∞\), got -0.5/],
    ["dampening > 1", () => momentum({ lr: 0.1, dampening: 1.5 }), RangeError, /momentum: dampening .*\[0, 1\], got 1.5/],
    ["alpha = 1", () => rmsprop({ alpha: 1 }), RangeError, /rmsprop: alpha .*\[0, 1\), got 1/],
    ["centered not boolean", () => rmsprop({ centered: 1 as never }), TypeError, /rmsprop: centered must be true or false, got 1/],
    ["negative lrDecay", () => adagrad({ lrDecay: -1 }), RangeError, /adagrad: lrDecay .*got -1/],
    ["negative initialAccumulatorValue", () => adagrad({ initialAccumulatorValue: -1 }), RangeError, /adagrad: initialAccumulatorValue .*got -1/],
    ["etaMinus = 1", () => rprop({ etaMinus: 1 }), RangeError, /rprop: etaMinus .*\(0, 1\), got 1/],
    ["etaPlus = 1", () => rprop({ etaPlus: 1 }), RangeError, /rprop: etaPlus .*\(1, ∞\), got 1/],
    ["stepMax < stepMin", () => rprop({ stepMin: 1, stepMax: 0.5 }), RangeError, /rprop: stepMax must be in \[stepMin, ∞\) = \[1, ∞\), got 0.5/],
    ["rprop lr schedule", () => rprop({ lr: (() => 1) as never }), TypeError, /rprop: lr is the initial step size .*not a schedule/],
    ["unknown option", () => adam({ betas: [0.9, 0.999] } as never), TypeError, /adam: unknown option "betas"; accepted options are lr, beta1, beta2, eps/],
    ["options not an object", () => adam(0.1 as never), TypeError, /adam: options must be an object/],
    ["with() revalidates", () => adam().with({ beta2: 2 }), RangeError, /adam: beta2 .*got 2/],
  ];
  for (const [what, make, type, message] of cases) {
    it(`rejects ${what}`, () => {
      expect(make).toThrow(type);
      expect(make).toThrow(message);
    });
  }

  it("every factory rejects an unknown option with a TypeError", () => {
    for (const [name, factory] of Object.entries(lib)) {
      if (typeof factory !== "function" || name === "optimizerInfo") continue;
      expect(() => (factory as (o: object) => unknown)({ lr: 0.1, learningRate: 0.1 }), name).toThrow(TypeError);
      expect(() => (factory as (o: object) => unknown)({ lr: 0.1, learningRate: 0.1 }), name).toThrow(`${name}: unknown option "learningRate"`);
    }
  });

  it("an option set to undefined keeps its default", () => {
    expect(adam({ lr: undefined }).hyper).toEqual(adam().hyper);
  });

  it("hyper is frozen and with() returns a new optimizer", () => {
    const a = adam();
    expect(Object.isFrozen(a.hyper)).toBe(true);
    const b = a.with({ lr: 0.1 });
    expect(b.hyper).toEqual({ ...a.hyper, lr: 0.1 });
    expect(a.hyper.lr).toBe(1e-3);
    expect(b.name).toBe("adam");
  });
});

describe("shape checks", () => {
  it("init(dim) rejects a dimension that is not a positive integer", () => {
    expect(() => adam().init(0)).toThrow(/adam.init: dim must be a finite number in \[1, ∞\), got 0/);
    expect(() => adam().init(1.5)).toThrow(/adam.init: dim must be an integer/);
  });
  it("step(params, grad, state) names the mismatch", () => {
    const opt = adam(), s = opt.init(3);
    expect(() => opt.step(new Float64Array(2), new Float64Array(2), s)).toThrow(RangeError);
    expect(() => opt.step(new Float64Array(2), new Float64Array(2), s)).toThrow("adam.step: params has length 2, but state.dim is 3");
    expect(() => opt.step(new Float64Array(3), new Float64Array(4), s)).toThrow("adam.step: grad has length 4, but params has length 3");
    expect(s.t).toBe(0);
  });
  it("gradientPoint(params, state, out) checks out's length and refuses out = params", () => {
    const opt = nesterovLookahead({ lr: 0.1 }), s = opt.init(2), x = new Float64Array(2);
    expect(() => opt.gradientPoint!(x, s, new Float64Array(3))).toThrow("nesterovLookahead.gradientPoint: out has length 3, but params has length 2");
    expect(() => opt.gradientPoint!(x, s, x)).toThrow(/out must not be params/);
  });
  it("rmsprop.step refuses a state made without the buffers its options need", () => {
    const s = rmsprop().init(2);
    expect(() => rmsprop({ centered: true }).step(new Float64Array(2), new Float64Array(2), s)).toThrow(/lacks a buffer/);
  });
});

describe("schedules", () => {
  it("sgd({lr: (t) => 1/t}).step calls the schedule with the 1-based step", () => {
    const seen: number[] = [];
    const opt = sgd({ lr: (t) => (seen.push(t), 1 / t) });
    const x = Float64Array.of(0), s = opt.init(1);
    for (let k = 0; k < 4; k++) opt.step(x, Float64Array.of(1), s);
    // x = 0 - 1 - 1/2 - 1/3 - 1/4
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(x[0]).toBeCloseTo(-(1 + 1 / 2 + 1 / 3 + 1 / 4), 14);
  });
  it("a schedule that returns a negative or non-finite lr is a RangeError naming the step, and the state is unchanged", () => {
    for (const bad of [-1, NaN, Infinity]) {
      const opt = adam({ lr: (t) => (t < 3 ? 0.1 : bad) });
      const x = Float64Array.of(1), s = opt.init(1);
      opt.step(x, Float64Array.of(1), s);
      opt.step(x, Float64Array.of(1), s);
      const before = { x: x[0], m: s.m[0], t: s.t };
      expect(() => opt.step(x, Float64Array.of(1), s)).toThrow(RangeError);
      expect(() => opt.step(x, Float64Array.of(1), s)).toThrow(`adam: the lr schedule returned ${bad} at step 3`);
      expect({ x: x[0], m: s.m[0], t: s.t }).toEqual(before);
    }
  });
});
