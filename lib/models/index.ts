/** The models that `train` fits, re-exported. */
export type { Model, Classifier } from "./model.js";
export { linearRegression, leastSquares, type LinearRegression, type LeastSquaresFit } from "./linear-regression.js";
export { logisticRegression, type LogisticRegression } from "./logistic-regression.js";
export { mlp, type MLP } from "./mlp.js";
