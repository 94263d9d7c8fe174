/**
 * The visible checks of every code exercise, by id. The sandbox worker
 * bundles this file (src/components/editor/sandbox/exercise.ts) to check readers'
 * code in the page, so it imports only `*.check.ts` modules — never an
 * exercise module (its solution) and never a hidden test.
 *
 * Adding an exercise: one import and one entry below, plus its entry in
 * index.ts.
 */
import type { ExerciseCheck } from "./check.js";
import { check as adagradStep } from "./adagrad/adagrad-step.check.js";
import { check as adamStep } from "./adam/adam-step.check.js";
import { check as nadamStep } from "./adam/nadam-step.check.js";
import { check as biasCorrected } from "./ewa/bias-corrected.check.js";
import { check as gdQuadratic } from "./gradient-descent/gd-quadratic.check.js";
import { check as gdStep } from "./gradient-descent/gd-step.check.js";
import { check as maxStableLr } from "./learning-rate/max-stable-lr.check.js";
import { check as minibatchSgd } from "./minibatch/minibatch-sgd.check.js";
import { check as hogwildStep } from "./parallel/hogwild-step.check.js";
import { check as momentumStep } from "./momentum/momentum-step.check.js";
import { check as nesterovStep } from "./nesterov/nesterov-step.check.js";
import { check as adadeltaStep } from "./rmsprop-adadelta/adadelta-step.check.js";
import { check as rmspropStep } from "./rmsprop-adadelta/rmsprop-step.check.js";
import { check as stepDecay } from "./schedules/step-decay.check.js";
import { check as batchnormForward } from "./strategies/batchnorm-forward.check.js";
import { check as gradientNoise } from "./strategies/gradient-noise.check.js";
import { check as patienceRule } from "./strategies/patience-rule.check.js";

const ALL = [gdStep, gdQuadratic, maxStableLr, stepDecay, minibatchSgd, biasCorrected, momentumStep, nesterovStep, adagradStep, rmspropStep, adadeltaStep, adamStep, nadamStep, patienceRule, gradientNoise, batchnormForward, hogwildStep] as unknown as ExerciseCheck[];

export const CHECKS: Readonly<Record<string, ExerciseCheck>> = Object.freeze(Object.fromEntries(ALL.map((c) => [c.id, c])));
