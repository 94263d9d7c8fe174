// Keeps the heading a link points to (`/momentum#references`, a table-of-contents
// click) where the browser put it while the page above it is still settling.
// Plain script, no imports, no network; loaded on every page from
// observablehq.config.ts `head`.
//
// Why: blocks far from the screen are skipped until they come near
// (content-visibility: auto in style.css) and hold an estimated height until
// then. After a jump to a heading, the blocks around it render at their real
// heights, and when the page is near its end the browser cannot keep the
// heading still (measured: /momentum#references ended 157 px above where it
// landed, out of sight). So for a few seconds after a jump, until the reader
// scrolls, clicks or presses a key, the heading is put back at the top each
// time it moves.
(function () {
  "use strict";

  var HOLD_MS = 4000;
  var current = 0;

  function targetOf(hash) {
    if (!hash || hash.length < 2) return null;
    try {
      return document.getElementById(decodeURIComponent(hash.slice(1)));
    } catch (error) {
      return null;
    }
  }

  function hold() {
    var target = targetOf(location.hash);
    if (!target || target.id === "observablehq-main") return;
    var token = ++current;
    var end = performance.now() + HOLD_MS;
    var placed = null;
    function frame() {
      if (token !== current || performance.now() > end) return;
      var top = target.getBoundingClientRect().top;
      if (placed === null) placed = top;
      else if (Math.abs(top - placed) > 1) {
        target.scrollIntoView({ block: "start" });
        placed = target.getBoundingClientRect().top;
      }
      requestAnimationFrame(frame);
    }
    requestAnimationFrame(frame);
  }

  // The reader taking over ends the hold.
  function release() {
    current++;
  }
  ["wheel", "touchstart", "keydown", "mousedown"].forEach(function (type) {
    window.addEventListener(type, release, { capture: true, passive: true });
  });
  window.addEventListener("hashchange", hold);
  hold();
})();
