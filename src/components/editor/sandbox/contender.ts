/**
 * The "contender" adapter of "Choosing an optimizer": the reader's code returns
 * `{factory, lr0, name?}` — `factory(lr)` makes an optimizer (the library's
 * init/step contract) and `lr0` centres its learning-rate grid. The adapter
 * tunes and measures it on the sentences task with exactly the protocol of the
 * chapter's comparison (`fairContender`, lib/analysis/fair-comparison.ts):
 * validation-selected η on a half-decade grid extended until interior, the same
 * seeds, ranked by test loss. The reader's step gets a copy of the gradient
 * (lib/gradient-copy.ts), so writing into it cannot corrupt later gradients.
 */
import { fairContender, type FairContenderResult, type FairOptions } from "../../../lib/analysis/fair-comparison.js";
import { sentencesTask } from "../../../lib/compare.js";
import { withGradientCopy } from "../../../lib/gradient-copy.js";
import type { SentencesJSON } from "../../../lib/datasets.js";
import { asOptimizer, ShapeError } from "./adapters.js";

export function adaptContender(value: unknown, params: Record<string, unknown>): FairContenderResult & { label: string } {
  if (value === undefined) throw new ShapeError("The code returned nothing. End it with `return {factory, lr0}`.");
  const v = value as { factory?: unknown; lr0?: unknown; name?: unknown };
  if (value === null || typeof value !== "object" || typeof v.factory !== "function") {
    throw new ShapeError("Return an object {factory, lr0, name}: factory is a function lr → optimizer, lr0 (a number > 0) the centre of its learning-rate grid, name (optional) a label.");
  }
  if (typeof v.lr0 !== "number" || !Number.isFinite(v.lr0) || v.lr0 <= 0) {
    throw new ShapeError(`lr0 must be a finite number > 0 (the centre of the grid lr0 · 10^(k/2)); got ${String(v.lr0)}.`);
  }
  const factory = v.factory as (lr: number) => unknown;
  const label = typeof v.name === "string" && v.name ? v.name.slice(0, 40) : "your optimizer";
  if (!params.sentences) throw new TypeError("contender adapter: params.sentences (the sentences JSON) is missing");
  const task = sentencesTask(params.sentences as SentencesJSON);
  const options = params.options as FairOptions | undefined;
  const result = fairContender(task, { name: "yours", label, family: "adam", lr0: v.lr0, make: (lr) => withGradientCopy(asOptimizer(factory(lr))) }, options);
  return { ...result, label };
}
