// A worker thread of the grader's process that owns the child process running
// a student's module (serve.mjs) and relays its replies to the grader's main
// thread, which waits for them synchronously (Atomics.wait on `flag`, then
// receiveMessageOnPort): the checks call the student's functions as plain
// synchronous functions, with a time limit on every wait.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { workerData } from "node:worker_threads";

const { port, flag } = workerData;
const signal = new Int32Array(flag);
let child = null;
let stderr = "";

function post(message) {
  port.postMessage(message);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

port.on("message", (msg) => {
  if (msg.type === "start") {
    stderr = "";
    // detached: the child leads a process group of its own, killed as a whole (child-process.ts)
    const c = spawn(msg.command, msg.args, { cwd: msg.cwd, env: msg.env, stdio: ["pipe", "pipe", "pipe"], detached: msg.detached });
    child = c;
    if (c.pid !== undefined) post({ spawned: c.pid });
    createInterface({ input: c.stdout }).on("line", (line) => {
      if (child === c) post({ line });
    });
    c.stderr.on("data", (d) => {
      if (stderr.length < 4000) stderr += d.toString();
    });
    c.on("error", (e) => child === c && post({ exit: true, code: null, signal: null, stderr: String(e.message) }));
    c.on("exit", (code, sig) => child === c && post({ exit: true, code, signal: sig, stderr }));
    c.stdin.on("error", () => {});
  } else if (msg.type === "send") {
    child?.stdin.write(msg.line + "\n");
  } else if (msg.type === "kill") {
    const c = child;
    child = null;
    if (c?.pid !== undefined) {
      for (const target of msg.detached ? [-c.pid, c.pid] : [c.pid]) {
        try {
          process.kill(target, "SIGKILL");
        } catch {
          // already gone
        }
      }
    }
    if (msg.close) port.close();
  }
});
