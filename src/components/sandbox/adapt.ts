/** Picks an adapter by name (see adapters.ts and playground.ts). */
import { adaptData, adaptObjective, adaptOptimizer, adaptSchedule } from "./adapters.js";
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
    case "playground":
      return adaptPlayground(value, params);
    default:
      throw new TypeError(`unknown adapter ${JSON.stringify(name)}`);
  }
}
