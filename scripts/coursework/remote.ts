/**
 * A student's exercise module, running in its own process, seen by the
 * grader as an ordinary module whose functions it can call synchronously.
 *
 * Why: the checks and their references (the library) run only in the
 * grader's process, which never loads student code; the student's code runs
 * in a child process (sandbox/serve.mjs) with Node's permission model — it can
 * read nothing but its own scratch folder (its module and the part of lib/
 * the exercise gives it), start no process or worker — a capped heap, and an
 * environment of PATH, HOME and TMPDIR only. Patching the library, Math or a
 * prototype there changes nothing the grader computes: arguments and results
 * cross as data (exercises/wire.ts).
 *
 * Time, in three phases, each limited in the child's CPU time where the OS
 * lets us measure it (Linux), with a wall-clock backstop; elsewhere in wall
 * clock (cpu-time.ts has the rule): the child's cold start (Node starting,
 * up to `startTimeout` s; backstop 2×); loading the module (up to
 * `loadTimeout` s, counted from when the child is ready: an endless loop at
 * import costs that, not the start budget); and each case (the caller's
 * `beginCase(limit)`, counted from when the module has loaded, over all the
 * calls the case makes; the grader's own work between calls is not charged).
 * A phase that runs out kills the child and fails with a clear message.
 *
 * The child leads its own process group, has its CPU time capped and dies
 * with the grader (child-process.ts).
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { CheckFailure } from "../../exercises/check.js";
import { applyInPlace, decode, encode, type Wire } from "../../exercises/wire.js";
import { killChild, spawnPlan, trackChild, untrackChild } from "./child-process.js";
import { cpuMs, POLL_MS, verdict, wallCapMs, WALL_FACTOR, type Verdict } from "./cpu-time.js";

/** The CPU time of the child can be read here (Linux's /proc). */
const MEASURED = process.platform === "linux";

/** A phase's limit: `limitS` seconds of the child's CPU time since `cpu0`, backstop `wallFactor`× in wall clock from `wall0`. */
interface Phase {
  limitS: number;
  wallFactor: number;
  wall0: number;
  cpu0: number;
}

export interface RemoteOptions {
  /** The scratch folder (the child may read only this). */
  dir: string;
  /** The module to load, as a file: URL or a path inside `dir`. */
  module: string;
  /** Seconds for the child process to start, before the module loads (default 20). */
  startTimeout?: number;
  /** Seconds for the module to load, counted from when the child is ready (default 5). */
  loadTimeout?: number;
  /** CPU seconds the child may use in all (default 60): the kernel stops it beyond (POSIX only). */
  cpuSeconds?: number;
  /** The child's heap limit in MB (default 256). */
  memoryMb?: number;
}

type Reply = { id?: number; ready?: boolean; exports?: Record<string, Wire>; threw?: { name: string; message: string }; after?: Wire; ret?: Wire };

export class Timeout extends CheckFailure {
  constructor(
    message: string,
    /** "cpu": the CPU limit ran out; "wall": the wall-clock limit (the backstop, or the only limit without /proc). */
    readonly kind: Exclude<Verdict, "ok"> = "wall"
  ) {
    super(message);
  }
}

/** The limit that ran out, in words, for the messages: "5 s of CPU time", "30 s of wall-clock time" or (no /proc) "5 s". */
function limitWords(kind: Exclude<Verdict, "ok">, limitS: number, wallFactor: number): string {
  if (kind === "cpu") return `${limitS} s of CPU time`;
  return MEASURED ? `${wallCapMs(limitS, true, wallFactor) / 1000} s of wall-clock time` : `${limitS} s`;
}

/** The likely cause, for the messages: a loop, or (the wall-clock backstop) a wait. */
function hint(kind: Exclude<Verdict, "ok">, limitS: number, loop: string): string {
  return kind === "wall" && MEASURED ? `It used less than ${limitS} s of CPU time meanwhile: is it waiting for something that never comes?` : loop;
}

export class RemoteModule {
  private worker: Worker;
  private port: MessagePort;
  private flag = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 1;
  private alive = false;
  /** The current case's limit (beginCase), or none. */
  private phase: Phase | null = null;
  /** The exports of the loaded module (functions call the child). */
  exports: Record<string, unknown> = {};
  /** Milliseconds the last start took (process start and module load). */
  startMs = 0;
  /** Milliseconds the last start spent starting the process, and loading the module. */
  readyMs = 0;
  loadMs = 0;
  private pid: number | null = null;
  private detached = false;

  constructor(private readonly o: RemoteOptions) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(new URL("./sandbox/relay.mjs", import.meta.url), { workerData: { port: port2, flag: this.flag.buffer }, transferList: [port2] });
    this.worker.unref();
  }

  /** Starts the child and loads the module; throws an Error saying why it could not. */
  start(): void {
    const started = Date.now();
    const { dir, memoryMb = 256, startTimeout = 20, loadTimeout = 5, cpuSeconds = 60 } = this.o;
    const plan = spawnPlan(process.execPath, ["--experimental-permission", `--allow-fs-read=${dir}/*`, `--max-old-space-size=${memoryMb}`, "--no-warnings", "--disallow-code-generation-from-strings", `${dir}/serve.mjs`], cpuSeconds);
    this.detached = plan.detached;
    this.port.postMessage({
      type: "start",
      command: plan.command,
      args: plan.args,
      detached: plan.detached,
      cwd: dir,
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir, TMPDIR: dir, LANG: "C.UTF-8" },
    });
    this.alive = true;
    this.pid = null;
    // A new process: its CPU time so far is the phase's.
    const ready = this.wait((r) => r.ready === true, { limitS: startTimeout, wallFactor: 2, wall0: started, cpu0: 0 });
    if (typeof ready === "string") {
      this.kill();
      throw new Error(`the grader's process for your code did not start within ${limitWords(ready, startTimeout, 2)}`);
    }
    const loading = Date.now();
    this.readyMs = loading - started;
    const id = this.nextId++;
    const load: Phase = { limitS: loadTimeout, wallFactor: WALL_FACTOR, wall0: loading, cpu0: this.cpuNow() };
    this.send({ type: "load", id, module: this.o.module });
    const reply = this.wait((r) => r.id === id, load);
    if (typeof reply === "string") {
      this.kill();
      throw new Timeout(`Your module did not finish loading within ${limitWords(reply, loadTimeout, WALL_FACTOR)}. ${hint(reply, loadTimeout, "Does it run an endless loop when it is imported?")}`, reply);
    }
    this.loadMs = Date.now() - loading;
    if (reply.threw) {
      this.kill();
      throw new CheckFailure(`Your module could not be loaded: ${reply.threw.name}: ${reply.threw.message}`);
    }
    this.exports = {};
    for (const [key, w] of Object.entries(reply.exports ?? {})) this.exports[key] = decode(w, (fn) => this.proxy(fn));
    this.startMs = Date.now() - started;
  }

  get running(): boolean {
    return this.alive;
  }

  /**
   * Starts a case's clock: from now, the calls it makes may use `limitS`
   * seconds of the child's CPU time in all (wall clock without /proc), with
   * the wall-clock backstop; `null`: no limit.
   */
  beginCase(limitS: number | null): void {
    this.phase = limitS === null ? null : { limitS, wallFactor: WALL_FACTOR, wall0: Date.now(), cpu0: this.cpuNow() };
  }

  /** The child's CPU time so far (ms), 0 where it cannot be read. */
  private cpuNow(): number {
    return (this.pid !== null ? cpuMs(this.pid) : null) ?? 0;
  }

  kill(): void {
    if (this.alive) this.port.postMessage({ type: "kill", detached: this.detached });
    // Also from this thread, at once: the relay may be busy.
    if (this.pid !== null) killChild(this.pid, this.detached);
    this.pid = null;
    this.alive = false;
    // Drop whatever the dead child still said.
    while (receiveMessageOnPort(this.port));
  }

  close(): void {
    this.kill();
    this.port.postMessage({ type: "kill", close: true });
    void this.worker.terminate();
  }

  private send(message: unknown): void {
    this.port.postMessage({ type: "send", line: JSON.stringify(message) });
  }

  /**
   * Waits for a reply matching `want` within `phase` (none: no limit),
   * sampling the child's CPU time every POLL_MS: the reply, or the verdict
   * ("cpu" or "wall") that ended the wait. Throws a CheckFailure if the child
   * exits meanwhile.
   */
  private wait(want: (r: Reply) => boolean, phase: Phase | null): Reply | Exclude<Verdict, "ok"> {
    let lastCpu = phase?.cpu0 ?? 0;
    for (;;) {
      const m = receiveMessageOnPort(this.port)?.message as { line?: string; spawned?: number; exit?: boolean; code?: number | null; signal?: string | null; stderr?: string } | undefined;
      if (m) {
        if (m.spawned !== undefined) {
          this.pid = m.spawned;
          trackChild(m.spawned);
          continue;
        }
        if (m.exit) {
          this.alive = false;
          if (this.pid !== null) untrackChild(this.pid);
          this.pid = null;
          const oom = /heap out of memory|Allocation failed/i.test(m.stderr ?? "");
          const denied = /ERR_ACCESS_DENIED/.test(m.stderr ?? "");
          throw new CheckFailure(
            oom
              ? `Your code ran out of memory (the limit is ${this.o.memoryMb ?? 256} MB): does it keep allocating in a loop?`
              : m.signal === "SIGXCPU"
                ? `Your code used up its CPU time (${Math.ceil(this.o.cpuSeconds ?? 60)} s for all the cases of this exercise): is there an endless loop?`
              : denied
                ? "Your code tried to reach something outside its folder (files, processes), which the grader does not allow."
                : `Your code stopped the process (exit code ${m.code ?? "none"}${m.signal ? `, signal ${m.signal}` : ""}): does it call process.exit?`
          );
        }
        let reply: Reply;
        try {
          reply = JSON.parse(m.line ?? "") as Reply;
        } catch {
          continue;
        }
        if (want(reply)) return reply;
        continue;
      }
      if (phase) {
        // Before the child's pid is known, or once it is gone, the last reading stands.
        if (MEASURED && this.pid !== null) lastCpu = cpuMs(this.pid) ?? lastCpu;
        const v = verdict({ cpuMs: MEASURED ? lastCpu - phase.cpu0 : null, wallMs: Date.now() - phase.wall0 }, phase.limitS, phase.wallFactor);
        if (v !== "ok") return v;
      }
      Atomics.wait(this.flag, 0, 0, phase ? POLL_MS : 2 ** 31 - 1);
      Atomics.store(this.flag, 0, 0);
    }
  }

  /** A local function standing for the child's function `fn`. */
  private proxy(fn: string): (...args: unknown[]) => unknown {
    return (...args: unknown[]) => this.call(fn, args);
  }

  private call(fn: string, args: unknown[]): unknown {
    if (!this.alive) throw new CheckFailure("Your code is no longer running (an earlier call in this case failed).");
    const id = this.nextId++;
    this.send({ type: "call", id, fn, args: encode(args) });
    const phase = this.phase;
    const reply = this.wait((r) => r.id === id, phase);
    if (typeof reply === "string") {
      this.kill();
      throw new Timeout(`Your code did not return in time: a case may take ${limitWords(reply, phase!.limitS, phase!.wallFactor)}, counted from when your module had loaded. ${hint(reply, phase!.limitS, "Is there an endless loop?")}`, reply);
    }
    if (reply.after) {
      try {
        const after = decode(reply.after, (f) => this.proxy(f)) as unknown[];
        args.forEach((a, i) => applyInPlace(a, after[i]));
      } catch {
        throw new CheckFailure("The grader could not read back the arguments your code modified.");
      }
    }
    if (reply.threw) {
      const e = new Error(String(reply.threw.message));
      e.name = String(reply.threw.name);
      throw e;
    }
    const ret = reply.ret as Wire | undefined;
    if (ret && typeof ret === "object" && !Array.isArray(ret) && "$arg" in ret) return args[Number(ret.$arg)];
    return ret === undefined ? undefined : decode(ret, (f) => this.proxy(f));
  }
}
