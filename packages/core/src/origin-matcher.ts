import type { CompiledOriginPattern } from './compiled-data.js';

/*
 * Per-request origin matching: a Set lookup for exact origins, then the patterns indexed by host:
 * an Origin is compared only with the patterns whose host (or wildcard base) is one of its host's
 * suffixes — a handful of Map lookups whatever the number of patterns. Linear in the length of the
 * Origin, no regex, no URL parser, no case folding.
 */

/** Origins longer than this are never matched (a browser's is at most scheme + 253-byte host + port). */
export const MAX_ORIGIN_LENGTH = 1024;

const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443 };

export interface OriginMatcher {
  matches(origin: string): boolean;
}

/** A pattern with the prefix it compares (`https://`), computed once. */
interface PreparedPattern extends CompiledOriginPattern {
  readonly schemePrefix: string;
}

export function compileOriginMatcher(exact: readonly string[], patterns: readonly CompiledOriginPattern[]): OriginMatcher {
  const set = new Set(exact);
  if (patterns.length === 0) return { matches: (origin) => origin.length <= MAX_ORIGIN_LENGTH && set.has(origin) };
  // Wildcard patterns by their base (`example.com` for `*.example.com`), the others by their host.
  const byBase = new Map<string, PreparedPattern[]>();
  const byHost = new Map<string, PreparedPattern[]>();
  for (const p of patterns) {
    const index = p.wildcardHost ? byBase : byHost;
    const list = index.get(p.host) ?? [];
    list.push({ ...p, schemePrefix: `${p.scheme}://` });
    index.set(p.host, list);
  }
  return {
    matches(origin) {
      // Before the Set lookup: hashing a hostile megabyte-long Origin is not free.
      if (origin.length > MAX_ORIGIN_LENGTH) return false;
      if (set.has(origin)) return true;
      return matchesIndexed(byHost, byBase, origin);
    },
  };
}

function matchesIndexed(byHost: ReadonlyMap<string, readonly PreparedPattern[]>, byBase: ReadonlyMap<string, readonly PreparedPattern[]>, origin: string): boolean {
  const schemeEnd = origin.indexOf('://');
  if (schemeEnd === -1) return false;
  const hostStart = schemeEnd + 3;
  const bracketClose = origin.charCodeAt(hostStart) === 91 /* [ */ ? origin.indexOf(']', hostStart) : -1;
  const colon = origin.indexOf(':', bracketClose === -1 ? hostStart : bracketClose);
  const hostEnd = colon === -1 ? origin.length : colon;
  if (byHost.size > 0) {
    const same = byHost.get(origin.slice(hostStart, hostEnd));
    if (same !== undefined && anyMatches(same, origin)) return true;
  }
  if (byBase.size === 0) return false;
  // Each proper suffix after a dot is a candidate base: `a.b.example.com` tries `b.example.com`, `example.com`, `com`.
  for (let dot = origin.indexOf('.', hostStart); dot !== -1 && dot < hostEnd; dot = origin.indexOf('.', dot + 1)) {
    const candidates = byBase.get(origin.slice(dot + 1, hostEnd));
    if (candidates !== undefined && anyMatches(candidates, origin)) return true;
  }
  return false;
}

function anyMatches(patterns: readonly PreparedPattern[], origin: string): boolean {
  for (const pattern of patterns) if (matchesPattern(pattern, origin)) return true;
  return false;
}

/** Whether `origin` (as sent by a browser) is matched by `pattern`. */
export function matchesPattern(pattern: PreparedPattern, origin: string): boolean {
  if (!origin.startsWith(pattern.schemePrefix)) return false;
  const hostStart = pattern.schemePrefix.length;
  // The host ends at the port colon (IPv6 hosts never appear in patterns with a wildcard host; an
  // exact IPv6 host with `:*` is compared whole below).
  let hostEnd = origin.length;
  const bracketClose = origin.charCodeAt(hostStart) === 91 /* [ */ ? origin.indexOf(']', hostStart) : -1;
  const colon = origin.indexOf(':', bracketClose === -1 ? hostStart : bracketClose);
  if (colon !== -1) hostEnd = colon;
  if (!portMatches(pattern, origin, colon)) return false;
  if (!pattern.wildcardHost) return hostEnd - hostStart === pattern.host.length && origin.startsWith(pattern.host, hostStart);
  // `*.base`: at least one whole label before `.base`.
  const suffixStart = hostEnd - pattern.host.length;
  if (suffixStart - 1 <= hostStart) return false;
  if (origin.charCodeAt(suffixStart - 1) !== 46 /* . */ || !origin.startsWith(pattern.host, suffixStart)) return false;
  return isLabelSequence(origin, hostStart, suffixStart - 1) && hostEnd - hostStart <= 253;
}

function portMatches(pattern: PreparedPattern, origin: string, colon: number): boolean {
  if (colon === -1) return pattern.port === null || pattern.port === '*';
  if (pattern.port === null) return false;
  const start = colon + 1;
  const len = origin.length - start;
  if (len < 1 || len > 5 || (len > 1 && origin.charCodeAt(start) === 48 /* 0 */)) return false;
  let n = 0;
  for (let i = start; i < origin.length; i++) {
    const c = origin.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    n = n * 10 + c;
  }
  if (n < 1 || n > 65535) return false;
  // Browsers omit default ports: an Origin naming one was not sent by a browser.
  if (DEFAULT_PORTS[pattern.scheme] === n) return false;
  return pattern.port === '*' || pattern.port === n;
}

/** `[a-z0-9_-]` labels of 1–63 bytes separated by single dots, in origin[start, end). */
function isLabelSequence(origin: string, start: number, end: number): boolean {
  let labelLength = 0;
  for (let i = start; i < end; i++) {
    const c = origin.charCodeAt(i);
    if (c === 46 /* . */) {
      if (labelLength === 0 || origin.charCodeAt(i - 1) === 45 /* - */) return false;
      labelLength = 0;
      continue;
    }
    const ok = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 /* _ */ || (c === 45 /* - */ && labelLength > 0);
    if (!ok || ++labelLength > 63) return false;
  }
  return labelLength > 0 && origin.charCodeAt(end - 1) !== 45;
}
