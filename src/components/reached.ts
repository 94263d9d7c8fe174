/**
 * reached(id): a promise that resolves once the reader has reached the
 * section whose heading has this id — its heading is above the bottom of the
 * viewport, whether the reader scrolled there, jumped there by a link, or
 * jumped *past* it (a table-of-contents link to a later section).
 *
 * A cell far down a chapter starts with `await reached("its-section-id");`
 * so the first view does not wait for it (docs/writing-a-chapter.md, "Below
 * the first screen"). It replaces Framework's `visibility()`, which resolves
 * only when the cell's own place intersects the viewport: a reader who
 * followed a link to a later section never sees that place, so a later
 * section that uses the cell's values waited, blank, until they scrolled
 * back up. Here a section counts as reached once its heading's top is at or
 * above the viewport's bottom edge, and stays reached.
 *
 * One passive scroll/resize listener serves every pending section, checked
 * at most once per animation frame; a heading that does not exist throws at
 * once (a typo would otherwise leave the section blank for ever).
 */

interface Waiting {
  heading: Element;
  resolve: () => void;
}

const waiting: Waiting[] = [];
let listening = false;
let queued = false;

function isReached(heading: Element): boolean {
  return heading.getBoundingClientRect().top <= (globalThis.innerHeight || document.documentElement.clientHeight);
}

function check(): void {
  queued = false;
  for (let i = waiting.length - 1; i >= 0; --i) {
    if (isReached(waiting[i].heading)) {
      waiting[i].resolve();
      waiting.splice(i, 1);
    }
  }
  if (waiting.length === 0 && listening) {
    removeEventListener("scroll", queue);
    removeEventListener("resize", queue);
    removeEventListener("hashchange", queue);
    listening = false;
  }
}

function queue(): void {
  if (queued) return;
  queued = true;
  requestAnimationFrame(check);
}

export function reached(id: string): Promise<void> {
  const heading = document.getElementById(id);
  if (!heading) throw new Error(`reached("${id}"): no heading with this id on the page — use the id of the section's heading (its anchor in the table of contents)`);
  if (isReached(heading)) return Promise.resolve();
  return new Promise((resolve) => {
    waiting.push({ heading, resolve });
    if (!listening) {
      listening = true;
      addEventListener("scroll", queue, { passive: true });
      addEventListener("resize", queue, { passive: true });
      addEventListener("hashchange", queue);
    }
    // Layout may still move (fonts, cells above drawing): look again next frame.
    queue();
  });
}
