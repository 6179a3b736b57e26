import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseOriginEntry } from '../src/origin-entry.js';
import { providedOriginProblem } from '../src/provided-origin.js';

/** What the authoring validator accepts as an exact http(s) origin with no finding at all. */
const authoringAccepts = (value: string): boolean => {
  const { entry, findings } = analyseOriginEntry(value);
  return entry.kind === 'exact' && findings.length === 0 && (entry.scheme === 'http' || entry.scheme === 'https');
};

const piece = (values: string[]) => fc.constantFrom(...values);
const label = fc.oneof(
  fc.stringMatching(/^[a-z0-9_-]{1,8}$/),
  piece(['xn--bcher-kva', 'xn--f', 'xn--', 'XN--bcher-kva', 'A', 'app', 'x'.repeat(63), 'x'.repeat(64), '123', '0x1f', '-a', 'a-', '_a', '']),
);
const host = fc.oneof(
  fc.array(label, { minLength: 1, maxLength: 5 }).map((labels) => labels.join('.')),
  piece(['127.0.0.1', '127.1', '0x7f.0.0.1', '256.0.0.1', '[::1]', '[0:0::1]', '[::FFFF:1.2.3.4]', '[::ffff:1.2.3.4]', '[::1', 'localhost', 'example.com.', '*.example.com', `${'a.'.repeat(127)}com`]),
);
const origin = fc
  .tuple(piece(['http://', 'https://', 'HTTPS://', 'ftp://', 'http:/', '', 'chrome-extension://']), host, piece(['', ':1', ':0', ':80', ':443', ':8080', ':08080', ':65535', ':65536', ':*']), piece(['', '/', '/x', '?q', '#f', ' ', ',https://b.example']))
  .map((parts) => parts.join(''));

describe('provided origins are validated with the authoring syntax for exact origins', () => {
  it('accepts exactly what the authoring validator accepts as an exact http(s) origin (generated origins)', () => {
    fc.assert(fc.property(origin, (value) => (providedOriginProblem(value) === undefined) === authoringAccepts(value)), { numRuns: 20_000 });
  });

  it('agrees on arbitrary strings too', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (value) => (providedOriginProblem(value) === undefined) === authoringAccepts(value)), { numRuns: 5_000 });
  });

  it.each([
    ['https://shop.customer.com', undefined],
    ['http://localhost:3000', undefined],
    ['https://xn--bcher-kva.example', undefined],
    ['http://[::1]:8080', undefined],
    ['*', 'wildcard'],
    ['null', 'null'],
    ['https://*.x.com', 'pattern'],
    ['HTTPS://SHOP.CUSTOMER.COM', 'not-canonical'],
    ['https://Shop.customer.com', 'not-canonical'],
    ['https://shop.customer.com.', 'not-canonical'],
    ['https://shop.customer.com/', 'not-canonical'],
    ['https://shop.customer.com/path', 'not-canonical'],
    ['https://shop.customer.com:443', 'not-canonical'],
    ['https://a.example,https://b.example', 'not-canonical'],
    [`https://${'a'.repeat(10_240)}.com`, 'too-long'],
    [42, 'not-a-string'],
    [null, 'not-a-string'],
    [{ toString: () => 'https://a.example' }, 'not-a-string'],
  ])('%s → %s', (value, reason) => {
    expect(providedOriginProblem(value)).toBe(reason);
  });
});
