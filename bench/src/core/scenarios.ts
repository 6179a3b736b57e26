import { MAX_REQUEST_HEADERS_COUNT, MAX_REQUEST_HEADERS_LENGTH } from '@org/cors-core';
import {
  ALLOWED_ORIGIN, BENCH_PATH, PREFLIGHT_HEADERS, PREFLIGHT_METHOD, REFUSED_ORIGIN,
} from '../shared/bench-rules.js';
import type { FakeRequest } from './fake-http.js';

export type CoreScenarioName =
  | 'allowed GET' | 'allowed preflight' | 'refused origin' | 'no Origin' | 'capped preflight' | 'malicious preflight';

export interface CoreScenario {
  readonly name: CoreScenarioName;
  readonly request: FakeRequest;
}

/** 64 KiB of well-formed header names: the hostile preflight that makes naive parsers work hard. */
export const MALICIOUS_REQUEST_HEADERS = maliciousHeaders(64 * 1024);

function maliciousHeaders(length: number): string {
  let value = '';
  for (let i = 0; value.length < length; i++) value += `${i === 0 ? '' : ','}x-h${i}`;
  return value.slice(0, length);
}

/**
 * The most a preflight can make ours read: as many names as the count cap allows, one byte under the
 * length cap. The policy's own two names first, then names it does not allow, so ours scans all of it
 * (a malformed name anywhere must still be reported as such) and refuses.
 */
export const CAPPED_REQUEST_HEADERS = cappedHeaders(MAX_REQUEST_HEADERS_LENGTH - 1, MAX_REQUEST_HEADERS_COUNT);

function cappedHeaders(length: number, count: number): string {
  const names = PREFLIGHT_HEADERS.split(',');
  const padded = count - names.length;
  const room = length - PREFLIGHT_HEADERS.length - padded; // minus one comma per padded name
  for (let i = 0; i < padded; i++) {
    const size = Math.floor(room / padded) + (i < room % padded ? 1 : 0);
    const stem = `x-pad-${String(i).padStart(2, '0')}-`;
    names.push(stem + 'a'.repeat(size - stem.length));
  }
  return names.join(',');
}

/**
 * Every request's headers object has the same keys in the same order (absent headers are
 * `undefined`, which is what `req.headers[name]` returns for them in Node), so property loads stay
 * monomorphic for every contender whichever scenario ran before.
 */
export function request(method: string, origin?: string, requestMethod?: string, requestHeaders?: string): FakeRequest {
  return {
    method,
    url: BENCH_PATH,
    headers: { origin, 'access-control-request-method': requestMethod, 'access-control-request-headers': requestHeaders },
  };
}

/** The requests of the core bench. */
export const CORE_SCENARIOS: readonly CoreScenario[] = [
  { name: 'allowed GET', request: request('GET', ALLOWED_ORIGIN) },
  { name: 'allowed preflight', request: request('OPTIONS', ALLOWED_ORIGIN, PREFLIGHT_METHOD, PREFLIGHT_HEADERS) },
  { name: 'refused origin', request: request('GET', REFUSED_ORIGIN) },
  { name: 'no Origin', request: request('GET') },
  { name: 'capped preflight', request: request('OPTIONS', ALLOWED_ORIGIN, PREFLIGHT_METHOD, CAPPED_REQUEST_HEADERS) },
  { name: 'malicious preflight', request: request('OPTIONS', ALLOWED_ORIGIN, PREFLIGHT_METHOD, MALICIOUS_REQUEST_HEADERS) },
];
