import { describe, expect, it } from 'vitest';
import { definePolicy, parsePolicy, requestFacts, resolveCors, type CorsPolicy } from '../src/index.js';

/*
 * Each route-pattern form, pinned path by path: which paths a pattern covers, and which it must not.
 * The matched route is read from `decision.route`, so a matcher that covers too much or too little
 * fails here.
 */

const APP = 'https://app.example.com';

/** A policy whose only route rule is `pattern`. */
function withRoute(pattern: string): CorsPolicy {
  return definePolicy({ name: 'routes', origins: [APP], routes: [{ path: pattern, methods: ['GET', 'PUT'] }] });
}

/** Whether a request for `url` (a request target, as a host passes it) falls under `pattern`. */
function covers(pattern: string, url: string): boolean {
  const policy = withRoute(pattern);
  const decision = resolveCors(policy, requestFacts('GET', url, (n) => (n === 'origin' ? APP : undefined)));
  if (decision.route !== undefined) expect(decision.route).toEqual({ index: 0, path: pattern });
  return decision.route !== undefined;
}

function expectCoverage(pattern: string, yes: readonly string[], no: readonly string[]): void {
  expect(yes.filter((url) => !covers(pattern, url)), `paths ${pattern} must match`).toEqual([]);
  expect(no.filter((url) => covers(pattern, url)), `paths ${pattern} must not match`).toEqual([]);
}

describe('an exact route pattern', () => {
  it('matches only its own path, not a longer, shorter or sibling one', () => {
    expectCoverage('/api/items', ['/api/items'], ['/api/items/1', '/api/item', '/api/itemsx', '/api', '/', '/api/items/items', '/x/api/items']);
  });

  it('matches ASCII-case-insensitively, from either side', () => {
    expectCoverage('/api/items', ['/API/ITEMS', '/Api/Items'], []);
    expectCoverage('/API/Items', ['/api/items', '/API/ITEMS'], ['/api/item']);
  });

  it('folds exactly A–Z: the characters next to them are not letters', () => {
    // `@`/`` ` `` and `[`/`{` sit 32 apart like letters do, just outside A–Z.
    expectCoverage('/az', ['/AZ', '/aZ', '/Az'], []);
    expectCoverage('/a`', ['/a`'], ['/a@']);
    expectCoverage('/a{', ['/a{'], ['/a[']);
  });

  it('ignores trailing slashes on the request path and on the pattern', () => {
    expectCoverage('/api/items', ['/api/items/', '/api/items//'], ['/api/items/1/']);
    expectCoverage('/api/items/', ['/api/items', '/api/items/'], ['/api/items/1']);
  });

  it('ignores the query string and fragment of the request target', () => {
    expectCoverage('/api/items', ['/api/items?id=1', '/api/items#top', 'https://api.example.com/api/items?x'], ['/api/items/1?x']);
  });

  it('"/" matches the root only', () => {
    expectCoverage('/', ['/', '//', '', '?q=1'], ['/a', '/api/items']);
  });
});

describe('a request target without a leading slash (asterisk-form `*`, or `a/x`)', () => {
  // requestFacts keeps such targets as they are (never as the root); they are no path under a route.
  it('is not covered by an exact pattern that its last segments spell', () => {
    expectCoverage('/x', ['/x'], ['a/x', 'A/X', 'x']);
    expectCoverage('/items/1', ['/items/1'], ['v2/items/1', 'items/1']);
  });

  it('is not covered by a "/prefix/**" pattern whose prefix it contains after its first segment', () => {
    expectCoverage('/a/**', ['/a', '/a/y'], ['x/a', 'x/a/y', 'a/y', '*']);
  });
});

describe('a "*" route pattern', () => {
  it('"/partners/*/feed" needs the literal segments and exactly three segments', () => {
    expectCoverage(
      '/partners/*/feed',
      ['/partners/a/feed', '/partners/acme-corp/feed', '/PARTNERS/A/FEED', '/partners/a/feed/'],
      ['/partners/feed', '/partners/a/b/feed', '/partners/a/feedx', '/partners/a/fee', '/partnersx/a/feed', '/partner/a/feed', '/partners/a', '/partners/a/feed/x', '/partners//feed', '/x/partners/a/feed'],
    );
  });

  it('"*" stands for exactly one non-empty segment', () => {
    expectCoverage('/*', ['/a', '/a/', '/anything'], ['/', '/a/b']);
    expectCoverage('/a/*', ['/a/b', '/A/B/'], ['/a', '/a/', '/a/b/c', '/b/b']);
  });

  it('a trailing slash on a "*" pattern is ignored like one on the path', () => {
    expectCoverage('/partners/*/', ['/partners/a', '/partners/a/'], ['/partners', '/partners/a/b']);
  });

  it('literal segments of a "*" pattern compare ASCII-case-insensitively', () => {
    expectCoverage('/Partners/*/Feed', ['/partners/a/feed', '/PARTNERS/X/FEED'], ['/partners/a/feeds']);
  });
});

describe('a "**" route pattern', () => {
  it('"/a/b/**" matches /a/b and anything below it, on whole segments only', () => {
    expectCoverage('/a/b/**', ['/a/b', '/a/b/', '/a/b/c', '/a/b/c/d', '/A/B/C', '/a/b?x=1'], ['/a/bc', '/a/bc/d', '/a', '/a/', '/', '/b/a/b', '/a/c/b']);
  });

  it('"/**" matches every path', () => {
    expectCoverage('/**', ['/', '/a', '/a/b/c', '/ANY/Thing/', '?q'], []);
  });

  it('"/a/*/**" needs /a, one segment, then any depth', () => {
    expectCoverage('/a/*/**', ['/a/x', '/a/x/', '/a/x/y', '/a/x/y/z', '/A/X/Y'], ['/a', '/a/', '/b/x', '/b/x/y', '/a//y', '/ab/x']);
  });

  it('"/*/**" needs at least one non-empty segment', () => {
    expectCoverage('/*/**', ['/a', '/a/b/c'], ['/']);
  });
});

describe('several route rules', () => {
  it('the first matching rule wins, even when a later one also matches', () => {
    const policy = definePolicy({
      name: 'routes',
      origins: [APP],
      routes: [{ path: '/a/*', methods: ['PUT'] }, { path: '/a/b', methods: ['DELETE'] }, { path: '/**', methods: ['PATCH'] }],
    });
    const facts = (url: string) => requestFacts('GET', url, (n) => (n === 'origin' ? APP : undefined));
    expect(resolveCors(policy, facts('/a/b')).route).toEqual({ index: 0, path: '/a/*' });
    expect(resolveCors(policy, facts('/a/b/c')).route).toEqual({ index: 2, path: '/**' });
    expect(resolveCors(policy, facts('/')).route).toEqual({ index: 2, path: '/**' });
  });

  it('a path no rule matches gets the top-level rules (route undefined)', () => {
    const policy = withRoute('/api/items');
    const decision = resolveCors(policy, requestFacts('PUT', '/api/other', (n) => (n === 'origin' ? APP : undefined)));
    // Top level allows GET/HEAD/POST only by default; the route's PUT does not leak out.
    expect(decision).toMatchObject({ kind: 'actual-refused', route: undefined });
    const inside = resolveCors(policy, requestFacts('PUT', '/api/items', (n) => (n === 'origin' ? APP : undefined)));
    expect(inside).toMatchObject({ kind: 'actual-allowed', route: { index: 0, path: '/api/items' } });
  });
});

describe('a malformed route pattern', () => {
  it.each([
    ['api/items', 'it must start with "/"'],
    ['/api?x=1', 'it must not contain a query, fragment or whitespace'],
    ['/a/**/b', '"**" is only allowed as the last segment'],
    ['/a/b*', 'a wildcard must be a whole segment ("*" or "**")'],
  ])('%s is refused at load, saying %s', (path, why) => {
    const result = parsePolicy({ name: 'routes', origins: [APP], routes: [{ path, methods: ['PUT'] }] });
    expect(result.ok).toBe(false);
    const issue = result.issues.find((i) => i.code === 'routes/invalid-path');
    expect(issue?.message).toBe(`Route path ${JSON.stringify(path)}: ${why}.`);
  });
});
