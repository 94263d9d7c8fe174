// The process that runs one student's exercise module for the grader
// (scripts/coursework/remote.ts). It loads the module, then answers calls:
// one JSON request per line on stdin, one JSON reply per line on stdout.
// It runs with Node's permission model (it can read only its own scratch
// folder; no child processes, no workers), a small heap and an almost empty
// environment; it never sees the checks, the hidden cases or the references,
// which stay in the grader's process. Whatever it replies is only data.
import { createInterface } from "node:readline";
import { decode, encode } from "./wire.js";

const write = process.stdout.write.bind(process.stdout);
const stringify = JSON.stringify;
const send = (message) => write(stringify(message) + "\n");
// The student's console output must not mix with the replies.
for (const k of ["log", "info", "warn", "error", "debug", "trace", "dir", "table"]) {
  console[k] = (...a) => process.stderr.write(a.map((x) => (typeof x === "string" ? x : String(x))).join(" ") + "\n");
}

const functions = new Map();
let next = 0;
function nameOf(f) {
  for (const [id, g] of functions) if (g === f) return id;
  const id = `f${next++}`;
  functions.set(id, f);
  return id;
}
const errorOf = (e) => ({ name: e instanceof Error ? String(e.name) : "Error", message: e instanceof Error ? String(e.message) : `threw ${String(e)}` });

createInterface({ input: process.stdin }).on("line", async (line) => {
  let msg;
  try {
    msg = JSON.parse(line);
  } catch {
    return;
  }
  if (msg.type === "load") {
    try {
      const mod = await import(msg.module);
      const exports = {};
      for (const key of Object.keys(mod)) exports[key] = encode(mod[key], nameOf);
      send({ id: msg.id, exports });
    } catch (e) {
      send({ id: msg.id, threw: errorOf(e) });
    }
    return;
  }
  if (msg.type === "call") {
    const f = functions.get(msg.fn);
    let args;
    try {
      args = decode(msg.args);
    } catch (e) {
      send({ id: msg.id, threw: errorOf(e) });
      return;
    }
    let ret;
    try {
      ret = f(...args);
    } catch (e) {
      let after = null;
      try { after = encode(args, nameOf); } catch {}
      send({ id: msg.id, threw: errorOf(e), after });
      return;
    }
    try {
      const alias = ret !== null && typeof ret === "object" ? args.indexOf(ret) : -1;
      send({ id: msg.id, after: encode(args, nameOf), ret: alias >= 0 ? { $arg: alias } : encode(ret, nameOf) });
    } catch (e) {
      send({ id: msg.id, threw: { name: "TypeError", message: `your function returned a value the grader cannot read (${errorOf(e).message})` } });
    }
  }
});
send({ ready: true });
