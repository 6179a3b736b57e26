import { asciiLower } from './http-tokens.js';

/*
 * Route path patterns: literal segments, `*` for exactly one segment, a final `**` for any number of
 * segments (including none). Compiled once; matching walks the path without regexes.
 *
 * Paths are compared ASCII-case-insensitively and without trailing slashes, the way Express, Koa's
 * router and Nest route by default: otherwise `/ADMIN/x` would reach the `/admin/**` handler while
 * escaping the `/admin/**` rule.
 */

/** The form both patterns and request paths are compared in. */
export function normalizeRoutePath(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47 /* / */) end--;
  return asciiLower(end === path.length ? path : path.slice(0, end));
}

export type RouteMatcher = (path: string) => boolean;

/** Why a pattern is malformed, or `undefined` when it is fine. */
export function routePatternProblem(pattern: string): string | undefined {
  if (!pattern.startsWith('/')) return 'it must start with "/"';
  if (/[?#\s]/.test(pattern)) return 'it must not contain a query, fragment or whitespace';
  const segments = pattern.split('/').slice(1);
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] as string;
    if (s === '**' && i !== segments.length - 1) return '"**" is only allowed as the last segment';
    if (s !== '*' && s !== '**' && s.includes('*')) return 'a wildcard must be a whole segment ("*" or "**")';
  }
  return undefined;
}

/** Length of `path` without its trailing slashes (the root `/` keeps its one). */
function trimmedLength(path: string): number {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47 /* / */) end--;
  return end;
}

/** Whether path[0, lower.length) equals `lower` (lower-case), folding ASCII letters only. */
function startsWithFolded(path: string, lower: string): boolean {
  if (path.length < lower.length) return false;
  for (let i = 0; i < lower.length; i++) {
    let c = path.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Compiles a (valid) pattern into a matcher of raw request paths. Exact and `/prefix/**` patterns —
 * nearly all of them — compare in place without allocating; others normalise and split the path.
 */
export function compileRoutePattern(raw: string): RouteMatcher {
  const pattern = normalizeRoutePath(raw);
  if (!pattern.includes('*')) return (path) => trimmedLength(path) === pattern.length && startsWithFolded(path, pattern);
  const segments = pattern.split('/').slice(1);
  const deep = segments[segments.length - 1] === '**';
  if (deep && !segments.slice(0, -1).includes('*')) {
    // `/a/b/**`: a prefix test on whole segments.
    const prefix = `/${segments.slice(0, -1).join('/')}`;
    if (prefix === '/') return () => true;
    return (path) => {
      if (!startsWithFolded(path, prefix)) return false;
      return trimmedLength(path) === prefix.length || path.charCodeAt(prefix.length) === 47 /* / */;
    };
  }
  const fixed = deep ? segments.slice(0, -1) : segments;
  return (raw) => {
    const parts = normalizeRoutePath(raw).split('/').slice(1);
    if (deep ? parts.length < fixed.length : parts.length !== fixed.length) return false;
    for (let i = 0; i < fixed.length; i++) {
      const want = fixed[i] as string;
      const got = parts[i] as string;
      if (want === '*' ? got === '' : want !== got) return false;
    }
    return true;
  };
}
