/**
 * The map's gradient and update arrows: pixel geometry and the sentence that
 * describes them (the arrows themselves come from lib/arena/vectors.ts).
 *
 * Both arrows are drawn to the map's own scale, in parameter units: the
 * dashed arrow is the plain gradient step −η∇f from the racer's position (what
 * gradient descent with the racer's η would do), the solid one the step the
 * racer takes next from there (x_{s+1} − x_s, made with that same gradient),
 * so it ends where the racer's next point is. An arrow
 * longer than `limit` pixels is cut to that length (and said to be, in the
 * description) so it stays on the map; one shorter than a few pixels has no
 * head.
 */
import { num } from "../format.js";
import type { StepVectors } from "../../lib/arena/vectors.js";

/** Path data of an arrow from (x0, y0) along (dx, dy) in pixels, cut to `limit` pixels; `cut` says whether it was. */
export function arrowPath(x0: number, y0: number, dx: number, dy: number, limit: number): { d: string; cut: boolean } {
  let len = Math.hypot(dx, dy);
  if (!Number.isFinite(len) || len === 0) return { d: "", cut: false };
  const cut = len > limit;
  if (cut) {
    dx *= limit / len;
    dy *= limit / len;
    len = limit;
  }
  const x1 = x0 + dx, y1 = y0 + dy;
  const r = (v: number) => Math.round(v * 10) / 10;
  let d = `M${r(x0)},${r(y0)}L${r(x1)},${r(y1)}`;
  if (len >= 4) {
    const head = Math.min(7, len / 2.5);
    const ux = dx / len, uy = dy / len;
    // Two barbs at ±28° from the shaft.
    const c = Math.cos(0.49), s = Math.sin(0.49);
    const bx1 = -(ux * c - uy * s) * head, by1 = -(uy * c + ux * s) * head;
    const bx2 = -(ux * c + uy * s) * head, by2 = -(uy * c - ux * s) * head;
    d += `M${r(x1 + bx1)},${r(y1 + by1)}L${r(x1)},${r(y1)}L${r(x1 + bx2)},${r(y1 + by2)}`;
  }
  if (cut) {
    // A cut arrow gets an axis-break mark "//" across its shaft, two thirds of the way along.
    const ux = dx / len, uy = dy / len, nx = -uy, ny = ux;
    for (const t of [0.62, 0.68]) {
      const cx = x0 + t * dx, cy = y0 + t * dy;
      d += `M${r(cx - 5 * nx - 2 * ux)},${r(cy - 5 * ny - 2 * uy)}L${r(cx + 5 * nx + 2 * ux)},${r(cy + 5 * ny + 2 * uy)}`;
    }
  }
  return { d, cut };
}

const fmt = (v: number) => num(v, 3);
const pair = (v: readonly [number, number]) => `(${fmt(v[0])}, ${fmt(v[1])})`;

/** The angle between two vectors in degrees, or null when either is zero. */
export function angleBetween(a: readonly [number, number], b: readonly [number, number]): number | null {
  const na = Math.hypot(a[0], a[1]), nb = Math.hypot(b[0], b[1]);
  if (!(na > 0) || !(nb > 0)) return null;
  const cos = Math.max(-1, Math.min(1, (a[0] * b[0] + a[1] * b[1]) / (na * nb)));
  return (Math.acos(cos) * 180) / Math.PI;
}

/** One racer's arrows in words, e.g. "Momentum at (1, 2): plain gradient step −η∇f (…), next update (…), 2.1 × as long, 15° apart". */
export function describeArrows(title: string, v: StepVectors, gone: boolean, cut: { gradient: boolean; update: boolean }): string {
  if (gone) return `${title} has diverged.`;
  let text = `${title} at ${pair(v.position)}: plain gradient step −η∇f ${pair(v.gradientStep)}${cut.gradient ? " (drawn cut short)" : ""}`;
  if (v.update === null) return `${text}; no update after the last step.`;
  text += `, next update ${pair(v.update)}${cut.update ? " (drawn cut short)" : ""}`;
  const ng = Math.hypot(...v.gradientStep), nu = Math.hypot(...v.update);
  const angle = angleBetween(v.gradientStep, v.update);
  if (ng > 0 && angle !== null) text += `, ${fmt(nu / ng)} × as long, ${Math.round(angle)}° apart`;
  return text + ".";
}
