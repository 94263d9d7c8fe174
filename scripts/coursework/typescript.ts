/**
 * The TypeScript compiler, loaded on first use with Node's own `require`.
 *
 * Why not `import ts from "typescript"`: under tsx (how `npm run grade` runs)
 * an import of typescript's 9 MB CommonJS file goes through tsx's loader,
 * which roughly doubles its load time (measured: about 2.3–2.5 s of CPU time
 * for a script that only imports it, against 1.1–1.3 s this way), and every
 * script that merely imports a module of the kit paid it at start-up.
 */
import { createRequire } from "node:module";

type TypeScript = typeof import("typescript");

let loaded: TypeScript | null = null;

export function typescript(): TypeScript {
  loaded ??= createRequire(import.meta.url)("typescript") as TypeScript;
  return loaded;
}
