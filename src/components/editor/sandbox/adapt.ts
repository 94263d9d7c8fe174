/**
 * Picks an adapter by name (see adapters.ts, apply.ts, playground.ts and exercise.ts).
 * Runs in the sandbox: the `exercise` adapter returns a transcript of calls, not a
 * verdict (the page verifies it out of the code's reach, verify.ts).
 */
import { adaptData, adaptObjective, adaptOptimizer, adaptSchedule } from "./adapters.js";
import { adaptApply } from "./apply.js";
import { adaptContender } from "./contender.js";
import { recordExercise } from "./exercise.js";
import { adaptPlayground } from "./playground.js";
import type { AdapterName } from "./protocol.js";

/** Applies the named adapter. */
export function adapt(name: AdapterName, value: unknown, params: Record<string, unknown> = {}): unknown {
  switch (name) {
    case "data":
      return adaptData(value);
    case "schedule":
      return adaptSchedule(value, params);
    case "optimizer":
      return adaptOptimizer(value, params);
    case "objective":
      return adaptObjective(value, params);
    case "apply":
      return adaptApply(value, params);
    case "playground":
      return adaptPlayground(value, params);
    case "contender":
      return adaptContender(value, params);
    case "exercise":
      return recordExercise(value, params);
    default:
      throw new TypeError(`unknown adapter ${JSON.stringify(name)}`);
  }
}
