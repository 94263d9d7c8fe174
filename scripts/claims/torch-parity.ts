/**
 * What the library is tested against torch.optim with, read from the test
 * data itself, so the pages that state it (reference, home) cannot drift from
 * the tests: the fixture `test/fixtures/torch-optim.json` (made by
 * `scripts/torch-reference.py`) and the tolerance that
 * `test/optimizers/torch-parity.test.ts` asserts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Largest relative error |x − y| / max(|y|, 10⁻³) allowed at any checked step (torch-parity.test.ts). */
export const TORCH_PARITY_TOLERANCE = 1e-12;

export const TORCH_FIXTURE = join(import.meta.dirname, "..", "..", "test", "fixtures", "torch-optim.json");

interface FixtureCase {
  optimizer: string;
  torch: string;
  problem: string;
  steps: number;
}

export interface TorchParity {
  /** The torch version that made the fixture. */
  torch: string;
  note: string;
  tolerance: number;
  /** Each optimizer with the torch.optim calls and how many cases test it. */
  optimizers: { name: string; torch: string[]; cases: number }[];
  /** The problems (dimension, step counts). */
  problems: { name: string; dim: number; steps: number[] }[];
  cases: number;
}

export function torchParity(path = TORCH_FIXTURE): TorchParity {
  const fixture = JSON.parse(readFileSync(path, "utf8")) as {
    torch: string;
    note: string;
    problems: Record<string, { x0: number[] }>;
    cases: FixtureCase[];
  };
  const optimizers = new Map<string, { name: string; torch: Set<string>; cases: number }>();
  for (const c of fixture.cases) {
    const o = optimizers.get(c.optimizer) ?? { name: c.optimizer, torch: new Set<string>(), cases: 0 };
    o.torch.add(c.torch.split("(")[0]);
    o.cases += 1;
    optimizers.set(c.optimizer, o);
  }
  return {
    torch: fixture.torch,
    note: fixture.note,
    tolerance: TORCH_PARITY_TOLERANCE,
    optimizers: [...optimizers.values()].map((o) => ({ name: o.name, torch: [...o.torch], cases: o.cases })),
    problems: Object.entries(fixture.problems).map(([name, p]) => ({
      name,
      dim: p.x0.length,
      steps: [...new Set(fixture.cases.filter((c) => c.problem === name).map((c) => c.steps))].sort((a, b) => a - b),
    })),
    cases: fixture.cases.length,
  };
}
