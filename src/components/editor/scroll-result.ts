/**
 * scrollResultIntoView(cell): after the reader presses Run, the page redraws
 * the chart that follows the editor cell (a later Observable cell reading the
 * editor's value). When that chart lies below the fold, bring it into view —
 * only as far as needed ("nearest"), smoothly unless the reader prefers reduced
 * motion — so the result of Run is seen, not guessed at.
 *
 * The chart is the first element after the cell's own output block that holds
 * an <svg>, a <figure> or a <canvas> (at most `lookAhead` siblings ahead).
 */
export function scrollResultIntoView(cell: HTMLElement, lookAhead = 4): void {
  // Observable redraws the dependent cell asynchronously: wait two frames.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const result = findResult(cell, lookAhead);
      if (!result) return;
      const box = result.getBoundingClientRect();
      if (box.top < window.innerHeight - 40 && box.bottom <= window.innerHeight) return; // already visible
      const smooth = !window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
      result.scrollIntoView({ block: "nearest", behavior: smooth ? "smooth" : "auto" });
    }),
  );
}

function findResult(cell: HTMLElement, lookAhead: number): Element | null {
  // The editor sits inside its cell's output block (a direct child of the page's main content).
  let block: Element = cell;
  while (block.parentElement && !block.parentElement.matches("#observablehq-main, main, article")) block = block.parentElement;
  let next = block.nextElementSibling;
  for (let i = 0; next && i < lookAhead; ++i, next = next.nextElementSibling) {
    if (next.querySelector(".editor-cell")) return null; // the next editor: no chart of ours in between
    if (next.matches("svg, figure, canvas") || next.querySelector("svg, figure, canvas")) return next;
  }
  return null;
}
