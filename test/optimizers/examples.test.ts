/**
 * Two steps of every optimizer worked out by hand, tfjs-test style: the
 * arithmetic is in the comments, the expected numbers are asserted.
 */
import { describe, expect, it } from "vitest";
import {
  adadelta, adagrad, adagradEpsInside, adagradNoSqrt, adam, adamax, adamw, amsgrad, amsgradReddi,
  momentum, momentumEwa, nadam, nesterov, nesterovLookahead, rmsprop, rprop, sgd,
} from "../../lib/optimizers/index.js";
import { expectClose } from "./helpers.js";

const f = (...values: number[]): Float64Array => Float64Array.from(values);

describe("two steps by hand", () => {
  it("sgd({lr}).step(params, grad, state) subtracts lr · grad", () => {
    const opt = sgd({ lr: 0.1 });
    const x = f(1, 2), s = opt.init(2);
    opt.step(x, f(2, 4), s);
    // x = x - lr * g = [1 - 0.2, 2 - 0.4] = [0.8, 1.6]
    expectClose(x, [0.8, 1.6]);
    opt.step(x, f(1, -1), s);
    // x = [0.8 - 0.1, 1.6 + 0.1] = [0.7, 1.7]
    expectClose(x, [0.7, 1.7]);
    expect(s.t).toBe(2);
  });

  it("momentum({lr, momentum, dampening}).step copies g at step 1, then v = μv + (1 − τ)g", () => {
    const opt = momentum({ lr: 0.1, momentum: 0.9, dampening: 0.5 });
    const x = f(1), s = opt.init(1);
    opt.step(x, f(2), s);
    // v = g = 2 (no dampening at the first step); x = 1 - 0.1 * 2 = 0.8
    expectClose(s.v, [2]);
    expectClose(x, [0.8]);
    opt.step(x, f(4), s);
    // v = 0.9 * 2 + (1 - 0.5) * 4 = 3.8; x = 0.8 - 0.1 * 3.8 = 0.42
    expectClose(s.v, [3.8]);
    expectClose(x, [0.42]);
  });

  it("nesterov({lr, momentum}).step steps along g + μv", () => {
    const opt = nesterov({ lr: 0.1, momentum: 0.5 });
    const x = f(1), s = opt.init(1);
    opt.step(x, f(2), s);
    // v = 0.5 * 0 + 2 = 2; x = 1 - 0.1 * (2 + 0.5 * 2) = 0.7
    expectClose(x, [0.7]);
    opt.step(x, f(4), s);
    // v = 0.5 * 2 + 4 = 5; x = 0.7 - 0.1 * (4 + 0.5 * 5) = 0.05
    expectClose(s.v, [5]);
    expectClose(x, [0.05]);
  });

  it("adagrad({lr, lrDecay}).step divides by √s + ε and decays lr", () => {
    const opt = adagrad({ lr: 0.1, lrDecay: 1 });
    const x = f(1), s = opt.init(1);
    opt.step(x, f(3), s);
    // s = 9; clr = 0.1 / (1 + 0 * 1) = 0.1; x = 1 - 0.1 * 3 / (3 + 1e-10)
    expectClose(x, [1 - (0.1 * 3) / (3 + 1e-10)]);
    expect(x[0]).toBeCloseTo(0.9, 10);
    opt.step(x, f(4), s);
    // s = 9 + 16 = 25; clr = 0.1 / (1 + 1 * 1) = 0.05; x = 0.9 - 0.05 * 4 / 5 = 0.86
    expectClose(s.s, [25]);
    expect(x[0]).toBeCloseTo(0.86, 10);
  });

  it("adagrad({initialAccumulatorValue}).init(dim) starts the sum there", () => {
    const opt = adagrad({ lr: 0.1, initialAccumulatorValue: 16 });
    const x = f(1), s = opt.init(1);
    expectClose(s.s, [16]);
    opt.step(x, f(3), s);
    // s = 16 + 9 = 25; x = 1 - 0.1 * 3 / (5 + 1e-10) ≈ 0.94
    expect(x[0]).toBeCloseTo(0.94, 10);
  });

  it("adagradEpsInside({lr, eps}).step divides by √(s + ε)", () => {
    const opt = adagradEpsInside({ lr: 0.1, eps: 7 });
    const x = f(1), s = opt.init(1);
    opt.step(x, f(3), s);
    // s = 9; x = 1 - 0.1 * 3 / √(9 + 7) = 1 - 0.3 / 4 = 0.925
    expectClose(x, [0.925]);
    opt.step(x, f(3), s);
    // s = 18; x = 0.925 - 0.3 / √25 = 0.865
    expectClose(x, [0.865]);
  });

  it("adagradNoSqrt({lr, eps}).step divides by s + ε", () => {
    const opt = adagradNoSqrt({ lr: 0.1, eps: 1 });
    const x = f(1), s = opt.init(1);
    opt.step(x, f(3), s);
    // s = 9; x = 1 - 0.1 * 3 / (9 + 1) = 0.97
    expectClose(x, [0.97]);
    opt.step(x, f(1), s);
    // s = 10; x = 0.97 - 0.1 * 1 / 11
    expectClose(x, [0.97 - 0.1 / 11]);
  });

  it("rmsprop({lr, alpha}).step divides by √v + ε", () => {
    const opt = rmsprop({ lr: 0.01, alpha: 0.75 });
    const x = f(1), s = opt.init(1);
    opt.step(x, f(2), s);
    // v = 0.25 * 4 = 1; x = 1 - 0.01 * 2 / (1 + 1e-8)
    expectClose(s.v, [1]);
    expectClose(x, [1 - 0.02 / (1 + 1e-8)]);
    opt.step(x, f(1), s);
    // v = 0.75 * 1 + 0.25 * 1 = 1; x -= 0.01 * 1 / (1 + 1e-8) → ≈ 0.97
    expectClose(x, [1 - 0.02 / (1 + 1e-8) - 0.01 / (1 + 1e-8)]);
  });

  it("rmsprop({centered, momentum}).step divides by √(v − ḡ²) + ε and accumulates g/d", () => {
    const opt = rmsprop({ lr: 0.01, alpha: 0.5, momentum: 0.5, centered: true, eps: 1e-8 });
    const x = f(1), s = opt.init(1);
    opt.step(x, f(2), s);
    // v = 0.5 * 4 = 2; ḡ = 0.5 * 2 = 1; d = √(2 - 1) + ε = 1 + ε
    // b = 0.5 * 0 + 2 / d; x = 1 - 0.01 * b ≈ 0.98
    const b1 = 2 / (1 + 1e-8);
    expectClose(s.b, [b1]);
    expectClose(x, [1 - 0.01 * b1]);
    opt.step(x, f(3), s);
    // v = 0.5 * 2 + 0.5 * 9 = 5.5; ḡ = 0.5 * 1 + 0.5 * 3 = 2; d = √(5.5 - 4) + ε = √1.5 + ε
    // b = 0.5 * b1 + 3 / d; x -= 0.01 * b
    const b2 = 0.5 * b1 + 3 / (Math.sqrt(1.5) + 1e-8);
    expectClose(s.v, [5.5]);
    expectClose(s.gBar, [2]);
    expectClose(x, [1 - 0.01 * b1 - 0.01 * b2]);
  });

  it("adadelta({lr, rho, eps}).step scales g by √(u + ε)/√(v + ε)", () => {
    const opt = adadelta({ lr: 1, rho: 0.5, eps: 1e-2 });
    const x = f(1), s = opt.init(1);
    opt.step(x, f(2), s);
    // v = 0.5 * 4 = 2; Δ = √(0 + 0.01) / √(2 + 0.01) * 2 = 0.2 / √2.01; u = 0.5 Δ²; x = 1 - Δ
    const d1 = 0.2 / Math.sqrt(2.01);
    expectClose(s.u, [0.5 * d1 * d1]);
    expectClose(x, [1 - d1]);
    opt.step(x, f(2), s);
    // v = 0.5 * 2 + 0.5 * 4 = 3; Δ = √(u + 0.01) / √3.01 * 2; x -= Δ
    const d2 = (Math.sqrt(0.5 * d1 * d1 + 0.01) / Math.sqrt(3.01)) * 2;
    expectClose(x, [1 - d1 - d2]);
  });

  it("adam({lr, beta1, beta2}).step takes a first step of size lr, bias-corrected after", () => {
    const opt = adam({ lr: 0.1, beta1: 0.5, beta2: 0.75 });
    const x = f(1), s = opt.init(1);
    opt.step(x, f(2), s);
    // m = 0.5 * 2 = 1; v = 0.25 * 4 = 1; x = 1 - (0.1 / (1 - 0.5)) * 1 / (√1 / √(1 - 0.75) + ε)
    //   = 1 - 0.2 / (2 + 1e-8) ≈ 0.9
    expectClose(x, [1 - 0.2 / (2 + 1e-8)]);
    opt.step(x, f(1), s);
    // m = 0.5 + 0.5 = 1; v = 0.75 + 0.25 = 1; bc1 = 0.75; bc2 = 1 - 0.5625 = 0.4375
    // x -= (0.1 / 0.75) * 1 / (1 / √0.4375 + ε)
    expectClose(s.m, [1]);
    expectClose(s.v, [1]);
    expectClose(x, [1 - 0.2 / (2 + 1e-8) - (0.1 / 0.75) / (1 / Math.sqrt(0.4375) + 1e-8)]);
  });

  it("amsgrad({lr, beta1, beta2}).step divides by the running max of v", () => {
    const opt = amsgrad({ lr: 0.1, beta1: 0.5, beta2: 0.75 });
    const x = f(1), s = opt.init(1);
    opt.step(x, f(2), s);
    // as Adam: m = 1, v = vMax = 1, x = 1 - 0.2 / (2 + ε)
    expectClose(x, [1 - 0.2 / (2 + 1e-8)]);
    opt.step(x, f(0), s);
    // m = 0.5; v = 0.75 * 1 = 0.75 but vMax stays 1; x -= (0.1 / 0.75) * 0.5 / (1 / √0.4375 + ε)
    expectClose(s.v, [0.75]);
    expectClose(s.vMax, [1]);
    expectClose(x, [1 - 0.2 / (2 + 1e-8) - ((0.1 / 0.75) * 0.5) / (1 / Math.sqrt(0.4375) + 1e-8)]);
  });

  it("amsgradReddi({lr, beta1, beta2}).step has no bias correction", () => {
    const opt = amsgradReddi({ lr: 0.1, beta1: 0.5, beta2: 0.75 });
    const x = f(1), s = opt.init(1);
    opt.step(x, f(2), s);
    // m = 1; v = v̂ = 1; x = 1 - 0.1 * 1 / (1 + ε)
    expectClose(x, [1 - 0.1 / (1 + 1e-8)]);
    opt.step(x, f(0), s);
    // m = 0.5; v = 0.75; v̂ = 1; x -= 0.1 * 0.5 / (1 + ε)
    expectClose(s.vHat, [1]);
    expectClose(x, [1 - 0.15 / (1 + 1e-8)]);
  });

  it("adamw({lr, weightDecay}).step shrinks θ by (1 − lr·λ) before the Adam step", () => {
    const opt = adamw({ lr: 0.1, beta1: 0.5, beta2: 0.75, weightDecay: 0.5 });
    const x = f(1), s = opt.init(1);
    opt.step(x, f(2), s);
    // θ' = 1 * (1 - 0.1 * 0.5) = 0.95; x = 0.95 - 0.2 / (2 + ε) ≈ 0.85
    expectClose(x, [0.95 - 0.2 / (2 + 1e-8)]);
    opt.step(x, f(1), s);
    // θ' = x * 0.95; x = θ' - (0.1 / 0.75) / (1 / √0.4375 + ε)
    expectClose(x, [(0.95 - 0.2 / (2 + 1e-8)) * 0.95 - (0.1 / 0.75) / (1 / Math.sqrt(0.4375) + 1e-8)]);
  });

  it("adamax({lr, beta1, beta2}).step divides by u = max(β₂u, |g| + ε)", () => {
    const opt = adamax({ lr: 0.1, beta1: 0.5, beta2: 0.75 });
    const x = f(1), s = opt.init(1);
    opt.step(x, f(2), s);
    // m = 1; u = max(0, 2 + ε); x = 1 - (0.1 / 0.5) * 1 / (2 + ε) ≈ 0.9
    expectClose(s.u, [2 + 1e-8]);
    expectClose(x, [1 - 0.2 / (2 + 1e-8)]);
    opt.step(x, f(1), s);
    // m = 0.5 + 0.5 = 1; u = max(0.75 * (2 + ε), 1 + ε) = 1.5 + 0.75ε; x -= (0.1 / 0.75) / u
    const u2 = 0.75 * (2 + 1e-8);
    expectClose(s.u, [u2]);
    expectClose(x, [1 - 0.2 / (2 + 1e-8) - 0.1 / 0.75 / u2]);
  });

  it("nadam({lr, beta1, beta2, momentumDecay}).step uses μ_t and the fixed Π_t·μ_{t+1}", () => {
    const opt = nadam({ lr: 0.1, beta1: 0.5, beta2: 0.75, momentumDecay: 1 });
    const x = f(1), s = opt.init(1);
    // μ_t = 0.5 (1 - 0.5 * 0.96^t): μ1 = 0.26, μ2 = 0.2696, μ3 = 0.278816
    const [mu1, mu2, mu3] = [0.26, 0.2696, 0.278816];
    opt.step(x, f(2), s);
    // m = 1; v = 1; d = √(1 / 0.25) + ε = 2 + ε; Π1 = 0.26
    // x = 1 - 0.1 (1 - μ1)/(1 - Π1) * 2/d - 0.1 μ2/(1 - Π1 μ2) * 1/d
    const d1 = 2 + 1e-8;
    const x1 = 1 - (0.1 * (1 - mu1)) / (1 - mu1) * 2 / d1 - (0.1 * mu2) / (1 - mu1 * mu2) * 1 / d1;
    expectClose(x, [x1], 1e-13);
    expectClose([s.muProduct], [mu1], 1e-13);
    opt.step(x, f(1), s);
    // m = 1; v = 1; d = √(1 / 0.4375) + ε; Π2 = μ1 μ2
    // x -= 0.1 (1 - μ2)/(1 - Π2) * 1/d + 0.1 μ3/(1 - Π2 μ3) * 1/d
    const d2 = Math.sqrt(1 / 0.4375) + 1e-8, p2 = mu1 * mu2;
    expectClose(x, [x1 - (0.1 * (1 - mu2)) / (1 - p2) / d2 - (0.1 * mu3) / (1 - p2 * mu3) / d2], 1e-13);
  });

  it("rprop({lr}).step moves by the sign, grows, shrinks and skips on a flip", () => {
    const opt = rprop({ lr: 0.1 });
    const x = f(1, 1, 1), s = opt.init(3);
    opt.step(x, f(1, -1, 0), s);
    // previous g = 0: δ = 0.1 everywhere; x = x - sign(g) δ = [0.9, 1.1, 1]
    expectClose(x, [0.9, 1.1, 1]);
    opt.step(x, f(2, 3, 1), s);
    // coordinate 0 keeps its sign: δ = 0.1 * 1.2 = 0.12, x = 0.78
    // coordinate 1 flips: δ = 0.1 * 0.5 = 0.05, g set to 0, no move, stored g = 0
    // coordinate 2 had g = 0: δ = 0.1, x = 0.9
    expectClose(s.stepSize, [0.12, 0.05, 0.1]);
    expectClose(s.gPrev, [2, 0, 1]);
    expectClose(x, [0.78, 1.1, 0.9]);
    opt.step(x, f(1, 1, 1), s);
    // coordinate 1 after a skipped step: factor 1, δ = 0.05, x = 1.05
    expectClose(x, [0.78 - 0.144, 1.05, 0.9 - 0.12]);
  });

  it("momentumEwa({lr, beta}).step averages the gradients", () => {
    const opt = momentumEwa({ lr: 0.1, beta: 0.5 });
    const x = f(1), s = opt.init(1);
    opt.step(x, f(2), s);
    // v = 0.5 * 0 + 0.5 * 2 = 1; x = 1 - 0.1 = 0.9
    expectClose(x, [0.9]);
    opt.step(x, f(4), s);
    // v = 0.5 * 1 + 0.5 * 4 = 2.5; x = 0.9 - 0.25 = 0.65
    expectClose(x, [0.65]);
  });

  it("nesterovLookahead({lr, momentum}).gradientPoint(params, state, out) is θ − γu", () => {
    const opt = nesterovLookahead({ lr: 0.1, momentum: 0.5 });
    const x = f(1), s = opt.init(1), look = new Float64Array(1);
    // J(θ) = θ²/2, ∇J(θ) = θ
    expectClose(opt.gradientPoint!(x, s, look), [1]); // θ - 0.5 * 0 = 1
    opt.step(x, f(look[0]!), s);
    // u = 0.5 * 0 + 0.1 * 1 = 0.1; θ = 1 - 0.1 = 0.9
    expectClose(s.u, [0.1]);
    expectClose(x, [0.9]);
    expectClose(opt.gradientPoint!(x, s, look), [0.85]); // 0.9 - 0.5 * 0.1
    opt.step(x, f(look[0]!), s);
    // u = 0.5 * 0.1 + 0.1 * 0.85 = 0.135; θ = 0.9 - 0.135 = 0.765
    expectClose(s.u, [0.135]);
    expectClose(x, [0.765]);
  });
});
