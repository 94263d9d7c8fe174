/**
 * The cost of the runner: `minimize` on 2-D Rosenbrock, 1000 Adam steps with
 * state recording (`record: true`: positions, loss, gradient norm, effective
 * step sizes and Adam's m and v every step), in µs per step, against a
 * hand-fused loop (Adam's update and Rosenbrock's gradient inlined, positions
 * recorded into a preallocated array) measured side by side in the same run.
 * Target: within 2× of the fused loop. Also reports the arena's budget: 10
 * optimizers × 500 steps on Rosenbrock, in ms per frame.
 * The machine is shared, so each figure is the fastest of several interleaved
 * batches after a warm-up (the least disturbed estimate of the cost); the
 * median is printed beside it.
 */
import { rosenbrock } from "../lib/objectives/rosenbrock.js";
import { adadelta, adagrad, adam, adamax, amsgrad, momentum, nadam, nesterov, rmsprop, sgd } from "../lib/optimizers/index.js";
import { minimize } from "../lib/run.js";

const STEPS = 1000;
const RUNS_PER_BATCH = 200;
const BATCHES = 25;
const LR = 0.01, BETA1 = 0.9, BETA2 = 0.999, EPS = 1e-8;
const X0 = [-1.2, 1];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Adam on Rosenbrock (a = 1, b = 100), fused, torch's order of operations; positions into `out`. */
function fused(out: Float64Array): void {
  let x = X0[0], y = X0[1];
  let m0 = 0, m1 = 0, v0 = 0, v1 = 0;
  out[0] = x;
  out[1] = y;
  for (let t = 1; t <= STEPS; ++t) {
    const w = y - x * x;
    const g0 = -2 * (1 - x) - 400 * x * w;
    const g1 = 200 * w;
    const stepSize = LR / (1 - BETA1 ** t);
    const bc2Sqrt = Math.sqrt(1 - BETA2 ** t);
    m0 = BETA1 * m0 + (1 - BETA1) * g0;
    m1 = BETA1 * m1 + (1 - BETA1) * g1;
    v0 = BETA2 * v0 + (1 - BETA2) * g0 * g0;
    v1 = BETA2 * v1 + (1 - BETA2) * g1 * g1;
    x -= (stepSize * m0) / (Math.sqrt(v0) / bc2Sqrt + EPS);
    y -= (stepSize * m1) / (Math.sqrt(v1) / bc2Sqrt + EPS);
    out[2 * t] = x;
    out[2 * t + 1] = y;
  }
}

/** µs per step of one batch of `body` (which runs STEPS steps). */
function batch(body: () => void): number {
  const t0 = performance.now();
  for (let r = 0; r < RUNS_PER_BATCH; ++r) body();
  return ((performance.now() - t0) * 1000) / (RUNS_PER_BATCH * STEPS);
}

export async function run(): Promise<void> {
  const f = rosenbrock();
  const opt = adam({ lr: LR, beta1: BETA1, beta2: BETA2, eps: EPS });
  const positions = new Float64Array(2 * (STEPS + 1));
  let sink = 0;
  const viaMinimize = () => {
    sink += minimize(f, opt, X0, { steps: STEPS, record: true }).x[2 * STEPS];
  };
  const viaMinimizeBare = () => {
    sink += minimize(f, opt, X0, { steps: STEPS }).x[2 * STEPS];
  };
  const viaFused = () => {
    fused(positions);
    sink += positions[2 * STEPS];
  };
  for (let w = 0; w < 300; ++w) {
    viaMinimize();
    viaMinimizeBare();
    viaFused();
  }
  // Interleave the batches so that all three see the same machine state.
  const a: number[] = [], b: number[] = [], c: number[] = [];
  for (let r = 0; r < BATCHES; ++r) {
    a.push(batch(viaMinimize));
    b.push(batch(viaMinimizeBare));
    c.push(batch(viaFused));
  }
  const tMin = Math.min(...a), tBare = Math.min(...b), tFused = Math.min(...c);
  const traj = minimize(f, opt, X0, { steps: STEPS, record: true });
  fused(positions);
  let maxDiff = 0;
  for (let i = 0; i < positions.length; ++i) maxDiff = Math.max(maxDiff, Math.abs(positions[i] - traj.x[i]));

  const row = (label: string, best: number, samples: number[]) =>
    console.log(`${label.padEnd(24)}${best.toFixed(4).padStart(9)}   ${(best / tFused).toFixed(2).padStart(7)}   ${median(samples).toFixed(4).padStart(9)}`);
  console.log(`minimize: Adam on 2-D Rosenbrock, ${STEPS} steps, µs per step (fastest and median of ${BATCHES} interleaved batches × ${RUNS_PER_BATCH} runs)`);
  console.log("                          µs/step   × fused    median");
  row("minimize, record: true", tMin, a);
  row("minimize, no record", tBare, b);
  row("hand-fused loop", tFused, c);
  console.log(`same trajectory: max |Δx| = ${maxDiff.toExponential(2)}  ${tMin / tFused <= 2 ? "(within the 2× target)" : "(OVER the 2× target)"}`);

  // The arena: 10 optimizers × 500 steps, recomputed per frame.
  const arena = [
    sgd({ lr: 1e-3 }), momentum({ lr: 1e-3 }), nesterov({ lr: 1e-3 }), adagrad({ lr: 0.5 }), rmsprop({ lr: 0.01 }),
    adadelta(), adam({ lr: 0.05 }), amsgrad({ lr: 0.05 }), adamax({ lr: 0.05 }), nadam({ lr: 0.05 }),
  ];
  const frame = () => {
    for (const o of arena) sink += minimize(f, o, X0, { steps: 500, record: true }).loss[0];
  };
  for (let w = 0; w < 50; ++w) frame();
  const frames: number[] = [];
  for (let r = 0; r < 41; ++r) {
    const t0 = performance.now();
    frame();
    frames.push(performance.now() - t0);
  }
  console.log(`arena: 10 optimizers × 500 steps on Rosenbrock with record: true: ${Math.min(...frames).toFixed(3)} ms per frame (fastest of 41; median ${median(frames).toFixed(3)})`);
  if (Number.isNaN(sink)) console.log("");
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
