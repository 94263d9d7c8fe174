/**
 * Descent's optimizer library: the public API. Pages, components, exercises
 * and a student's own code import from here.
 */
export type { Schedule, LearningRate, OptimizerState, Optimizer, Objective } from "./types.js";
export { random, type Random } from "./random.js";
export * from "./optimizers/index.js";
export * from "./datasets.js";
export * from "./models/index.js";
export * from "./train.js";
export * from "./objectives/index.js";
export * from "./schedules.js";
export * from "./ewa.js";
export * from "./line-search.js";
export * from "./run.js";
