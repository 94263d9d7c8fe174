/**
 * The one seeded pseudo-random number generator of Descent. Pages, tests,
 * benchmarks and the training loop all draw from it, so a figure in the text
 * and the figure on screen agree.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator,
 * from PractRand), seeded through splitmix32 so that nearby seeds give
 * unrelated streams. Its state is four 32-bit words kept in a plain object a
 * student can inspect.
 */
import { requireInteger } from "./validate.js";

export interface Random {
  /** A uniform number in [0, 1). */
  uniform(): number;
  /** A uniform number in [lo, hi). */
  between(lo: number, hi: number): number;
  /** A standard normal number (Box–Muller). */
  normal(): number;
  /** A uniform integer in [0, n). */
  int(n: number): number;
  /** Shuffles `array` in place (Fisher–Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(array: T): T;
  /** The four 32-bit words of the generator's state. */
  readonly state: Uint32Array;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Creates a generator from an integer seed; the same seed always gives the same stream. */
export function random(seed = 0): Random {
  requireInteger("random", "seed", seed, -(2 ** 53), 2 ** 53);
  const mix = splitmix32((seed >>> 0) ^ Math.floor(seed / 2 ** 32));
  const state = new Uint32Array([mix(), mix(), mix(), mix()]);
  let spare = NaN;

  function next32(): number {
    const [a, b, c, d] = state as unknown as [number, number, number, number];
    const t = (((a + b) >>> 0) + d) >>> 0;
    state[3] = (d + 1) >>> 0;
    state[0] = b ^ (b >>> 9);
    state[1] = (c + (c << 3)) >>> 0;
    state[2] = (((c << 21) | (c >>> 11)) + t) >>> 0;
    return t;
  }
  for (let i = 0; i < 12; ++i) next32();

  const uniform = () => next32() / 4294967296;
  return {
    state,
    uniform,
    between: (lo, hi) => lo + (hi - lo) * uniform(),
    normal() {
      if (!Number.isNaN(spare)) {
        const z = spare;
        spare = NaN;
        return z;
      }
      let u = 0;
      while (u === 0) u = uniform();
      const r = Math.sqrt(-2 * Math.log(u));
      const theta = 2 * Math.PI * uniform();
      spare = r * Math.sin(theta);
      return r * Math.cos(theta);
    },
    int(n) {
      requireInteger("random.int", "n", n, 1);
      return Math.floor(uniform() * n);
    },
    shuffle(array) {
      for (let i = array.length - 1; i > 0; --i) {
        const j = Math.floor(uniform() * (i + 1));
        const tmp = array[i];
        array[i] = array[j];
        array[j] = tmp;
      }
      return array;
    },
  };
}
