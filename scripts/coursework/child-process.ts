/**
 * How the process running a student's module is started and stopped, so that
 * none outlives the grader (remote.ts starts it through sandbox/relay.mjs).
 *
 * On POSIX systems the child
 * - leads a process group of its own (`detached`: setsid), and is stopped by
 *   killing the whole group (`kill(-pid, SIGKILL)`);
 * - has its CPU time capped (`ulimit -t`, through `sh -c`): the kernel stops
 *   it with SIGXCPU/SIGKILL after that many CPU seconds, whatever happens to
 *   the grader;
 * - where util-linux's `setpriv` exists (Linux, Gradescope's Ubuntu image),
 *   gets SIGKILL from the kernel the moment the grader's thread that started
 *   it dies (`--pdeathsig KILL`): a grader killed by a signal it cannot catch
 *   (SIGKILL, or SIGTERM while its main thread waits on the child) leaves no
 *   child behind.
 * The grader also kills every live group when it exits (`process.on("exit")`)
 * and, where `setpriv` is missing, on SIGTERM, SIGINT and SIGHUP before it
 * dies of them (the handler runs once the current exercise's wait ends).
 *
 * On Windows (no process groups of this kind, no ulimit) the child is spawned
 * directly and killed by its pid; the CPU cap and the group do not apply.
 */
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

export interface SpawnPlan {
  command: string;
  args: string[];
  /** Start the child in a process group of its own. */
  detached: boolean;
}

const POSIX = process.platform !== "win32";

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "/usr/bin:/bin").split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** util-linux's setpriv, when it is installed (it sets the parent-death signal). */
export const SETPRIV = POSIX ? onPath("setpriv") : null;
const SH = POSIX ? (existsSync("/bin/sh") ? "/bin/sh" : onPath("sh")) : null;

/**
 * The command that runs `node …args` under the limits above: `cpuSeconds` of
 * CPU time at most (rounded up to whole seconds, as ulimit counts them).
 */
export function spawnPlan(node: string, args: readonly string[], cpuSeconds: number): SpawnPlan {
  if (!(cpuSeconds > 0)) throw new RangeError(`cpuSeconds must be > 0, got ${cpuSeconds}`);
  if (!SH) return { command: node, args: [...args], detached: false };
  const cap = Math.ceil(cpuSeconds);
  // sh exports PWD, which the child is not given. "$0" "$@" are node and its arguments, passed as sh's own arguments: nothing is re-parsed by the shell.
  const script = SETPRIV ? `unset PWD; ulimit -t ${cap} && exec "${SETPRIV}" --pdeathsig KILL -- "$0" "$@"` : `unset PWD; ulimit -t ${cap} && exec "$0" "$@"`;
  return { command: SH, args: ["-c", script, node, ...args], detached: true };
}

const live = new Set<number>();
let hooked = false;

/** Kills a child and, on POSIX, its whole process group; quiet if it is already gone. */
export function killChild(pid: number, detached: boolean): void {
  live.delete(pid);
  for (const target of detached ? [-pid, pid] : [pid]) {
    try {
      process.kill(target, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** Kills every child still running (the grader's exit paths). */
export function killAllChildren(): void {
  for (const pid of [...live]) killChild(pid, POSIX && !!SH);
}

function onSignal(signal: NodeJS.Signals): void {
  killAllChildren();
  // Die of the signal as if no handler had been installed, unless someone else handles it too.
  if (process.listenerCount(signal) === 1) {
    process.removeListener(signal, onSignal);
    process.kill(process.pid, signal);
  }
}

/** Records a running child, so that the grader's exit paths kill it. */
export function trackChild(pid: number): void {
  live.add(pid);
  if (hooked) return;
  hooked = true;
  process.on("exit", killAllChildren);
  // With setpriv the kernel kills the children when the grader dies, at once; a handler would only
  // delay the grader's death while its main thread waits on a child.
  if (!SETPRIV) for (const s of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(s, onSignal);
}

/** Forgets a child that has exited by itself. */
export function untrackChild(pid: number): void {
  live.delete(pid);
}
