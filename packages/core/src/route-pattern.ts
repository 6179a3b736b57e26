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

/** Compiles a (valid) pattern into a matcher of paths already passed through {@link normalizeRoutePath}. */
export function compileRoutePattern(raw: string): RouteMatcher {
  const pattern = normalizeRoutePath(raw);
  if (!pattern.includes('*')) return (path) => path === pattern;
  const segments = pattern.split('/').slice(1);
  const deep = segments[segments.length - 1] === '**';
  if (deep && !segments.slice(0, -1).includes('*')) {
    // `/a/b/**`: the common case, a prefix test on whole segments.
    const prefix = `/${segments.slice(0, -1).join('/')}`;
    if (prefix === '/') return () => true;
    const under = `${prefix}/`;
    return (path) => path === prefix || path.startsWith(under);
  }
  const fixed = deep ? segments.slice(0, -1) : segments;
  return (path) => {
    const parts = path.split('/').slice(1);
    if (deep ? parts.length < fixed.length : parts.length !== fixed.length) return false;
    for (let i = 0; i < fixed.length; i++) {
      const want = fixed[i] as string;
      const got = parts[i] as string;
      if (want === '*' ? got === '' : want !== got) return false;
    }
    return true;
  };
}
