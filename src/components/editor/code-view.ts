/**
 * The CodeMirror 6 editor of an EditorCell, in a module of its own so that a
 * page loads CodeMirror (~185 KB compressed, the largest part of a chapter's
 * JavaScript) only when a reader comes near an editor cell, not with the page
 * (editor-cell.ts imports this module dynamically).
 */
import { javascript } from "@codemirror/lang-javascript";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { setDiagnostics } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { basicSetup } from "codemirror";

const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: "var(--syntax-keyword)" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: "var(--syntax-entity)" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: "var(--syntax-constant)" },
  { tag: [tags.string, tags.regexp], color: "var(--syntax-string)" },
  { tag: tags.comment, color: "var(--syntax-comment)", fontStyle: "italic" },
  { tag: [tags.definition(tags.variableName)], color: "var(--syntax-variable)" },
]);

const theme = EditorView.theme({
  "&": { fontSize: "13.5px", backgroundColor: "var(--theme-background-alt)", color: "var(--theme-foreground)" },
  ".cm-content": { fontFamily: "var(--monospace)", caretColor: "var(--theme-foreground)" },
  ".cm-gutters": { backgroundColor: "var(--theme-background-alt)", color: "var(--theme-foreground-muted)", border: "none" },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "color-mix(in srgb, var(--theme-foreground) 5%, transparent)" },
  "&.cm-focused": { outline: "2px solid var(--theme-foreground-focus)" },
  ".cm-selectionBackground, &.cm-focused .cm-selectionBackground, ::selection": { backgroundColor: "color-mix(in srgb, var(--theme-foreground-focus) 25%, transparent) !important" },
  ".cm-cursor": { borderLeftColor: "var(--theme-foreground)" },
});

/** What an EditorCell needs from its editor. */
export interface CodeView {
  text(): string;
  setText(text: string): void;
  focus(): void;
  /** Marks the error at `line`:`column` (1-based) to the end of its line, or clears the marks when called with no argument. */
  showError(error?: { line: number; column: number; message: string }): void;
}

export function createCodeView(parent: HTMLElement, options: { doc: string; label: string; onRun: () => void; onChange: () => void }): CodeView {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        keymap.of([{ key: "Mod-Enter", run: () => (options.onRun(), true) }]),
        basicSetup,
        javascript(),
        syntaxHighlighting(highlight),
        theme,
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": options.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange();
        }),
      ],
    }),
  });
  return {
    text: () => view.state.doc.toString(),
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    focus: () => view.focus(),
    showError(error) {
      if (!error) {
        view.dispatch(setDiagnostics(view.state, []));
        return;
      }
      const doc = view.state.doc;
      if (error.line > doc.lines) return;
      const line = doc.line(error.line);
      const from = Math.min(line.from + Math.max(0, error.column - 1), line.to);
      view.dispatch(setDiagnostics(view.state, [{ from, to: line.to, severity: "error", message: error.message }]));
    },
  };
}
