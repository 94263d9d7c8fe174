// Accessibility fixes applied after rendering, in one place for every page and
// every chart or control a page draws (loaded on every page from
// observablehq.config.ts `head`). Plain script, no imports, no network.
//
// - Observable Plot puts aria-label on its mark groups (<g aria-label="line">),
//   (and on single shapes, <rect aria-label="frame">), which ARIA prohibits on
//   an element without a role; the label moves to
//   data-plot-mark and the chart's <svg> becomes role="img" with a name (its
//   own aria-label if a component set one — see
//   src/components/charts/accessible-figure.ts — else its figure's title,
//   else "Chart").
// - The slider half of Observable Inputs' range has no label: it gets the
//   control's label as aria-label. Any other unnamed input in a labelled
//   Inputs form gets the same.
// - Display equations, tables and code blocks wider than their column become focusable,
//   named scroll regions (tabindex=0), marked .is-scrollable for the fade cue
//   in style.css, so a reader sees and can reach what is cut off. They are
//   measured again after every DOM change (except inside [data-animated]), window resize, column resize,
//   font load (KaTeX's fonts widen an equation after the first measurement) and
//   when a block far down the page comes near the screen and is laid out
//   (content-visibility: auto, style.css) or a <details> opens; a box the browser
//   is not rendering (a skipped block, a closed <details>) is not measured.
// - A "Skip to content" link and <html lang="en"> if the build's post-step did
//   not already add them (the preview server serves Framework's template).
(function () {
  "use strict";

  function labelText(form) {
    var label = form.querySelector(":scope > label");
    return label ? label.textContent.trim() : "";
  }

  function hasName(input) {
    if (input.getAttribute("aria-label") || input.getAttribute("aria-labelledby") || input.title) return true;
    if (input.id && document.querySelector('label[for="' + CSS.escape(input.id) + '"]')) return true;
    return !!input.closest("label");
  }

  function fixInputs(root) {
    var forms = root.querySelectorAll("form[class^='inputs-'], form[class*=' inputs-']");
    for (var i = 0; i < forms.length; i++) {
      var form = forms[i];
      var text = labelText(form);
      var controls = form.querySelectorAll("input, select, textarea");
      for (var j = 0; j < controls.length; j++) {
        var control = controls[j];
        if (control.type === "hidden" || hasName(control)) continue;
        var name = text || control.placeholder || control.name;
        // Inputs.table's row-selection checkboxes have no label of their own
        if (!name && control.type === "checkbox" && control.closest("table")) {
          var row = control.closest("tr");
          var head = row && row.parentElement && row.parentElement.tagName === "THEAD";
          name = head ? "Select all rows" : "Select row " + (row ? row.rowIndex : "");
        }
        if (control.type === "range" && text) name = text + " (slider)";
        if (name) control.setAttribute("aria-label", name);
      }
    }
  }

  function chartName(svg) {
    var figure = svg.closest("figure");
    if (figure) {
      var title = figure.querySelector("h2, h3, figcaption");
      if (title && title.textContent.trim()) return title.textContent.trim();
    }
    return "Chart";
  }

  function fixCharts(root) {
    var groups = root.querySelectorAll("svg :not(svg)[aria-label]:not([role]), svg :not(svg)[aria-description]:not([role])");
    for (var i = 0; i < groups.length; i++) {
      var g = groups[i];
      var label = g.getAttribute("aria-label");
      if (label) g.setAttribute("data-plot-mark", label);
      g.removeAttribute("aria-label");
      g.removeAttribute("aria-description");
    }
    var svgs = root.querySelectorAll("svg[class^='plot-'], svg[class*=' plot-'], svg[data-chart]");
    for (var k = 0; k < svgs.length; k++) {
      var svg = svgs[k];
      if (svg.closest("[aria-hidden='true']")) continue;
      if (!svg.hasAttribute("role")) svg.setAttribute("role", "img");
      if (!svg.getAttribute("aria-label") && !svg.getAttribute("aria-labelledby")) svg.setAttribute("aria-label", chartName(svg));
    }
    // Plot's legend swatches are decorative svgs beside their text.
    var swatches = root.querySelectorAll("[class$='-swatch'] > svg:not([aria-hidden]), [class*='-swatch '] > svg:not([aria-hidden])");
    for (var s = 0; s < swatches.length; s++) swatches[s].setAttribute("aria-hidden", "true");
  }

  /** True when the browser is skipping the element's rendering (content-visibility: auto, far from the screen). */
  function isSkipped(element) {
    return !!element && typeof element.checkVisibility === "function" && !element.checkVisibility({ contentVisibilityAuto: true });
  }

  function fixScrollers(root) {
    // Inputs.table's form is itself a scroll box (down, and sideways when wide)
    var boxes = root.querySelectorAll(".math-display, .table-scroll, pre, form[class$='-table'], form[class*='-table ']");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      // A box inside a block the browser skips (content-visibility: auto in
      // style.css) is measured when the block comes near, not now: reading its
      // width would lay the block out, which is what the skipping saves.
      if (isSkipped(box) || isSkipped(box.firstElementChild)) continue;
      var scrolls = box.scrollWidth > box.clientWidth + 1 || (box.tagName === "FORM" && box.scrollHeight > box.clientHeight + 1);
      box.classList.toggle("is-scrollable", scrolls);
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "group");
        box.setAttribute("aria-label", box.classList.contains("math-display") ? "Equation (scrolls sideways)" : box.tagName === "PRE" ? "Code (scrolls sideways)" : box.tagName === "FORM" ? "Table (scrolls)" : "Table (scrolls sideways)");
        box.dataset.a11yScroll = "1";
      } else if (!scrolls && box.dataset.a11yScroll) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
        delete box.dataset.a11yScroll;
      }
    }
  }

  // Wide tables in the page's prose and cells scroll inside a box of their own.
  function wrapTables(root) {
    var tables = root.querySelectorAll("#observablehq-main table");
    for (var i = 0; i < tables.length; i++) {
      var table = tables[i];
      var parent = table.parentElement;
      if (!parent || parent.classList.contains("table-scroll") || table.closest("form[class*='inputs-']")) continue;
      var wrap = document.createElement("div");
      wrap.className = "table-scroll";
      parent.insertBefore(wrap, table);
      wrap.appendChild(table);
    }
  }

  function fixPage() {
    var html = document.documentElement;
    if (!html.lang) html.lang = "en";
    var main = document.getElementById("observablehq-main");
    if (main && !document.querySelector(".skip-link")) {
      var skip = document.createElement("a");
      skip.className = "skip-link";
      skip.href = "#observablehq-main";
      skip.textContent = "Skip to content";
      document.body.insertBefore(skip, document.body.firstChild);
    }
    if (main && !main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
  }

  var scheduled = false;
  function run() {
    scheduled = false;
    var main = document.getElementById("observablehq-main") || document.body;
    fixPage();
    wrapTables(main);
    fixInputs(main);
    fixCharts(main);
    fixScrollers(main);
  }
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(run);
  }

  function start() {
    run();
    // Changes inside an animation ([data-animated]: the arena's playback
    // regions, redrawn every frame) are skipped: those regions are built
    // accessible by their own components, and re-measuring every scroll box
    // per frame forced a layout on each one.
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        var target = records[i].target;
        var element = target.nodeType === 1 ? target : target.parentElement;
        if (!element || !element.closest("[data-animated]")) return schedule();
      }
    }).observe(document.body, { childList: true, subtree: true });
    window.addEventListener("resize", schedule);
    // A block skipped while far from the screen (style.css) is laid out when it
    // comes near: measure its scroll boxes then. The event does not bubble.
    document.addEventListener("contentvisibilityautostatechange", schedule, true);
    // A closed <details> does not lay out its content either; measure when it opens.
    document.addEventListener("toggle", schedule, true);
    // Widths change without a DOM mutation or a window resize: when KaTeX's
    // fonts replace the fallback (an equation a few pixels wider than its
    // column was measured as fitting before), and when the column itself
    // changes width (the sidebar opening). Measure again then.
    if (document.fonts) {
      document.fonts.ready.then(schedule);
      document.fonts.addEventListener("loadingdone", schedule);
    }
    var main = document.getElementById("observablehq-main");
    if (main && typeof ResizeObserver !== "undefined") new ResizeObserver(schedule).observe(main);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  window.__descentA11y = { run: run };
})();
