/*
 * Route path patterns: literal segments, `*` for exactly one segment, a final `**` for any number of
 * segments (including none). Compiled once; matching walks the path without regexes.
 */

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

/** Compiles a (valid) pattern into a matcher. */
export function compileRoutePattern(pattern: string): RouteMatcher {
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
