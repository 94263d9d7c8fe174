/**
 * The page's side of checking a code exercise: sends the transcript the
 * sandbox recorded (transcript.ts) to a fresh worker of the page's own origin
 * — the same bundle, in its `verify` role — which replays it against the
 * exercise's checks and answers the verdict. That worker never receives the
 * reader's code, only data, so the code cannot reach the verdict.
 */
import type { ExerciseResult } from "./exercise.js";

/** `student`: the reader's id, whose variant the checks use (exercises/variant.ts); none: the published one. */
export type Verifier = (id: string, transcript: unknown, student?: string | null) => Promise<ExerciseResult>;

const VERIFY_LIMIT = 15_000;

function isVerdict(v: unknown, id: string): v is ExerciseResult {
  const r = v as ExerciseResult | null;
  return (
    r !== null && typeof r === "object" && r.id === id && Array.isArray(r.results) && typeof r.passed === "number" && typeof r.total === "number" &&
    r.results.every((c) => c && typeof c.name === "string" && typeof c.pass === "boolean" && typeof c.message === "string")
  );
}

/** A verifier that starts the bundle at `url` in a worker of the page's origin for each verdict. */
export function workerVerifier(url: string): Verifier {
  return (id, transcript, student) =>
    new Promise<ExerciseResult>((resolve, reject) => {
      const worker = new Worker(url);
      const finish = (error: Error | null, value?: ExerciseResult) => {
        clearTimeout(timer);
        worker.terminate();
        if (error) reject(error);
        else resolve(value!);
      };
      const timer = setTimeout(() => finish(new Error(`the checks took longer than ${VERIFY_LIMIT / 1000} s`)), VERIFY_LIMIT);
      worker.onmessage = (event: MessageEvent) => {
        const d = event.data as { type?: string; ok?: boolean; value?: unknown; message?: unknown };
        if (d?.type !== "verdict") return finish(new Error("the checker sent a malformed answer"));
        if (d.ok && isVerdict(d.value, id)) finish(null, d.value);
        else finish(new Error(typeof d.message === "string" ? d.message : "the checker sent a malformed verdict"));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        finish(new Error(event.message || "the checker failed"));
      };
      worker.postMessage({ role: "verify", id, transcript, student: student ?? null });
    });
}
