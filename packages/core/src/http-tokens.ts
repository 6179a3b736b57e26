/*
 * Fetch / RFC 9110 vocabulary: tokens, safelisted and forbidden names. Pure lookups; the one regex
 * over request input (a token) is a single character class, linear and never backtracking.
 */

/** A non-empty RFC 9110 token: V8 runs the regex natively, faster per character than a JavaScript loop. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Whether a string is a non-empty RFC 9110 token (method names, header names). */
export function isToken(value: string): boolean {
  return TOKEN.test(value);
}

/** ASCII-only lower-casing: never Unicode folding (the Kelvin sign must not become `k`). */
export function asciiLower(value: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      if (!changed) {
        out = value.slice(0, i);
        changed = true;
      }
      out += String.fromCharCode(c + 32);
    } else if (changed) {
      out += value[i];
    }
  }
  return changed ? out : value;
}

/**
 * `Access-Control-Request-Method` longer than this is refused unread. Registered methods are at most 17
 * bytes (`UPDATEREDIRECTREF`); the cap leaves room for custom ones while bounding hostile preflights.
 */
export const MAX_REQUEST_METHOD_LENGTH = 64;

/** Whether an `Access-Control-Request-Method` value is one method token within the length cap. */
export function isRequestMethod(value: string): boolean {
  // The length first: a megabyte-long value is refused without a scan.
  return value.length <= MAX_REQUEST_METHOD_LENGTH && isToken(value);
}

/** CORS-safelisted methods: browsers never preflight them. */
export const SAFELISTED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST']);

/** Methods browsers refuse to send (compared case-insensitively). */
export const FORBIDDEN_METHODS: ReadonlySet<string> = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** The methods Fetch upper-cases when a script passes them in any case. */
const NORMALISED_METHODS: ReadonlySet<string> = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

/** Fetch's method normalisation: `get` → `GET`, but `patch` stays `patch`. */
export function normalizeMethod(method: string): string {
  // Byte-case only: JavaScript's toUpperCase turns `poſt` (long s) into `POST`, Fetch does not.
  const upper = asciiUpper(method);
  return NORMALISED_METHODS.has(upper) ? upper : method;
}

function asciiUpper(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    out += c >= 97 && c <= 122 ? String.fromCharCode(c - 32) : value[i];
  }
  return out;
}

/** Fetch's forbidden request-header names (exact, lower-case). Scripts cannot set them. */
const FORBIDDEN_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  'accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method',
  'access-control-request-private-network', 'connection', 'content-length', 'cookie', 'cookie2', 'date', 'dnt',
  'expect', 'host', 'keep-alive', 'origin', 'referer', 'set-cookie', 'te', 'trailer', 'transfer-encoding',
  'upgrade', 'via',
]);

/** Whether a lower-case header name is forbidden in requests (including the `proxy-` and `sec-` prefixes). */
export function isForbiddenRequestHeader(lowerName: string): boolean {
  return FORBIDDEN_REQUEST_HEADERS.has(lowerName) || lowerName.startsWith('proxy-') || lowerName.startsWith('sec-');
}

/** Names only responses carry: listing them as allowed *request* headers is a confusion. */
const RESPONSE_ONLY_HEADERS: ReadonlySet<string> = new Set([
  'access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-methods',
  'access-control-allow-headers', 'access-control-allow-private-network', 'access-control-expose-headers',
  'access-control-max-age', 'set-cookie', 'www-authenticate', 'proxy-authenticate',
]);

export function isResponseOnlyHeader(lowerName: string): boolean {
  return RESPONSE_ONLY_HEADERS.has(lowerName);
}

/** Names only requests carry: exposing them as *response* headers is a confusion. */
const REQUEST_ONLY_HEADERS: ReadonlySet<string> = new Set([
  'authorization', 'cookie', 'cookie2', 'host', 'origin', 'referer', 'proxy-authorization',
  'access-control-request-method', 'access-control-request-headers', 'access-control-request-private-network',
]);

export function isRequestOnlyHeader(lowerName: string): boolean {
  return REQUEST_ONLY_HEADERS.has(lowerName);
}

/** Response headers Fetch reads only on a preflight's response, which scripts never see. */
const PREFLIGHT_ONLY_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  'access-control-allow-methods', 'access-control-allow-headers', 'access-control-max-age',
  'access-control-allow-private-network',
]);

/** Whether a lower-case name is a response header that only means something on a preflight. */
export function isPreflightOnlyResponseHeader(lowerName: string): boolean {
  return PREFLIGHT_ONLY_RESPONSE_HEADERS.has(lowerName);
}

/** Request headers a page may send without a preflight (ignoring Content-Type's value rules). */
export const SAFELISTED_REQUEST_HEADERS: ReadonlySet<string> = new Set(['accept', 'accept-language', 'content-language']);
