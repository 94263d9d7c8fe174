/**
 * The playground's rivals: each library optimizer with its learning rate tuned
 * by the arena's tuner (`tune.ts`: a log grid over the control's range, judged
 * by the median steps to target over TUNING_STARTS starts) on each surface,
 * from the surface's recommended start, for the playground's step budget. Its
 * other hyperparameters stay at the registry's defaults. Pure: no DOM.
 */
import type { OptimizerName } from "../optimizers/registry.js";
import { defaultConfig, defaultHyper, SURFACE_NAMES, type SurfaceName } from "./config.js";
import { tuneAll } from "./tune.js";

/** The optimizers a reader can race against in the playground. */
export const PLAYGROUND_RIVALS: readonly OptimizerName[] = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"];
/** Steps per run in the playground's race. */
export const PLAYGROUND_STEPS = 300;

export interface TunedRival {
  readonly name: OptimizerName;
  readonly hyper: Record<string, number | boolean>;
}

/** Every rival tuned on `surface` (in PLAYGROUND_RIVALS order). */
export function tunedRivals(surface: SurfaceName, steps = PLAYGROUND_STEPS): TunedRival[] {
  const config = { ...defaultConfig(surface), steps, at: steps, racers: PLAYGROUND_RIVALS.map((name) => ({ name, hyper: defaultHyper(surface, name) })) };
  return tuneAll(config).map(({ racer }) => ({ name: racer.name, hyper: { ...racer.hyper } }));
}

/** The tuned rivals of every surface, by surface name (what the playground's data loader writes). */
export function tunedRivalsBySurface(steps = PLAYGROUND_STEPS): Record<SurfaceName, TunedRival[]> {
  return Object.fromEntries(SURFACE_NAMES.map((s) => [s, tunedRivals(s, steps)])) as Record<SurfaceName, TunedRival[]>;
}
