/*
 * `Access-Control-Request-Headers`: a comma-separated list of header names, validated by one linear
 * regex, then split at its commas. Optional whitespace around names and empty items are tolerated; anything else, or
 * input over the caps, is malformed (a hostile preflight costs at most one bounded scan).
 */

/** `Access-Control-Request-Headers` longer than this is refused unread (bounds the cost of hostile preflights). */
export const MAX_REQUEST_HEADERS_LENGTH = 4096;
/** At most this many names in `Access-Control-Request-Headers`. */
export const MAX_REQUEST_HEADERS_COUNT = 64;

export const MALFORMED = -1;
export const NOT_ALLOWED = -2;

/**
 * The whole grammar (`#token` with optional whitespace, empty items tolerated) in one regex: V8 runs it
 * as native code, several times faster per character than a JavaScript loop, and its classes are
 * disjoint (token, whitespace, comma), so it never backtracks.
 */
const TOKEN_LIST = /^[\t ]*(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+[\t ]*)?(?:,[\t ]*(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+[\t ]*)?)*$/;

function isWhitespace(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * The one scan behind the readers: counts the names in `value` (or returns MALFORMED), pushing each
 * lower-cased into `out` when given, refusing (NOT_ALLOWED) a name missing from `allowed` when given
 * or equal to one of `forbidden` when given. Parameters rather than a callback: a closure per
 * preflight measurably slows this hot path.
 */
function scanHeaderList(value: string, out: string[] | undefined, allowed: readonly string[] | undefined, forbidden?: readonly string[]): number {
  if (value.length > MAX_REQUEST_HEADERS_LENGTH || !TOKEN_LIST.test(value)) return MALFORMED;
  let count = 0;
  let refused = false;
  for (let from = 0; from <= value.length; ) {
    const comma = value.indexOf(',', from);
    const itemEnd = comma === -1 ? value.length : comma;
    let start = from;
    let stop = itemEnd;
    while (start < stop && isWhitespace(value.charCodeAt(start))) start++;
    while (stop > start && isWhitespace(value.charCodeAt(stop - 1))) stop--;
    if (start < stop) {
      if (count === MAX_REQUEST_HEADERS_COUNT) return MALFORMED;
      count++;
      // Names are validated tokens (ASCII only), so toLowerCase cannot fold Unicode.
      if (out !== undefined) out.push(value.slice(start, stop).toLowerCase());
      // Counting goes on after a refusal: a list over the count cap is malformed wherever the fault is.
      if (allowed !== undefined && !refused && !isListed(value, start, stop, allowed)) refused = true;
      if (forbidden !== undefined && !refused && isListed(value, start, stop, forbidden)) refused = true;
    }
    from = itemEnd + 1;
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
