import { describe, expect, test } from "vitest";
import { PLAYGROUND_RIVALS, PLAYGROUND_STEPS, tunedRivals } from "../../lib/arena/rivals.js";
import { defaultConfig, defaultHyper, surfaceOf } from "../../lib/arena/config.js";
import { compareTunePoints, tunePointAt } from "../../lib/arena/tune.js";
import { optimizerInfo } from "../../lib/optimizers/registry.js";

describe("tunedRivals(surface)", () => {
  test("gives every playground rival a learning rate inside its control's range, and no worse than the surface's default η", () => {
    const surface = "himmelblau";
    const rivals = tunedRivals(surface);
    expect(rivals.map((r) => r.name)).toEqual([...PLAYGROUND_RIVALS]);
    const { start, target } = defaultConfig(surface);
    const objective = surfaceOf(surface).objective;
    for (const rival of rivals) {
      const spec = optimizerInfo(rival.name).hyper.find((h) => h.name === "lr")!;
      const lr = Number(rival.hyper.lr);
      expect(lr).toBeGreaterThanOrEqual(spec.min);
      expect(lr).toBeLessThanOrEqual(spec.max);
      const base = defaultHyper(surface, rival.name);
      const tuned = tunePointAt(objective, rival, lr, start, PLAYGROUND_STEPS, target);
      const untuned = tunePointAt(objective, { name: rival.name, hyper: base }, Number(base.lr), start, PLAYGROUND_STEPS, target);
      expect(compareTunePoints(tuned, untuned)).toBeLessThanOrEqual(0);
    }
  });
});
