import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseOriginEntry, plainOrigin } from '../src/origin-entry.js';

/*
 * Loading takes a shortcut for plain canonical origins. Whatever the shortcut accepts, the full analysis
 * must classify identically (same entry, no findings): otherwise the shortcut would let through what the
 * linter refuses.
 */
const label = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}[a-z0-9]$|^[a-z0-9]$/);
const lastLabel = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$|^[a-z]$/);
const host = fc.tuple(fc.array(label, { maxLength: 4 }), lastLabel).map(([labels, last]) => [...labels, last].join('.'));
const port = fc.option(fc.integer({ min: 0, max: 70000 }).map(String), { nil: undefined });
const origin = fc.tuple(fc.constantFrom('http', 'https'), host, port).map(([s, h, p]) => `${s}://${h}${p === undefined ? '' : `:${p}`}`);
/** Near misses: every character class the shortcut must reject or hand over. */
const noisy = fc.tuple(origin, fc.integer({ min: 0, max: 40 }), fc.constantFrom('-', '.', '*', 'A', '_', ' ', ':', '/', 'xn--a', '0', '..', '4')).map(([o, at, ins]) => o.slice(0, at) + ins + o.slice(at));

describe('the plain-origin shortcut agrees with the full analysis', () => {
  it.each([
    ['https://app.example.com', true], ['http://localhost:3000', true], ['https://a-b.example.co.uk:8443', true],
    ['https://example.com:443', false], ['http://example.com:80', false], ['https://example.com:65536', false], ['https://example.com:08', false],
    ['https://xn--bcher-kva.example', false], ['https://Example.com', false], ['https://example.com.', false], ['https://1.2.3.4', false],
    ['https://example.123', false], ['https://-a.example.com', false], ['https://a-.example.com', false], ['https://*.example.com', false],
    ['https://a_b.example.com', false], [`https://${'a'.repeat(64)}.example.com`, false],
  ])('%s takes the shortcut: %s', (raw, plain) => {
    expect(plainOrigin(raw) !== undefined).toBe(plain);
    if (plain) expect(plainOrigin(raw)).toStrictEqual(analyseOriginEntry(raw));
  });

  it('for generated origins and near misses: accepted by the shortcut → identical to the full analysis', () => {
    fc.assert(
      fc.property(fc.oneof(origin, noisy), (raw) => {
        const fast = plainOrigin(raw);
        if (fast !== undefined) expect(fast).toStrictEqual(analyseOriginEntry(raw));
      }),
      { numRuns: 5000 },
    );
  });
});
