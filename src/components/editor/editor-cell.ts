/**
 * EditorCell(options): a code cell the reader can edit and run in the page.
 *
 * The code is shown in a CodeMirror 6 editor and runs in a sandbox worker with
 * the whole library in scope (see sandbox/evaluate.ts); what it returns, passed
 * through an adapter (sandbox/adapters.ts), becomes the element's `value`, so
 * `const result = view(EditorCell({...}))` drives the chart of the next cell.
 *
 * - Run with the button or Ctrl/Cmd-Enter; optionally live as you type (debounced).
 * - A run longer than `timeout` ms is stopped with a message; the page stays responsive.
 * - An error shows its message and marks its line in the editor; a result of
 *   the wrong shape is reported and the chart keeps the last good result.
 * - Edits persist per cell in localStorage (an "edited" badge shows it); Reset
 *   restores the original code. Saved edits load into the editor but do not
 *   run until the reader presses Run: until then the chart shows the original
 *   code's result, and the status says so.
 * - Share link: the URL hash carries a cell's code. The page scrolls to that
 *   cell and shows the link's code as a proposal beside the reader's own
 *   ("Load shared code" / "Keep mine"); nothing is overwritten or run without
 *   a click, and loaded shared code still waits for Run.
 * - Code from the reader (typed, saved or shared) only ever runs in the
 *   sandbox (sandbox/client.ts); the page's own original code runs there too.
 * - CodeMirror (code-view.ts) loads only when the cell comes within about a
 *   screen of the viewport or the reader focuses the code: until then the code
 *   shows as a focusable <pre>, and the cell runs and draws as usual. A page
 *   thus does not download and parse the editor with its first view.
 */
import type { CodeView } from "./code-view.js";
import { html } from "htl";
import { Sandbox } from "./sandbox/client.js";
import { DEFAULT_LIMITS } from "./sandbox/validate.js";
import type { AdapterName, RunResponse } from "./sandbox/protocol.js";
import { decodeShare, encodeShare, readEdited, writeEdited } from "./storage.js";
import { scrollResultIntoView } from "./scroll-result.js";

export interface EditorCellOptions {
  /** A stable id, unique in the course: `<chapter>/<name>`. Persistence and share links use it. */
  id: string;
  /** The original code. */
  code: string;
  /** The bundled sandbox worker's URL: `FileAttachment("workers/sandbox.js").href`. */
  worker: string;
  adapter?: AdapterName;
  params?: Record<string, unknown>;
  /** Time limit per run in ms (default 3000). */
  timeout?: number;
  /** Most values a result may hold for this cell to draw it (default: 500,000; see sandbox/validate.ts). */
  maxValues?: number;
  /** Start with "run as you type" on. */
  live?: boolean;
  /** A page-specific check of the adapted result: a message if it is wrong, else null. */
  check?: (value: unknown) => string | null;
  title?: string;
  /**
   * Framework's `invalidation` promise of the cell that makes this editor: when
   * the cell re-runs (its inputs changed), the old editor's run is stopped and its
   * sandboxed iframe removed.
   */
  invalidation?: Promise<unknown>;
}

/**
 * The cell's status line, also set as the element's `status` and sent as an
 * "editor-status" event at each change, so a section below can show that a
 * run is under way or failed (the value keeps the last good result).
 */
export interface EditorStatus {
  text: string;
  kind: "ok" | "error" | "running" | "info";
}

function describeError(response: Extract<RunResponse, { ok: false }>): string {
  const { name, message, location } = response.error;
  const where = location ? ` (line ${location.line}, column ${location.column})` : "";
  return name === "Timeout" ? message : `${name}${where}: ${message}`;
}

export function EditorCell(options: EditorCellOptions): HTMLElement & { value: unknown } {
  const { id, code: original, worker, adapter = "data", params = {}, timeout = 3000, check, title = "Edit this experiment" } = options;
  const sandbox = new Sandbox({ url: worker, timeout, limits: { ...DEFAULT_LIMITS, ...(options.maxValues ? { maxValues: options.maxValues } : {}) } });
  options.invalidation?.then(() => sandbox.dispose());
  const shared = decodeShare(location.hash, id);
  const stored = readEdited(id);
  // The reader's own code: what they saved, else the original. A link's code is only proposed.
  const initial = stored ?? original;
  const proposal = shared.code !== undefined && shared.code !== initial ? shared.code : undefined;

  const status = html`<div class="editor-cell-status" role="status" aria-live="polite"></div>` as HTMLElement;
  const logs = html`<pre class="editor-cell-logs" hidden></pre>` as HTMLPreElement;
  const badge = html`<span class="editor-cell-badge" hidden>edited</span>` as HTMLElement;
  const runButton = html`<button type="button" title="Run (Ctrl/Cmd-Enter)">▶ Run</button>` as HTMLButtonElement;
  const resetButton = html`<button type="button">Reset</button>` as HTMLButtonElement;
  const shareButton = html`<button type="button">Share link</button>` as HTMLButtonElement;
  const liveBox = html`<input type="checkbox">` as HTMLInputElement;
  liveBox.checked = Boolean(options.live);
  const notice = html`<div class="editor-cell-notice" hidden></div>` as HTMLElement;

  // The editor, once loaded (code-view.ts); until then `text` holds the code shown in `placeholder`.
  let editor: CodeView | undefined;
  let text = initial;
  let lastError: { line: number; column: number; message: string } | undefined;
  const current = () => (editor ? editor.text() : text);
  const placeholder = html`<pre class="editor-cell-placeholder" tabindex="0" role="group" aria-label=${`${title}: code (focus to edit)`}></pre>` as HTMLPreElement;
  placeholder.textContent = initial;
  let running = 0;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  const root = html`<div class="editor-cell" data-cell=${id}>
    <div class="editor-cell-bar">
      <strong>${title}</strong> ${badge}
      <span class="editor-cell-actions">${runButton} ${resetButton} ${shareButton} <label>${liveBox} live</label></span>
    </div>
    ${notice}
    <div class="editor-cell-editor">${placeholder}</div>
    ${status}
    ${logs}
  </div>` as HTMLElement & { value: unknown };
  root.value = undefined;

  function setStatus(text: string, kind: "ok" | "error" | "running" | "info") {
    status.textContent = text;
    status.dataset.kind = kind;
    // For sections of the page that draw this cell's result and must say when a run is under way or failed.
    (root as { status?: EditorStatus }).status = { text, kind };
    root.dispatchEvent(new CustomEvent<EditorStatus>("editor-status", { detail: { text, kind } }));
  }

  function markEdited() {
    const code = current();
    badge.hidden = code === original;
    if (code === original) writeEdited(id, null);
    else writeEdited(id, code);
  }

  /** Puts `code` in the editor (or the placeholder before the editor has loaded). */
  function setCode(code: string) {
    if (editor) editor.setText(code); // its change listener marks the cell edited
    else {
      text = code;
      placeholder.textContent = code;
      markEdited();
    }
  }

  let loading: Promise<void> | undefined;
  /** Loads CodeMirror and replaces the placeholder with the editor (once). */
  function loadEditor(): Promise<void> {
    loading ??= import("./code-view.js").then(({ createCodeView }) => {
      const hadFocus = document.activeElement === placeholder;
      placeholder.remove();
      editor = createCodeView(root.querySelector(".editor-cell-editor")!, {
        doc: text,
        label: `${title}: code editor`,
        onRun: () => void run(undefined, { reveal: true }),
        onChange: () => {
          markEdited();
          if (liveBox.checked) {
            clearTimeout(debounce);
            debounce = setTimeout(() => void run(), 600);
          }
        },
      });
      if (lastError) editor.showError(lastError);
      if (hadFocus) editor.focus();
    });
    return loading;
  }

  /**
   * Runs `source` in the sandbox and publishes its value. `quiet` leaves the
   * status line as another message set it; `timed: false` (the automatic run
   * when the page loads) ends with an empty status instead of "Ran in … ms.",
   * so a run time appears only for a run the reader started.
   */
  async function run(source = current(), { quiet = false, reveal = false, timed = true } = {}) {
    const ticket = ++running;
    delete root.dataset.pending;
    // A quiet run (the original code behind a share link's proposal) leaves the status alone: it
    // starts when the cell nears the viewport, after the proposal's "not run" status is shown.
    if (!quiet) setStatus("Running…", "running");
    runButton.disabled = true;
    const response = await sandbox.run(source, adapter, params, timeout);
    if (ticket !== running) return; // a newer run superseded this one
    runButton.disabled = false;
    logs.hidden = response.logs.length === 0;
    logs.textContent = response.logs.join("\n");
    if (!response.ok) {
      setStatus(describeError(response), "error");
      const loc = response.error.location;
      if (loc && source === current()) {
        lastError = { line: loc.line, column: loc.column, message: response.error.message };
        editor?.showError(lastError);
      }
      // Nothing drawn yet (saved code that fails on load): draw the original's result meanwhile.
      if (root.value === undefined && source !== original) void fillFromOriginal();
      return;
    }
    lastError = undefined;
    editor?.showError();
    const problem = check?.(response.value) ?? null;
    if (problem) {
      setStatus(`The result has the wrong shape: ${problem}`, "error");
      return;
    }
    if (!quiet) setStatus(timed ? `Ran in ${Math.max(1, Math.round(response.ms))} ms.` : "", "ok");
    root.value = response.value;
    root.dispatchEvent(new Event("input", { bubbles: true }));
    if (reveal) scrollResultIntoView(root);
  }

  /** Sets the value from the original code without touching the status or the editor. */
  async function fillFromOriginal() {
    const response = await sandbox.run(original, adapter, params, timeout);
    if (response.ok && root.value === undefined && !(check?.(response.value) ?? null)) {
      root.value = response.value;
      root.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  // CodeMirror loads, and the original code first runs (starting the sandbox's
  // iframe and worker), when the cell nears the viewport — within a screen of
  // it — so cells far down a page do not compete with its first view. The
  // editor also loads at once when the reader focuses the code.
  placeholder.addEventListener("focus", () => void loadEditor());
  placeholder.addEventListener("pointerdown", () => void loadEditor());
  let nearView: () => void = () => {};
  const isNear = new Promise<void>((resolve) => (nearView = resolve));
  void isNear.then(() => loadEditor());
  if (typeof IntersectionObserver === "undefined") nearView();
  else {
    const near = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          near.disconnect();
          nearView();
        }
      },
      { rootMargin: "100% 0px" },
    );
    near.observe(root);
    options.invalidation?.then(() => near.disconnect());
  }
  badge.hidden = initial === original;

  runButton.addEventListener("click", () => void run(undefined, { reveal: true }));
  resetButton.addEventListener("click", () => {
    setCode(original);
    writeEdited(id, null);
    notice.hidden = true;
    void run();
  });
  shareButton.addEventListener("click", async () => {
    const url = `${location.href.split("#")[0]}#${encodeShare(id, current())}`;
    history.replaceState(null, "", url);
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Link copied: it opens this page with your code loaded (not run until Run is pressed).", "info");
    } catch {
      setStatus("The address bar now holds a link to your code; copy it from there.", "info");
    }
  });

  if (shared.error) {
    notice.hidden = false;
    notice.textContent = `The shared link's code could not be read (${shared.error}); showing ${stored ? "your saved" : "the original"} code.`;
  }
  if (initial === original) {
    void isNear.then(() => (running === 0 ? run(original, { quiet: proposal !== undefined, timed: false }) : undefined));
  } else {
    // Saved code waits for Run; meanwhile the chart shows the original code's result.
    root.dataset.pending = "saved";
    if (adapter !== "exercise") void isNear.then(() => fillFromOriginal());
    if (proposal === undefined) setStatus("Your saved code is loaded but has not run: press Run to run it. Until then the chart shows the original code's result.", "info");
  }
  if (proposal !== undefined) showProposal(proposal);
  if (shared.code !== undefined || shared.error) scrollWhenShown();
  return root;

  /** The link's code beside the reader's own, with the choice to load it or keep theirs. */
  function showProposal(code: string) {
    const load = html`<button type="button">Load shared code</button>` as HTMLButtonElement;
    const keep = html`<button type="button">Keep mine</button>` as HTMLButtonElement;
    notice.hidden = false;
    notice.replaceChildren(
      html`<p><strong>A shared link proposes this code for the cell.</strong> It has not run. Read it; <em>Load shared code</em> puts it in the editor (${stored ? "replacing your saved code" : "in place of the original"}), where it runs only when you press Run. <em>Keep mine</em> leaves the editor as it is.</p>`,
      html`<pre class="editor-cell-proposal" tabindex="0" aria-label="Code from the shared link">${code}</pre>`,
      html`<p class="editor-cell-proposal-actions">${load} ${keep}</p>`
    );
    const forget = () => {
      if (decodeShare(location.hash, id).code !== undefined) history.replaceState(null, "", location.href.split("#")[0]);
    };
    load.addEventListener("click", () => {
      liveBox.checked = false; // "run as you type" would run it; loaded code waits for Run
      setCode(code);
      forget();
      notice.textContent = "The shared code is in the editor. Read it, then press Run to run it; until then the chart shows the previous result.";
      setStatus("Shared code loaded, not run yet.", "info");
      void loadEditor().then(() => editor?.focus());
    });
    keep.addEventListener("click", () => {
      forget();
      notice.hidden = true;
      notice.replaceChildren();
      setStatus("Kept your code; the shared code was not loaded.", "info");
    });
    setStatus("A shared link proposes code for this cell (not run).", "info");
  }

  /** Scrolls the cell into view once the page has placed it (for a share link). */
  function scrollWhenShown(tries = 0) {
    if (root.isConnected) root.scrollIntoView({ block: "start" });
    else if (tries < 100) setTimeout(() => scrollWhenShown(tries + 1), 50);
  }
}
