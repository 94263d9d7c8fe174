/**
 * `step` allocates nothing. The detector is V8's sampling heap profiler
 * (node:inspector, HeapProfiler.startSampling) with an 8-byte sampling
 * interval, so practically every allocation is sampled, and with objects later
 * collected by the minor and major GC kept in the profile. After a warm-up
 * that lets V8 optimize the code, many steps run inside a uniquely named
 * frame; any sampled allocation whose stack passes through that frame counts,
 * and a step must average under 1 byte (one boxed number would be 12–16).
 * The detector is proven on a deliberately allocating step, which it must catch.
 */
import { Session } from "node:inspector/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as lib from "../../lib/optimizers/index.js";
import type { Optimizer, OptimizerState } from "../../lib/types.js";

// Heap sampling over tens of thousands of steps takes seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

const session = new Session();
beforeAll(() => session.connect());
afterAll(() => session.disconnect());

/** The frame the measured work runs in; its name is what the profile is searched for. */
function measuredFrame_7f3a(work: () => void, repeats: number): void {
  for (let r = 0; r < repeats; r++) work();
}

const WARMUP = 30000;
const REPEATS = 50000;

/**
 * Sampled bytes per call of `work` in allocations whose stack includes
 * measuredFrame_7f3a. One-off allocations (a late deoptimization, a feedback
 * vector) add a few kilobytes in all, well under 1 byte per call over REPEATS
 * calls; the smallest per-call allocation, one boxed number, is 12–16 bytes.
 */
async function bytesPerCall(work: () => void, warmup = WARMUP, repeats = REPEATS): Promise<{ perCall: number; where: string[] }> {
  // V8 optimizes on a background thread: on a loaded machine the warm-up can end before the optimized
  // code is installed, and the baseline tier boxes doubles. A real per-step allocation shows in every
  // attempt; a late tier-up does not. So measure up to three times, pausing for the compiler, keep the least.
  let best = await sampleOnce(work, warmup, repeats);
  for (let attempt = 1; attempt < 3 && best.perCall >= 1; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await sampleOnce(work, warmup, repeats);
    if (again.perCall < best.perCall) best = again;
  }
  return best;
}

async function sampleOnce(work: () => void, warmup: number, repeats: number): Promise<{ perCall: number; where: string[] }> {
  measuredFrame_7f3a(work, warmup); // let V8 optimize first
  await session.post("HeapProfiler.enable");
  await session.post("HeapProfiler.startSampling", {
    samplingInterval: 8,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  } as never);
  measuredFrame_7f3a(work, repeats);
  const { profile } = (await session.post("HeapProfiler.stopSampling")) as unknown as { profile: { head: ProfileNode } };
  await session.post("HeapProfiler.disable");
  let bytes = 0;
  const where: string[] = [];
  const visit = (node: ProfileNode, inside: boolean, path: string[]) => {
    const here = inside || node.callFrame.functionName === "measuredFrame_7f3a";
    const p = [...path, node.callFrame.functionName || "(anonymous)"];
    if (here && node.selfSize > 0) {
      bytes += node.selfSize;
      where.push(`${p.slice(-3).join(" > ")} (${node.selfSize} B)`);
    }
    for (const child of node.children) visit(child, here, p);
  };
  visit(profile.head, false, []);
  return { perCall: bytes / repeats, where };
}

type Factory = (o: object) => Optimizer<OptimizerState, object>;
const factories = Object.entries(lib).filter(([k, v]) => typeof v === "function" && k !== "optimizerInfo") as [string, Factory][];

/** One step of `opt` on a fixed quadratic gradient, as a runner would do it. */
function stepper(opt: Optimizer<OptimizerState, object>, n: number): () => void {
  const x = new Float64Array(n), g = new Float64Array(n), point = new Float64Array(n), s = opt.init(n);
  for (let i = 0; i < n; i++) x[i] = Math.sin(i);
  return () => {
    for (let i = 0; i < n; i++) g[i] = x[i]! * (1 + (i & 3));
    if (opt.gradientPoint) opt.gradientPoint(x, s, point);
    opt.step(x, g, s);
  };
}

describe("the allocation detector", () => {
  it("catches a step that allocates an array (g.map per step)", async () => {
    const x = new Float64Array(16).fill(1), g = new Float64Array(16).fill(0.5);
    const { perCall } = await bytesPerCall(() => {
      const update = g.map((gi) => 0.01 * gi);
      for (let i = 0; i < x.length; i++) x[i]! -= update[i]!;
    }, 2000, 5000);
    expect(perCall).toBeGreaterThan(100);
  });

  it("catches a step that allocates one small object", async () => {
    const x = new Float64Array(16).fill(1), g = new Float64Array(16).fill(0.5);
    let keep: { lr: number } | undefined;
    const { perCall } = await bytesPerCall(() => {
      keep = { lr: 0.01 + x[0]! * 1e-9 };
      for (let i = 0; i < x.length; i++) x[i]! -= keep.lr * g[i]!;
    });
    expect(perCall).toBeGreaterThan(8);
  });
});

describe("step(params, grad, state) allocates nothing (constant lr)", () => {
  const hyper: Record<string, object> = { rmsprop: { lr: 1e-3, centered: true, momentum: 0.5 }, adagrad: { lr: 0.01, lrDecay: 0.01 } };
  for (const [name, factory] of factories) {
    it(`${name}(hyper).step`, async () => {
      const { perCall, where } = await bytesPerCall(stepper(factory(hyper[name] ?? { lr: 1e-3 }), 16));
      expect(perCall, `${name} allocated ${perCall} bytes per step: ${where.join("; ")}`).toBeLessThan(1);
    });
  }
  it("rmsprop() (the default, not centered, no momentum).step", async () => {
    const { perCall } = await bytesPerCall(stepper(lib.rmsprop(), 16));
    expect(perCall).toBeLessThan(1);
  });
});

describe("with a schedule, step allocates only the schedule's own number", () => {
  // A JavaScript function returning a non-integer number that V8 does not
  // inline returns it boxed: 16 bytes per call, made by the schedule, not by
  // step, and independent of the dimension.
  for (const name of ["sgd", "adam"]) {
    it(`${name}({lr: (t) => …}).step allocates a bounded amount per step, the same at n = 16 and n = 4096`, async () => {
      const factory = lib[name as "sgd" | "adam"] as unknown as Factory;
      const small = await bytesPerCall(stepper(factory({ lr: (t: number) => 1e-3 / Math.sqrt(t) }), 16));
      const large = await bytesPerCall(stepper(factory({ lr: (t: number) => 1e-3 / Math.sqrt(t) }), 4096));
      expect(small.perCall).toBeLessThan(40);
      expect(large.perCall).toBeLessThan(40);
    });
  }
});
