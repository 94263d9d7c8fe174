#!/usr/bin/env -S npx tsx
/**
 * `npm run coursework:fixtures` — the recorded visible cases of every code
 * exercise, `exercises/<chapter>/<name>.fixture.json` (see exercises/fixture.ts):
 * each visible case is run on the reference solution (the module with its
 * solution regions) and every call to it recorded. The student edition's
 * visible tests replay them, so the edition needs no reference library.
 *
 * `--check` (and test/coursework/fixtures.test.ts) regenerates them in memory
 * and fails if a committed file differs: a change to a check, a solution or
 * the library cannot leave the fixtures stale.
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { visibleCases } from "../../exercises/check.js";
import { CHECKS } from "../../exercises/checks.js";
import { EXERCISES } from "../../exercises/index.js";
import type { Fixture, RecordedCall } from "../../exercises/fixture.js";
import { encode } from "../../exercises/wire.js";
import { exerciseFiles, ROOT } from "./files.js";

/** The module's exports with every function wrapped to record its calls into `log`. */
function recording(module: Record<string, unknown>, log: RecordedCall[]): Record<string, unknown> {
  const ids = new Map<unknown, string>();
  const wrap = (f: (...a: unknown[]) => unknown, id: string) =>
    (...args: unknown[]) => {
      const before = encode(args);
      const ret = f(...args);
      const name = (g: (...a: unknown[]) => unknown) => {
        if (!ids.has(g)) ids.set(g, `r${ids.size}`);
        const gid = ids.get(g)!;
        wrapped.set(gid, wrap(g, gid));
        return gid;
      };
      const call: RecordedCall = { fn: id, before, after: encode(args), ret: encode(ret, name) };
      log.push(call);
      // The check calls what the function returned: hand it the recording wrappers.
      if (typeof ret === "function") return wrapped.get(ids.get(ret)!);
      if (Array.isArray(ret)) return ret.map((r) => (typeof r === "function" ? wrapped.get(ids.get(r)!) : r));
      return ret;
    };
  const wrapped = new Map<string, (...a: unknown[]) => unknown>();
  return Object.fromEntries(Object.entries(module).map(([k, v]) => [k, typeof v === "function" ? wrap(v as (...a: unknown[]) => unknown, k) : v]));
}

export function fixturePath(id: string): string {
  return `exercises/${id}.fixture.json`;
}

/** The fixture of one code exercise, recorded from its reference solution (on a student's variant when `student` is given). */
export async function recordFixture(id: string, student: string | null = null): Promise<Fixture> {
  const module = (await import(pathToFileURL(join(ROOT, exerciseFiles(id).module)).href)) as Record<string, unknown>;
  const check = CHECKS[id];
  if (!check) throw new Error(`exercises/checks.ts has no check for ${id}`);
  const cases = visibleCases(check, student).map((c) => {
    const calls: RecordedCall[] = [];
    c.run(recording(module, calls) as never);
    return { name: c.name, calls };
  });
  return { format: "descent-fixture", id, cases };
}

export const serialize = (f: Fixture) => JSON.stringify(f) + "\n";

export async function allFixtures(): Promise<Array<{ path: string; text: string }>> {
  const out = [];
  for (const e of EXERCISES.filter((x) => x.kind === "code")) out.push({ path: fixturePath(e.id), text: serialize(await recordFixture(e.id)) });
  return out;
}

async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const { path, text } of await allFixtures()) {
    const file = join(ROOT, path);
    const same = existsSync(file) && readFileSync(file, "utf8") === text;
    if (check) {
      if (!same) {
        stale++;
        console.error(`${path} is stale: run npm run coursework:fixtures`);
      }
    } else if (!same) {
      writeFileSync(file, text);
      console.log(`wrote ${path} (${text.length} bytes)`);
    }
  }
  process.exit(stale ? 1 : 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) void main();
