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

/** What an origin entry is: one exact origin, a subdomain pattern, or anyone. */
export type OriginKind = 'exact' | 'pattern' | 'any';

export function originKind(origin: string): OriginKind {
  if (origin === '*') return 'any';
  return origin.includes('*') ? 'pattern' : 'exact';
}

/** For `https://*.example.com(:*)`, the domain whose subdomains match (`example.com`). */
export function patternBase(pattern: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/\*\.([^:/]+)(?::(?:\*|\d+))?$/.exec(pattern);
  return match?.[1];
}

/** Whether an origin's host is loopback (`localhost`, `127.x`, `[::1]`). */
export function isLoopbackOrigin(origin: string): boolean {
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/:]+|\[[^\]]+\])/.exec(origin)?.[1] ?? '';
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
}

/** `content-type` → `Content-Type` (allowed headers are stored lower-cased). */
export function titleCaseHeader(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}
