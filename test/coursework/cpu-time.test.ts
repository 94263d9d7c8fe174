import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { clockTicks, cpuMs, parseProcStat, POLL_MS, verdict, wallCapMs, WALL_FACTOR } from "../../scripts/coursework/cpu-time.js";
import { ROOT } from "../../scripts/coursework/files.js";

// Fields 3.. of a real line (`cat /proc/self/stat`), with utime (field 14) = 1234 and stime (field 15) = 56.
const TAIL = "R 3162 3162 1217 0 -1 4194304 98 0 0 0 1234 56 0 0 20 0 1 0 3357502 3133440 408 18446744073709551615 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0";

describe("parseProcStat", () => {
  test("reads utime and stime (fields 14 and 15) of a plain process name", () => {
    expect(parseProcStat(`3168 (node) ${TAIL}\n`)).toEqual({ utime: 1234, stime: 56 });
  });

  test("counts fields from the last parenthesis, so a name with spaces and parentheses does not shift them", () => {
    expect(parseProcStat(`42 (a b) (c) 7 8) ${TAIL}`)).toEqual({ utime: 1234, stime: 56 });
    expect(parseProcStat(`42 ()) ${TAIL}`)).toEqual({ utime: 1234, stime: 56 });
  });

  test("rejects a line that is not a stat line, or is cut short", () => {
    expect(() => parseProcStat("no parenthesis here")).toThrow(/not a \/proc\/<pid>\/stat line/);
    expect(() => parseProcStat("42 (node) R 1 2 3")).toThrow(/no utime\/stime/);
  });
});

describe("verdict", () => {
  test("with CPU time measured: over the CPU limit is 'cpu', whatever the wall clock", () => {
    expect(verdict({ cpuMs: 5010, wallMs: 5100 }, 5)).toBe("cpu");
    expect(verdict({ cpuMs: 5010, wallMs: 1 }, 5)).toBe("cpu");
  });

  test("with CPU time measured: a loaded machine (much wall clock, little CPU) is not a time-out until the backstop", () => {
    expect(verdict({ cpuMs: 4990, wallMs: 25_000 }, 5)).toBe("ok");
    expect(verdict({ cpuMs: 100, wallMs: WALL_FACTOR * 5000 }, 5)).toBe("ok");
    expect(verdict({ cpuMs: 100, wallMs: WALL_FACTOR * 5000 + 1 }, 5)).toBe("wall");
    expect(verdict({ cpuMs: 0, wallMs: 2001 }, 1, 2)).toBe("wall");
  });

  test("exactly at the limit is still within it", () => {
    expect(verdict({ cpuMs: 5000, wallMs: 5000 }, 5)).toBe("ok");
    expect(verdict({ cpuMs: null, wallMs: 5000 }, 5)).toBe("ok");
  });

  test("without CPU time (no /proc): the wall clock at the limit itself", () => {
    expect(verdict({ cpuMs: null, wallMs: 5001 }, 5)).toBe("wall");
    expect(verdict({ cpuMs: null, wallMs: 4999 }, 5)).toBe("ok");
  });

  test("a limit that is not positive is an error naming it", () => {
    expect(() => verdict({ cpuMs: 0, wallMs: 0 }, 0)).toThrow(/limit must be > 0 s, got 0/);
    expect(() => verdict({ cpuMs: 0, wallMs: 0 }, Number.NaN)).toThrow(/limit must be > 0 s/);
  });

  test("the wall-clock cap is the backstop multiple where CPU time is measured, the limit itself where not", () => {
    expect(wallCapMs(5, true)).toBe(WALL_FACTOR * 5000);
    expect(wallCapMs(5, false)).toBe(5000);
  });
});

describe.runIf(process.platform === "linux")("on Linux", () => {
  test("the clock tick rate is read, and this process's own CPU time grows when it computes", () => {
    expect(clockTicks()).toBeGreaterThan(0);
    const before = cpuMs(process.pid)!;
    expect(before).toBeGreaterThanOrEqual(0);
    // Burn until the kernel has charged at least two ticks (no wall-clock assertion).
    let after = before;
    let x = 0;
    while (after - before < (2 * 1000) / clockTicks()) {
      for (let i = 0; i < 1e6; i++) x += Math.sqrt(i);
      after = cpuMs(process.pid)!;
    }
    expect(x).toBeGreaterThan(0);
    expect(after).toBeGreaterThan(before);
  });

  test("a process that does not exist reads as unknown, not as zero", () => {
    expect(cpuMs(2 ** 22 + 12345)).toBeNull();
  });
});

describe("the instructors page states the rule the code applies", () => {
  const page = readFileSync(join(ROOT, "src/instructors.md"), "utf8");
  test("the wall-clock backstop's multiple and the sampling interval", () => {
    expect(page).toContain(`after ${WALL_FACTOR}× the limit in wall-clock time`);
    expect(page).toContain(`read from \`/proc\` every ${POLL_MS} ms`);
  });
});
