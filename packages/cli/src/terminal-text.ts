/*
 * Policy files are hostile input: names, values quoted in messages and descriptions could carry ANSI
 * escapes (rewrite the terminal, hide a line, fake a verdict) or bidi overrides. Everything the CLI
 * prints passes through here; only newlines and tabs are printed as themselves.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control, C1 and bidi-control character shown as `\uXXXX` (e.g. `\x1b` → `\u001b`). */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One line, escaped: for values that must not start new lines in a report (a name, a message). */
export function escapeLine(text: string): string {
  return escapeControlCharacters(text).replace(/\n/g, '\\n');
}
