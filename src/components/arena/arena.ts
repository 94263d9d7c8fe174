/**
 * Arena(): the optimizer arena — every optimizer of lib/ racing on a 2-D
 * surface, animated, tunable, and shareable as a link.
 *
 * - The configuration (lib/arena/config.ts) lives in the URL hash
 *   (lib/arena/hash.ts): opening a link restores it; a field of the hash that
 *   does not validate is ignored on its own, with a visible notice.
 * - Changing any control recomputes every racer's trajectory and redraws, in
 *   the next animation frame; each recompute-and-redraw is recorded as
 *   `performance.measure("arena:update")`. Contours are computed once per
 *   surface (arena-surface.ts); a redraw rewrites only the paths.
 * - "Tune η and race" searches each racer's learning rate on this surface
 *   (lib/arena/tune.ts), a few milliseconds of work per animation frame with
 *   a progress bar, then replays the race from step 0.
 */
import { arenaObjective, defaultConfig, defaultHyper, floorOf, optimizerOf, STEPS_MAX, STEPS_MIN, SURFACE_NAMES, SURFACE_TITLES, surfaceOf, type ArenaConfig, type RacerConfig, type SurfaceName } from "../../lib/arena/config.js";
import { decodeArena, encodeArena, isArenaHash } from "../../lib/arena/hash.js";
import { runRacer, type RaceRun } from "../../lib/arena/race.js";
import { tuneLearningRate, type TuneResult } from "../../lib/arena/tune.js";
import { NOISE_MAX, SEED_MAX } from "../../lib/arena/noise.js";
import { optimizerInfo, optimizers, type OptimizerName } from "../../lib/optimizers/registry.js";
import { optimizerColor } from "../optimizer-colors.js";
import { racerRow, type RacerRow } from "./controls.js";
import { ArenaLossChart } from "./loss.js";
import { ArenaMap } from "./map.js";
import { DEFAULT_SPEED, playbackBar } from "./playback.js";
import { ArenaStatePanel } from "./state.js";
import { injectArenaStyle } from "./style.js";
import { ArenaTable } from "./table.js";
import { num } from "../format.js";

export interface ArenaOptions {
  /** Read and write the configuration in location.hash (default true). */
  hash?: boolean;
  /** Start playing from step 0 when the link names no step (default true; never under prefers-reduced-motion). */
  autoplay?: boolean;
  /** Framework's `invalidation` promise: the arena stops listening when it resolves. */
  invalidation?: Promise<unknown>;
}

export interface ArenaElement extends HTMLElement {
  /** The tuning results of the last completed "Tune η and race", by optimizer. */
  tuning: ReadonlyMap<OptimizerName, TuneResult>;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { className?: string } = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

function field(label: string, ...controls: HTMLElement[]): HTMLLabelElement {
  const wrap = el("label", { className: "arena-field" }, label);
  if (controls.length === 1) wrap.append(controls[0]);
  else wrap.append(el("span", { className: "arena-pair" }, ...controls));
  return wrap;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export function Arena(options: ArenaOptions = {}): ArenaElement {
  injectArenaStyle();
  const useHash = options.hash !== false;
  const reducedMotion = typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;

  // ---- state ----
  let config: ArenaConfig = defaultConfig();
  let runs: RaceRun[] = [];
  let at = 0;
  let playing = false;
  let speed = DEFAULT_SPEED;
  let hover: number | null = null;
  let lastTick = 0;
  let updateQueued = false;
  let frameQueued = false;
  let hashTimer: ReturnType<typeof setTimeout> | undefined;
  let tuneToken = 0;
  let tuning = false;
  const tuned = new Set<OptimizerName>();
  const tuneResults = new Map<OptimizerName, TuneResult>();

  // ---- DOM ----
  const root = el("div", { className: "arena" }) as unknown as ArenaElement;
  root.tuning = tuneResults;
  const notice = el("div", { className: "arena-notice", hidden: true });
  notice.setAttribute("role", "alert");

  const surfaceSelect = el("select");
  for (const name of SURFACE_NAMES) surfaceSelect.append(el("option", { value: name, textContent: SURFACE_TITLES[name] }));
  const startX = el("input", { type: "number", step: "any" });
  const startY = el("input", { type: "number", step: "any" });
  startX.setAttribute("aria-label", "start x₁");
  startY.setAttribute("aria-label", "start x₂");
  const stepsInput = el("input", { type: "number", min: String(STEPS_MIN), max: String(STEPS_MAX), step: "10" });
  const targetInput = el("input", { type: "number", step: "any" });
  const noiseInput = el("input", { type: "number", min: "0", max: String(NOISE_MAX), step: "any" });
  const seedInput = el("input", { type: "number", min: "0", max: String(SEED_MAX), step: "1" });
  const tuneButton = el("button", { type: "button", className: "arena-primary", textContent: "Tune η and race" });
  const resetButton = el("button", { type: "button", textContent: "Reset" });
  const copyButton = el("button", { type: "button", textContent: "Copy link" });
  const progress = el("progress", { hidden: true, max: 1, value: 0 });
  const statusText = el("span");
  statusText.setAttribute("aria-live", "polite");
  const status = el("div", { className: "arena-status" }, progress, statusText);
  const bar = el(
    "div",
    { className: "arena-bar" },
    field("surface", surfaceSelect),
    Object.assign(field("start (x₁, x₂)", startX, startY), { className: "arena-field arena-start-field" }),
    field("steps", stepsInput),
    field("target loss", targetInput),
    field("gradient noise σ", noiseInput),
    field("noise seed", seedInput),
    el("div", { className: "arena-actions" }, tuneButton, resetButton, copyButton)
  );
  const note = el("p", { className: "arena-note" });

  const map = new ArenaMap({ onStart: (x, y, done) => setConfig({ start: [x, y] }, { replay: done }) });
  const loss = new ArenaLossChart({
    onHover(step) {
      hover = step;
      queueFrame();
    },
  });
  const statePanel = new ArenaStatePanel();
  const legend = el("ul", { className: "arena-legend" });
  legend.setAttribute("aria-label", "Racers (press one to show its state)");
  const arrowsBox = el("input", { type: "checkbox" });
  const arrowsKey = el("span", { className: "arena-arrow-key" });
  arrowsKey.innerHTML =
    '<svg width="22" height="8" aria-hidden="true"><path d="M1,4H21" stroke="currentColor" stroke-width="2" stroke-dasharray="4 3"/></svg> −η∇f, a plain gradient step with the racer’s η; ' +
    '<svg width="22" height="8" aria-hidden="true"><path d="M1,4H21" stroke="currentColor" stroke-width="2.4"/></svg> the step it takes next (both lengthened by the same factor, so their ratio is true)';
  const arrowsScale = el("select");
  for (const k of [1, 10, 100]) arrowsScale.append(el("option", { value: String(k), textContent: `× ${k}` }));
  arrowsScale.value = "10";
  const arrowsScaleLabel = el("label", {}, "arrow length", arrowsScale);
  arrowsKey.hidden = arrowsScaleLabel.hidden = true;
  const arrowsRow = el("div", { className: "arena-arrow-toggle" }, el("label", {}, arrowsBox, "show gradient and update arrows"), arrowsScaleLabel, arrowsKey);
  const mapCell = el("div", { className: "arena-map-cell" }, map.element, arrowsRow, legend);
  const side = el("div", { className: "arena-side" }, loss.element, statePanel.element);
  const main = el("div", { className: "arena-main" }, mapCell, side);
  const playback = playbackBar({
    onPlay: (p) => (p ? play() : pause()),
    onSeek(step) {
      pause();
      at = step;
      queueFrame();
    },
    onSpeed: (s) => void (speed = s),
  });

  const group = `arena-focus-${Math.random().toString(36).slice(2)}`;
  const rows = new Map<OptimizerName, RacerRow>();
  const frameworkGrid = el("div", { className: "arena-racer-grid" });
  const variantGrid = el("div", { className: "arena-racer-grid" });
  const variants = el("details", {}, el("summary", { className: "arena-variants", textContent: "Textbook variants" }), variantGrid);
  for (const info of optimizers) {
    const row = racerRow(info, optimizerColor(info.name), group, {
      onToggle: (name, racing) => toggleRacer(name, racing),
      onFocus: (name) => setConfig({ focus: name }, { replay: false }),
      onHyper: (name, key, value, done) => setHyper(name, key, value, done),
    });
    rows.set(info.name, row);
    (info.variantOf ? variantGrid : frameworkGrid).append(row.element);
  }
  const racers = el("section", { className: "arena-racers" }, el("h4", { textContent: "Racers: tick to race, ◉ to show state" }), frameworkGrid, variants);
  racers.setAttribute("aria-label", "Racers and their hyperparameters");
  const table = new ArenaTable();

  // What playback redraws every frame is marked, so a probe of "the page has
  // settled" (bench/site.bench.ts, the browser tests' scroll-through) can
  // ignore the animation: data-animated.
  main.dataset.animated = "";
  playback.element.dataset.animated = "";
  root.append(notice, bar, status, note, main, playback.element, racers, table.element);

  // ---- configuration changes ----
  /** The objective the racers see: the surface's, plus the configured gradient noise. */
  let objectiveKey = "";
  let objectiveCache = arenaObjective(config);
  function objective() {
    const key = `${config.surface}|${config.noise}|${config.seed}`;
    if (key !== objectiveKey) {
      objectiveKey = key;
      objectiveCache = arenaObjective(config);
    }
    return objectiveCache;
  }

  function focusName(): OptimizerName | null {
    return config.focus ?? config.racers[0]?.name ?? null;
  }

  function setConfig(patch: Partial<ArenaConfig>, { replay = false }: { replay?: boolean } = {}) {
    cancelTuning("the race changed");
    config = { ...config, ...patch };
    if (config.focus !== null && !config.racers.some((r) => r.name === config.focus)) config = { ...config, focus: null };
    if (replay) {
      at = 0;
      if (!reducedMotion) playing = true;
    }
    at = Math.min(at, config.steps);
    syncControls();
    queueUpdate();
    queueHash();
  }

  function setSurface(surface: SurfaceName) {
    const fresh = defaultConfig(surface);
    // Keep the racers and their other hyperparameters; take the surface's start, target and learning rates.
    const racers = config.racers.map((r) => ({ name: r.name, hyper: { ...r.hyper, lr: defaultHyper(surface, r.name).lr } }));
    tuned.clear();
    setConfig({ surface, start: fresh.start, target: fresh.target, racers }, { replay: true });
  }

  function toggleRacer(name: OptimizerName, racing: boolean) {
    if (racing && !config.racers.some((r) => r.name === name)) {
      const order = optimizers.map((o) => o.name);
      const racers = [...config.racers, { name, hyper: defaultHyper(config.surface, name, config.start) }].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
      setConfig({ racers });
    } else if (!racing) {
      if (config.racers.length === 1) {
        rows.get(name)!.set(true, focusName() === name, null, tuned.has(name));
        showStatus("At least one optimizer must race.");
        return;
      }
      tuned.delete(name);
      setConfig({ racers: config.racers.filter((r) => r.name !== name) });
    }
  }

  function setHyper(name: OptimizerName, key: string, value: number | boolean, done: boolean) {
    const info = optimizerInfo(name);
    const racers = config.racers.map((r) => (r.name === name ? { name, hyper: { ...r.hyper, [key]: value } } : r));
    try {
      optimizerOf(info, racers.find((r) => r.name === name)!.hyper);
    } catch (error) {
      showStatus(error instanceof Error ? error.message : String(error));
      syncControls();
      return;
    }
    if (key === "lr") tuned.delete(name);
    setConfig({ racers, focus: config.focus }, { replay: false });
    if (done) queueHash();
  }

  function syncControls() {
    surfaceSelect.value = config.surface;
    startX.value = String(Number(config.start[0].toPrecision(6)));
    startY.value = String(Number(config.start[1].toPrecision(6)));
    const [[x0, x1], [y0, y1]] = objective().domain;
    Object.assign(startX, { min: String(x0), max: String(x1) });
    Object.assign(startY, { min: String(y0), max: String(y1) });
    stepsInput.value = String(config.steps);
    targetInput.value = String(config.target);
    noiseInput.value = String(config.noise);
    seedInput.value = String(config.seed);
    seedInput.disabled = config.noise === 0;
    note.textContent = surfaceOf(config.surface).note;
    const focus = focusName();
    let variantRacing = false;
    for (const info of optimizers) {
      const racer = config.racers.find((r) => r.name === info.name);
      rows.get(info.name)!.set(Boolean(racer), focus === info.name, racer?.hyper ?? null, tuned.has(info.name));
      if (racer && info.variantOf) variantRacing = true;
    }
    if (variantRacing) variants.open = true;
    map.setStart(config.start);
  }

  // ---- recompute and redraw ----
  function queueUpdate() {
    if (updateQueued) return;
    updateQueued = true;
    requestAnimationFrame(update);
  }

  function update() {
    updateQueued = false;
    const o = objective();
    // A new surface's contours are computed once (then cached) and measured apart: "arena:surface".
    const ts = performance.now();
    if (map.setSurface(surfaceOf(config.surface).objective)) performance.measure("arena:surface", { start: ts, end: performance.now() });
    const t0 = performance.now();
    const focus = focusName();
    runs = config.racers.map((r) => runRacer(o, r, config.start, config.steps, config.target, r.name === focus));
    const t1 = performance.now();
    layout();
    const t2 = performance.now();
    map.setRuns(
      runs.map((r) => ({ name: r.name, title: r.title, color: optimizerColor(r.name), x: r.trajectory.x, steps: r.trajectory.steps, divergedAt: r.trajectory.divergedAt, lr: Number(config.racers.find((c) => c.name === r.name)?.hyper.lr) })),
      focus
    );
    map.setArrows(arrowsBox.checked, o, Number(arrowsScale.value));
    loss.setRuns(
      runs.map((r) => ({ name: r.name, color: optimizerColor(r.name), loss: r.trajectory.loss, steps: r.trajectory.steps, divergedAt: r.trajectory.divergedAt })),
      config.steps,
      floorOf(o),
      config.target
    );
    const t3 = performance.now();
    drawLegend(focus);
    table.draw(runs, {
      surfaceTitle: SURFACE_TITLES[config.surface],
      start: config.start,
      steps: config.steps,
      target: config.target,
      unbounded: !Number.isFinite(floorOf(o)),
      lr: new Map(config.racers.map((r) => [r.name, Number(r.hyper.lr)])),
      colors: new Map(config.racers.map((r) => [r.name, optimizerColor(r.name)])),
    });
    const t4 = performance.now();
    drawFrame();
    const t5 = performance.now();
    performance.measure("arena:update", { start: t0, end: t5 });
    // The phases, for profiling: trajectories, layout, map and loss chart, legend and table, frame.
    performance.measure("arena:update:compute", { start: t0, end: t1 });
    performance.measure("arena:update:layout", { start: t1, end: t2 });
    performance.measure("arena:update:charts", { start: t2, end: t3 });
    performance.measure("arena:update:text", { start: t3, end: t4 });
    performance.measure("arena:update:frame", { start: t4, end: t5 });
    if (performance.getEntriesByName("arena:update").length > 2000) for (const name of ["", ":compute", ":layout", ":charts", ":text", ":frame"]) performance.clearMeasures("arena:update" + name);
    if (playing && !ticking) startTicking();
  }

  let legendKey = "";
  function drawLegend(focus: OptimizerName | null) {
    const unbounded = !Number.isFinite(floorOf(objective()));
    const key = `${focus}|${unbounded}|${runs.map((r) => `${r.name}:${r.trajectory.divergedAt}`).join(",")}`;
    if (key === legendKey) return;
    legendKey = key;
    // Redrawing replaces the buttons: keep keyboard focus on the racer that had it.
    const active = document.activeElement;
    const hadFocus = active instanceof HTMLElement && legend.contains(active) ? active.dataset.racer : undefined;
    legend.replaceChildren(
      ...runs.map((r) => {
        const b = el("button", { type: "button" }, el("span", { className: "arena-swatch" }), r.title);
        (b.firstChild as HTMLElement).style.background = optimizerColor(r.name);
        b.setAttribute("aria-pressed", String(r.name === focus));
        b.dataset.racer = r.name;
        if (r.trajectory.diverged) b.append(el("span", { className: unbounded ? "" : "arena-diverged-note", textContent: unbounded ? ` — off to −∞ at step ${r.trajectory.divergedAt}` : ` — diverged at step ${r.trajectory.divergedAt}` }));
        b.addEventListener("click", () => setConfig({ focus: r.name }));
        return el("li", {}, b);
      })
    );
    if (hadFocus) legend.querySelector<HTMLElement>(`button[data-racer="${hadFocus}"]`)?.focus();
  }

  /** Draws the step `at`: recorded as `arena:frame`, with its parts `arena:frame:map|loss|state|playback` (for profiling playback). */
  function drawFrame() {
    frameQueued = false;
    const t0 = performance.now();
    map.draw(at, hover);
    const t1 = performance.now();
    loss.draw(at);
    const t2 = performance.now();
    const focus = focusName();
    statePanel.draw(runs.find((r) => r.name === focus), objective(), hover ?? at, config.noise > 0);
    const t3 = performance.now();
    playback.set(at, config.steps, playing);
    const t4 = performance.now();
    performance.measure("arena:frame", { start: t0, end: t4 });
    performance.measure("arena:frame:map", { start: t0, end: t1 });
    performance.measure("arena:frame:loss", { start: t1, end: t2 });
    performance.measure("arena:frame:state", { start: t2, end: t3 });
    performance.measure("arena:frame:playback", { start: t3, end: t4 });
    if (performance.getEntriesByName("arena:frame").length > 2000) for (const name of ["", ":map", ":loss", ":state", ":playback"]) performance.clearMeasures("arena:frame" + name);
  }

  function queueFrame() {
    if (frameQueued || updateQueued) return;
    frameQueued = true;
    requestAnimationFrame(drawFrame);
  }

  // ---- playback ----
  let ticking = false;
  function startTicking() {
    ticking = true;
    lastTick = performance.now();
    requestAnimationFrame(tick);
  }
  function tick(now: number) {
    if (!playing) {
      ticking = false;
      return;
    }
    ticking = true;
    at = Math.min(config.steps, at + (Math.max(0, now - lastTick) / 1000) * speed);
    lastTick = now;
    if (at >= config.steps) {
      playing = false;
      ticking = false;
      queueHash();
    }
    drawFrame();
    if (playing) requestAnimationFrame(tick);
  }
  function play() {
    if (at >= config.steps) at = 0;
    playing = true;
    if (!ticking) startTicking();
    drawFrame();
  }
  function pause() {
    playing = false;
    queueHash();
    drawFrame();
  }

  // ---- layout ----
  // The widths of the arena, the map's cell and the side column, as the
  // ResizeObserver last saw them (read there, where layout is already done),
  // so an update after a key press does not force a layout to measure them.
  // 0: not observed yet, then measured on the spot.
  const widths = new Map<Element, number>();
  const widthOf = (element: HTMLElement) => widths.get(element) || element.clientWidth;
  let lastWidth = 0;
  function layout() {
    const width = widthOf(root);
    if (width === 0) return;
    const narrow = width < 720;
    if (root.classList.contains("arena-narrow") !== narrow) {
      root.classList.toggle("arena-narrow", narrow);
      // The columns change with the class: measure them again now.
      widths.delete(mapCell);
      widths.delete(side);
    }
    const mapWidth = widthOf(mapCell) || width;
    map.resize(mapWidth);
    const sideWidth = widthOf(side) || width;
    loss.resize(sideWidth, narrow ? 220 : 260);
    lastWidth = width;
  }
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) widths.set(entry.target, (entry.target as HTMLElement).clientWidth);
    // The columns are fractions of the arena's width (style.ts), so only the arena's own width calls for a new layout.
    if (widthOf(root) !== lastWidth) queueUpdate();
  });
  observer.observe(root);
  observer.observe(mapCell);
  observer.observe(side);

  // ---- the hash ----
  function queueHash() {
    if (!useHash) return;
    clearTimeout(hashTimer);
    hashTimer = setTimeout(writeHash, 300);
  }
  function currentHash() {
    return encodeArena({ ...config, at: Math.floor(at) });
  }
  function writeHash() {
    if (!root.isConnected) return;
    const hash = "#" + currentHash();
    if (location.hash !== hash) history.replaceState(history.state, "", hash);
  }
  function readHash(initial: boolean) {
    const raw = isArenaHash(location.hash) ? location.hash : "";
    const { config: next, notices } = decodeArena(raw);
    showNotices(notices);
    tuned.clear();
    config = next;
    const namesStep = /(^|[#&])at=/.test(raw) && !notices.some((n) => n.startsWith("Ignored at"));
    at = namesStep ? next.at : 0;
    playing = !namesStep && !reducedMotion && (initial ? options.autoplay !== false : true);
    if (!namesStep && reducedMotion) at = next.steps;
    syncControls();
    queueUpdate();
  }
  function onHashChange() {
    if (!isArenaHash(location.hash)) return; // a heading's anchor: not for the arena
    if (location.hash.replace(/^#/, "") !== currentHash()) {
      cancelTuning("the link changed");
      readHash(false);
    }
  }

  function showNotices(notices: readonly string[]) {
    if (notices.length === 0) {
      notice.hidden = true;
      notice.replaceChildren();
      return;
    }
    const dismiss = el("button", { type: "button", textContent: "Dismiss" });
    dismiss.addEventListener("click", () => (notice.hidden = true));
    notice.replaceChildren(
      el("strong", { textContent: "Part of this link could not be used. " }),
      "The rest of the race is restored as shared; these settings were ignored:",
      // what the link said is shown as code: it is the reader's (or a stranger's) input, not course text
      el("ul", {}, ...notices.map((n) => el("li", {}, ...n.split(/(“[^”]*”)/).map((part) => (part.startsWith("“") ? el("code", { textContent: part.slice(1, -1) }) : part))))),
      dismiss
    );
    notice.hidden = false;
  }

  function showStatus(text: string) {
    statusText.textContent = text;
  }

  // ---- tuning ----
  function cancelTuning(reason: string) {
    if (!tuning) return;
    tuneToken++;
    tuning = false;
    progress.hidden = true;
    tuneButton.textContent = "Tune η and race";
    showStatus(`Tuning stopped: ${reason}.`);
  }

  async function tune() {
    if (tuning) return cancelTuning("cancelled");
    const token = ++tuneToken;
    tuning = true;
    pause();
    tuneButton.textContent = "Stop tuning";
    progress.hidden = false;
    const o = objective();
    const snapshot = config;
    const searches = snapshot.racers.map((r) => ({ racer: r, search: tuneLearningRate(o, r, snapshot.start, snapshot.steps, snapshot.target) }));
    const totals = searches.map(() => 0);
    const dones = searches.map(() => 0);
    const results: Array<{ racer: RacerConfig; result: TuneResult }> = [];
    let budgetStart = performance.now();
    for (let k = 0; k < searches.length; ++k) {
      const { racer, search } = searches[k];
      showStatus(`Tuning η for ${optimizerInfo(racer.name).title} (${k + 1} of ${searches.length})…`);
      for (;;) {
        const r = search.next();
        if (r.done) {
          results.push({ racer, result: r.value });
          break;
        }
        totals[k] = r.value.total;
        dones[k] = r.value.done;
        if (performance.now() - budgetStart > 8) {
          const sumDone = dones.reduce((a, b) => a + b, 0);
          const guess = totals.reduce((a, b) => a + b, 0) + (searches.length - k - 1) * totals[k];
          progress.max = guess;
          progress.value = sumDone;
          await nextFrame();
          if (token !== tuneToken) return;
          budgetStart = performance.now();
        }
      }
    }
    if (token !== tuneToken) return;
    tuning = false;
    progress.hidden = true;
    tuneButton.textContent = "Tune η and race";
    tuneResults.clear();
    for (const { racer, result } of results) {
      tuneResults.set(racer.name, result);
      tuned.add(racer.name);
    }
    const runsTried = results.reduce((a, { result }) => a + result.points.length, 0);
    const racersTuned = snapshot.racers.map((r) => ({ name: r.name, hyper: { ...r.hyper, lr: tuneResults.get(r.name)!.lr } }));
    config = { ...config, racers: racersTuned };
    at = 0;
    playing = !reducedMotion;
    if (reducedMotion) at = config.steps;
    syncControls();
    queueUpdate();
    queueHash();
    showStatus(`Tuned: ${runsTried} runs of ${snapshot.steps} steps, each η chosen to reach the target soonest (or, failing that, to end lowest).`);
    root.dispatchEvent(new CustomEvent("tuned", { detail: tuneResults }));
  }

  // ---- wiring ----
  surfaceSelect.addEventListener("change", () => setSurface(surfaceSelect.value as SurfaceName));
  const readStart = () => {
    const x = Number(startX.value), y = Number(startY.value);
    const [[x0, x1], [y0, y1]] = objective().domain;
    if (!Number.isFinite(x) || !Number.isFinite(y) || x < x0 || x > x1 || y < y0 || y > y1) {
      showStatus(`The start must lie on the map: x₁ in [${x0}, ${x1}], x₂ in [${y0}, ${y1}].`);
      syncControls();
      return;
    }
    setConfig({ start: [x, y] }, { replay: true });
  };
  startX.addEventListener("change", readStart);
  startY.addEventListener("change", readStart);
  stepsInput.addEventListener("change", () => {
    const n = Math.round(Number(stepsInput.value));
    if (!(n >= STEPS_MIN && n <= STEPS_MAX)) {
      showStatus(`Steps must be from ${STEPS_MIN} to ${STEPS_MAX}.`);
      return syncControls();
    }
    setConfig({ steps: n, at: n }, { replay: true });
  });
  targetInput.addEventListener("change", () => {
    const t = Number(targetInput.value);
    const floor = floorOf(objective());
    if (!Number.isFinite(t) || !(t > floor)) {
      showStatus(`The target must be a number above the surface's minimum${Number.isFinite(floor) ? ` ${num(floor)}` : ""}.`);
      return syncControls();
    }
    setConfig({ target: t });
  });
  noiseInput.addEventListener("change", () => {
    const sigma = Number(noiseInput.value);
    if (noiseInput.value.trim() === "" || !Number.isFinite(sigma) || sigma < 0 || sigma > NOISE_MAX) {
      showStatus(`The gradient noise σ must be a number from 0 to ${NOISE_MAX}.`);
      return syncControls();
    }
    tuned.clear();
    setConfig({ noise: sigma }, { replay: true });
  });
  seedInput.addEventListener("change", () => {
    const seed = Number(seedInput.value);
    if (!Number.isInteger(seed) || seed < 0 || seed > SEED_MAX) {
      showStatus(`The noise seed must be a whole number from 0 to ${SEED_MAX}.`);
      return syncControls();
    }
    tuned.clear();
    setConfig({ seed }, { replay: true });
  });
  tuneButton.addEventListener("click", () => void tune());
  const showArrows = () => {
    arrowsKey.hidden = arrowsScaleLabel.hidden = !arrowsBox.checked;
    map.setArrows(arrowsBox.checked, objective(), Number(arrowsScale.value));
    queueFrame();
  };
  arrowsBox.addEventListener("change", showArrows);
  arrowsScale.addEventListener("change", showArrows);
  resetButton.addEventListener("click", () => {
    tuned.clear();
    setConfig(defaultConfig(config.surface), { replay: true });
    showNotices([]);
  });
  copyButton.addEventListener("click", async () => {
    writeHash();
    try {
      await navigator.clipboard.writeText(location.href);
      showStatus("Link copied: it restores this race.");
    } catch {
      showStatus("Copy the address bar's link: it restores this race.");
    }
  });

  if (useHash) {
    addEventListener("hashchange", onHashChange);
    readHash(true);
  } else {
    at = 0;
    playing = options.autoplay !== false && !reducedMotion;
    syncControls();
    queueUpdate();
  }
  // Stop listening when the page's cell is invalidated (it re-runs or the page closes).
  options.invalidation?.then(() => {
    removeEventListener("hashchange", onHashChange);
    observer.disconnect();
    playing = false;
    tuneToken++;
    clearTimeout(hashTimer);
  });
  return root;
}
