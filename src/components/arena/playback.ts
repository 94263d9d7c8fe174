/**
 * The arena's playback bar: restart, step back, play/pause, step forward, a
 * scrubber over the steps, the speed, and the step shown. Buttons and native
 * inputs, so the keyboard drives all of it.
 */
export interface PlaybackCallbacks {
  onPlay(playing: boolean): void;
  /** The reader moved to a step (scrubber, step buttons, restart). */
  onSeek(step: number): void;
  onSpeed(stepsPerSecond: number): void;
}

export interface PlaybackBar {
  readonly element: HTMLElement;
  /** Shows the state without firing callbacks. */
  set(at: number, steps: number, playing: boolean): void;
}

export const SPEEDS = [10, 25, 50, 100, 200, 400] as const;
export const DEFAULT_SPEED = 100;

/** Icons as SVG paths on a 16 × 16 box (fonts lack some media symbols). */
const ICONS: Record<string, string> = {
  restart: "M2 2h2v12H2zM14 2v12L5 8z",
  back: "M12 2v12L4 8zM2 2h2v12H2z",
  play: "M4 2l10 6-10 6z",
  pause: "M3 2h4v12H3zM9 2h4v12H9z",
  forward: "M4 2v12l8-6zM12 2h2v12h-2z",
};

function icon(name: string): SVGSVGElement {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", ICONS[name]);
  svg.append(path);
  return svg;
}

function button(name: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.append(icon(name));
  b.setAttribute("aria-label", label);
  b.title = label;
  b.addEventListener("click", onClick);
  return b;
}

export function playbackBar(callbacks: PlaybackCallbacks): PlaybackBar {
  let at = 0, steps = 1, playing = false;
  const bar = document.createElement("div");
  bar.className = "arena-playback";
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", "Playback");
  const restart = button("restart", "restart from step 0", () => callbacks.onSeek(0));
  const back = button("back", "one step back", () => callbacks.onSeek(Math.max(0, Math.floor(at) - 1)));
  const play = button("play", "play", () => callbacks.onPlay(!playing));
  play.className = "arena-play";
  const forward = button("forward", "one step forward", () => callbacks.onSeek(Math.min(steps, Math.floor(at) + 1)));
  const scrub = document.createElement("input");
  scrub.type = "range";
  scrub.min = "0";
  scrub.step = "1";
  scrub.setAttribute("aria-label", "step shown");
  scrub.addEventListener("input", () => callbacks.onSeek(Number(scrub.value)));
  const readout = document.createElement("output");
  readout.className = "arena-step";
  // Rewritten in place every frame (a text node's data: no child list change).
  const readoutText = document.createTextNode("");
  readout.append(readoutText);
  const speedLabel = document.createElement("label");
  const speed = document.createElement("select");
  for (const s of SPEEDS) {
    const option = document.createElement("option");
    option.value = String(s);
    option.textContent = `${s} steps/s`;
    option.selected = s === DEFAULT_SPEED;
    speed.append(option);
  }
  speed.setAttribute("aria-label", "playback speed");
  speed.addEventListener("change", () => callbacks.onSpeed(Number(speed.value)));
  speedLabel.append(speed);
  bar.append(restart, back, play, forward, scrub, readout, speedLabel);
  return {
    element: bar,
    set(nextAt, nextSteps, nextPlaying) {
      at = nextAt;
      steps = nextSteps;
      if (playing !== nextPlaying) {
        playing = nextPlaying;
        play.replaceChildren(icon(playing ? "pause" : "play"));
        play.setAttribute("aria-label", playing ? "pause" : "play");
        play.title = playing ? "pause" : "play";
        // The readout (an <output>, a polite live region) would announce every
        // frame while playing: silent then, announcing again once paused, so
        // a step, a seek or the end of the race is read out once.
        if (playing) readout.setAttribute("aria-live", "off");
        else readout.removeAttribute("aria-live");
      }
      if (scrub.max !== String(steps)) scrub.max = String(steps);
      const shown = Math.floor(at);
      if (scrub.value !== String(shown)) scrub.value = String(shown);
      const text = `step ${shown} / ${steps}`;
      if (readoutText.data !== text) readoutText.data = text;
    },
  };
}
