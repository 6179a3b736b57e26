import { describe, expect, it } from 'vitest';
import type { CompiledOriginPattern } from '../src/compiled-data.js';
import { matchesPattern } from '../src/origin-matcher.js';

/*
 * `matchesPattern` on its own, without the matcher's host index in front of it. Through
 * `compileOriginMatcher` a pattern is only ever tried against an Origin whose host, or wildcard base,
 * the index already found; the predicate is exported with its own contract ("whether `origin` is
 * matched by `pattern`") and must hold it for any Origin, or a caller without the index (or a
 * changed index) would allow what the policy does not list.
 */

function prepared(pattern: CompiledOriginPattern) {
  return { ...pattern, schemePrefix: `${pattern.scheme}://` };
}

describe('matchesPattern without the host index', () => {
  const exact = prepared({ scheme: 'https', host: 'example.com', wildcardHost: false, port: null });
  const wildcard = prepared({ scheme: 'https', host: 'example.com', wildcardHost: true, port: null });

  it('matches an exact host only when the whole host is the pattern’s', () => {
    expect(matchesPattern(exact, 'https://example.com')).toBe(true);
    // Same length, another host.
    expect(matchesPattern(exact, 'https://example.org')).toBe(false);
    // The pattern's host as a prefix, or a suffix, of a longer one.
    expect(matchesPattern(exact, 'https://example.com.evil.test')).toBe(false);
    expect(matchesPattern(exact, 'https://evil-example.com')).toBe(false);
    // A shorter host.
    expect(matchesPattern(exact, 'https://example.co')).toBe(false);
  });

  it('matches a wildcard only when a dot separates the labels from the base', () => {
    expect(matchesPattern(wildcard, 'https://a.example.com')).toBe(true);
    // The base glued to the label before it: `xaexample.com` is not under `example.com`.
    expect(matchesPattern(wildcard, 'https://x.aexample.com')).toBe(false);
    expect(matchesPattern(wildcard, 'https://xaexample.com')).toBe(false);
  });

  it('matches a wildcard only when the host ends with the base itself, not another of its length', () => {
    expect(matchesPattern(wildcard, 'https://a.exbmple.com')).toBe(false);
    expect(matchesPattern(wildcard, 'https://a.example.org')).toBe(false);
  });

  it('does not take the base alone for a host under it', () => {
    expect(matchesPattern(wildcard, 'https://example.com')).toBe(false);
    expect(matchesPattern(wildcard, 'https://.example.com')).toBe(false);
  });
});
