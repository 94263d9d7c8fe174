// In-class mode, loaded on every page (observablehq.config.ts `head`).
//
//   ?class=1                  hide worked solutions (details.solution)
//   ?class=1&lock=lr,beta     …and disable the controls labelled with these names
//   ?class=0                  back to normal
//
// The mode lasts for the browser tab (sessionStorage), so it survives moving
// from page to page. A control is locked when a name in `lock` is a word of
// its label (aliases: lr → learning rate, η; beta → β; …), or its element
// carries data-control="<name>"; `lock=*` locks every control of the pages'
// cells. Plain script, no imports, no network: it runs before the page body
// is parsed, so solutions never flash.
(function () {
  "use strict";
  var KEY = "descent:class-mode";
  var ALIASES = {
    lr: ["lr", "learning rate", "η", "eta"],
    eta: ["η", "eta", "learning rate"],
    beta: ["β", "beta"],
    beta1: ["β₁", "β1", "beta1"],
    beta2: ["β₂", "β2", "beta2"],
    momentum: ["momentum", "μ", "mu"],
    mu: ["μ", "mu"],
    alpha: ["α", "alpha"],
    rho: ["ρ", "rho"],
    gamma: ["γ", "gamma"],
    eps: ["ε", "eps", "epsilon"],
    epsilon: ["ε", "eps", "epsilon"],
    steps: ["steps", "step"],
  };

  function parse(value) {
    return (value || "")
      .split(",")
      .map(function (s) { return s.trim().toLowerCase(); })
      .filter(Boolean);
  }

  /** A stored mode is {lock: [names]}; anything else (a corrupt value) turns the mode off entirely. */
  function valid(value) {
    return (
      value !== null && typeof value === "object" && Array.isArray(value.lock) && value.lock.length <= 50 &&
      value.lock.every(function (t) { return typeof t === "string" && t.length <= 40; })
    );
  }

  var state = null;
  try {
    state = JSON.parse(sessionStorage.getItem(KEY) || "null");
  } catch (e) {
    state = { corrupt: true }; // not JSON: removed below
  }
  if (state !== null && !valid(state)) {
    state = null;
    try {
      sessionStorage.removeItem(KEY);
    } catch (e) {
      // storage disabled
    }
  }
  var params = new URLSearchParams(location.search);
  if (params.has("class")) {
    var on = !/^(0|false|off|no)$/i.test(params.get("class") || "");
    state = on ? { lock: parse(params.get("lock")).slice(0, 50).filter(function (t) { return t.length <= 40; }) } : null;
    try {
      if (state) sessionStorage.setItem(KEY, JSON.stringify(state));
      else sessionStorage.removeItem(KEY);
    } catch (e) {
      // storage disabled: the mode lasts for this page only
    }
  }
  if (!state) return;

  var root = document.documentElement;
  root.setAttribute("data-class-mode", "");
  var style = document.createElement("style");
  style.textContent =
    "html[data-class-mode] details.solution{display:none!important}" +
    ".class-locked{opacity:.6}" +
    ".class-locked input,.class-locked select,.class-locked button{cursor:not-allowed}" +
    "#class-mode-badge{position:fixed;right:.75rem;bottom:.75rem;z-index:10;font:12px var(--sans-serif,system-ui);" +
    "background:var(--theme-background-alt,#eee);color:var(--theme-foreground,#111);border:1px solid var(--theme-foreground-faint,#999);" +
    "border-radius:999px;padding:.25rem .75rem}#class-mode-badge a{margin-left:.5em}";
  document.head.appendChild(style);

  var tokens = state.lock || [];
  var words = [];
  tokens.forEach(function (t) {
    (ALIASES[t] || [t]).forEach(function (w) { if (words.indexOf(w) < 0) words.push(w); });
  });
  var lockAll = tokens.indexOf("*") >= 0 || tokens.indexOf("all") >= 0;

  function labelMatches(text) {
    var label = " " + text.toLowerCase().replace(/[^\p{L}\p{N}₀-₉]+/gu, " ").trim() + " ";
    return words.some(function (w) {
      var word = w.replace(/[^\p{L}\p{N}₀-₉]+/gu, " ").trim();
      return word && label.indexOf(" " + word + " ") >= 0;
    });
  }

  function lock(container) {
    if (container.classList.contains("class-locked")) return;
    container.classList.add("class-locked");
    container.setAttribute("title", "Locked for class by your instructor");
    container.querySelectorAll("input, select, textarea, button").forEach(function (el) {
      el.disabled = true;
    });
  }

  function scan() {
    if (!tokens.length) return;
    // Observable Inputs controls: a <form> holding a <label> and its inputs.
    document.querySelectorAll("#observablehq-main form").forEach(function (form) {
      if (form.closest(".editor-cell, .code-exercise, .exercise-check, .progress-export")) return;
      var label = form.querySelector("label");
      if (lockAll || (label && labelMatches(label.textContent || ""))) lock(form);
    });
    document.querySelectorAll("[data-control]").forEach(function (el) {
      if (lockAll || tokens.indexOf(String(el.getAttribute("data-control")).toLowerCase()) >= 0) lock(el);
    });
  }

  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () {
      pending = false;
      scan();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var badge = document.createElement("div");
    badge.id = "class-mode-badge";
    badge.setAttribute("role", "status");
    badge.textContent = "In-class mode: solutions hidden" + (tokens.length ? ", some controls locked" : "");
    var exit = document.createElement("a");
    exit.href = "?class=0";
    exit.textContent = "exit";
    badge.appendChild(exit);
    document.body.appendChild(badge);
    scan();
    new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  });
})();
