/**
 * Helpers for long computations run in a page in slices (`trainAsync`,
 * `compareAsync`): a millisecond clock and a way to give the event loop a turn
 * so the page can repaint and respond between slices.
 */

/** Milliseconds from `performance.now()` where there is one, else `Date.now()`. */
export const now: () => number =
  typeof performance !== "undefined" && typeof performance.now === "function" ? () => performance.now() : () => Date.now();

/** Resolves after the event loop has had a turn (a message, not a clamped timeout, where possible). */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === "function") {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
