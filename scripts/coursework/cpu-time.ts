/**
 * Time limits that are fair on a loaded machine: a student's code is charged
 * for the CPU time its own process used, not for the wall-clock time that
 * passed while other processes had the cores.
 *
 * On Linux the child's CPU time is read from `/proc/<pid>/stat`: fields 14
 * and 15 (utime, stime; all the process's threads, kept across `exec`), in
 * clock ticks of `getconf CLK_TCK` per second (normally 100, so a reading is
 * good to 10 ms). The waiting thread samples it about every 100 ms.
 *
 * A phase with a limit of L seconds fails
 * - "cpu" when the child has used more than L s of CPU time since the phase
 *   began (an endless loop: about L s on an idle machine, more under load);
 * - "wall" when W = `WALL_FACTOR`·L s of wall clock have passed (default 6·L:
 *   a child that sleeps or blocks on a read uses no CPU time and would
 *   otherwise never be stopped).
 * Where there is no /proc (macOS, Windows) the CPU time cannot be read, and
 * the phase fails "wall" after L s of wall clock, as before.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** Wall-clock backstop, as a multiple of a phase's CPU limit. */
export const WALL_FACTOR = 6;

/** How often (ms) the waiting thread samples the child's CPU time. */
export const POLL_MS = 100;

/**
 * utime and stime (clock ticks) from one line of /proc/<pid>/stat. The
 * process name (field 2) is in parentheses and may itself hold spaces and
 * parentheses, so the fields are counted from the *last* ")".
 */
export function parseProcStat(line: string): { utime: number; stime: number } {
  const close = line.lastIndexOf(")");
  if (close < 0) throw new Error(`not a /proc/<pid>/stat line: ${JSON.stringify(line.slice(0, 80))}`);
  // After ") ": field 3 (state) is index 0, so field n is index n − 3.
  const rest = line.slice(close + 2).trim().split(/\s+/);
  const utime = Number(rest[14 - 3]);
  const stime = Number(rest[15 - 3]);
  if (!Number.isInteger(utime) || !Number.isInteger(stime) || utime < 0 || stime < 0) {
    throw new Error(`no utime/stime in /proc/<pid>/stat line: ${JSON.stringify(line.slice(0, 80))}`);
  }
  return { utime, stime };
}

let ticks: number | null = null;

/** Clock ticks per second (`getconf CLK_TCK`; 100 if it cannot be asked). */
export function clockTicks(): number {
  if (ticks === null) {
    try {
      const n = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
      ticks = Number.isInteger(n) && n > 0 ? n : 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

const HAS_PROC = process.platform === "linux";

/**
 * Milliseconds of CPU time process `pid` has used, or null where it cannot be
 * read (no /proc, or the process is gone).
 */
export function cpuMs(pid: number): number | null {
  if (!HAS_PROC) return null;
  try {
    const { utime, stime } = parseProcStat(readFileSync(`/proc/${pid}/stat`, "utf8"));
    return ((utime + stime) * 1000) / clockTicks();
  } catch {
    return null;
  }
}

export type Verdict = "ok" | "cpu" | "wall";

export interface Sample {
  /** CPU ms the child has used since the phase began, or null if it cannot be measured. */
  cpuMs: number | null;
  /** Wall ms since the phase began. */
  wallMs: number;
}

/**
 * Whether a phase with a limit of `limitS` seconds has run out: see the rules
 * at the top of this file. `wallFactor` is the backstop multiple (default
 * WALL_FACTOR).
 */
export function verdict({ cpuMs, wallMs }: Sample, limitS: number, wallFactor = WALL_FACTOR): Verdict {
  if (!(limitS > 0)) throw new RangeError(`limit must be > 0 s, got ${limitS}`);
  const limitMs = limitS * 1000;
  if (cpuMs === null) return wallMs > limitMs ? "wall" : "ok";
  if (cpuMs > limitMs) return "cpu";
  return wallMs > wallFactor * limitMs ? "wall" : "ok";
}

/** The wall-clock time (ms) after which a phase of `limitS` seconds fails whatever its CPU time. */
export function wallCapMs(limitS: number, measured: boolean, wallFactor = WALL_FACTOR): number {
  return (measured ? wallFactor : 1) * limitS * 1000;
}
