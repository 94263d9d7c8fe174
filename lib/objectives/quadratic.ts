/**
 * The quadratic f(x) = ½·xᵀAx − bᵀx in n dimensions, A symmetric positive
 * semidefinite: ∇f(x) = Ax − b, ∇²f = A. Its eigenvalues λ₁ ≤ … ≤ λₙ are the
 * curvatures along its axes; gradient descent with step η converges iff
 * 0 < η < 2/λₙ, and x_t − x* = (I − ηA)ᵗ(x₀ − x*).
 *
 * The eigen-decomposition is computed once at construction with the cyclic
 * Jacobi method (O(n³) per sweep: meant for the small n of pages and
 * exercises). `minima` holds the minimizer of least norm, A⁺b, when b lies in
 * the range of A; otherwise f is unbounded below, `minima` is empty and
 * `minValue` is −∞.
 */
import type { Objective } from "../types.js";
import { rejectUnknownKeys, requireSameLength } from "../validate.js";

export type Matrix = ReadonlyArray<ArrayLike<number>> | Float64Array;

export interface QuadraticOptions {
  /** The box to draw; default centred on the origin, wide enough to hold the minimizer (at least [−5, 5]ⁿ). */
  domain?: ReadonlyArray<readonly [number, number]>;
  /** Default "quadratic". */
  name?: string;
}

export interface Quadratic extends Objective {
  /** A, row-major n × n (symmetrized copy). */
  readonly A: Float64Array;
  readonly b: Float64Array;
  /** The eigenvalues of A in ascending order. */
  readonly eigenvalues: Float64Array;
  /** Unit eigenvectors, row-major: row k (entries k·n … k·n + n − 1) belongs to eigenvalues[k]. */
  readonly eigenvectors: Float64Array;
}

/** Reads a square matrix given as rows or as a row-major Float64Array; throws naming the shape problem. */
function readMatrix(owner: string, A: unknown): { data: Float64Array; n: number } {
  if (A instanceof Float64Array) {
    const n = Math.round(Math.sqrt(A.length));
    if (n < 1 || n * n !== A.length) {
      throw new RangeError(`${owner}: A as a row-major Float64Array must have a square length n², got length ${A.length}`);
    }
    return { data: Float64Array.from(A), n };
  }
  if (!Array.isArray(A) || A.length === 0) {
    throw new TypeError(`${owner}: A must be a non-empty array of rows (number[][]) or a row-major Float64Array`);
  }
  const n = A.length;
  const data = new Float64Array(n * n);
  A.forEach((row: unknown, i: number) => {
    if (row === null || typeof row !== "object" || typeof (row as ArrayLike<number>).length !== "number") {
      throw new TypeError(`${owner}: A[${i}] must be an array of numbers`);
    }
    const r = row as ArrayLike<number>;
    if (r.length !== n) throw new RangeError(`${owner}: A must be square: A has ${n} rows but A[${i}] has length ${r.length}`);
    for (let j = 0; j < n; ++j) data[i * n + j] = r[j];
  });
  return { data, n };
}

/**
 * The eigenvalues (ascending) and unit eigenvectors (row k for eigenvalue k) of
 * the symmetric n × n row-major matrix `S`, by cyclic Jacobi rotations
 * (Golub & Van Loan, Matrix Computations, §8.5). `S` is not modified.
 */
export function symmetricEigen(S: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(S);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; ++i) v[i * n + i] = 1;
  let norm = 0;
  for (let i = 0; i < n * n; ++i) norm += a[i] * a[i];
  for (let sweep = 0; sweep < 100; ++sweep) {
    let off = 0;
    for (let p = 0; p < n; ++p) for (let q = p + 1; q < n; ++q) off += a[p * n + q] * a[p * n + q];
    if (off <= 1e-32 * norm || off === 0) break;
    for (let p = 0; p < n; ++p) {
      for (let q = p + 1; q < n; ++q) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; ++k) {
          const akp = a[k * n + p], akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; ++k) {
          const apk = a[p * n + k], aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; ++k) {
          const vkp = v[k * n + p], vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[i * n + i] - a[j * n + j]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((col, k) => {
    values[k] = a[col * n + col];
    for (let i = 0; i < n; ++i) vectors[k * n + i] = v[i * n + col];
  });
  return { values, vectors };
}

/**
 * f(x) = ½·xᵀAx − bᵀx. `A` (rows or row-major Float64Array) must be square,
 * symmetric (to 1e-12 relative) and positive semidefinite (smallest eigenvalue
 * ≥ −1e-10·largest |eigenvalue|); `b` defaults to zeros.
 */
export function quadratic(A: Matrix, b?: ArrayLike<number>, options: QuadraticOptions = {}): Quadratic {
  const owner = "quadratic";
  rejectUnknownKeys(owner, options, ["domain", "name"]);
  const { data, n } = readMatrix(owner, A);
  let scale = 0;
  for (let i = 0; i < n * n; ++i) {
    if (!Number.isFinite(data[i])) {
      throw new RangeError(`${owner}: A[${Math.floor(i / n)}][${i % n}] must be a finite number, got ${data[i]}`);
    }
    scale = Math.max(scale, Math.abs(data[i]));
  }
  for (let i = 0; i < n; ++i) {
    for (let j = i + 1; j < n; ++j) {
      const aij = data[i * n + j], aji = data[j * n + i];
      if (Math.abs(aij - aji) > 1e-12 * scale) {
        throw new RangeError(`${owner}: A must be symmetric, but A[${i}][${j}] = ${aij} and A[${j}][${i}] = ${aji}`);
      }
      data[i * n + j] = data[j * n + i] = (aij + aji) / 2;
    }
  }
  const bv = new Float64Array(n);
  if (b !== undefined) {
    requireSameLength(owner, "b", b.length, n);
    for (let i = 0; i < n; ++i) {
      if (typeof b[i] !== "number" || !Number.isFinite(b[i])) throw new RangeError(`${owner}: b[${i}] must be a finite number, got ${b[i]}`);
      bv[i] = b[i];
    }
  }
  const { values, vectors } = symmetricEigen(data, n);
  const lambdaMax = Math.max(Math.abs(values[0]), Math.abs(values[n - 1]));
  const tol = 1e-10 * lambdaMax;
  if (values[0] < -tol) {
    throw new RangeError(`${owner}: A must be positive semidefinite, but its smallest eigenvalue is ${values[0]} (accepted: ≥ ${-tol})`);
  }
  // Least-norm minimizer A⁺b, if b is in the range of A.
  const xStar = new Float64Array(n);
  let bNorm = 0;
  for (let i = 0; i < n; ++i) bNorm += bv[i] * bv[i];
  bNorm = Math.sqrt(bNorm);
  let bounded = true;
  for (let k = 0; k < n; ++k) {
    let proj = 0;
    for (let i = 0; i < n; ++i) proj += vectors[k * n + i] * bv[i];
    if (values[k] > tol) {
      for (let i = 0; i < n; ++i) xStar[i] += (proj / values[k]) * vectors[k * n + i];
    } else if (Math.abs(proj) > 1e-10 * bNorm) {
      bounded = false;
    }
  }
  let minValue = -Infinity;
  if (bounded) {
    minValue = 0;
    for (let i = 0; i < n; ++i) minValue -= 0.5 * bv[i] * xStar[i];
  }
  let radius = 5;
  if (bounded) for (let i = 0; i < n; ++i) radius = Math.max(radius, 1.5 * Math.abs(xStar[i]));
  const domain = options.domain ?? Array.from({ length: n }, () => [-radius, radius] as const);
  requireSameLength(owner, "domain", domain.length, n);

  return {
    name: options.name ?? "quadratic",
    dim: n,
    A: data,
    b: bv,
    eigenvalues: values,
    eigenvectors: vectors,
    value(x) {
      let sum = 0;
      for (let i = 0; i < n; ++i) {
        let ax = 0;
        for (let j = 0; j < n; ++j) ax += data[i * n + j] * x[j];
        sum += x[i] * (0.5 * ax - bv[i]);
      }
      return sum;
    },
    grad(x, out) {
      for (let i = 0; i < n; ++i) {
        let ax = 0;
        for (let j = 0; j < n; ++j) ax += data[i * n + j] * x[j];
        out[i] = ax - bv[i];
      }
      return out;
    },
    hessian(_x, out) {
      out.set(data);
      return out;
    },
    domain,
    minima: bounded ? [Array.from(xStar)] : [],
    minValue,
  };
}
