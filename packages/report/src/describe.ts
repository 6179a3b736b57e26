import type { OriginFacts } from '@org/cors-core';

/*
 * Small wording helpers shared by the audit model and the diff model. Pure: no I/O, no node: imports.
 */

/** `a`, `a and b`, `a, b and c`. */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * A count and its noun, with an `s` unless the count is 1: `1 warning`, `2 warnings`, `0 notes`.
 * For nouns whose plural is the noun plus `s`.
 */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Seconds in human units: `10 minutes`, `2 hours`, `1 minute 30 seconds`, `0 seconds`.
 * Used for `maxAge` values in the audit and diff models (and the docs site).
 */
export function humanDuration(seconds: number): string {
  if (seconds === 0) return '0 seconds';
  const parts: string[] = [];
  let rest = seconds;
  for (const [unit, size] of [['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]] as const) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(plural(count, unit));
    rest -= count * size;
  }
  return parts.join(' ');
}

/** The preflight cache time browsers use when the header is absent (Fetch's default). */
export const DEFAULT_BROWSER_MAX_AGE = 5;

/** What an origin entry is, from core's analysis (never re-derived from the string here). */
export type OriginKind = OriginFacts['kind'];

/**
 * A concrete origin an entry matches, to ask core about: the entry itself when exact, a sample
 * subdomain and port for a pattern (`https://*.x.com:*` → `https://app.x.com:8443`).
 */
export function sampleOrigin(facts: OriginFacts): string {
  if (facts.kind !== 'pattern') return facts.entry;
  const host = facts.wildcardHost ? `app.${facts.host ?? 'example'}` : (facts.host ?? 'example');
  const port = facts.anyPort ? ':8443' : facts.port === undefined ? '' : `:${facts.port}`;
  return `${facts.scheme ?? 'https'}://${host}${port}`;
}

/** `content-type` → `Content-Type` (allowed headers are stored lower-cased). */
export function titleCaseHeader(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}
