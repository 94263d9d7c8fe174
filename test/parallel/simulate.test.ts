import { describe, expect, it } from "vitest";
import { sampleDuration } from "../../lib/parallel/delays.js";
import { conflictStatistics, leastSquaresMinimum, problemLoss, residual, sparseLeastSquares } from "../../lib/parallel/problem.js";
import { averagingComparison } from "../../lib/parallel/averaging.js";
import { simulate, timeToLoss } from "../../lib/parallel/simulate.js";
import { timelineWindow } from "../../lib/parallel/timeline.js";
import { random } from "../../lib/random.js";

describe("sparseLeastSquares(options)", () => {
  it("has k distinct coordinates per row and zero loss at x* without noise", () => {
    const p = sparseLeastSquares({ n: 50, d: 20, k: 4, seed: 1 });
    for (let i = 0; i < p.n; ++i) expect(new Set(p.cols.subarray(i * 4, i * 4 + 4)).size).toBe(4);
    expect(problemLoss(p, p.xStar)).toBeLessThan(1e-25);
    expect(problemLoss(p, new Float64Array(20))).toBeGreaterThan(0.1);
    expect(residual(p, 3, p.xStar)).toBeCloseTo(0, 12);
  });
  it("conflict statistics: Ω = k, and a dense problem has Δ = ρ = 1", () => {
    const dense = sparseLeastSquares({ n: 30, d: 10, k: 10 });
    expect(conflictStatistics(dense)).toEqual({ omega: 10, delta: 1, rho: 1 });
    const sparse = conflictStatistics(sparseLeastSquares({ n: 400, d: 400, k: 2 }));
    expect(sparse.delta).toBeLessThan(0.05);
    expect(sparse.rho).toBeLessThan(0.1);
  });
});

describe("sampleDuration(dist, rng)", () => {
  it("has mean 1 for every distribution", () => {
    const rng = random(2);
    for (const dist of [{ kind: "constant" }, { kind: "uniform", spread: 0.5 }, { kind: "exponential" }, { kind: "straggler", p: 0.1, factor: 10 }, { kind: "straggler", p: 0.1, factor: 10, spread: 0.5 }] as const) {
      let s = 0;
      for (let i = 0; i < 40000; ++i) s += sampleDuration(dist, rng);
      expect(s / 40000).toBeCloseTo(1, 1);
    }
  });
});

describe("simulate(problem, options)", () => {
  const p = sparseLeastSquares({ n: 300, d: 60, k: 3, seed: 4 });

  it("hogwild with one worker is sequential SGD, step by step", () => {
    const r = simulate(p, { algorithm: "hogwild", workers: 1, lr: 0.5, grads: 200, evalEvery: 200, seed: 5 });
    const x = new Float64Array(p.d);
    const pick = random(5 * 7919 + 0 + 1);
    for (let s = 0; s < 200; ++s) {
      const i = pick.int(p.n);
      const res = residual(p, i, x);
      for (let m = i * p.k; m < (i + 1) * p.k; ++m) x[p.cols[m]] -= 0.5 * res * p.vals[m];
    }
    expect(r.finalLoss).toBeCloseTo(problemLoss(p, x), 12);
    expect(r.meanStaleness).toBe(0);
  });

  it("is deterministic under a seed", () => {
    const a = simulate(p, { algorithm: "hogwild", workers: 8, lr: 0.5, grads: 500, seed: 1 });
    const b = simulate(p, { algorithm: "hogwild", workers: 8, lr: 0.5, grads: 500, seed: 1 });
    expect(a.curve).toEqual(b.curve);
  });

  it("with constant delays, P workers see staleness P − 1 once started, and time ≈ grads / P", () => {
    const r = simulate(p, { algorithm: "hogwild", workers: 4, lr: 0.5, grads: 400, delay: { kind: "constant" } });
    expect(r.staleness[3]).toBeGreaterThan(390);
    expect(r.time).toBeCloseTo(100, 0);
  });

  it("Downpour's staleness counts the server updates since the replica's last fetch (n_fetch = 5), not since its last step", () => {
    // With n_push = 1 every gradient is one server update, so the q-th event written (0-based) saw q updates before it.
    // A replica fetches before its steps 0, 5, 10, …: at that moment the server holds as many updates as events were
    // written up to and including the replica's previous step (0 at the start).
    const P = 6;
    const r = simulate(p, { algorithm: "downpour", workers: P, nFetch: 5, nPush: 1, lr: 0.3, grads: 600, seed: 0, log: 600 });
    expect(r.events).toHaveLength(600);
    const steps = new Array(P).fill(0);
    const fetched = new Array(P).fill(0); // server updates at the last fetch
    const fetchedAt = new Array(P).fill(0);
    let sum = 0;
    let overOneStep = 0;
    r.events.forEach((e, q) => {
      const expected = q - fetched[e.worker];
      expect(e.staleness).toBe(expected);
      expect(e.read).toBe(fetchedAt[e.worker]);
      if (steps[e.worker] % 5 !== 0) overOneStep++;
      sum += expected;
      steps[e.worker]++;
      if (steps[e.worker] % 5 === 0) {
        fetched[e.worker] = q + 1;
        fetchedAt[e.worker] = e.write;
      }
    });
    expect(overOneStep).toBeGreaterThan(400); // most steps are not right after a fetch: the two counts differ there
    expect(r.meanStaleness).toBeCloseTo(sum / 600, 12);
    // Staleness since the fetch is about n_fetch times that of fetching every step.
    const every = simulate(p, { algorithm: "downpour", workers: P, nFetch: 1, nPush: 1, lr: 0.3, grads: 600, seed: 0 });
    expect(r.meanStaleness).toBeGreaterThan(2 * every.meanStaleness);
  });

  it("timelineWindow keeps every gradient read before the window's edge, and refuses a log that stops too early", () => {
    const r = simulate(p, { algorithm: "hogwild", workers: 4, lr: 0.3, grads: 80, seed: 1, log: 80 });
    const w = timelineWindow(r.events, 24, 4);
    expect(w.until).toBe(r.events[23].write);
    expect(w.events.filter((e) => !e.inFlight)).toHaveLength(24);
    expect(w.events.filter((e) => e.inFlight)).toHaveLength(3);
    expect(() => timelineWindow(r.events.slice(0, 24), 24, 4)).toThrow(/log more/);
    expect(() => timelineWindow(r.events, 0, 4)).toThrow(/count/);
  });

  it("sync with one worker equals hogwild with one worker", () => {
    const a = simulate(p, { algorithm: "sync", workers: 1, lr: 0.5, grads: 300, evalEvery: 100, seed: 2 });
    const b = simulate(p, { algorithm: "hogwild", workers: 1, lr: 0.5, grads: 300, evalEvery: 100, seed: 2 });
    expect(a.finalLoss).toBeCloseTo(b.finalLoss, 12);
  });

  it("every algorithm converges on a sparse problem; a too-large step diverges and says so", () => {
    for (const algorithm of ["hogwild", "sync", "downpour", "easgd"] as const) {
      const r = simulate(p, { algorithm, workers: 4, lr: 0.3, grads: 6000, seed: 3 });
      expect(r.diverged).toBe(false);
      expect(r.finalLoss).toBeLessThan(0.1 * r.curve[0].loss);
    }
    const dense = sparseLeastSquares({ n: 200, d: 30, k: 30, seed: 1 });
    const wild = simulate(dense, { algorithm: "hogwild", workers: 32, lr: 1.5, grads: 5000, delay: { kind: "constant" } });
    expect(wild.diverged).toBe(true);
    expect(wild.finalLoss).toBe(Infinity);
  });

  it("staleness costs progress per gradient near the stability limit, not far below it", () => {
    const q = sparseLeastSquares({ n: 400, d: 80, k: 10, seed: 1 });
    const run = (lr: number, workers: number) => simulate(q, { algorithm: "hogwild", workers, lr, grads: 4000, latency: 2, seed: 1 }).finalLoss;
    expect(run(1.5, 64)).toBeGreaterThan(10 * run(1.5, 1));
    expect(run(0.3, 64)).toBeLessThan(3 * run(0.3, 1));
  });

  it("sync all-reduce pays for its slowest worker: with exponential delays a round lasts ≈ H_P = 1 + 1/2 + … + 1/P", () => {
    const r = simulate(p, { algorithm: "sync", workers: 16, lr: 0.1, grads: 16 * 400 });
    let H = 0;
    for (let i = 1; i <= 16; ++i) H += 1 / i;
    expect(r.time / 400).toBeCloseTo(H, 0);
  });

  it("the delay-compensated and staleness-scaled corrections are no-ops with one worker", () => {
    const base = simulate(p, { algorithm: "hogwild", workers: 1, lr: 0.5, grads: 300 });
    for (const correction of ["staleness", "delay-compensated"] as const) {
      expect(simulate(p, { algorithm: "hogwild", workers: 1, lr: 0.5, grads: 300, correction }).finalLoss).toBeCloseTo(base.finalLoss, 12);
    }
  });

  it("timeToLoss finds the first time the curve reaches the target", () => {
    const r = simulate(p, { algorithm: "hogwild", workers: 2, lr: 0.5, grads: 2000 });
    const t = timeToLoss(r, r.curve[0].loss / 10);
    expect(t).toBeGreaterThan(0);
    expect(timeToLoss(r, -1)).toBe(Infinity);
  });

  it("timeToLoss interpolates linearly in log loss between evaluation points, so speedups are not rounded to the evaluation grid", () => {
    const curve = [{ grads: 0, time: 0, loss: 1 }, { grads: 100, time: 10, loss: 1e-1 }, { grads: 200, time: 20, loss: 1e-3 }];
    const r = { curve } as unknown as Parameters<typeof timeToLoss>[0];
    expect(timeToLoss(r, 1)).toBe(0);
    expect(timeToLoss(r, 1e-1)).toBe(10);
    expect(timeToLoss(r, 1e-2)).toBeCloseTo(15, 12); // halfway in log loss from 1e-1 to 1e-3
    expect(timeToLoss(r, 1e-2, "grads")).toBeCloseTo(150, 12);
    expect(timeToLoss(r, 1e-4)).toBe(Infinity);
  });

  it("validates its options", () => {
    expect(() => simulate(p, { algorithm: "magic" as never, workers: 1, lr: 1, grads: 1 })).toThrow(/algorithm/);
    expect(() => simulate(p, { algorithm: "hogwild", workers: 0, lr: 1, grads: 1 })).toThrow(/workers/);
    expect(() => simulate(p, { algorithm: "downpour", workers: 2, lr: 1, grads: 1, correction: "adagrad" })).toThrow(/correction applies only to algorithm "hogwild"/);
    expect(() => simulate(p, { algorithm: "sync", workers: 2, lr: 1, grads: 1, correction: "none" })).not.toThrow();
  });
});

describe("leastSquaresMinimum(problem)", () => {
  it("is x* with loss 0 without noise, and a point where the full gradient vanishes with noise", () => {
    const clean = sparseLeastSquares({ n: 300, d: 60, k: 4, seed: 2 });
    const a = leastSquaresMinimum(clean);
    expect(a.loss).toBeLessThan(1e-20);
    const noisy = sparseLeastSquares({ n: 300, d: 60, k: 4, seed: 2, noise: 0.5 });
    const m = leastSquaresMinimum(noisy);
    const g = new Float64Array(noisy.d);
    for (let i = 0; i < noisy.n; ++i) {
      const r = residual(noisy, i, m.x);
      for (let q = i * noisy.k; q < (i + 1) * noisy.k; ++q) g[noisy.cols[q]] += r * noisy.vals[q];
    }
    expect(Math.max(...g.map(Math.abs))).toBeLessThan(1e-9);
    // x* itself is not the minimizer once there is noise: its loss is higher
    expect(problemLoss(noisy, noisy.xStar)).toBeGreaterThan(m.loss);
  });
});

describe("simulate(problem, {algorithm: \"fedavg\"})", () => {
  const problem = sparseLeastSquares({ n: 400, d: 80, k: 4, seed: 1 });
  it("with one worker is sequential SGD (the mean of one worker is that worker)", () => {
    const fed = simulate(problem, { algorithm: "fedavg", workers: 1, tau: 5, lr: 0.5, grads: 400, evalEvery: 400, seed: 3 });
    const seq = simulate(problem, { algorithm: "hogwild", workers: 1, lr: 0.5, grads: 400, evalEvery: 400, seed: 3 });
    expect(fed.finalLoss).toBeCloseTo(seq.finalLoss, 12);
  });
  it("with τ = 1 is synchronous SGD with the mean (not the sum) of the P gradients", () => {
    const P = 4;
    const fed = simulate(problem, { algorithm: "fedavg", workers: P, tau: 1, lr: 0.8, grads: 800, evalEvery: 800, seed: 5 });
    const sync = simulate(problem, { algorithm: "sync", workers: P, lr: 0.8 / P, grads: 800, evalEvery: 800, seed: 5 });
    expect(fed.finalLoss).toBeCloseTo(sync.finalLoss, 10);
  });
  it("converges and a round lasts as long as its slowest worker's τ steps", () => {
    const fed = simulate(problem, { algorithm: "fedavg", workers: 4, tau: 8, lr: 0.5, grads: 8000, seed: 0, delay: { kind: "constant" }, latency: 2 });
    expect(fed.finalLoss).toBeLessThan(1e-3 * fed.curve[0].loss);
    // 8000 grads in rounds of 4 × 8: 250 rounds of 8 + 2 time units
    expect(fed.time).toBeCloseTo(250 * 10, 9);
  });
});

describe("averagingComparison(problem, options)", () => {
  const common = { lr: 0.5, grads: 16000, evalEvery: 16000 };
  it("noiseless: Downpour sums the workers' progress, the EASGD centre and FedAvg average it (far behind Downpour, whatever α)", () => {
    const problem = sparseLeastSquares({ n: 1000, d: 200, k: 5, seed: 0 });
    const { floor, rows } = averagingComparison(problem, { workers: 16, tau: 4, alphas: [0.02, 0.9], seeds: [0, 1, 2], common });
    expect(floor).toBeLessThan(1e-20);
    const by = (prefix: string) => rows.filter((r) => r.label.startsWith(prefix));
    const downpour = by("Downpour")[0];
    for (const r of [...by("EASGD"), ...by("FedAvg")]) expect(r.min).toBeGreaterThan(1e3 * downpour.max);
  });
  it("noisy: averaging lowers the noise floor — every EASGD centre ends below Downpour and one worker on every seed", () => {
    const problem = sparseLeastSquares({ n: 1000, d: 200, k: 5, seed: 0, noise: 0.3 });
    const { floor, rows } = averagingComparison(problem, { workers: 16, tau: 4, alphas: [0.1], seeds: [0, 1, 2], common });
    expect(floor).toBeGreaterThan(0);
    const [one, downpour, easgd] = rows;
    expect(easgd.max).toBeLessThan(downpour.min);
    expect(easgd.max).toBeLessThan(one.min);
  });
  it("refuses an empty seed list by name", () => {
    expect(() => averagingComparison(sparseLeastSquares({ n: 10, d: 5, k: 2 }), { workers: 2, tau: 1, alphas: [], seeds: [], common })).toThrow(/seeds/);
  });
});
