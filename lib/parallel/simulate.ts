/**
 * A deterministic, seeded event simulation of parallel and distributed SGD on a
 * {@link SparseProblem}. P workers each repeat: pick an example (uniformly, from
 * their own stream), read the parameters they need, spend a random time
 * computing the gradient (a {@link DelayDistribution} of mean 1, plus a fixed
 * `latency`), then send their update. Events are processed in time order, so
 * a gradient is computed on parameters as they were when its worker *read*
 * them: stale by the number of updates applied in between (its staleness τ).
 *
 * Algorithms (`algorithm`):
 * - "hogwild" (Niu et al. 2011): shared memory, no locks. A worker reads its
 *   example's k coordinates, and at the end writes x_j −= η g_j on those k
 *   coordinates only. With P = 1 this is sequential SGD. `correction` makes it
 *   a delay-tolerant asynchronous SGD: "staleness" divides the step by
 *   max(1, τ) (Zhang et al. 2016); "delay-compensated" adds λ g ⊙ g ⊙ (x_now −
 *   x_read) to the gradient (Zheng et al. 2017, DC-ASGD); "adagrad" applies
 *   the stale gradient with AdaGrad's per-coordinate rate η/(√Σg² + ε) (an
 *   asynchronous AdaGrad server, no revision); "adaptive-revision" applies it
 *   with McMahan & Streeter's AdaptiveRevision (see adaptive-revision.ts; the
 *   worker remembers z = Σg of its k coordinates when it reads), with η as α.
 * - "sync": synchronous data parallelism with an all-reduce: every round, all
 *   P workers compute a gradient at the same x; the round lasts as long as the
 *   slowest (plus latency); the server applies the sum of the P gradients × η.
 * - "downpour" (Dean et al. 2012): a parameter server holds x; each worker
 *   keeps a local replica, fetches x every `nFetch` of its steps, takes local
 *   SGD steps on the replica, and every `nPush` steps pushes its accumulated
 *   gradients, which the server applies with SGD or, as Dean et al. do, Adagrad.
 *   A gradient's staleness counts the server updates since its replica's last fetch.
 * - "easgd" (Zhang, Choromanska & LeCun 2015, asynchronous EASGD): each worker
 *   runs SGD on its own x_w; every `tau` of its steps it meets the centre
 *   variable x̃: x_w −= α(x_w − x̃), x̃ += α(x_w − x̃). The loss is measured at x̃.
 * - "fedavg" (McMahan et al. 2017, federated averaging / local SGD, every
 *   worker sampling from the whole data): synchronous rounds; each round every
 *   worker starts from the centre, takes `tau` local SGD steps, and the centre
 *   becomes the workers' mean. A round lasts as long as the slowest worker's
 *   `tau` steps (plus latency once).
 *
 * Counted in `grads` (gradient evaluations, the work) and `time` (simulated,
 * in mean gradient durations): with P workers, time ≈ grads / P.
 */
import { random, type Random } from "../random.js";
import { rejectUnknownKeys, requireInRange, requireInteger } from "../validate.js";
import { sampleDuration, type DelayDistribution } from "./delays.js";
import { problemLoss, residual, type SparseProblem } from "./problem.js";
import { adaptiveRevisionState, adaptiveRevisionUpdate } from "./adaptive-revision.js";

export type ParallelAlgorithm = "hogwild" | "sync" | "downpour" | "easgd" | "fedavg";

export interface SimulationOptions {
  algorithm: ParallelAlgorithm;
  workers: number;
  /** The SGD step η. */
  lr: number;
  /** Total gradient evaluations over all workers. */
  grads: number;
  delay?: DelayDistribution;
  /** Time added to every gradient (communication); default 0. */
  latency?: number;
  /** Loss recorded every this many gradient evaluations (default grads / 50). */
  evalEvery?: number;
  seed?: number;
  /** Hogwild only: a delay-tolerant correction of the stale gradient. */
  correction?: "none" | "staleness" | "delay-compensated" | "adagrad" | "adaptive-revision";
  /** λ of the delay-compensated gradient (default 1). */
  lambda?: number;
  /** Downpour: fetch every nFetch steps, push every nPush (default 1, 1), server rule (default "sgd"). */
  nFetch?: number;
  nPush?: number;
  server?: "sgd" | "adagrad";
  /** EASGD: communication period τ (default 4) and elasticity α (default 0.1); FedAvg: local steps per round τ. */
  tau?: number;
  alpha?: number;
  /** A run whose loss exceeds this (or is not finite) has diverged (default 1e6 × the initial loss). */
  divergence?: number;
  /** Asynchronous algorithms: record the first `log` gradients' read and write times (default 0: none). */
  log?: number;
}

/**
 * One gradient in the event log: worker w read at `read`, wrote at `write`, τ updates late. For Downpour,
 * `read` is the replica's last fetch from the server and τ counts the server updates since that fetch.
 */
export interface WorkerEvent {
  worker: number;
  read: number;
  write: number;
  staleness: number;
}

export interface SimulationPoint {
  grads: number;
  time: number;
  loss: number;
}

export interface SimulationResult {
  readonly curve: SimulationPoint[];
  /** Staleness histogram: count[τ] for τ < count.length − 1; the last bin counts τ ≥ length − 1. */
  readonly staleness: Int32Array;
  readonly meanStaleness: number;
  /** Hogwild: fraction of updates that overwrote a coordinate written after they read it. */
  readonly conflictRate: number;
  readonly diverged: boolean;
  readonly finalLoss: number;
  /** Simulated time at the end. */
  readonly time: number;
  /** The first `options.log` gradients, in the order they were written (asynchronous algorithms only). */
  readonly events: WorkerEvent[];
}

const OPTIONS = ["algorithm", "workers", "lr", "grads", "delay", "latency", "evalEvery", "seed", "correction", "lambda", "nFetch", "nPush", "server", "tau", "alpha", "divergence", "log"];
const BINS = 65;

/** Runs one simulation; see the module comment. */
export function simulate(problem: SparseProblem, options: SimulationOptions): SimulationResult {
  rejectUnknownKeys("simulate", options, OPTIONS);
  const { algorithm } = options;
  if (!["hogwild", "sync", "downpour", "easgd", "fedavg"].includes(algorithm)) {
    throw new TypeError(`simulate: algorithm must be "hogwild", "sync", "downpour", "easgd" or "fedavg", got ${JSON.stringify(algorithm)}`);
  }
  const P = requireInteger("simulate", "workers", options.workers, 1, 4096);
  const lr = requireInRange("simulate", "lr", options.lr, 0, Infinity);
  const total = requireInteger("simulate", "grads", options.grads, 1);
  const delay = options.delay ?? { kind: "exponential" };
  const latency = requireInRange("simulate", "latency", options.latency ?? 0, 0, Infinity);
  const evalEvery = requireInteger("simulate", "evalEvery", options.evalEvery ?? Math.max(1, Math.round(total / 50)), 1);
  const seed = requireInteger("simulate", "seed", options.seed ?? 0, -(2 ** 53), 2 ** 53);
  const correction = options.correction ?? "none";
  const lambda = requireInRange("simulate", "lambda", options.lambda ?? 1, 0, Infinity);
  const nFetch = requireInteger("simulate", "nFetch", options.nFetch ?? 1, 1);
  const nPush = requireInteger("simulate", "nPush", options.nPush ?? 1, 1);
  const tau = requireInteger("simulate", "tau", options.tau ?? 4, 1);
  const alpha = requireInRange("simulate", "alpha", options.alpha ?? 0.1, 0, 1);
  const server = options.server ?? "sgd";
  const logLimit = requireInteger("simulate", "log", options.log ?? 0, 0);
  if (!["none", "staleness", "delay-compensated", "adagrad", "adaptive-revision"].includes(correction)) {
    throw new TypeError(`simulate: correction must be "none", "staleness", "delay-compensated", "adagrad" or "adaptive-revision", got ${JSON.stringify(correction)}`);
  }
  if (correction !== "none" && algorithm !== "hogwild") {
    throw new TypeError(`simulate: correction applies only to algorithm "hogwild", got correction ${JSON.stringify(correction)} with algorithm ${JSON.stringify(algorithm)}`);
  }
  const events: WorkerEvent[] = [];

  const { d, k, n, cols, vals } = problem;
  const x = new Float64Array(d); // the shared parameters (server / centre)
  const initial = problemLoss(problem, x);
  const limit = options.divergence ?? 1e6 * Math.max(initial, 1e-300);
  const timing: Random = random(seed);
  const picks: Random[] = Array.from({ length: P }, (_, w) => random(seed * 7919 + w + 1));
  const curve: SimulationPoint[] = [{ grads: 0, time: 0, loss: initial }];
  const staleness = new Int32Array(BINS);
  let stalenessSum = 0;
  let conflicts = 0;
  let updates = 0; // updates applied to x (version counter)
  let grads = 0;
  let now = 0;
  let diverged = false;

  const record = (): boolean => {
    const loss = problemLoss(problem, x);
    if (!(loss <= limit)) {
      diverged = true;
      curve.push({ grads, time: now, loss: Infinity });
      return false;
    }
    curve.push({ grads, time: now, loss });
    return true;
  };
  const countStaleness = (s: number) => {
    staleness[Math.min(s, BINS - 1)]++;
    stalenessSum += s;
  };
  const duration = () => sampleDuration(delay, timing) + latency;

  if (algorithm === "sync") {
    const g = new Float64Array(d);
    const touched = new Int32Array(P * k);
    while (grads < total && !diverged) {
      let round = 0;
      const m = Math.min(P, total - grads);
      for (let w = 0; w < m; ++w) round = Math.max(round, duration());
      let t = 0;
      for (let w = 0; w < m; ++w) {
        const i = picks[w].int(n);
        const r = residual(problem, i, x);
        for (let q = i * k; q < (i + 1) * k; ++q) {
          if (g[cols[q]] === 0) touched[t++] = cols[q];
          g[cols[q]] += r * vals[q];
        }
        countStaleness(0);
      }
      for (let q = 0; q < t; ++q) {
        const j = touched[q];
        x[j] -= lr * g[j];
        g[j] = 0;
      }
      updates++;
      now += round;
      const before = grads;
      grads += m;
      if (Math.floor(grads / evalEvery) > Math.floor(before / evalEvery) || grads >= total) if (!record()) break;
    }
  } else if (algorithm === "fedavg") {
    const local = new Float64Array(d);
    const mean = new Float64Array(d);
    while (grads < total && !diverged) {
      let round = 0;
      mean.fill(0);
      let done = 0;
      let averaged = 0; // workers in this round (fewer than P only when the budget runs out)
      for (let w = 0; w < P && grads + done < total; ++w) {
        local.set(x);
        let busy = latency;
        const steps = Math.min(tau, total - grads - done);
        for (let s = 0; s < steps; ++s) {
          const i = picks[w].int(n);
          const r = residual(problem, i, local);
          for (let q = i * k; q < (i + 1) * k; ++q) local[cols[q]] -= lr * r * vals[q];
          busy += sampleDuration(delay, timing);
          countStaleness(0);
        }
        round = Math.max(round, busy);
        for (let j = 0; j < d; ++j) mean[j] += local[j];
        done += steps;
        averaged++;
      }
      for (let j = 0; j < d; ++j) x[j] = mean[j] / averaged;
      updates++;
      now += round;
      const before = grads;
      grads += done;
      if (Math.floor(grads / evalEvery) > Math.floor(before / evalEvery) || grads >= total) if (!record()) break;
    }
  } else {
    // Asynchronous algorithms: an event per finished gradient.
    const finish = new Float64Array(P);
    const example = new Int32Array(P);
    const version = new Float64Array(P); // `updates` when the worker read
    const reads = Array.from({ length: P }, () => new Float64Array(k));
    const lastWrite = new Float64Array(d); // hogwild: the version that last wrote each coordinate
    const replicas = algorithm === "downpour" || algorithm === "easgd" ? Array.from({ length: P }, () => new Float64Array(d)) : [];
    const accrued = algorithm === "downpour" ? Array.from({ length: P }, () => new Float64Array(d)) : [];
    const stepsOf = new Int32Array(P);
    const adagradSum = new Float64Array(server === "adagrad" || correction === "adagrad" ? d : 0);
    const revision = correction === "adaptive-revision" && algorithm === "hogwild" ? adaptiveRevisionState(d, lr) : null;
    const zReads = Array.from({ length: revision ? P : 0 }, () => new Float64Array(k));
    const readAt = new Float64Array(P);

    const start = (w: number, at: number) => {
      const i = picks[w].int(n);
      example[w] = i;
      // A Downpour replica reads the server only when it fetches: its gradients are stale since that fetch.
      const fetches = algorithm !== "downpour" || stepsOf[w] % nFetch === 0;
      if (fetches) {
        version[w] = updates;
        readAt[w] = at;
      }
      if (algorithm === "hogwild") {
        const rd = reads[w];
        for (let m = 0; m < k; ++m) rd[m] = x[cols[i * k + m]];
        if (revision) for (let m = 0; m < k; ++m) zReads[w][m] = revision.z[cols[i * k + m]];
      } else if (algorithm === "downpour" && fetches) replicas[w].set(x);
      finish[w] = at + duration();
    };
    for (let w = 0; w < P; ++w) start(w, 0);

    while (grads < total && !diverged) {
      let w = 0;
      for (let v = 1; v < P; ++v) if (finish[v] < finish[w]) w = v;
      now = finish[w];
      const i = example[w];
      const o = i * k;
      if (algorithm === "hogwild") {
        const rd = reads[w];
        const r = residual(problem, i, x, rd);
        const tauW = updates - version[w];
        countStaleness(tauW);
        if (events.length < logLimit) events.push({ worker: w, read: readAt[w], write: now, staleness: tauW });
        let conflict = false;
        const step = correction === "staleness" ? lr / Math.max(1, tauW) : lr;
        for (let m = 0; m < k; ++m) {
          const j = cols[o + m];
          if (lastWrite[j] > version[w]) conflict = true;
          let g = r * vals[o + m];
          if (correction === "delay-compensated") g += lambda * g * g * (x[j] - rd[m]);
          if (revision) adaptiveRevisionUpdate(revision, x, j, g, zReads[w][m]);
          else if (correction === "adagrad") {
            adagradSum[j] += g * g;
            x[j] -= (lr * g) / (Math.sqrt(adagradSum[j]) + 1e-10);
          } else x[j] -= step * g;
        }
        updates++;
        for (let m = 0; m < k; ++m) lastWrite[cols[o + m]] = updates;
        if (conflict) conflicts++;
      } else if (algorithm === "downpour") {
        const xw = replicas[w];
        const acc = accrued[w];
        const r = residual(problem, i, xw);
        for (let m = 0; m < k; ++m) {
          const j = cols[o + m];
          const g = r * vals[o + m];
          acc[j] += g;
          xw[j] -= lr * g;
        }
        stepsOf[w]++;
        countStaleness(updates - version[w]);
        if (events.length < logLimit) events.push({ worker: w, read: readAt[w], write: now, staleness: updates - version[w] });
        if (stepsOf[w] % nPush === 0) {
          for (let j = 0; j < d; ++j) {
            const g = acc[j];
            if (g === 0) continue;
            if (server === "adagrad") {
              adagradSum[j] += g * g;
              x[j] -= (lr * g) / (Math.sqrt(adagradSum[j]) + 1e-10);
            } else x[j] -= lr * g;
            acc[j] = 0;
          }
          updates++;
        }
      } else {
        // easgd
        const xw = replicas[w];
        const r = residual(problem, i, xw);
        for (let m = 0; m < k; ++m) xw[cols[o + m]] -= lr * r * vals[o + m];
        stepsOf[w]++;
        countStaleness(0);
        if (stepsOf[w] % tau === 0) {
          for (let j = 0; j < d; ++j) {
            const diff = alpha * (xw[j] - x[j]);
            xw[j] -= diff;
            x[j] += diff;
          }
          updates++;
        }
      }
      const before = grads;
      grads++;
      if (Math.floor(grads / evalEvery) > Math.floor(before / evalEvery) || grads >= total) if (!record()) break;
      start(w, now);
    }
  }

  const last = curve[curve.length - 1];
  return {
    curve,
    staleness,
    meanStaleness: grads > 0 ? stalenessSum / grads : 0,
    conflictRate: grads > 0 && algorithm === "hogwild" ? conflicts / grads : 0,
    diverged,
    finalLoss: diverged ? Infinity : last.loss,
    time: now,
    events,
  };
}

/**
 * The simulated time (or, with `by: "grads"`, the work) at which the curve first reaches `target`; Infinity if never.
 * Between two evaluation points the loss is taken to fall geometrically (linear in log loss), so the answer
 * is interpolated rather than rounded up to the next evaluation: with p the first point at or below the target
 * and q the one before it, t = t_q + (t_p − t_q) · (ln L_q − ln target) / (ln L_q − ln L_p).
 */
export function timeToLoss(result: SimulationResult, target: number, by: "time" | "grads" = "time"): number {
  const at = (p: SimulationPoint) => (by === "time" ? p.time : p.grads);
  const curve = result.curve;
  for (let i = 0; i < curve.length; ++i) {
    const p = curve[i];
    if (!(p.loss <= target)) continue;
    if (i === 0) return at(p);
    const q = curve[i - 1];
    if (!(p.loss > 0) || !(target > 0)) return at(p);
    const f = (Math.log(q.loss) - Math.log(target)) / (Math.log(q.loss) - Math.log(p.loss));
    return at(q) + (at(p) - at(q)) * f;
  }
  return Infinity;
}
