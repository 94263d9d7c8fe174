import { describe, expect, it } from "vitest";
import { parabola } from "../lib/objectives/parabola.js";
import { quadratic } from "../lib/objectives/quadratic.js";
import { ravine } from "../lib/objectives/ravine.js";
import { reddiOnline } from "../lib/objectives/reddi-online.js";
import { rosenbrock } from "../lib/objectives/rosenbrock.js";
import { adam, amsgrad, momentum, nesterov, nesterovLookahead, sgd } from "../lib/optimizers/index.js";
import { minimize, positionAt, projectBox, trajectoryRows, type Trajectory } from "../lib/run.js";
import { timeDecay } from "../lib/schedules.js";
import type { Objective, Optimizer, OptimizerState, Schedule } from "../lib/types.js";

// Small optimizers written against the interface, so the runner is tested on its own.
type Lr = number | Schedule;
const lrAt = (lr: Lr, t: number) => (typeof lr === "number" ? lr : lr(t));

function inlineSgd(lr: Lr): Optimizer<OptimizerState, { lr: Lr }> {
  return {
    name: "inlineSgd",
    hyper: { lr },
    init: (dim) => ({ t: 0, dim }),
    step(p, g, s) {
      s.t += 1;
      const eta = lrAt(lr, s.t);
      for (let i = 0; i < p.length; ++i) p[i] -= eta * g[i];
    },
    with: (c) => inlineSgd(c.lr ?? lr),
  };
}

interface HeavyBallState extends OptimizerState {
  v: Float64Array;
}
/** v ← β·v + g, θ ← θ − η·v (torch's momentum with dampening 0). */
function inlineMomentum(lr: number, beta: number): Optimizer<HeavyBallState, { lr: number; beta: number }> {
  return {
    name: "inlineMomentum",
    hyper: { lr, beta },
    init: (dim) => ({ t: 0, dim, v: new Float64Array(dim) }),
    step(p, g, s) {
      s.t += 1;
      for (let i = 0; i < p.length; ++i) {
        s.v[i] = beta * s.v[i] + g[i];
        p[i] -= lr * s.v[i];
      }
    },
    with: (c) => inlineMomentum(c.lr ?? lr, c.beta ?? beta),
  };
}

/** SGD whose gradient is taken at params + shift (to see that the runner honours gradientPoint). */
function shiftedSgd(lr: number, shift: number): Optimizer {
  return {
    name: "shiftedSgd",
    hyper: { lr, shift },
    init: (dim) => ({ t: 0, dim }),
    gradientPoint(p, _s, out) {
      for (let i = 0; i < p.length; ++i) out[i] = p[i] + shift;
      return out;
    },
    step(p, g, s) {
      s.t += 1;
      for (let i = 0; i < p.length; ++i) p[i] -= lr * g[i];
    },
    with: () => shiftedSgd(lr, shift),
  };
}

/** Every kept row is finite and the arrays have the documented lengths. */
function expectWellFormed(traj: Trajectory): void {
  const { dim, steps } = traj;
  expect(traj.x.length).toBe((steps + 1) * dim);
  expect(traj.loss.length).toBe(steps + 1);
  expect(traj.gradNorm.length).toBe(steps + 1);
  expect(traj.effectiveLr.length).toBe(steps * dim);
  expect(traj.x.every(Number.isFinite)).toBe(true);
  expect(traj.loss.every(Number.isFinite)).toBe(true);
}

describe("minimize(objective, optimizer, x0, options)", () => {
  it("minimize(ravine, sgd(0.4), [−5, −2], { steps: 30 }) multiplies x1 by 0.92 and x2 by −0.6 per step", () => {
    // x1 ← x1 − 0.4·0.2·x1 = 0.92·x1;  x2 ← x2 − 0.4·4·x2 = −0.6·x2
    const traj = minimize(ravine(), inlineSgd(0.4), [-5, -2], { steps: 30 });
    expectWellFormed(traj);
    expect(traj.diverged).toBe(false);
    expect(traj.divergedAt).toBeNull();
    for (let t = 0; t <= 30; ++t) {
      expect(traj.x[2 * t]).toBeCloseTo(-5 * 0.92 ** t, 13);
      expect(traj.x[2 * t + 1]).toBeCloseTo(-2 * (-0.6) ** t, 13);
      expect(traj.loss[t]).toBeCloseTo(0.1 * 25 * 0.92 ** (2 * t) + 2 * 4 * 0.36 ** t, 12);
      expect(traj.gradNorm[t]).toBeCloseTo(Math.hypot(0.2 * -5 * 0.92 ** t, 4 * -2 * (-0.6) ** t), 12);
    }
    // plain SGD's effective step size is lr in every coordinate
    for (const e of traj.effectiveLr) expect(e).toBeCloseTo(0.4, 12);
  });

  it("minimize(quadratic(A), sgd(η), x0) reproduces x_t = (I − ηA)^t x0 (inline and real sgd)", () => {
    const f = quadratic([[2, 1], [1, 3]]);
    const eta = 0.1, steps = 60, x0 = [1.5, -2];
    // closed form through the eigen-decomposition A = Σ λ_k v_k v_kᵀ: x_t = Σ (1 − ηλ_k)^t (v_kᵀx0) v_k
    const expected = (t: number) => {
      const x = [0, 0];
      for (let k = 0; k < 2; ++k) {
        const v = [f.eigenvectors[2 * k], f.eigenvectors[2 * k + 1]];
        const c = (1 - eta * f.eigenvalues[k]) ** t * (v[0] * x0[0] + v[1] * x0[1]);
        x[0] += c * v[0];
        x[1] += c * v[1];
      }
      return x;
    };
    for (const opt of [inlineSgd(eta), sgd({ lr: eta })]) {
      const traj = minimize(f, opt, x0, { steps });
      for (let t = 0; t <= steps; ++t) {
        const [e1, e2] = expected(t);
        expect(Math.abs(traj.x[2 * t] - e1)).toBeLessThan(1e-13);
        expect(Math.abs(traj.x[2 * t + 1] - e2)).toBeLessThan(1e-13);
      }
    }
  });

  it("minimize(ravine, sgd(0.6), [−5, −2]) diverges at the predicted step 38 and keeps the finite prefix", () => {
    // x2_t = −2·(−1.4)^t, x1_t = −5·0.88^t, so loss_t = 2.5·0.88^(2t) + 8·1.96^t.
    // It first exceeds 1e12 at t = 38: 8·1.96^37 ≈ 5.2e11 ≤ 1e12 < 8·1.96^38 ≈ 1.02e12.
    let predicted = 0;
    while (2.5 * 0.88 ** (2 * predicted) + 8 * 1.96 ** predicted <= 1e12) ++predicted;
    expect(predicted).toBe(38);
    for (const opt of [inlineSgd(0.6), sgd({ lr: 0.6 })]) {
      const traj = minimize(ravine(), opt, [-5, -2], { steps: 100 });
      expect(traj.diverged).toBe(true);
      expect(traj.divergedAt).toBe(38);
      expect(traj.steps).toBe(38); // the row that crossed the threshold is finite, so it is kept
      expect(traj.reason).toMatch(/exceeds divergeAbove = 1000000000000 after step 38/);
      expect(traj.loss[38]).toBeGreaterThan(1e12);
      expect(traj.loss[37]).toBeLessThanOrEqual(1e12);
      expectWellFormed(traj);
    }
  });

  it("minimize(parabola, sgd(1.5), [1], { divergeAbove: Infinity }) stops at the first infinite loss and drops that row", () => {
    // x_t = (1 − 2·1.5)^t = (−2)^t and loss_t = 4^t = 2^(2t): finite up to t = 511, 2^1024 = ∞ at t = 512
    const traj = minimize(parabola(), inlineSgd(1.5), [1], { steps: 2000, divergeAbove: Infinity });
    expect(traj.divergedAt).toBe(512);
    expect(traj.steps).toBe(511);
    expect(traj.reason).toMatch(/the loss is Infinity after step 512/);
    expect(traj.loss[511]).toBe(2 ** 1022);
    expect(traj.gradNorm[511]).toBe(2 ** 512); // ‖g‖ does not overflow although g² does
    expectWellFormed(traj);
  });

  it("minimize(objective, optimizer, x0) never throws on NaN: a NaN position or a NaN start is reported", () => {
    const nanAfter = (limit: number): Objective => ({
      ...parabola(),
      name: "nan-beyond",
      grad: (x, out) => {
        out[0] = Math.abs(x[0]) > limit ? NaN : 2 * x[0];
        return out;
      },
    });
    // x: 1 → −2 → 4 → −8 (|x| > 5: NaN gradient, still a finite loss: the row is dropped)
    const traj = minimize(nanAfter(5), inlineSgd(1.5), [1], { steps: 10 });
    expect(traj.diverged).toBe(true);
    expect(traj.divergedAt).toBe(3);
    expect(traj.steps).toBe(2);
    expect(traj.reason).toMatch(/gradient is not finite after step 3/);
    // the next step would move to NaN; with a NaN loss at the start, row 0 is still returned
    const nanStart: Objective = { ...parabola(), value: () => NaN };
    const start = minimize(nanStart, inlineSgd(0.1), [1], { steps: 10 });
    expect([start.diverged, start.divergedAt, start.steps, start.x.length]).toEqual([true, 0, 0, 1]);
    expect(start.reason).toMatch(/NaN at the start/);
    // a step that produces a NaN position
    const nanStep: Optimizer = { ...inlineSgd(0.1), step: (p, _g, s) => ((s.t += 1), s.t === 4 && (p[0] = NaN)) as never };
    const stepped = minimize(parabola(), nanStep, [1], { steps: 10 });
    expect([stepped.divergedAt, stepped.steps]).toEqual([4, 3]);
    expect(stepped.reason).toMatch(/position is not finite after step 4/);
  });

  it("minimize(..., { steps: 0 }) returns the start only", () => {
    const traj = minimize(ravine(), inlineSgd(0.1), [-5, -2], { steps: 0 });
    expect(Array.from(traj.x)).toEqual([-5, -2]);
    expect(Array.from(traj.loss)).toEqual([10.5]);
    expect(traj.effectiveLr.length).toBe(0);
  });

  it("minimize(..., { schedule }) runs optimizer.with({ lr: schedule }) and leaves the optimizer unchanged", () => {
    // x_t = x_{t−1}·(1 − 2·η_t) with η_t = 0.1/(1 + (t − 1)): 0.1, 0.05, 0.0333…
    const opt = inlineSgd(0.4);
    const traj = minimize(parabola(), opt, [1], { steps: 3, schedule: timeDecay(0.1, 1) });
    expect(traj.x[1]).toBeCloseTo(0.8, 15);
    expect(traj.x[2]).toBeCloseTo(0.8 * 0.9, 15);
    expect(traj.x[3]).toBeCloseTo(0.8 * 0.9 * (1 - 0.2 / 3), 15);
    expect(traj.effectiveLr[2]).toBeCloseTo(0.1 / 3, 15);
    expect(opt.hyper.lr).toBe(0.4);
    // the same with the real sgd
    const real = minimize(parabola(), sgd({ lr: 0.4 }), [1], { steps: 3, schedule: timeDecay(0.1, 1) });
    expect(Array.from(real.x)).toEqual(Array.from(traj.x));
  });

  it("minimize(objective, ...) passes the 1-based step t to the objective: f_{i+1} at row i", () => {
    const seen: number[] = [];
    const spy: Objective = {
      ...parabola(),
      grad: (x, out, t) => {
        seen.push(t as number);
        out[0] = 2 * x[0];
        return out;
      },
    };
    minimize(spy, inlineSgd(0.1), [1], { steps: 4 });
    expect(seen).toEqual([1, 2, 3, 4, 5]); // the gradient for step t is f_t's, at x_{t−1}
  });

  it("minimize(reddiOnline, sgd, [0], { project: projectBox(−1, 1) }) stays in [−1, 1]", () => {
    // t = 1: 0 − 0.001·1010 = −1.01 → −1;  t = 2: −1 + 0.001·10 = −0.99;  t = 3: −0.98;  t = 4: −1.99 → −1
    const traj = minimize(reddiOnline(), inlineSgd(0.001), [0], { steps: 7, project: projectBox(-1, 1) });
    [0, -1, -0.99, -0.98, -1, -0.99, -0.98, -1].forEach((e, i) => expect(traj.x[i]).toBeCloseTo(e, 14));
    // loss[i] = f_{i+1}(x_i): 1010·0, −10·(−1), −10·(−0.99), 1010·(−0.98)
    [0, 10, 9.9, -989.8].forEach((e, i) => expect(traj.loss[i]).toBeCloseTo(e, 12));
    const unprojected = minimize(reddiOnline(), inlineSgd(0.001), [0], { steps: 7 });
    expect(unprojected.x[1]).toBeCloseTo(-1.01, 14);
  });

  it("minimize(reddiOnline, adam(β1 = 0, β2 = 1/(1 + 101²))) drifts to the worst point +1, amsgrad to −1", () => {
    const options = { steps: 3000, project: projectBox(-1, 1) };
    const hyper = { lr: 0.01, beta1: 0, beta2: 1 / (1 + 101 ** 2) };
    expect(minimize(reddiOnline(), adam(hyper), [0], options).x[3000]).toBe(1);
    expect(minimize(reddiOnline(), amsgrad(hyper), [0], options).x[3000]).toBeLessThan(-0.999);
  });

  it("minimize(..., { record: true }) copies every state buffer after each step, steps × dim row-major", () => {
    // v1 = g0; v2 = 0.5·v1 + g1, on the parabola from x0 = 1 with η = 0.1:
    // g0 = 2, x1 = 1 − 0.2 = 0.8; g1 = 1.6, v2 = 1 + 1.6 = 2.6, x2 = 0.8 − 0.26 = 0.54
    const traj = minimize(parabola(), inlineMomentum(0.1, 0.5), [1], { steps: 2, record: true });
    expect(Object.keys(traj.state!)).toEqual(["v"]);
    expect(traj.state!.v[0]).toBe(2);
    expect(traj.state!.v[1]).toBeCloseTo(2.6, 15);
    expect(traj.x[2]).toBeCloseTo(0.54, 15);
    const real = minimize(ravine(), adam({ lr: 0.1 }), [-5, -2], { steps: 5, record: ["m"] });
    expect(Object.keys(real.state!)).toEqual(["m"]);
    expect(real.state!.m.length).toBe(5 * 2);
    // m1 = (1 − 0.9)·g0 = 0.1·(0.2·(−5), 4·(−2)) = (−0.1, −0.8)
    expect(real.state!.m[0]).toBeCloseTo(-0.1, 15);
    expect(real.state!.m[1]).toBeCloseTo(-0.8, 15);
    expect(minimize(ravine(), inlineSgd(0.1), [-5, -2], { steps: 3, record: true }).state).toBeUndefined();
  });

  it("minimize(..., { record }) trims recorded state to the kept steps when a run diverges", () => {
    const traj = minimize(ravine(), inlineMomentum(0.6, 0), [-5, -2], { steps: 100, record: ["v"] });
    expect(traj.divergedAt).toBe(38);
    expect(traj.state!.v.length).toBe(38 * 2);
  });

  it("minimize(..., optimizer with gradientPoint) evaluates the gradient at that point", () => {
    // parabola, gradient at x + 1: x1 = 1 − 0.1·2·(1 + 1) = 0.6
    const traj = minimize(parabola(), shiftedSgd(0.1, 1), [1], { steps: 1 });
    expect(traj.x[1]).toBeCloseTo(0.6, 15);
    expect(traj.gradNorm[1]).toBeCloseTo(1.2, 15); // ‖∇f‖ at the position itself
    expect(traj.effectiveLr[0]).toBeCloseTo(0.1, 15); // relative to the gradient the step used
  });

  it("minimize(..., nesterovLookahead) matches nesterov: torch's iterates are the look-ahead points θ − γu", () => {
    const f = rosenbrock();
    const lr = 1e-3, gamma = 0.9, steps = 200;
    const framework = minimize(f, nesterov({ lr, momentum: gamma }), [-1.2, 1], { steps });
    const literal = minimize(f, nesterovLookahead({ lr, momentum: gamma }), [-1.2, 1], { steps, record: ["u"] });
    for (let t = 0; t <= steps; ++t) {
      for (let i = 0; i < 2; ++i) {
        const u = t === 0 ? 0 : literal.state!.u[(t - 1) * 2 + i];
        expect(framework.x[2 * t + i]).toBeCloseTo(literal.x[2 * t + i] - gamma * u, 10);
      }
    }
  });

  it("minimize(rosenbrock, momentum/adam) makes progress toward (1, 1)", () => {
    for (const opt of [momentum({ lr: 1e-3, momentum: 0.9 }), adam({ lr: 0.02 })]) {
      const traj = minimize(rosenbrock(), opt, [-1.2, 1], { steps: 3000 });
      expect(traj.diverged).toBe(false);
      expect(traj.loss[3000]).toBeLessThan(1e-2 * traj.loss[0]);
    }
  });

  it("minimize(objective, optimizer, x0, options) throws on bad input naming it", () => {
    const f = ravine(), opt = inlineSgd(0.1);
    expect(() => minimize(f, opt, [1], { steps: 1 })).toThrow(/minimize: x0 has length 1, expected 2/);
    expect(() => minimize(f, opt, [1, NaN], { steps: 1 })).toThrow(/minimize: x0\[1\] must be a finite number, got NaN/);
    expect(() => minimize(f, opt, [1, 2], { steps: 1.5 })).toThrow(/minimize: steps must be an integer/);
    expect(() => minimize(f, opt, [1, 2], { steps: -1 })).toThrow(/minimize: steps must be a finite number in \[0, 10000000\], got -1/);
    expect(() => minimize(f, opt, [1, 2], { steps: 1e7 + 1 })).toThrow(/minimize: steps/);
    expect(() => minimize(f, opt, [1, 2], { steps: 1, stpes: 2 } as never)).toThrow(/unknown option "stpes"/);
    expect(() => minimize(f, opt, [1, 2], { steps: 1, divergeAbove: 0 })).toThrow(/divergeAbove must be a finite number in \(0, ∞\), got 0/);
    expect(() => minimize(f, opt, [1, 2], { steps: 1, schedule: 0.1 as never })).toThrow(/minimize: schedule must be a function, got 0.1/);
    expect(() => minimize(f, opt, [1, 2], { steps: 1, record: ["m"] })).toThrow(/record names "m", which is not a Float64Array buffer of inlineSgd's state; its buffers are \(none\)/);
    expect(() => minimize(f, {} as never, [1, 2], { steps: 1 })).toThrow(/minimize: optimizer must be an Optimizer/);
    expect(() => minimize({} as never, opt, [1, 2], { steps: 1 })).toThrow(/minimize: objective must be an Objective/);
    expect(() => minimize(f, opt, [1, 2], undefined as never)).toThrow(/minimize: options must be an object/);
  });
});

describe("trajectory helpers", () => {
  const traj = minimize(ravine(), inlineSgd(0.4), [-5, -2], { steps: 2 });

  it("positionAt(traj, i) copies row i", () => {
    expect(Array.from(positionAt(traj, 0))).toEqual([-5, -2]);
    const p = positionAt(traj, 1);
    expect(p[0]).toBeCloseTo(-4.6, 14);
    expect(p[1]).toBeCloseTo(1.2, 14);
    p[0] = 99;
    expect(traj.x[2]).not.toBe(99);
    expect(() => positionAt(traj, 3)).toThrow(/positionAt: i must be a finite number in \[0, 2\], got 3/);
  });

  it("trajectoryRows(traj) gives { step, x1, x2, loss, gradNorm } per position", () => {
    const rows = trajectoryRows(traj);
    expect(rows.length).toBe(3);
    expect(rows[0]).toEqual({ step: 0, x1: -5, x2: -2, loss: 10.5, gradNorm: Math.hypot(1, 8) });
    expect(Object.keys(rows[2])).toEqual(["step", "x1", "x2", "loss", "gradNorm"]);
  });

  it("projectBox(lo, hi) clamps in place, per coordinate with arrays, and validates", () => {
    const p = new Float64Array([-3, 0.5, 7]);
    projectBox(-1, 1)(p);
    expect(Array.from(p)).toEqual([-1, 0.5, 1]);
    const q = new Float64Array([-3, 5]);
    projectBox([-1, 0], [1, 2])(q);
    expect(Array.from(q)).toEqual([-1, 2]);
    expect(() => projectBox(1, -1)).toThrow(/projectBox: lo must be ≤ hi/);
    expect(() => projectBox([0, 0], [1])).toThrow(/projectBox: hi has length 1, expected 2/);
    expect(() => projectBox([0, 0], [1, 1])(new Float64Array(3))).toThrow(/params has length 3, but the box has 2 coordinates/);
  });
});
