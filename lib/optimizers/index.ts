/** Every optimizer of Descent, one per file, plus the registry that describes them. */
export { sgd, type SgdHyper, type SgdState } from "./sgd.js";
export { momentum, type MomentumHyper, type MomentumState } from "./momentum.js";
export { nesterov, type NesterovHyper, type NesterovState } from "./nesterov.js";
export { adagrad, type AdagradHyper, type AdagradState } from "./adagrad.js";
export { rmsprop, type RmspropHyper, type RmspropState } from "./rmsprop.js";
export { adadelta, type AdadeltaHyper, type AdadeltaState } from "./adadelta.js";
export { adam, type AdamHyper, type AdamState } from "./adam.js";
export { amsgrad, type AmsgradHyper, type AmsgradState } from "./amsgrad.js";
export { adamw, type AdamwHyper, type AdamwState } from "./adamw.js";
export { adamax, type AdamaxHyper, type AdamaxState } from "./adamax.js";
export { nadam, type NadamHyper, type NadamState } from "./nadam.js";
export { momentumEwa, type MomentumEwaHyper, type MomentumEwaState } from "./momentumEwa.js";
export { nesterovLookahead, type NesterovLookaheadHyper, type NesterovLookaheadState } from "./nesterovLookahead.js";
export { adagradEpsInside, type AdagradEpsInsideHyper, type AdagradEpsInsideState } from "./adagradEpsInside.js";
export { adagradNoSqrt, type AdagradNoSqrtHyper, type AdagradNoSqrtState } from "./adagradNoSqrt.js";
export { amsgradReddi, type AmsgradReddiHyper, type AmsgradReddiState } from "./amsgradReddi.js";
export { rprop, type RpropHyper, type RpropState } from "./rprop.js";
export { optimizers, optimizerInfo, type OptimizerInfo, type HyperSpec, type OptimizerName } from "./registry.js";
