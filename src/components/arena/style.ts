/**
 * The arena's CSS, injected once into the page's head (kept here rather than
 * in the shared style.css, since only the arena uses it). Colors come from
 * Framework's theme variables, so the arena follows light and dark mode.
 */
const CSS = String.raw`
.arena { font: 14px var(--sans-serif); --arena-gap: 0.9rem; margin: 1rem 0 1.5rem; max-width: none; }
.arena button, .arena select, .arena input { font: inherit; font-size: 13px; }
.arena button { cursor: pointer; padding: 0.2rem 0.55rem; border-radius: 6px; border: 1px solid var(--theme-foreground-faint); background: var(--theme-background-alt); color: var(--theme-foreground); }
.arena button:hover { border-color: var(--theme-foreground-muted); }
.arena button.arena-primary { background: var(--theme-foreground-focus); border-color: var(--theme-foreground-focus); color: var(--theme-background); font-weight: 600; }
.arena :focus-visible { outline: 2px solid var(--theme-foreground-focus); outline-offset: 2px; }
.arena-notice { border-left: 4px solid var(--theme-red, #d33); background: color-mix(in srgb, var(--theme-red, #d33) 10%, transparent); padding: 0.5rem 0.75rem; margin-bottom: var(--arena-gap); font-size: 13px; }
.arena-notice ul { margin: 0.3rem 0 0.3rem 1.1rem; padding: 0; }
.arena-notice li { overflow-wrap: anywhere; }
.arena-bar { display: flex; flex-wrap: wrap; gap: 0.5rem 0.9rem; align-items: end; margin-bottom: 0.5rem; }
.arena-field { display: flex; flex-direction: column; gap: 0.15rem; font-size: 12px; color: var(--theme-foreground-muted); }
.arena-field input[type=number] { width: 6.2em; }
.arena-field.arena-start-field input[type=number] { width: 5.2em; }
.arena-field .arena-pair { display: flex; gap: 0.25rem; }
.arena-actions { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
.arena-status { font-size: 12px; color: var(--theme-foreground-muted); min-height: 1.3em; display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
.arena-status progress { width: 10rem; }
.arena-status progress[hidden] { display: none; }
.arena-note { font-size: 13px; color: var(--theme-foreground-muted); margin: 0 0 0.6rem; }
.arena-main { display: grid; grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr); gap: var(--arena-gap); align-items: start; }
.arena.arena-narrow .arena-main { grid-template-columns: minmax(0, 1fr); }
.arena-map svg, .arena-loss svg { display: block; max-width: 100%; height: auto; touch-action: none; user-select: none; }
.arena-map svg { cursor: crosshair; }
.arena-axes text { font-size: 11px; fill: var(--theme-foreground-muted); }
.arena-axes .arena-axis-label { fill: var(--theme-foreground-muted); font-style: italic; }
.arena-frame { fill: none; stroke: var(--theme-foreground-faint); }
.arena-tick { stroke: var(--theme-foreground-faint); }
.arena-grid { stroke: var(--theme-foreground-faintest); }
.arena-map { position: relative; color: var(--theme-foreground); }
.arena-map canvas { position: absolute; pointer-events: none; }
.arena-minimum path { stroke: var(--theme-foreground); stroke-width: 2.2; fill: none; }
.arena-path { fill: none; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; stroke-opacity: 0.9; }
.arena-path.arena-focus { stroke-width: 3.2; stroke-opacity: 1; }
.arena-dot { stroke: var(--theme-background); stroke-width: 1.5; }
.arena-focus .arena-dot { r: 7; }
.arena-ring { fill: none; stroke-width: 2; stroke-dasharray: 3 2; }
.arena-arrow path { fill: none; stroke-linecap: round; stroke-linejoin: round; }
.arena-arrow .arena-arrow-halo { stroke: var(--theme-background); stroke-width: 4.5; stroke-opacity: 0.85; }
.arena-arrow-gradient { stroke-width: 2; stroke-dasharray: 4 3; }
.arena-arrow-update { stroke-width: 2.4; }
.arena-arrow-toggle { display: flex; flex-wrap: wrap; gap: 0.2rem 0.6rem; align-items: center; font-size: 12px; margin: 0.35rem 0 0; color: var(--theme-foreground-muted); }
.arena-arrow-toggle label { color: var(--theme-foreground); display: inline-flex; gap: 0.3rem; align-items: center; }
.arena-arrow-key svg { vertical-align: middle; }
.arena-cross { stroke-width: 2.5; visibility: hidden; }
.arena-gone .arena-cross { visibility: visible; }
.arena-gone .arena-dot { visibility: hidden; }
.arena-start { cursor: grab; }
.arena-start-ring { fill: color-mix(in srgb, var(--theme-background) 55%, transparent); stroke: var(--theme-foreground); stroke-width: 2; }
.arena-start-cross { stroke: var(--theme-foreground); stroke-width: 1.5; }
.arena-start:focus { outline: none; }
.arena-start:focus-visible .arena-start-ring { stroke: var(--theme-foreground-focus); stroke-width: 3.5; }
.arena-loss-faint path { fill: none; stroke-width: 1.2; stroke-opacity: 0.25; }
.arena-loss-solid path { fill: none; stroke-width: 1.8; stroke-linejoin: round; }
.arena-rule { stroke: var(--theme-foreground-muted); stroke-width: 1; }
.arena-hover-rule { stroke: var(--theme-foreground); stroke-dasharray: 3 3; }
.arena-target { stroke: var(--theme-foreground-muted); stroke-dasharray: 5 4; }
.arena-axes .arena-target-label { font-size: 10px; }
.arena-legend { display: flex; flex-wrap: wrap; gap: 0.2rem 0.4rem; margin: 0.35rem 0 0; padding: 0; list-style: none; font-size: 12px; }
.arena-legend button { border: 1px solid transparent; background: none; padding: 0.05rem 0.35rem; font-size: 12px; }
.arena-legend button[aria-pressed=true] { border-color: var(--theme-foreground-faint); background: var(--theme-background-alt); font-weight: 600; }
.arena-legend .arena-diverged-note { color: var(--theme-red, #d33); }
.arena-swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 50%; margin-right: 0.35em; vertical-align: -0.05em; }
.arena-side { display: flex; flex-direction: column; gap: 0.6rem; min-width: 0; }
.arena-playback { display: flex; flex-wrap: wrap; gap: 0.35rem; align-items: center; margin: 0.6rem 0; }
.arena-playback input[type=range] { flex: 1 1 10rem; min-width: 8rem; }
.arena-playback .arena-step { font-variant-numeric: tabular-nums; min-width: 8.5em; font-size: 12px; }
.arena-play { min-width: 2.6rem; }
.arena-state { font-size: 12px; }
.arena-state-title { font-weight: 600; margin-bottom: 0.2rem; }
.arena-state table, .arena-table table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; max-width: none; }
.arena-state th, .arena-state td { padding: 0.1rem 0.4rem; border-bottom: 1px solid var(--theme-foreground-faintest); text-align: right; font-weight: normal; }
.arena-state th[scope=row] { text-align: left; color: var(--theme-foreground-muted); }
.arena-muted { color: var(--theme-foreground-muted); text-align: left !important; }
.arena-racers { margin-top: var(--arena-gap); }
.arena-racers h4, .arena-racers summary.arena-variants { font: 600 13px var(--sans-serif); margin: 0.4rem 0; }
.arena-racer-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(16.5rem, 1fr)); gap: 0.4rem 0.9rem; }
.arena-racer-row { border: 1px solid var(--theme-foreground-faintest); border-radius: 8px; padding: 0.3rem 0.5rem; }
.arena-racer-row.arena-off { opacity: 0.72; }
.arena-racer-head { display: flex; align-items: center; gap: 0.35rem; }
.arena-racer-head label { flex: 1; cursor: pointer; }
.arena-tuned { font-size: 11px; color: var(--theme-green, #3a3); }
.arena-hyper { display: grid; grid-template-columns: 5.6rem minmax(3rem, 1fr) 4.8rem; gap: 0.35rem; align-items: center; font-size: 12px; }
.arena-hyper.arena-lr { grid-template-columns: 1.2rem minmax(3rem, 1fr) 4.8rem; }
.arena-hyper input { min-width: 0; box-sizing: border-box; margin: 0; }
.arena-hyper input[type=range] { width: 100%; }
.arena-playback input[type=range] { width: auto; }
.arena-playback button svg { display: block; width: 14px; height: 14px; fill: currentColor; }
.arena-hyper label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--theme-foreground-muted); }
.arena-hyper input[type=number] { width: 100%; }
.arena-racer-body details summary { font-size: 12px; color: var(--theme-foreground-muted); cursor: pointer; }
.arena-table { margin-top: var(--arena-gap); overflow-x: auto; }
.arena-table caption { text-align: left; font-size: 12px; color: var(--theme-foreground-muted); caption-side: top; padding-bottom: 0.3rem; }
.arena-table th, .arena-table td { padding: 0.2rem 0.5rem; border-bottom: 1px solid var(--theme-foreground-faintest); text-align: left; font-size: 13px; }
.arena-table th[scope=row] { font-weight: normal; white-space: nowrap; }
.arena-table tr.arena-diverged td:last-child { color: var(--theme-red, #d33); }
`;

export function injectArenaStyle(): void {
  if (typeof document === "undefined" || document.getElementById("arena-style")) return;
  const style = document.createElement("style");
  style.id = "arena-style";
  style.textContent = CSS;
  document.head.append(style);
}
