/**
 * AdaptiveRevision (McMahan & Streeter 2014, "Delay-tolerant algorithms for
 * asynchronous distributed online learning", NeurIPS): AdaGrad's
 * per-coordinate learning rates for a parameter server whose gradients arrive
 * late, with the steps of the gradients that arrived *while* a gradient was
 * in flight revised to the new, smaller rate.
 *
 * The form implemented here, for one coordinate (every coordinate is
 * independent), as we read the paper's algorithm:
 *
 * Server state: x (the parameter), z = Σ g (every gradient applied so far),
 * z′ (the delay-aware accumulator) and z′_max = max over time of z′.
 * The rate is η(z′_max) = α / (√z′_max + ε).
 *
 * - Read (a worker fetches x): the worker also remembers z_read = z.
 * - Update (its gradient g arrives, computed at the x it read):
 *
 *   $$\begin{aligned}
 *   g^{bck} &= z - z_{read} &&\text{(the gradients applied while g was in flight)}\\
 *   \eta_{old} &= \alpha / (\sqrt{z'_{max}} + \varepsilon)\\
 *   z' &\leftarrow z' + g^2 + 2\,g\,g^{bck}\\
 *   z'_{max} &\leftarrow \max(z'_{max}, z')\\
 *   \eta &= \alpha / (\sqrt{z'_{max}} + \varepsilon)\\
 *   x &\leftarrow x - \eta\, g + (\eta_{old} - \eta)\, g^{bck}\\
 *   z &\leftarrow z + g
 *   \end{aligned}$$
 *
 * Why: with no delay, g^bck = 0, z′ = Σ g² and the rule is AdaGrad exactly
 * (torch.optim.Adagrad with initial accumulator 0, lr α, eps ε; tested). With
 * delays, summed over the arrival order, Σ (g_t² + 2 g_t·g_t^bck) = Σ g_t² +
 * 2 Σ g_s g_t over the pairs s, t where s arrived while t was in flight: the
 * cross products of the gradients that overlapped. It equals (Σ g)² only when
 * every gradient overlapped all earlier ones (all read before the first
 * arrival), and Σ g² when none overlapped. So the cross term 2 g g^bck counts
 * how much g and the gradients it overlapped point the same way — the
 * quantity the paper's regret bound pays for — and the
 * rate shrinks with it. The revision term (η_old − η) g^bck takes back part
 * of the steps the overlapping gradients took at the old, larger rate, as if
 * they had been taken at the new rate: the "revision" of the name. ε = 1e-10
 * (torch's Adagrad default) only guards the very first step.
 */

export interface AdaptiveRevisionState {
  /** The step scale α. */
  readonly alpha: number;
  readonly eps: number;
  /** Per coordinate: Σ g. */
  readonly z: Float64Array;
  /** Per coordinate: z′ = Σ (g² + 2 g g^bck). */
  readonly zPrime: Float64Array;
  /** Per coordinate: max over time of z′. */
  readonly zMax: Float64Array;
}

/** Fresh state for d coordinates. */
export function adaptiveRevisionState(d: number, alpha: number, eps = 1e-10): AdaptiveRevisionState {
  if (!(Number.isInteger(d) && d >= 1)) throw new RangeError(`adaptiveRevisionState: d must be an integer ≥ 1, got ${d}`);
  if (!(alpha > 0 && Number.isFinite(alpha))) throw new RangeError(`adaptiveRevisionState: alpha must be a finite number > 0, got ${alpha}`);
  if (!(eps > 0 && Number.isFinite(eps))) throw new RangeError(`adaptiveRevisionState: eps must be a finite number > 0, got ${eps}`);
  return { alpha, eps, z: new Float64Array(d), zPrime: new Float64Array(d), zMax: new Float64Array(d) };
}

/**
 * Applies the delayed gradient g of coordinate j to x[j]; `zRead` is z[j] as
 * it was when the worker read x[j]. Returns the step taken (x_new − x_old).
 */
export function adaptiveRevisionUpdate(state: AdaptiveRevisionState, x: Float64Array, j: number, g: number, zRead: number): number {
  const { alpha, eps, z, zPrime, zMax } = state;
  const bck = z[j] - zRead;
  const etaOld = alpha / (Math.sqrt(zMax[j]) + eps);
  zPrime[j] += g * g + 2 * g * bck;
  if (zPrime[j] > zMax[j]) zMax[j] = zPrime[j];
  const eta = alpha / (Math.sqrt(zMax[j]) + eps);
  const step = -eta * g + (etaOld - eta) * bck;
  x[j] += step;
  z[j] += g;
  return step;
}
