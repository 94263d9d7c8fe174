/** The identities the optimizers' doc comments promise, tested. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adagrad, adagradEpsInside, adam, adamw, momentum, momentumEwa, nesterov, nesterovLookahead, rmsprop, sgd,
} from "../../lib/optimizers/index.js";
import { expectClose, fixedSequence, runSteps } from "./helpers.js";

/** A parameter-dependent gradient: f(x) = ½ Σ a_i x_i² plus a drifting linear term. */
function quadraticWithDrift(x: Float64Array, g: Float64Array, t: number): void {
  for (let i = 0; i < g.length; i++) g[i] = (1 + 3 * i) * x[i]! + 0.3 * Math.cos(0.9 * t + i);
}
const x0 = [1.5, -2, 0.7, 3];

describe("identities", () => {
  it("momentum({lr, momentum: 0, dampening}) is sgd({lr}) bit for bit, whatever the dampening", () => {
    for (const dampening of [0, 0.5, 1]) {
      const a = runSteps(momentum({ lr: 0.05, momentum: 0, dampening }), x0, quadraticWithDrift, 200).x;
      const b = runSteps(sgd({ lr: 0.05 }), x0, quadraticWithDrift, 200).x;
      expect(Array.from(a)).toEqual(Array.from(b));
    }
  });

  it("momentumEwa({lr: η, beta: β}) is momentum({lr: (1 − β)η, momentum: β, dampening: 0})", () => {
    // EWA: v_t = (1 − β) Σ_k β^{t−k} g_k; torch: v_t = Σ_k β^{t−k} g_k (v₁ = g₁); so η v^EWA = (1 − β)η v^torch.
    const eta = 0.1, beta = 0.8;
    const ewa = momentumEwa({ lr: eta, beta }), torchForm = momentum({ lr: (1 - beta) * eta, momentum: beta });
    const xa = Float64Array.from(x0), xb = Float64Array.from(x0), g = new Float64Array(4);
    const sa = ewa.init(4), sb = torchForm.init(4);
    for (let t = 1; t <= 300; t++) {
      quadraticWithDrift(xa, g, t);
      ewa.step(xa, g, sa);
      quadraticWithDrift(xb, g, t);
      torchForm.step(xb, g, sb);
      expectClose(xb, Array.from(xa), 1e-12);
      expectClose(sa.v, Array.from(sb.v, (v) => (1 - beta) * v), 1e-12);
    }
  });

  it("momentum({dampening: β}).v exceeds momentumEwa({beta: β}).v by exactly β^t g₁", () => {
    // torch: v₁ = g₁ (undamped), v_t = βv + (1 − β)g; EWA: v₁ = (1 − β)g₁. The difference βg₁ then decays by β.
    const beta = 0.7;
    const damped = momentum({ lr: 0.01, momentum: beta, dampening: beta }), ewa = momentumEwa({ lr: 0.01, beta });
    const sa = damped.init(3), sb = ewa.init(3), g = new Float64Array(3), g1 = new Float64Array(3);
    const xa = new Float64Array(3), xb = new Float64Array(3);
    for (let t = 1; t <= 40; t++) {
      fixedSequence(xa, g, t);
      if (t === 1) g1.set(g);
      damped.step(xa, g, sa);
      ewa.step(xb, g, sb);
      expectClose(Array.from(sa.v, (v, i) => v - sb.v[i]!), Array.from(g1, (g) => beta ** t * g), 1e-12);
    }
  });

  it("nesterovLookahead's look-ahead point θ − γu and velocity u/η are nesterov's params and buffer", () => {
    // With φ = θ − γu and b = u/η: b' = γb + ∇J(φ), φ' = φ − η(∇J(φ) + γb') — torch's rule.
    const eta = 0.02, gamma = 0.9;
    const look = nesterovLookahead({ lr: eta, momentum: gamma }), torchForm = nesterov({ lr: eta, momentum: gamma });
    const theta = Float64Array.from(x0), phi = Float64Array.from(x0);
    const sl = look.init(4), st = torchForm.init(4), g = new Float64Array(4), point = new Float64Array(4);
    for (let t = 1; t <= 300; t++) {
      quadraticWithDrift(look.gradientPoint!(theta, sl, point), g, t);
      look.step(theta, g, sl);
      quadraticWithDrift(phi, g, t);
      torchForm.step(phi, g, st);
      expectClose(phi, Array.from(theta, (th, i) => th - gamma * sl.u[i]!), 1e-12);
      expectClose(st.v, Array.from(sl.u, (u) => u / eta), 1e-12);
    }
  });

  it("adam({beta1: 0}) is RMSprop with bias-corrected v and ε outside the root", () => {
    // β₁ = 0: m_t = g_t and 1 − β₁ᵗ = 1, so θ ← θ − η g / (√v / √(1 − β₂ᵗ) + ε), v the RMSprop average with α = β₂.
    const eta = 0.01, beta2 = 0.95, eps = 1e-3;
    const x = Float64Array.from(x0), ref = Float64Array.from(x0), v = new Float64Array(4), g = new Float64Array(4);
    const opt = adam({ lr: eta, beta1: 0, beta2, eps }), s = opt.init(4);
    for (let t = 1; t <= 300; t++) {
      quadraticWithDrift(x, g, t);
      opt.step(x, g, s);
      quadraticWithDrift(ref, g, t);
      for (let i = 0; i < 4; i++) {
        v[i] = beta2 * v[i]! + (1 - beta2) * g[i]! * g[i]!;
        ref[i] = ref[i]! - eta * g[i]! / (Math.sqrt(v[i]! / (1 - beta2 ** t)) + eps);
      }
      expectClose(x, Array.from(ref), 1e-12);
    }
  });

  it("adam({beta1: 0}) with ε → 0 is rmsprop({alpha: β₂}) with the schedule η√(1 − β₂ᵗ)", () => {
    // g / (√v/c + ε) = c g / (√v + cε), c = √(1 − β₂ᵗ): the same as RMSprop with lr ηc when ε ≪ √v.
    const eta = 0.01, beta2 = 0.95, eps = 1e-300;
    const a = runSteps(adam({ lr: eta, beta1: 0, beta2, eps }), x0, quadraticWithDrift, 300).x;
    const b = runSteps(rmsprop({ lr: (t) => eta * Math.sqrt(1 - beta2 ** t), alpha: beta2, eps }), x0, quadraticWithDrift, 300).x;
    expectClose(a, Array.from(b), 1e-12);
  });

  it("adamw({weightDecay: 0}) is adam bit for bit", () => {
    const a = runSteps(adamw({ lr: 0.01, weightDecay: 0 }), x0, quadraticWithDrift, 200).x;
    const b = runSteps(adam({ lr: 0.01 }), x0, quadraticWithDrift, 200).x;
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it("adagradEpsInside and adagrad differ, from the same state, by at most max(ε/√s, ε/(2s)) relative", () => {
    // 1/√(s + ε) ≥ (1 − ε/(2s))/√s and 1/(√s + ε) ≥ (1 − ε/√s)/√s, both ≤ 1/√s.
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-10, max: 1e-2, noNaN: true }),
        (g, s0, eps) => {
          const inside = adagradEpsInside({ lr: 1, eps }), outside = adagrad({ lr: 1, eps });
          const si = inside.init(1), so = outside.init(1);
          si.s[0] = s0;
          so.s[0] = s0;
          const xi = new Float64Array(1), xo = new Float64Array(1), grad = Float64Array.of(g);
          inside.step(xi, grad, si);
          outside.step(xo, grad, so);
          const s = s0 + g * g;
          const bound = Math.max(eps / Math.sqrt(s), eps / (2 * s));
          const rel = Math.abs(xi[0]! - xo[0]!) / (g / Math.sqrt(s));
          return rel <= bound * (1 + 1e-9) + 1e-15;
        }
      )
    );
  });

  it("adagradEpsInside tracks adagrad over a run when g² ≫ ε", () => {
    const a = runSteps(adagradEpsInside({ lr: 0.1, eps: 1e-10 }), x0, quadraticWithDrift, 500).x;
    const b = runSteps(adagrad({ lr: 0.1, eps: 1e-10 }), x0, quadraticWithDrift, 500).x;
    expectClose(a, Array.from(b), 1e-8);
  });
});
