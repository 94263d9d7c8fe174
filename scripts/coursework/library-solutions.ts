/**
 * The library files that are, or contain, the answer to a code exercise: a
 * student edition assigning the exercise must not ship them (it ships no
 * optimizer at all — see edition.ts — and test/coursework/kit.test.ts checks
 * these by name and by their lines). `momentum` with μ = 0 is plain SGD and
 * `adamw` with no decay is Adam, so those count too.
 */
export const LIBRARY_SOLUTIONS: Readonly<Record<string, readonly string[]>> = {
  "gradient-descent/gd-step": ["lib/optimizers/sgd.ts", "lib/optimizers/momentum.ts", "lib/optimizers/nesterov.ts"],
  "gradient-descent/gd-quadratic": ["lib/optimizers/sgd.ts", "lib/run.ts"],
  "learning-rate/max-stable-lr": ["lib/analysis/quadratic-rate.ts"],
  "schedules/step-decay": ["lib/schedules.ts"],
  "minibatch/minibatch-sgd": ["lib/models/linear-regression.ts", "lib/train.ts"],
  "ewa/bias-corrected": ["lib/ewa.ts"],
  "momentum/momentum-step": ["lib/optimizers/momentum.ts"],
  "nesterov/nesterov-step": ["lib/optimizers/nesterov.ts"],
  "adagrad/adagrad-step": ["lib/optimizers/adagrad.ts"],
  "rmsprop-adadelta/rmsprop-step": ["lib/optimizers/rmsprop.ts", "lib/optimizers/adadelta.ts"],
  "rmsprop-adadelta/adadelta-step": ["lib/optimizers/adadelta.ts"],
  "adam/adam-step": ["lib/optimizers/adam.ts", "lib/optimizers/adamw.ts"],
  "adam/nadam-step": ["lib/optimizers/nadam.ts"],
  "strategies/patience-rule": ["lib/analysis/strategies.ts", "lib/train.ts"],
  "strategies/gradient-noise": ["lib/analysis/strategies.ts"],
  "strategies/batchnorm-forward": ["lib/models/batchnorm-layer.ts", "lib/models/mlp-batchnorm.ts"],
  "parallel/hogwild-step": ["lib/parallel/simulate.ts"],
};
