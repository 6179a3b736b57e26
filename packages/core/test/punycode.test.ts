import { describe, expect, it } from 'vitest';
import { decodePunycode, encodePunycode, isValidPunycodeLabel } from '../src/punycode.js';

const text = (codePoints: number[] | undefined) => (codePoints === undefined ? undefined : String.fromCodePoint(...codePoints));
const codePoints = (s: string) => [...s].map((c) => c.codePointAt(0) as number);

describe('Punycode (RFC 3492)', () => {
  it.each([
    ['bcher-kva', 'bücher'],
    ['mnchen-3ya', 'münchen'],
    ['ls8h', '💩'],
    ['3e0b707e', '한국'],
    ['wgv71a119e', '日本語'],
    ['egbpdaj6bu4bxfgehfvwxn', 'ليهمابتكلموشعربي؟'],
  ])('decodes %s to %s and encodes it back', (encoded, unicode) => {
    expect(text(decodePunycode(encoded))).toBe(unicode);
    expect(encodePunycode(codePoints(unicode))).toBe(encoded);
  });

  it.each([['f'], ['0'], ['ab-c'], ['9999999999'], ['zzzzzzzzzzzzzzzzzzzz'], ['ü-abc']])('refuses %s, which does not decode', (encoded) => {
    expect(decodePunycode(encoded)).toBeUndefined();
  });

  it('accepts only xn-- labels that stand for non-ASCII text and round-trip exactly', () => {
    expect(isValidPunycodeLabel('xn--bcher-kva')).toBe(true);
    expect(isValidPunycodeLabel('xn--f')).toBe(false);
    expect(isValidPunycodeLabel('xn--abc-')).toBe(false);
    expect(isValidPunycodeLabel('xn--')).toBe(false);
    expect(isValidPunycodeLabel('xn--BCHER-KVA')).toBe(false);
  });
});
