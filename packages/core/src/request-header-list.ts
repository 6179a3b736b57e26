import { isTokenChar } from './http-tokens.js';

/*
 * `Access-Control-Request-Headers`: a comma-separated list of header names, read in one linear pass
 * with no regex. Optional whitespace around names and empty items are tolerated; anything else, or
 * input over the caps, is malformed (a hostile preflight costs at most one bounded scan).
 */

/** `Access-Control-Request-Headers` longer than this is refused unread (bounds the cost of hostile preflights). */
export const MAX_REQUEST_HEADERS_LENGTH = 4096;
/** At most this many names in `Access-Control-Request-Headers`. */
export const MAX_REQUEST_HEADERS_COUNT = 64;

export const MALFORMED = -1;
export const NOT_ALLOWED = -2;

/**
 * The one scan behind the readers: counts the names in `value` (or returns MALFORMED), pushing each
 * lower-cased into `out` when given, refusing (NOT_ALLOWED) a name missing from `allowed` when given
 * or equal to `forbidden` when given. Parameters rather than a callback: a closure per preflight
 * measurably slows this hot path.
 */
function scanHeaderList(value: string, out: string[] | undefined, allowed: readonly string[] | undefined, forbidden?: readonly string[]): number {
  if (value.length > MAX_REQUEST_HEADERS_LENGTH) return MALFORMED;
  let count = 0;
  let refused = false;
  let start = -1;
  let end = -1;
  for (let i = 0; i <= value.length; i++) {
    const c = i === value.length ? 44 /* , */ : value.charCodeAt(i);
    if (c === 44) {
      if (start !== -1) {
        if (count === MAX_REQUEST_HEADERS_COUNT) return MALFORMED;
        count++;
        const stop = end === -1 ? i : end;
        // Names are validated tokens (ASCII only), so toLowerCase cannot fold Unicode.
        if (out !== undefined) out.push(value.slice(start, stop).toLowerCase());
        // Scanning goes on after a refusal: a malformed list is reported as malformed wherever the fault is.
        if (allowed !== undefined && !refused && !isListed(value, start, stop, allowed)) refused = true;
        if (forbidden !== undefined && !refused && isListed(value, start, stop, forbidden)) refused = true;
      }
      start = -1;
      end = -1;
    } else if (c === 32 || c === 9) {
      // Whitespace is allowed only around a name, not inside one.
      if (start !== -1 && end === -1) end = i;
    } else {
      if (!isTokenChar(c) || end !== -1) return MALFORMED;
      if (start === -1) start = i;
    }
  }
  return refused ? NOT_ALLOWED : count;
}

/** The lower-case names of an `Access-Control-Request-Headers` value, or `undefined` when malformed. */
export function parseRequestHeaders(value: string): string[] | undefined {
  const names: string[] = [];
  return scanHeaderList(value, names, undefined) === MALFORMED ? undefined : names;
}

/**
 * Checks a value against a fixed list of allowed (lower-case) names without copying any name: the
 * number of names, MALFORMED, or NOT_ALLOWED when a well-formed list names another header.
 */
export function checkRequestHeaders(value: string, allowed: readonly string[]): number {
  return scanHeaderList(value, undefined, allowed);
}

const AUTHORIZATION = ['authorization'] as const;

/**
 * Checks a value under `allowHeaders: ['*']` answered with a literal `*` (no credentials) without
 * copying any name: `*` does not cover `Authorization`, so that name is refused unless listed.
 */
export function checkWildcardRequestHeaders(value: string, allowsAuthorization: boolean): number {
  return scanHeaderList(value, undefined, undefined, allowsAuthorization ? undefined : AUTHORIZATION);
}

/** Whether value[start, stop) equals one of `allowed`, ASCII case-insensitively (token chars only). */
function isListed(value: string, start: number, stop: number, allowed: readonly string[]): boolean {
  const length = stop - start;
  next: for (const name of allowed) {
    if (name.length !== length) continue;
    for (let j = 0; j < length; j++) {
      const c = value.charCodeAt(start + j);
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== name.charCodeAt(j)) continue next;
    }
    return true;
  }
  return false;
}
