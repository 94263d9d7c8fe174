/**
 * Allowlists of hand-typed numbers: `test/claims/allowlists/<slug>.json`,
 * `{ "<number as written>": "<reason>" }`, one per page.
 *
 * A reason starts with its kind:
 * - `setting:` a value the page fixes (a learning rate, a step count, a seed);
 * - `year:` a publication year;
 * - `cited:` a figure quoted from a source, named in the reason;
 * - `exact:` exact arithmetic, naming the test that checks it (a
 *   `test/….test.ts` path that must exist);
 * - `todo:` a hand-typed result that should be computed but is not yet: allowed
 *   (reported as a warning and counted) so main stays green while chapters are
 *   rewritten; the goal is none.
 *
 * A number on the page that is not in its allowlist fails; so does an entry
 * whose number is no longer on the page (allowlists stay short and current),
 * and a reason of another kind.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ProseNumber } from "./prose-numbers.js";

export const REPO = join(import.meta.dirname, "..", "..");
export const ALLOWLISTS = join(REPO, "test", "claims", "allowlists");
export const KINDS = ["setting", "year", "cited", "exact", "todo"] as const;
export type Kind = (typeof KINDS)[number];

export type Allowlist = Record<string, string>;

export function allowlistPath(slug: string, dir = ALLOWLISTS): string {
  return join(dir, `${slug}.json`);
}

export function readAllowlist(slug: string, dir = ALLOWLISTS): Allowlist {
  const path = allowlistPath(slug, dir);
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Allowlist) : {};
}

export function kindOf(reason: string): Kind | null {
  const kind = /^([a-z]+):/.exec(reason)?.[1];
  return (KINDS as readonly string[]).includes(kind ?? "") ? (kind as Kind) : null;
}

export interface PageReport {
  slug: string;
  numbers: ProseNumber[];
  /** Numbers on the page with no allowlist entry. */
  unlisted: ProseNumber[];
  /** Allowlist entries whose number is not on the page. */
  stale: string[];
  /** Entries whose reason is not one of the kinds, or an `exact:` that names no existing test. */
  badReasons: string[];
  /** How many numbers (occurrences) each kind covers. */
  byKind: Record<Kind, number>;
  /** The `todo:` occurrences: hand-typed results still to compute. */
  todos: ProseNumber[];
}

/** Holds a page's numbers against its allowlist. */
export function checkNumbers(slug: string, numbers: ProseNumber[], allowlist: Allowlist, repo = REPO): PageReport {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const unlisted: ProseNumber[] = [];
  const todos: ProseNumber[] = [];
  for (const n of numbers) {
    const reason = allowlist[n.text];
    if (reason === undefined) {
      unlisted.push(n);
      continue;
    }
    const kind = kindOf(reason);
    if (kind) byKind[kind] += 1;
    if (kind === "todo") todos.push(n);
  }
  const present = new Set(numbers.map((n) => n.text));
  const stale = Object.keys(allowlist).filter((key) => !present.has(key));
  const badReasons = Object.entries(allowlist).flatMap(([key, reason]) => {
    const kind = kindOf(reason);
    if (!kind) return [`"${key}": "${reason}" (a reason starts with ${KINDS.map((k) => `${k}:`).join(", ")})`];
    if (kind === "exact") {
      const test = /\btest\/[\w./-]+\.test\.ts\b/.exec(reason)?.[0];
      if (!test) return [`"${key}": an exact: reason names the test that checks it (test/….test.ts)`];
      if (!existsSync(join(repo, test))) return [`"${key}": ${test} does not exist`];
    }
    if (reason.slice(kind.length + 1).trim().length < 3) return [`"${key}": the reason says nothing after "${kind}:"`];
    return [];
  });
  return { slug, numbers, unlisted, stale, badReasons, byKind, todos };
}

/** True when a page passes (todo entries are warnings, not failures). */
export function passes(report: PageReport): boolean {
  return report.unlisted.length === 0 && report.stale.length === 0 && report.badReasons.length === 0;
}
