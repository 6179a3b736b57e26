/*
 * HTML escaping for the site pages. Every string that comes from a policy (names, descriptions,
 * origins, route paths, owners, acknowledgement reasons, commit authors) is hostile: it goes through
 * `escapeHtml` before it reaches markup, in text and in attribute values alike.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML text content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** Escaped text in which `backticked` spans become `<code>` (the audit model's sentences use backticks). */
export function inlineCode(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** Escaped text in a `<code>` element. */
export function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}
