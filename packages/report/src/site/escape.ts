/*
 * HTML helpers for the site pages. Escaping itself is the report package's `escapeHtml`: every string
 * that comes from a policy (names, descriptions, origins, route paths, owners, acknowledgement
 * reasons, commit authors) goes through it before it reaches markup, in text and attributes alike.
 */
import { escapeHtml } from '../escape.js';

export { escapeHtml };

/** Escaped text in which `backticked` spans become `<code>` (core's rule titles and hints use backticks). */
export function inlineCode(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** Escaped text in a `<code>` element. */
export function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}
