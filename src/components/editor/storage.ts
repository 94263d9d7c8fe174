/**
 * Where editor cells keep readers' code: localStorage for edits that survive a
 * reload, and the URL hash for share links. Nothing read from either place is
 * ever run by itself: the cell only loads it into the editor.
 */

const PREFIX = "descent:cell:";
/** The longest code a share link may carry, in characters. */
export const MAX_SHARED_CODE = 20_000;

export function readEdited(id: string): string | null {
  try {
    return localStorage.getItem(PREFIX + id);
  } catch {
    return null;
  }
}

/** Saves the reader's code for a cell, or forgets it when `code` is null. */
export function writeEdited(id: string, code: string | null): void {
  try {
    if (code === null) localStorage.removeItem(PREFIX + id);
    else localStorage.setItem(PREFIX + id, code);
  } catch {
    // storage disabled or full: edits simply do not persist
  }
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/** The hash (without `#`) of a link that opens cell `id` with `code`. */
export function encodeShare(id: string, code: string): string {
  return new URLSearchParams({ cell: id, code: toBase64Url(code) }).toString();
}

/**
 * Reads a share link's hash for cell `id`: `{code}` when it carries code for
 * this cell, `{error}` when it names this cell but its code cannot be read,
 * `{}` otherwise.
 */
export function decodeShare(hash: string, id: string): { code?: string; error?: string } {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(hash.replace(/^#/, ""));
  } catch {
    return {};
  }
  if (params.get("cell") !== id) return {};
  const encoded = params.get("code");
  if (encoded === null) return { error: "no code in the link" };
  if (encoded.length > (MAX_SHARED_CODE * 4) / 3 + 4) return { error: `code longer than ${MAX_SHARED_CODE} characters` };
  try {
    return { code: fromBase64Url(encoded) };
  } catch {
    return { error: "the code is not valid base64url-encoded UTF-8" };
  }
}
