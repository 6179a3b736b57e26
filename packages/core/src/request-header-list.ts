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

/** Calls `visit(start, end)` for each name in `value`; returns how many, or MALFORMED. */
function scanHeaderList(value: string, visit: (start: number, end: number) => void): number {
  if (value.length > MAX_REQUEST_HEADERS_LENGTH) return MALFORMED;
  let count = 0;
  let start = -1;
  let end = -1;
  for (let i = 0; i <= value.length; i++) {
    const c = i === value.length ? 44 /* , */ : value.charCodeAt(i);
    if (c === 44) {
      if (start !== -1) {
        if (count === MAX_REQUEST_HEADERS_COUNT) return MALFORMED;
        count++;
        visit(start, end === -1 ? i : end);
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
  return count;
}

/** The lower-case names of an `Access-Control-Request-Headers` value, or `undefined` when malformed. */
export function parseRequestHeaders(value: string): string[] | undefined {
  const names: string[] = [];
  // Names are validated tokens (ASCII only), so toLowerCase cannot fold Unicode.
  const count = scanHeaderList(value, (start, end) => names.push(value.slice(start, end).toLowerCase()));
  return count === MALFORMED ? undefined : names;
}

/**
 * Checks a value against a fixed list of allowed (lower-case) names without copying any name: the
 * number of names, MALFORMED, or NOT_ALLOWED when a well-formed list names another header. Scanning
 * goes on after a refusal, so a malformed list is reported as malformed wherever the fault is.
 */
export function checkRequestHeaders(value: string, allowed: readonly string[]): number {
  let refused = false;
  const count = scanHeaderList(value, (start, end) => {
    if (!refused && !isListed(value, start, end, allowed)) refused = true;
  });
  if (count === MALFORMED) return MALFORMED;
  return refused ? NOT_ALLOWED : count;
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
