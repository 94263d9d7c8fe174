import type { Dataset } from "../../lib/datasets.js";
import type { Model } from "../../lib/models/model.js";

/** The largest |analytic − central difference| over all coordinates, relative to max(1, |g|). */
export function gradError<D extends Dataset>(model: Model<D>, params: Float64Array, data: D, indices: ArrayLike<number>, h = 1e-6): number {
  const g = new Float64Array(model.dim);
  model.grad(params, data, indices, g);
  const x = params.slice();
  let worst = 0;
  for (let j = 0; j < model.dim; ++j) {
    const v = x[j];
    x[j] = v + h;
    const up = model.loss(x, data, indices);
    x[j] = v - h;
    const down = model.loss(x, data, indices);
    x[j] = v;
    const fd = (up - down) / (2 * h);
    worst = Math.max(worst, Math.abs(fd - g[j]) / Math.max(1, Math.abs(g[j])));
  }
  return worst;
}
